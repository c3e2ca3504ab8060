import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { seedDemoData } from './demo.js';
import { seedDemoTrainings } from './demo-trainings.js';
import { seedReferenceData } from './reference.js';
import { todayInTallinn } from '../platform/calendar/working-days.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { groupProblems, isUnderfilled, registrationState } from '../modules/trainings/rules.js';
import { groupsQuery } from '../modules/trainings/queries.js';

let database: Database;
const now = new Date('2026-11-23T09:00:00Z');
const today = todayInTallinn(now);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db, now);
});
afterAll(() => database.close());

const groupsOf = async (title: string, yearPrefix: string) =>
  (await groupsQuery(database.db).where('trainings.title', '=', title).where('trainings.reference', 'like', `KO-${yearPrefix}-%`).orderBy('training_groups.number').execute());

describe('demo trainings (module C)', () => {
  it('C-1, C-2: the 2024 attachment training of 004 — two groups in Tallinn and one in Tartu, 15–25 places, 8 academic hours in one day, 15.05–15.12.2024', async () => {
    const t = await database.db.selectFrom('trainings').selectAll().where('reference', '=', 'KO-2024-01').executeTakeFirstOrThrow();
    expect(t).toMatchObject({ title: 'Laste ja perede kiindumussuhte toetamine lastekaitsetöös', academic_hours: 8, days: 1, form: 'in_person', window_start: '2024-05-15', window_end: '2024-12-15', status: 'published' });
    expect(t.topics).toHaveLength(5);
    expect(t.target_group).toContain('lastekaitse- või peretöötajana kohalikus omavalitsuses');
    const groups = await groupsOf(t.title, '2024');
    expect(groups.map((g) => g.city)).toEqual(['Tallinn', 'Tallinn', 'Tartu']);
    expect(groups.every((g) => g.capacity_min === 15 && g.capacity_max === 25 && g.starts_on >= '2024-05-15' && g.ends_on <= '2024-12-15')).toBe(true);
  });

  it('C-6: the 2025 courses of 002 with their numbers of groups', async () => {
    const rows = await database.db
      .selectFrom('trainings')
      .leftJoin('training_groups', 'training_groups.training_id', 'trainings.id')
      .select(['trainings.title', (eb) => eb.fn.count<number>('training_groups.id').as('groups')])
      .where('trainings.reference', 'like', 'KO-2025-%')
      .groupBy('trainings.title')
      .execute();
    const counts = Object.fromEntries(rows.map((r) => [r.title, Number(r.groups)]));
    expect(counts).toMatchObject({
      'Kovisioon lastekaitsetöötajatele': 5,
      'Teematöötuba: käitumisprobleemide ennetamine ja lapsega vestlemine': 5,
      'Lastekaitsetöö õiguslikud alused': 3,
      'Lapse ja pere abivajaduse hindamine': 5,
      'Lastega vestlemine': 2,
      'Lahenduskeskne lähenemine lastekaitsetöös': 2,
      'Traumateadlik ja kiindumuspõhine lähenemine lastekaitsetöös': 3,
      'Keeruliste vestluste läbiviimine lastekaitsetöös': 3,
      'Lastekaitsetöö põhialused (e-kursus)': 0,
    });
  });

  it('every group keeps the C-2 rules: as many days as the training, inside its window, capacity and cut-off in order; never overfilled', async () => {
    const groups = await groupsQuery(database.db).execute();
    const sessions = await database.db.selectFrom('training_sessions').selectAll().execute();
    expect(groups.length).toBeGreaterThan(35);
    for (const g of groups) {
      const own = sessions.filter((s) => s.group_id === g.id).map((s) => ({ day: s.day, startsAt: s.starts_at, endsAt: s.ends_at }));
      const problems = groupProblems(
        { windowStart: g.training_window_start, windowEnd: g.training_window_end, days: g.training_days, form: g.training_form },
        { sessions: own, city: g.city, capacityMin: g.capacity_min, capacityMax: g.capacity_max, registrationClosesOn: g.registration_closes_on },
      );
      expect(problems, `${g.training_reference}/${g.number}`).toEqual([]);
      expect(g.confirmed_count).toBeLessThanOrEqual(g.capacity_max);
      if (g.waitlist_count > 0) expect(g.confirmed_count).toBe(g.capacity_max);
    }
  });

  it('around today: a group open for registration, a full one with a waitlist, one under its minimum after the cut-off (C-4), a draft', async () => {
    const groups = await groupsQuery(database.db).where('training_groups.starts_on', '>', today).execute();
    const state = (g: (typeof groups)[number]) => registrationState({ status: g.status, registrationClosesOn: g.registration_closes_on, startsOn: g.starts_on }, today);
    expect(groups.some((g) => state(g) === 'open' && g.confirmed_count < g.capacity_max)).toBe(true);
    expect(groups.some((g) => state(g) === 'open' && g.confirmed_count === g.capacity_max && g.waitlist_count >= 2)).toBe(true);
    expect(groups.filter((g) => isUnderfilled({ status: g.status, registrationClosesOn: g.registration_closes_on, startsOn: g.starts_on, capacityMin: g.capacity_min }, g.confirmed_count, today))).toHaveLength(1);
    expect(await database.db.selectFrom('trainings').select('id').where('status', '=', 'draft').execute()).toHaveLength(1);
  });

  it('held groups have attendance, full attendances (certificates) and feedback; the demo KOV worker has a certificate, a questionnaire to answer and a group awaiting attendance', async () => {
    const kov = await database.db.selectFrom('users').select('id').where('email', '=', 'kov@tugi.demo').executeTakeFirstOrThrow();
    const regs = await database.db
      .selectFrom('training_registrations')
      .innerJoin('training_groups', 'training_groups.id', 'training_registrations.group_id')
      .select(['training_registrations.id', 'training_groups.ends_on', 'training_groups.trainer_user_id'])
      .select((eb) => [
        eb.selectFrom('training_attendance').select((a) => a.fn.countAll<number>().as('n')).whereRef('training_attendance.registration_id', '=', 'training_registrations.id').where('status', '=', 'present').as('present'),
        eb.selectFrom('training_sessions').select((a) => a.fn.countAll<number>().as('n')).whereRef('training_sessions.group_id', '=', 'training_groups.id').as('sessions'),
        eb.selectFrom('training_feedback').select('id').whereRef('training_feedback.registration_id', '=', 'training_registrations.id').as('feedback'),
      ])
      .where('training_registrations.user_id', '=', kov.id)
      .where('training_registrations.status', '=', 'confirmed')
      .execute();
    const full = (r: (typeof regs)[number]) => Number(r.present) === Number(r.sessions);
    expect(regs.some((r) => r.ends_on < today && full(r) && r.feedback)).toBe(true);
    expect(regs.some((r) => r.ends_on < today && full(r) && !r.feedback)).toBe(true);
    const helen = await database.db.selectFrom('users').select('id').where('email', '=', 'koolitaja@tugi.demo').executeTakeFirstOrThrow();
    expect(regs.some((r) => r.ends_on < today && Number(r.present) === 0 && r.trainer_user_id === helen.id)).toBe(true);
    const { n } = await database.db.selectFrom('training_feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThan(200);
  });

  it('loads once: a second run adds nothing, and the audit chain stays whole', async () => {
    const before = await database.db.selectFrom('training_registrations').select('id').execute();
    expect(await seedDemoTrainings(database.db, { now })).toEqual({ trainings: 0, groups: 0, registrations: 0 });
    expect(await database.db.selectFrom('training_registrations').select('id').execute()).toHaveLength(before.length);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
