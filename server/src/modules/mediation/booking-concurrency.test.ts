import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { ok } from '../../../test/responses.js';
import { newProceeding, userId } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CONCURRENT = 50;

describe('E-BOOK: a slot can never be booked twice', () => {
  it('E-BOOK: 50 concurrent bookings of one slot (50 proceedings of the same mediator) give exactly one booking', async () => {
    const ska = await t.loginAs('ska_contact');
    const olga = await t.loginAs('mediator');
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const proceedings = [];
    for (let i = 0; i < CONCURRENT; i++) proceedings.push(await newProceeding(t, ska, { preferredMediatorId: olgaId }));
    expect(proceedings.every((p) => p.mediator?.id === olgaId)).toBe(true);
    const slot = (await ok(olga.get(`/api/mediation/proceedings/${proceedings[0].id}/slots`))).items[0].startsAt;

    const answers = await Promise.all(proceedings.map((p) => olga.post(`/api/mediation/proceedings/${p.id}/bookings`, { startsAt: slot })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CONCURRENT - 1);
    expect(new Set(answers.filter((a) => a.statusCode === 409).map((a) => a.json().error.code))).toEqual(new Set(['E_BOOK_SLOT_TAKEN']));

    const live = await t.database.db.selectFrom('mediation_bookings').select('proceeding_id').where('mediator_id', '=', olgaId).where('starts_at', '=', new Date(slot)).where('status', '=', 'booked').execute();
    expect(live).toHaveLength(1);
  });

  it('E-BOOK: the database itself refuses an overlapping live booking (exclusion constraint), whatever the application checks', async () => {
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const booking = await t.database.db.selectFrom('mediation_bookings').selectAll().where('mediator_id', '=', olgaId).where('status', '=', 'booked').orderBy('starts_at', 'desc').limit(1).executeTakeFirstOrThrow();
    const overlapping = { proceeding_id: booking.proceeding_id, mediator_id: olgaId, booked_by: booking.booked_by, starts_at: new Date(booking.starts_at.getTime() + 30 * 60_000), ends_at: new Date(booking.ends_at.getTime() + 30 * 60_000), blocked_until: new Date(booking.blocked_until.getTime() + 30 * 60_000) };
    await expect(t.database.db.insertInto('mediation_bookings').values(overlapping).execute()).rejects.toMatchObject({ code: '23P01' });
    // The buffer counts: a session starting inside the previous one's buffer overlaps too.
    const inBuffer = { ...overlapping, starts_at: new Date(booking.ends_at.getTime() + 5 * 60_000), ends_at: new Date(booking.ends_at.getTime() + 95 * 60_000), blocked_until: new Date(booking.ends_at.getTime() + 110 * 60_000) };
    await expect(t.database.db.insertInto('mediation_bookings').values(inBuffer).execute()).rejects.toMatchObject({ code: '23P01' });
    // Cancelled bookings do not hold the time; the next one right after the buffer is fine.
    const after = { ...overlapping, status: 'cancelled' as const };
    await t.database.db.insertInto('mediation_bookings').values(after).execute();
    const next = { ...overlapping, starts_at: booking.blocked_until, ends_at: new Date(booking.blocked_until.getTime() + 90 * 60_000), blocked_until: new Date(booking.blocked_until.getTime() + 105 * 60_000) };
    await t.database.db.insertInto('mediation_bookings').values(next).execute();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from mediation_bookings where mediator_id = ${olgaId} and status = 'booked' and starts_at >= ${booking.starts_at}`.execute(t.database.db);
    expect(rows[0]!.n).toBe(2);
  });
});
