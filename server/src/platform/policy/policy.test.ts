import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../db/schema.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { can } from './policy.js';

let t: TestApp;
let demoPeople: { id: string; first_name: string }[];
beforeAll(async () => {
  t = await createTestApp();
  demoPeople = await t.database.db.selectFrom('people').select(['id', 'first_name']).orderBy('first_name').execute();
});
afterAll(() => t.close());

/** The parents and children of the demo mediation proceedings (module E): SKA holds them; the demo mediator those assigned to her. */
const MEDIATION_OLGA = ['Eeva', 'Irina', 'Ivan', 'Jelena', 'Kati', 'Laura', 'Maria', 'Mart', 'Mia', 'Nikita', 'Rasmus', 'Rein', 'Sergei'];
const MEDIATION_ALL = [...MEDIATION_OLGA, 'Anna', 'Kaspar', 'Kirke', 'Liis', 'Oskar', 'Tarmo'];
const SKA_PEOPLE = [...new Set(['Kati', 'Kristjan', 'Maria', 'Mihkel', 'Sofia', ...MEDIATION_ALL])].sort();

/**
 * SPEC §1 as a table: which demo people each role sees. The demo links every
 * person to SKA and Tartu (mediation parties to SKA's mediation service only); Mihkel and Sofia also to the family supporter
 * personally; Kati is the self-service client herself.
 */
const VISIBLE_PEOPLE: Record<Role, string[]> = {
  // Inside SKA each service sees its own people: the chief specialist not the mediation parties.
  ska_specialist: ['Kati', 'Kristjan', 'Maria', 'Mihkel', 'Sofia'],
  ska_contact: SKA_PEOPLE,
  ska_manager: SKA_PEOPLE,
  kov_worker: ['Kati', 'Kristjan', 'Maria', 'Mihkel', 'Sofia'],
  provider_admin: ['Mihkel', 'Sofia'],
  provider_specialist: ['Mihkel', 'Sofia'],
  ministry_officer: [],
  trainer: [],
  mediator: [...MEDIATION_OLGA].sort(),
  client: ['Kati'],
  admin: [],
  auditor: [],
};

/** Who reaches which platform route at all (403 for the others). */
const ROUTE_ROLES: Record<string, Role[]> = {
  '/api/admin/users': ['admin'],
  '/api/admin/organisations': ['admin'],
  '/api/admin/mail': ['admin'],
  '/api/audit': ['auditor'],
  '/api/audit/verify': ['auditor', 'admin'],
  '/api/people': ['ska_specialist', 'ska_contact', 'ska_manager', 'kov_worker', 'provider_admin', 'provider_specialist', 'mediator', 'client'],
  '/api/home': [...ROLES],
};

describe('one access policy, every role (SPEC §1)', () => {
  for (const role of ROLES) {
    it(`${role}: lists exactly the people in its scope, and the others answer 404`, async () => {
      const client = await t.loginAs(role);
      const expected = VISIBLE_PEOPLE[role];
      const list = await client.get('/api/people?limit=200');
      if (!can({ role } as never, 'person', 'read')) {
        expect(list.statusCode).toBe(403);
      } else {
        expect(list.statusCode).toBe(200);
        expect(list.json().items.map((p: { firstName: string }) => p.firstName).sort()).toEqual(expected);
      }
      for (const person of demoPeople) {
        const detail = await client.get(`/api/people/${person.id}`);
        if (expected.includes(person.first_name)) expect(detail.statusCode).toBe(200);
        else expect([403, 404]).toContain(detail.statusCode);
      }
    });

    it(`${role}: reaches only the platform routes its role allows`, async () => {
      const client = await t.loginAs(role);
      for (const [url, roles] of Object.entries(ROUTE_ROLES)) {
        const response = await client.get(url);
        expect({ url, status: response.statusCode }).toEqual({ url, status: roles.includes(role) ? 200 : 403 });
      }
    });
  }

  it('a manager reads but cannot change people (read-only department view)', async () => {
    const manager = await t.loginAs('ska_manager');
    const person = demoPeople[0]!;
    const detail = (await manager.get(`/api/people/${person.id}`)).json();
    const change = await manager.patch(`/api/people/${person.id}`, { version: detail.version, firstName: 'Muudetud' });
    expect(change.statusCode).toBe(404);
    const create = await manager.post('/api/people', { firstName: 'Uus', lastName: 'Inimene', birthDate: '2015-05-05' });
    expect(create.statusCode).toBe(403);
  });

  it('an admin manages users but never sees case content; an auditor sees the log but no people', () => {
    expect(can({ role: 'admin' } as never, 'user', 'update')).toBe(true);
    expect(can({ role: 'admin' } as never, 'person', 'read')).toBe(false);
    expect(can({ role: 'auditor' } as never, 'audit_log', 'read')).toBe(true);
    expect(can({ role: 'auditor' } as never, 'person', 'read')).toBe(false);
    expect(can({ role: 'kov_worker' } as never, 'audit_log', 'read')).toBe(false);
  });

  it('a person someone registers becomes visible to their organisation only', async () => {
    const kov = await t.loginAs('kov_worker');
    const created = await kov.post('/api/people', { firstName: 'Robin', lastName: 'Raudsepp', birthDate: '2016-04-01' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await kov.get(`/api/people/${id}`)).statusCode).toBe(200);
    const provider = await t.loginAs('provider_admin');
    expect((await provider.get(`/api/people/${id}`)).statusCode).toBe(404);
    const ska = await t.loginAs('ska_specialist');
    expect((await ska.get(`/api/people/${id}`)).statusCode).toBe(404);
  });
});
