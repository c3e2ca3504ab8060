import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { unstorableText } from './text-input.js';

describe('unstorableText', () => {
  it('finds NUL and unpaired surrogates anywhere, keys included, and passes real Unicode', () => {
    expect(unstorableText({ a: [{ b: 'x\u0000y' }] })).toBe('a.0.b');
    expect(unstorableText({ name: 'x\uD800y' })).toBe('name');
    expect(unstorableText({ name: 'x\uDC00' })).toBe('name');
    expect(unstorableText({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(unstorableText({ name: 'Õie 👨‍👩‍👧 \u202Eabc Z̷a' })).toBeNull();
    expect(unstorableText(Buffer.from([0, 0xd8]))).toBeNull();
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(unstorableText(deep)).toMatch(/^0(\.0)*$/);
  });
});

describe('text PostgreSQL cannot store is refused with 400, not a 500 (issue 10 fuzzing)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('in a body: 400 VALIDATION_FAILED naming the field, nothing stored', async () => {
    const client = await t.loginAs('kov_worker');
    const count = async () => (await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    for (const firstName of ['a\u0000b', 'x\uD800y']) {
      const response = await client.post('/api/people', { firstName, lastName: 'Tamm', birthDate: '2015-03-04' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { in: 'body', fields: [{ path: 'firstName' }] } });
    }
    expect(await count()).toBe(before);
    const emoji = await client.post('/api/people', { firstName: 'Õie 🧒🏽', lastName: 'Tamm', birthDate: '2015-03-04' });
    expect(emoji.statusCode).toBe(201);
  });

  it('in a query string and in a path parameter', async () => {
    const admin = await t.loginAs('admin');
    const worker = await t.loginAs('kov_worker');
    expect((await worker.get('/api/people?q=a%00b')).statusCode).toBe(400);
    expect((await admin.get('/api/admin/users/a%00b')).statusCode).toBe(400);
  });
});
