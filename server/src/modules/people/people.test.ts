import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { personalCodeCheckDigit } from './personal-code.js';

let t: TestApp;
let kov: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  kov = await t.loginAs('kov_worker');
});
afterAll(() => t.close());

const code = (first10: string) => `${first10}${personalCodeCheckDigit(first10)}`;

describe('X-ID people with and without a personal code', () => {
  it('derives birth date, sex and age from the personal code', async () => {
    // 6 = girl born in the 2000s; 29 Feb 2016 is a real date (leap year).
    const response = await kov.post('/api/people', { personalCode: code('6160229012'), firstName: 'Liisa', lastName: 'Liblikas' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ birthDate: '2016-02-29', sex: 'female', existing: false });
    expect(response.json().age).toBeGreaterThanOrEqual(10);
  });

  it('refuses an invalid code (check digit, 29 Feb of a non-leap year) with a localised message', async () => {
    const wrongCheck = code('5120314022').slice(0, 10) + ((Number(code('5120314022')[10]) + 1) % 10);
    const bad = await kov.post('/api/people', { personalCode: wrongCheck, firstName: 'A', lastName: 'B' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'PERSONAL_CODE_INVALID', message: 'Isikukood ei ole korrektne.' });
    const notLeap = await kov.post('/api/people', { personalCode: code('6150229012'), firstName: 'A', lastName: 'B' });
    expect(notLeap.json().error.code).toBe('PERSONAL_CODE_INVALID');
  });

  it('allows a person without a code (a foreigner, an unborn child) only with a birth date', async () => {
    const missing = await kov.post('/api/people', { firstName: 'Anna', lastName: 'Müller' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('BIRTH_DATE_REQUIRED');
    const unborn = await kov.post('/api/people', { firstName: 'Beebi', lastName: 'Tulevane', birthDate: '2027-03-01' });
    expect(unborn.statusCode).toBe(201);
    expect(unborn.json()).toMatchObject({ personalCode: null, age: 0, sex: null });
    const mismatch = await kov.post('/api/people', { personalCode: code('5120314022'), birthDate: '2012-03-15', firstName: 'A', lastName: 'B' });
    expect(mismatch.json().error.code).toBe('BIRTH_DATE_MISMATCH');
  });

  it('registering a known personal code links the existing person instead of a copy', async () => {
    const mihkel = code('5120314022');
    const provider = await t.loginAs('mediator');
    const response = await provider.post('/api/people', { personalCode: mihkel, firstName: 'Mihkel', lastName: 'Mägi' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ existing: true, firstName: 'Mihkel' });
    const count = await t.database.db.selectFrom('people').select('id').where('personal_code', '=', mihkel).execute();
    expect(count).toHaveLength(1);
  });
});

describe('X-FIND search and duplicates', () => {
  it('finds by name regardless of accents and case, and tolerates a misspelling', async () => {
    const names = async (q: string) => (await kov.get(`/api/people?q=${encodeURIComponent(q)}`)).json().items.map((p: { lastName: string }) => p.lastName);
    expect(await names('MAGI')).toContain('Mägi');
    expect(await names('mägi')).toContain('Mägi');
    expect(await names('Smirnva')).toContain('Smirnova');
    expect(await names('Kuuskk')).toContain('Kuusk');
    expect(await names('Zzyzx')).toEqual([]);
  });

  it('finds by personal code, with or without the EE prefix', async () => {
    const sofia = code('6150722013');
    expect((await kov.get(`/api/people?q=${sofia}`)).json().items).toHaveLength(1);
    expect((await kov.get(`/api/people?q=EE${sofia}`)).json().items[0].firstName).toBe('Sofia');
  });

  it('flags a possible duplicate: same birth date and a similar name', async () => {
    const response = await kov.post('/api/people', { firstName: 'Mihkel', lastName: 'Magi', birthDate: '2012-03-14' });
    expect(response.statusCode).toBe(201);
    expect(response.json().possibleDuplicates).toEqual([expect.objectContaining({ firstName: 'Mihkel', lastName: 'Mägi', birthDate: '2012-03-14' })]);
    const different = await kov.post('/api/people', { firstName: 'Mihkel', lastName: 'Magi', birthDate: '2012-03-15' });
    expect(different.json().possibleDuplicates).toEqual([]);
  });

  it('logs each person shown in a search result', async () => {
    const before = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'list').execute();
    const result = (await kov.get('/api/people?q=sepp')).json();
    const after = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'list').execute();
    expect(after.length - before.length).toBe(result.items.length);
    expect(result.items.length).toBeGreaterThan(0);
  });
});

describe('X-EXPORT people', () => {
  it('exports only the people in scope, logging each exported person', async () => {
    const provider = await t.loginAs('provider_admin');
    const csv = await provider.get('/api/people/export?format=csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Perekonnanimi / Last name,Eesnimi / First name,Isikukood / Personal code,Sünniaeg / Birth date');
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Mägi', 'Sepp']);
    const logged = await t.database.db.selectFrom('audit_log').select('person_id').where('action', '=', 'export').where('actor_role', '=', 'provider_admin').execute();
    expect(logged).toHaveLength(2);
  });
});
