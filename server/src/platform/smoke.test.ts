import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('smoke', () => {
  it('health', async () => {
    const r = await t.client().get('/health');
    expect(r.json()).toEqual({ status: 'ok', database: 'ok' });
  });
  it('login admin and list users', async () => {
    const c = await t.loginAs('admin');
    const r = await c.get('/api/admin/users?limit=5');
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toHaveLength(5);
    const r2 = await c.get(`/api/admin/users?limit=5&cursor=${r.json().nextCursor}`);
    expect(r2.statusCode).toBe(200);
  });
});
