import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/db/schema.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';

/**
 * Module A access matrix (SPEC §1): every role on every case endpoint. Roles
 * without case access get 403 from the route guard; a role with access but no
 * right to this record gets 404, so the case's existence does not leak.
 */
let t: TestApp;
let caseId: string;
let elva: TestClient;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  t = await createTestApp();
  const kov = await t.loginAs('kov_worker');
  caseId = (await kov.post('/api/cases', { type: 'domestic', child: { firstName: 'Maatriks', lastName: 'Test', birthDate: '2014-01-01' }, question: 'Q' })).json().id;
  for (const role of ROLES) clients.set(role, role === 'kov_worker' ? kov : await t.loginAs(role));
  const admin = clients.get('admin')!;
  const org = (await admin.get('/api/admin/organisations?q=Elva')).json().items[0];
  await admin.post('/api/admin/users', { email: 'elva.matrix@tugi.demo', name: 'Elva Maatriks', role: 'kov_worker', organisationId: org.id, password: 'Lastekaitse-2026!' });
  elva = await t.login('elva.matrix@tugi.demo', 'Lastekaitse-2026!');
});
afterAll(() => t.close());

type Call = { name: string; method: 'GET' | 'POST' | 'PATCH'; url: () => string; body?: () => unknown; roles: Role[] };
const READERS: Role[] = ['ska_specialist', 'ska_manager', 'kov_worker'];
const CALLS: Call[] = [
  { name: 'list', method: 'GET', url: () => '/api/cases', roles: READERS },
  { name: 'read', method: 'GET', url: () => `/api/cases/${caseId}`, roles: READERS },
  { name: 'timeline', method: 'GET', url: () => `/api/cases/${caseId}/timeline`, roles: READERS },
  { name: 'documents', method: 'GET', url: () => `/api/cases/${caseId}/documents`, roles: READERS },
  { name: 'stats', method: 'GET', url: () => '/api/cases/stats?year=2026', roles: READERS },
  { name: 'export', method: 'GET', url: () => '/api/cases/export?format=csv', roles: READERS },
  { name: 'edit', method: 'PATCH', url: () => `/api/cases/${caseId}`, body: () => ({ version: 999, childResidence: 'x' }), roles: ['ska_specialist', 'kov_worker'] },
  { name: 'transition', method: 'POST', url: () => `/api/cases/${caseId}/transitions`, body: () => ({ version: 999, to: 'first_contact' }), roles: ['ska_specialist'] },
  { name: 'assign', method: 'POST', url: () => `/api/cases/${caseId}/assign`, body: () => ({ version: 999, specialistId: '00000000-0000-4000-8000-000000000000', reason: 'x' }), roles: ['ska_manager'] },
  { name: 'activity', method: 'POST', url: () => `/api/cases/${caseId}/activities`, body: () => ({ kind: 'other', occurredOn: '2026-01-05' }), roles: ['ska_specialist', 'kov_worker'] },
  { name: 'file', method: 'POST', url: () => '/api/cases', body: () => ({ type: 'domestic', child: { firstName: 'A', lastName: 'B', birthDate: '2015-01-01' }, question: 'Q' }), roles: ['kov_worker'] },
];

describe('module A access matrix: every role on every endpoint', () => {
  for (const call of CALLS) {
    it(`${call.name}: roles outside ${call.roles.join(', ')} get 403`, async () => {
      for (const role of ROLES) {
        const response = await clients.get(role)!.request({ method: call.method, url: call.url(), payload: call.body?.() as object });
        if (call.roles.includes(role)) expect({ role, status: response.statusCode }).not.toEqual({ role, status: 403 });
        else expect({ role, status: response.statusCode }).toEqual({ role, status: 403 });
        expect(response.statusCode).toBeLessThan(500);
      }
    });
  }

  it('a KOV worker of another municipality probing the case id gets 404 everywhere', async () => {
    for (const call of CALLS.filter((c) => c.url().includes(caseId) && c.roles.includes('kov_worker'))) {
      const response = await elva.request({ method: call.method, url: call.url(), payload: call.body?.() as object });
      expect({ call: call.name, status: response.statusCode }).toEqual({ call: call.name, status: 404 });
    }
  });

  it('a stale version is a 409 for the roles allowed to write', async () => {
    const response = await clients.get('kov_worker')!.patch(`/api/cases/${caseId}`, { version: 999, childResidence: 'x' });
    expect(response.statusCode).toBe(409);
  });
});
