import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../platform/db/schema.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok, orgId, refused } from '../../../test/responses.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { actorOf, ctxOf, day, depsOf, kovWorkers, newGroup, newTraining, trainerId } from './fixtures.js';
import { recordAttendance, register } from './service.js';

/**
 * SPEC §1 for module C: trainers see only their groups; KOV workers their
 * municipality's registrations (their own and the colleagues' they may
 * register); SKA sees all. A record outside the scope answers 404; a role
 * without the resource 403.
 */
let t: TestApp;
let manager: TestClient;
let helen: TestClient;
let jaak: TestClient;
let kov: TestClient;
let narvaClient: TestClient;
let training: { id: string };
let draft: { id: string };
let groupA: { id: string; sessions: { id: string }[] };
let groupB: { id: string; sessions: { id: string }[] };
let tartuReg: string;
let narvaReg: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('ska_manager');
  helen = await t.loginAs('trainer');
  jaak = await t.login('jaak.kivi@tugi.demo', DEMO_PASSWORD);
  kov = await t.loginAs('kov_worker');
  training = await newTraining(t, manager, { title: 'Ligipääs (test)' });
  draft = await newTraining(t, manager, { title: 'Ligipääs: mustand', status: 'draft' });
  // Group A is Helen's, group B Jaak's; both met yesterday.
  const past = { sessions: [{ day: day(-1), startsAt: '10:00', endsAt: '16:00' }], registrationClosesOn: day(-15) };
  groupA = await newGroup(t, manager, training.id, past);
  groupB = await newGroup(t, manager, training.id, { ...past, city: 'Narva', trainerId: await trainerId(t, 'jaak.kivi@tugi.demo') });
  const [colleague] = await kovWorkers(t, 'Tartu linn', 1, 'Ligipaas Tartu');
  tartuReg = await register(depsOf(t), ctxOf(await actorOf(t, 'kov@tugi.demo')), groupA.id, { userId: colleague!.id }, day(-20));
  const admin = await t.loginAs('admin');
  await ok(admin.post('/api/admin/users', { email: 'narva.kov@test.tugi', name: 'Olga Narva', role: 'kov_worker', organisationId: await orgId(t, 'Narva linn'), password: 'Kiindumus-Kevad-2026!' }), 201);
  narvaClient = await t.login('narva.kov@test.tugi', 'Kiindumus-Kevad-2026!');
  narvaReg = await register(depsOf(t), ctxOf(await actorOf(t, 'narva.kov@test.tugi')), groupB.id, {}, day(-20));
  await recordAttendance(depsOf(t), ctxOf(await actorOf(t, 'jaak.kivi@tugi.demo')), groupB.id, { sessionId: groupB.sessions[0]!.id, marks: [{ registrationId: narvaReg, status: 'present' }] });
  await recordAttendance(depsOf(t), ctxOf(await actorOf(t, 'koolitaja@tugi.demo')), groupA.id, { sessionId: groupA.sessions[0]!.id, marks: [{ registrationId: tartuReg, status: 'present' }] });
});
afterAll(() => t.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

describe('trainers see only their groups', () => {
  it('a trainer of another group gets 404 for the group, its registrations, certificates, attendance and feedback', async () => {
    await refused(helen.get(`/api/trainings/groups/${groupB.id}`), 404, 'NOT_FOUND');
    await refused(helen.put(`/api/trainings/groups/${groupB.id}/attendance`, { sessionId: groupB.sessions[0]!.id, marks: [] }), 404, 'NOT_FOUND');
    await refused(helen.get(`/api/trainings/registrations/${narvaReg}/certificate`), 404, 'NOT_FOUND');
    await refused(helen.get(`/api/trainings/groups/${groupB.id}/feedback`), 404, 'NOT_FOUND');
    await refused(jaak.get(`/api/trainings/groups/${groupA.id}`), 404, 'NOT_FOUND');
    await refused(jaak.put(`/api/trainings/groups/${groupA.id}/attendance`, { sessionId: groupA.sessions[0]!.id, marks: [{ registrationId: tartuReg, status: 'absent' }] }), 404, 'NOT_FOUND');
  });

  it('a trainer’s lists hold only their own groups and participants; their own group they read and mark', async () => {
    const groups = ids(await ok(helen.get(`/api/trainings/groups?trainingId=${training.id}`)));
    expect(groups).toEqual([groupA.id]);
    const regs = ids(await ok(helen.get(`/api/trainings/registrations?trainingId=${training.id}`)));
    expect(regs).toEqual([tartuReg]);
    const calendar = await ok(helen.get(`/api/trainings/calendar?year=${day(-1).slice(0, 4)}`));
    expect(calendar.months.flatMap((m: { groups: { id: string }[] }) => m.groups.map((g) => g.id))).not.toContain(groupB.id);
    const own = await ok(helen.get(`/api/trainings/groups/${groupA.id}`));
    expect(own).toMatchObject({ canTakeAttendance: true, registrations: [expect.objectContaining({ id: tartuReg, fullAttendance: true })] });
    expect((await helen.get(`/api/trainings/registrations/${tartuReg}/certificate`)).statusCode).toBe(200);
    // Trainers do not cancel registrations or run the catalogue.
    await refused(helen.post(`/api/trainings/registrations/${tartuReg}/cancel`, { version: 1 }), 403, 'FORBIDDEN');
    await refused(helen.post('/api/trainings', {}), 403, 'FORBIDDEN');
  });

  it('a trainer sees the trainings in which they lead a group, not the others (nor drafts)', async () => {
    const krista = await t.login('krista.luik@tugi.demo', DEMO_PASSWORD);
    await refused(krista.get(`/api/trainings/${training.id}`), 404, 'NOT_FOUND');
    expect(ids(await ok(helen.get('/api/trainings')))).toContain(training.id);
    await refused(helen.get(`/api/trainings/${draft.id}`), 404, 'NOT_FOUND');
  });
});

describe('KOV workers see their municipality’s registrations', () => {
  it('a KOV worker lists their own KOV’s registrations, not another KOV’s; those answer 404', async () => {
    const tartu = ids(await ok(kov.get(`/api/trainings/registrations?trainingId=${training.id}`)));
    expect(tartu).toEqual([tartuReg]);
    await refused(kov.get(`/api/trainings/registrations/${narvaReg}/certificate`), 404, 'NOT_FOUND');
    await refused(kov.post(`/api/trainings/registrations/${narvaReg}/cancel`, { version: 1 }), 404, 'NOT_FOUND');
    await refused(kov.post(`/api/trainings/registrations/${narvaReg}/feedback`, { overall: 5, content: 5, trainer: 5, usefulness: 5, organisation: 5, recommend: true }), 404, 'NOT_FOUND');
    // The group itself is in the catalogue; its participants from elsewhere are not shown.
    const b = await ok(kov.get(`/api/trainings/groups/${groupB.id}`));
    expect(b).toMatchObject({ confirmed: 1, registrations: [], canTakeAttendance: false });
    expect(ids(await ok(narvaClient.get(`/api/trainings/registrations?trainingId=${training.id}`)))).toEqual([narvaReg]);
    await refused(narvaClient.get(`/api/trainings/registrations/${tartuReg}/certificate`), 404, 'NOT_FOUND');
    expect((await narvaClient.get(`/api/trainings/registrations/${narvaReg}/certificate`)).statusCode).toBe(200);
  });

  it('a KOV worker’s export and numbers hold only their municipality', async () => {
    const csv = await kov.get(`/api/trainings/registrations/export?format=csv&trainingId=${training.id}`);
    expect(csv.body).toContain('Tartu linn');
    expect(csv.body).not.toContain('Narva');
    expect((await ok(narvaClient.get('/api/trainings/kov-summary'))).items.map((i: { organisation: { name: string } }) => i.organisation.name)).toEqual(['Narva linn']);
  });

  it('drafts are not in a KOV worker’s catalogue (404); KOV workers do not take attendance or change the catalogue (403)', async () => {
    await refused(kov.get(`/api/trainings/${draft.id}`), 404, 'NOT_FOUND');
    expect(ids(await ok(kov.get('/api/trainings')))).not.toContain(draft.id);
    await refused(kov.put(`/api/trainings/groups/${groupA.id}/attendance`, { sessionId: groupA.sessions[0]!.id, marks: [] }), 403, 'FORBIDDEN');
    await refused(kov.post(`/api/trainings/groups/${groupA.id}/cancel`, { version: 1, reason: 'x' }), 403, 'FORBIDDEN');
    await refused(kov.get(`/api/trainings/groups/${groupA.id}/feedback`), 403, 'FORBIDDEN');
  });
});

describe('SKA sees all; only the manager changes', () => {
  it('the SKA manager, chief specialist and contact read every group with every participant; only the manager writes', async () => {
    for (const role of ['ska_manager', 'ska_specialist', 'ska_contact'] as const) {
      const client = await t.loginAs(role);
      expect(ids(await ok(client.get(`/api/trainings/registrations?trainingId=${training.id}`))).sort()).toEqual([tartuReg, narvaReg].sort());
      expect((await ok(client.get(`/api/trainings/groups/${groupB.id}`))).registrations).toHaveLength(1);
      expect(ids(await ok(client.get('/api/trainings')))).toContain(draft.id);
      if (role !== 'ska_manager') {
        await refused(client.post('/api/trainings', {}), 403, 'FORBIDDEN');
        await refused(client.post(`/api/trainings/groups/${groupA.id}/cancel`, { version: 1, reason: 'x' }), 403, 'FORBIDDEN');
        await refused(client.put(`/api/trainings/groups/${groupA.id}/attendance`, { sessionId: groupA.sessions[0]!.id, marks: [] }), 403, 'FORBIDDEN');
      }
    }
  });
});

describe('roles without trainings', () => {
  const WITH_TRAININGS: Role[] = ['ska_specialist', 'ska_contact', 'ska_manager', 'kov_worker', 'trainer'];
  for (const role of ROLES.filter((r) => !WITH_TRAININGS.includes(r))) {
    it(`${role}: 403 on the catalogue, groups, registrations and calendar`, async () => {
      const client = await t.loginAs(role);
      for (const url of ['/api/trainings', `/api/trainings/groups/${groupA.id}`, '/api/trainings/registrations', '/api/trainings/calendar?year=2025', `/api/trainings/registrations/${tartuReg}/certificate`]) {
        await refused(client.get(url), 403, 'FORBIDDEN');
      }
    });
  }

  it('who accessed a registration is shown only to those who may open it', async () => {
    const { canSeeRecord } = await import('../../platform/audit/record-access.js');
    expect(await canSeeRecord(t.database.db, await actorOf(t, 'kov@tugi.demo'), 'training_registration', tartuReg)).toBe(true);
    expect(await canSeeRecord(t.database.db, await actorOf(t, 'kov@tugi.demo'), 'training_registration', narvaReg)).toBe(false);
    expect(await canSeeRecord(t.database.db, await actorOf(t, 'koolitaja@tugi.demo'), 'training_group', groupB.id)).toBe(false);
    expect(await canSeeRecord(t.database.db, await actorOf(t, 'koolitaja@tugi.demo'), 'training_group', 'not-a-uuid')).toBe(false);
  });
});
