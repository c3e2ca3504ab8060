import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { readMunicipalities } from '../../seed/reference.js';

let t: TestApp;
let admin: TestClient;
let tartuId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAs('admin');
  tartuId = (await t.database.db.selectFrom('organisations').select('id').where('name', '=', 'Tartu linn').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const NEW_USER = { email: 'uus.tootaja@tartu.ee', name: 'Uus Töötaja', role: 'kov_worker', password: 'Lastekaitse-2026!' };

describe('organisations and reference data', () => {
  it('loads the 79 municipalities (15 towns, 64 rural) with county, population and island flag', async () => {
    const csv = readMunicipalities();
    expect(csv).toHaveLength(79);
    expect(csv.filter((m) => m.kind === 'linn')).toHaveLength(15);
    const kov = await t.database.db.selectFrom('organisations').select(['name', 'county', 'population', 'island']).where('kind', '=', 'kov').execute();
    expect(kov).toHaveLength(79);
    expect(kov.find((o) => o.name === 'Saaremaa vald')).toEqual({ name: 'Saaremaa vald', county: 'Saare', population: 31000, island: true });
    // Official names: the capital in the genitive, and no "Viljandi vald vald".
    expect(kov.map((o) => o.name)).toEqual(expect.arrayContaining(['Tallinna linn', 'Viljandi linn', 'Viljandi vald', 'Tartu linn']));
    expect(kov.filter((o) => / (linn|vald) (linn|vald)$/.test(o.name))).toEqual([]);
  });

  it('A-ASSIGN: every demo municipality has a regional chief specialist, and the admin can change it', async () => {
    const unassigned = await t.database.db.selectFrom('organisations').select('name').where('kind', '=', 'kov').where('regional_specialist_id', 'is', null).execute();
    expect(unassigned).toEqual([]);
    const tartu = (await admin.get(`/api/admin/organisations/${tartuId}`)).json();
    expect(tartu.regionalSpecialistName).toBe('Mari Maasikas');
    const rein = await t.database.db.selectFrom('users').select('id').where('email', '=', 'pohja@tugi.demo').executeTakeFirstOrThrow();
    const changed = await admin.put(`/api/admin/organisations/${tartuId}/regional-specialist`, { version: tartu.version, userId: rein.id });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ regionalSpecialistName: 'Rein Rebane', version: tartu.version + 1 });
    const audit = await t.database.db.selectFrom('audit_log').select('changes').where('record_id', '=', tartuId).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(audit.changes).toEqual([{ field: 'regional_specialist_id', old: tartu.regionalSpecialistId, new: rein.id }]);
  });

  it('A-ASSIGN: only an active SKA chief specialist can be the regional one, and only for a KOV', async () => {
    const tartu = (await admin.get(`/api/admin/organisations/${tartuId}`)).json();
    const kovWorker = await t.database.db.selectFrom('users').select('id').where('email', '=', 'kov@tugi.demo').executeTakeFirstOrThrow();
    const wrong = await admin.put(`/api/admin/organisations/${tartuId}/regional-specialist`, { version: tartu.version, userId: kovWorker.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('REGIONAL_SPECIALIST_INVALID');
    const ska = (await admin.get('/api/admin/organisations?kind=ska')).json().items[0];
    const notKov = await admin.put(`/api/admin/organisations/${ska.id}/regional-specialist`, { version: ska.version, userId: null });
    expect(notKov.json().error.code).toBe('NOT_A_MUNICIPALITY');
  });

  it('creates, edits (X-CONC) and deactivates an organisation; names are unique per kind', async () => {
    const created = await admin.post('/api/admin/organisations', { name: 'Hoolivad Pered MTÜ', kind: 'provider', registryCode: '80111222' });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect((await admin.post('/api/admin/organisations', { name: 'hoolivad pered mtü', kind: 'provider' })).json().error.code).toBe('ORGANISATION_NAME_TAKEN');
    const edited = await admin.patch(`/api/admin/organisations/${org.id}`, { version: org.version, county: 'Harju' });
    expect(edited.json()).toMatchObject({ county: 'Harju', version: 2 });
    const stale = await admin.patch(`/api/admin/organisations/${org.id}`, { version: org.version, county: 'Tartu' });
    expect(stale.statusCode).toBe(409);
    expect((await admin.get(`/api/admin/organisations/${org.id}`)).json().county).toBe('Harju');
    const off = await admin.post(`/api/admin/organisations/${org.id}/deactivate`, { version: 2 });
    expect(off.json().active).toBe(false);
  });
});

describe('users', () => {
  let created: { id: string; version: number };

  it('creates a user whose role fits the organisation, and the new user can log in', async () => {
    const response = await admin.post('/api/admin/users', { ...NEW_USER, organisationId: tartuId });
    expect(response.statusCode).toBe(201);
    created = response.json();
    expect(response.json()).toMatchObject({ email: NEW_USER.email, organisationName: 'Tartu linn', active: true, version: 1 });
    await t.login(NEW_USER.email, NEW_USER.password);
  });

  it('refuses a weak password with the policy problems, a taken e-mail, a role that does not fit', async () => {
    const weak = await admin.post('/api/admin/users', { ...NEW_USER, email: 'x@tartu.ee', password: 'short1A!', organisationId: tartuId });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'PASSWORD_POLICY', details: { problems: expect.arrayContaining(['too_short']) } });
    const taken = await admin.post('/api/admin/users', { ...NEW_USER, email: 'UUS.TOOTAJA@tartu.ee', organisationId: tartuId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');
    const mismatch = await admin.post('/api/admin/users', { ...NEW_USER, email: 'y@tartu.ee', role: 'ska_specialist', organisationId: tartuId });
    expect(mismatch.json().error.code).toBe('ROLE_ORGANISATION_MISMATCH');
    const badCode = await admin.post('/api/admin/users', { ...NEW_USER, email: 'z@tartu.ee', personalCode: '38001085719', organisationId: tartuId });
    expect(badCode.json().error.code).toBe('PERSONAL_CODE_INVALID');
  });

  it('X-CONC: a stale version answers 409 and the saved data stays as it was', async () => {
    const first = await admin.patch(`/api/admin/users/${created.id}`, { version: 1, name: 'Esimene Muutja' });
    expect(first.statusCode).toBe(200);
    const second = await admin.patch(`/api/admin/users/${created.id}`, { version: 1, name: 'Teine Muutja' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await admin.get(`/api/admin/users/${created.id}`)).json()).toMatchObject({ name: 'Esimene Muutja', version: 2 });
  });

  it('deactivating a user ends their sessions at once', async () => {
    const user = await t.login(NEW_USER.email, NEW_USER.password);
    expect((await user.get('/api/auth/session')).statusCode).toBe(200);
    const off = await admin.post(`/api/admin/users/${created.id}/deactivate`, { version: 2 });
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    expect((await user.get('/api/auth/session')).statusCode).toBe(401);
    const me = (await admin.get('/api/auth/session')).json().user;
    const self = (await admin.get(`/api/admin/users/${me.id}`)).json();
    expect((await admin.post(`/api/admin/users/${me.id}/deactivate`, { version: self.version })).json().error.code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('lists with filters and keyset pages that neither repeat nor skip', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await admin.get(`/api/admin/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    const total = await t.database.db.selectFrom('users').select('id').execute();
    expect(new Set(seen).size).toBe(total.length);
    expect(seen).toHaveLength(total.length);
    // Four regional chief specialists and the international and RV team members.
    const specialists = (await admin.get('/api/admin/users?role=ska_specialist&active=true')).json().items;
    expect(specialists).toHaveLength(6);
  });
});

describe('X-EXPORT admin lists', () => {
  it('exports users as CSV with the filters applied and formula injection neutralised', async () => {
    const injected = await admin.post('/api/admin/users', { email: 'valem@tartu.ee', name: '=HYPERLINK("http://evil")', role: 'kov_worker', organisationId: tartuId, password: 'Lastekaitse-2026!' });
    expect(injected.statusCode).toBe(201);
    const csv = await admin.get('/api/admin/users/export?format=csv&organisationId=' + tartuId);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="kasutajad-.*\.csv"/);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv.body).not.toContain('spetsialist@tugi.demo');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'export').where('record_type', '=', 'user').execute();
    expect(audit).toHaveLength(1);
  });

  it('exports organisations as XLSX that opens with the right rows', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/admin/organisations/export?format=xlsx&kind=kov' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(80);
    expect(sheet.getRow(1).getCell(1).value).toBe('Nimi / Name');
  });
});
