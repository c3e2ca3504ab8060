import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/schema.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import type { ApiRoute } from './guard.js';

/**
 * SPEC §9: no request ever answers 500 to bad input. Every /api route gets
 * malformed JSON, wrong types, an oversized body, unknown fields and odd path
 * parameters, from a user its guard lets in; each must answer 4xx with a code
 * and a message, and nothing may be half-written.
 */
let t: TestApp;
const clients = new Map<string, TestClient>();
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function clientFor(route: ApiRoute): Promise<TestClient> {
  const role: Role | null = route.access === 'public' ? null : route.access === 'authenticated' ? 'kov_worker' : route.access[0]!;
  const key = role ?? 'anonymous';
  if (!clients.has(key)) clients.set(key, role ? await t.loginAs(role) : t.client());
  return clients.get(key)!;
}

const PATH_VALUES = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%27%3B--', '9'.repeat(300)];
const WRONG_TYPES = { version: 'one', email: 123, name: ['x'], role: 'emperor', organisationId: 42, personalCode: { a: 1 }, password: false, locale: 'xx', firstName: null, birthDate: '2024-02-30', userId: 'nope', kind: 7, population: -5 };

function withParams(url: string, value: string) {
  return url.replace(/:(\w+)/g, () => value);
}

async function expectClientError(client: TestClient, options: Parameters<TestClient['request']>[0], label: string) {
  const response = await client.request(options);
  expect.soft(response.statusCode, `${label} ${options.method} ${options.url} → ${response.body.slice(0, 200)}`).toBeLessThan(500);
  if (response.statusCode >= 400 && response.headers['content-type']?.toString().includes('json')) {
    const body = response.json();
    expect.soft(body.error?.code, `${label} ${options.url} has an error code`).toMatch(/^[A-Z_]+$/);
    expect.soft(body.error?.message, `${label} ${options.url} has a message`).toBeTruthy();
    expect.soft(response.body, `${label} ${options.url} leaks no stack`).not.toMatch(/at .*\.(ts|js):\d+/);
  }
}

describe('bad input never gets a 5xx (SPEC §9)', () => {
  it('covers a meaningful number of routes', () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(25);
  });

  it('every route: odd path parameters and query strings', async () => {
    for (const route of t.app.apiRoutes) {
      const client = await clientFor(route);
      for (const value of PATH_VALUES) {
        const url = withParams(route.url, value);
        await expectClientError(client, { method: route.method as 'GET', url: `${url}?limit=abc&cursor=%%%&active=maybe&unknown=1`, payload: route.method === 'GET' ? undefined : {} }, 'query');
      }
    }
  });

  it('every state-changing route: malformed JSON, wrong types, unknown fields, oversized and non-JSON bodies', async () => {
    const writes = t.app.apiRoutes.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(10);
    const before = await t.database.db.selectFrom('users').select(['id', 'version']).orderBy('id').execute();
    for (const route of writes) {
      const client = await clientFor(route);
      const url = withParams(route.url, PATH_VALUES[0]!);
      const json = { 'content-type': 'application/json' };
      await expectClientError(client, { method: route.method as 'POST', url, payload: '{"email": "a@b.c", ', headers: json }, 'malformed');
      await expectClientError(client, { method: route.method as 'POST', url, payload: JSON.stringify(WRONG_TYPES), headers: json }, 'wrong types');
      await expectClientError(client, { method: route.method as 'POST', url, payload: JSON.stringify({ version: 1, unknownField: true }), headers: json }, 'unknown field');
      await expectClientError(client, { method: route.method as 'POST', url, payload: JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }), headers: json }, 'oversized');
      await expectClientError(client, { method: route.method as 'POST', url, payload: 'version=1', headers: { 'content-type': 'text/plain' } }, 'text/plain');
      await expectClientError(client, { method: route.method as 'POST', url, payload: JSON.stringify([1, 2, 3]), headers: json }, 'array');
      await expectClientError(client, { method: route.method as 'POST', url, payload: 'null', headers: json }, 'null');
    }
    const after = await t.database.db.selectFrom('users').select(['id', 'version']).orderBy('id').execute();
    expect(after).toEqual(before);
  });

  it('answers malformed JSON with MALFORMED_JSON and an oversized body with 413, in Estonian by default', async () => {
    const client = await t.loginAs('admin');
    const malformed = await client.request({ method: 'POST', url: '/api/admin/users', payload: '{"a":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toEqual({ code: 'MALFORMED_JSON', message: 'Päringu sisu ei ole korrektne JSON.' });
    const big = await client.request({ method: 'POST', url: '/api/admin/users', payload: JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
    const unknown = await client.post('/api/admin/users', { email: 'x@y.ee', name: 'X', role: 'admin', organisationId: '00000000-0000-4000-8000-000000000000', password: 'Abcdefgh-12345', isAdmin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
  });
});
