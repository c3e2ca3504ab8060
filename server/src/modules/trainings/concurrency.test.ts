import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok } from '../../../test/responses.js';
import { actorOf, ctxOf, day, depsOf, kovWorkers, newGroup, newTraining } from './fixtures.js';
import { cancelRegistration, register } from './service.js';

/**
 * C-3 under load, on the real database (PGlite in one process, or PostgreSQL
 * with DATABASE_URL, where the registrations really run in parallel on the
 * pool): each registration locks its group row (SELECT … FOR UPDATE) for its
 * whole transaction, so places are counted and taken one at a time.
 */
let t: TestApp;
let manager: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('ska_manager');
});
afterAll(() => t.close());

async function places(groupId: string) {
  const rows = await t.database.db.selectFrom('training_registrations').select(['status', 'queue_no']).where('group_id', '=', groupId).orderBy('queue_no').execute();
  return { confirmed: rows.filter((r) => r.status === 'confirmed').length, waitlisted: rows.filter((r) => r.status === 'waitlisted').length };
}

describe('C-3 concurrency', () => {
  it('C-3: 40 simultaneous registrations for the last 3 places never overfill the group: 3 get a place, 37 the waitlist', async () => {
    const training = await newTraining(t, manager, { title: 'Viimased kohad (test)' });
    const group = await newGroup(t, manager, training.id);
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    const first = await kovWorkers(t, 'Tartu linn', 22, 'Varajane');
    for (const w of first) await register(depsOf(t), ctx, group.id, { userId: w.id });
    expect(await places(group.id)).toEqual({ confirmed: 22, waitlisted: 0 });

    const crowd = await kovWorkers(t, 'Tartu linn', 40, 'Rahvamass');
    const results = await Promise.allSettled(crowd.map((w) => register(depsOf(t), ctx, group.id, { userId: w.id })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await places(group.id)).toEqual({ confirmed: 25, waitlisted: 37 });
    const view = await ok(manager.get(`/api/trainings/groups/${group.id}`));
    expect(view).toMatchObject({ confirmed: 25, waitlisted: 37, freePlaces: 0 });
    // The waitlist is in the order the registrations committed: positions 1..37 without gaps.
    expect(view.registrations.filter((r: { status: string }) => r.status === 'waitlisted').map((r: { waitlistPosition: number }) => r.waitlistPosition)).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
  });

  it('C-3: cancellations and registrations racing keep the group at its maximum and the waitlist moving', async () => {
    const training = await newTraining(t, manager);
    const group = await newGroup(t, manager, training.id, { capacityMin: 2, capacityMax: 5 });
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    const holders = await kovWorkers(t, 'Tartu linn', 5, 'Kohal');
    const regs: string[] = [];
    for (const w of holders) regs.push(await register(depsOf(t), ctx, group.id, { userId: w.id }));
    const waiting = await kovWorkers(t, 'Tartu linn', 10, 'Ootel');
    const work = [
      ...waiting.map((w) => register(depsOf(t), ctx, group.id, { userId: w.id })),
      ...regs.slice(0, 3).map((id) => cancelRegistration(depsOf(t), ctx, id, { version: 1 })),
    ];
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await places(group.id)).toEqual({ confirmed: 5, waitlisted: 7 });
  });

  it('C-3: the same person registered into two groups of one training at once gets one place; the other is refused, not a 500', async () => {
    const training = await newTraining(t, manager);
    const a = await newGroup(t, manager, training.id);
    const b = await newGroup(t, manager, training.id, { city: 'Tallinn', sessions: [{ day: day(40), startsAt: '10:00', endsAt: '16:00' }] });
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    const [person] = await kovWorkers(t, 'Tartu linn', 1, 'Kahekordne');
    const results = await Promise.allSettled([register(depsOf(t), ctx, a.id, { userId: person!.id }), register(depsOf(t), ctx, b.id, { userId: person!.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(failed.reason).toMatchObject({ statusCode: 409, code: 'C_3_ALREADY_REGISTERED' });
    const rows = await t.database.db.selectFrom('training_registrations').select('id').where('user_id', '=', person!.id).execute();
    expect(rows).toHaveLength(1);
  });
});
