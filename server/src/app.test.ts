import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { createTestApp, type TestApp } from '../test/harness.js';
import { requireGuards } from './platform/http/guard.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API documentation and health', () => {
  it('serves an OpenAPI 3 document generated from the zod schemas', async () => {
    const response = await t.client().get('/api/docs/json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/admin/users', '/api/people', '/api/audit/verify', '/health']));
    const create = doc.paths['/api/admin/users'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['email', 'name', 'role', 'organisationId', 'password']));
    expect(create.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });

  it('answers /health for load balancers without a login', async () => {
    expect((await t.client().get('/health')).json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('route guards', () => {
  it('refuses to start when an /api route declares no access guard', async () => {
    const app = Fastify();
    requireGuards(app);
    expect(() => app.get('/api/unguarded', async () => 'open')).toThrow(/declares no access guard/);
    expect(() => app.get('/api/guarded', { config: { access: 'authenticated' } }, async () => 'ok')).not.toThrow();
  });
});
