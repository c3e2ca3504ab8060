import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { seedDemoData } from './demo.js';
import { seedDemoGrants } from './demo-grants.js';
import { seedReferenceData } from './reference.js';
import { todayInTallinn, workingDaysBetween } from '../platform/calendar/working-days.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { rankingOf, lineInput } from '../modules/grants/service.js';
import { evaluateBudget } from '../modules/grants/rules.js';
import { MEASURES } from '../modules/grants/measures.js';

let database: Database;
const now = new Date('2026-11-23T09:00:00Z');
const today = todayInTallinn(now);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db, now);
});
afterAll(() => database.close());

const appsOf = (reference: string) =>
  database.db
    .selectFrom('grant_applications as a')
    .innerJoin('grant_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('organisations as o', 'o.id', 'a.kov_organisation_id')
    .select(['a.id', 'a.status', 'a.contract_sign_due_on', 'a.project_start', 'a.project_end', 'a.requested_cents', 'a.activity', 'a.planned_start', 'o.name', 'r.measure', 'r.id as round_id'])
    .where('r.reference', 'like', reference)
    .orderBy('a.reference')
    .execute();

describe('demo grant rounds (module D)', () => {
  it('D-GRANT-2..D-CONTRACT: a Signs of Safety round with applications in every state — the demo KOV’s contract waiting for signature, one lapsed', async () => {
    const apps = await appsOf('SOS-%');
    expect(apps.map((a) => [a.name, a.status])).toEqual([
      ['Tartu linn', 'contract_sent'], ['Pärnu linn', 'contract_signed'], ['Saaremaa vald', 'lapsed'], ['Narva linn', 'eligible'],
      ['Rae vald', 'eligible'], ['Elva vald', 'rejected'], ['Viljandi linn', 'in_review'], ['Kohila vald', 'draft'],
    ]);
    const tartu = apps[0]!;
    expect(workingDaysBetween(today, tartu.contract_sign_due_on!)).toBe(7);
    expect(apps[1]!.project_end! <= '2027-12-31').toBe(true);
  });

  it('D-SOS-ORDER in the demo: after Saaremaa lapsed, Narva is fundable on a spill-over place and Rae is beyond the budget', async () => {
    const apps = await appsOf('SOS-%');
    const { ranking } = await rankingOf(database.db, apps[0]!.round_id);
    const row = (name: string) => ranking.rows.find((r) => r.id === apps.find((a) => a.name === name)!.id)!;
    expect(row('Narva linn')).toMatchObject({ place: 'spillover', fundable: true });
    expect(row('Rae vald')).toMatchObject({ fundable: false });
    expect(row('Rae vald').explanation.at(-1)!.code).toBe('D_SOS_ORDER_BUDGET_EXHAUSTED');
  });

  it('D-SOS, D-PESA: every demo budget is within its limits; the Perepesa round of October 2024 is decided and contracted for 24 months', async () => {
    for (const a of [...(await appsOf('SOS-%')), ...(await appsOf('PESA-%'))]) {
      const lines = await database.db.selectFrom('grant_budget_lines').selectAll().where('application_id', '=', a.id).orderBy('position').execute();
      const e = evaluateBudget(MEASURES[a.measure], { activity: a.activity, lines: lines.map(lineInput), maxPerApplicationCents: null, plannedStart: a.planned_start });
      expect(e.ok, `${a.name}: ${e.problems.map((p) => p.code).join(', ')}`).toBe(true);
      expect(e.totals.totalCents).toBe(Number(a.requested_cents));
    }
    const pesa = await appsOf('PESA-%');
    expect(pesa.map((a) => [a.name, a.status, a.activity])).toEqual([['Tartu linn', 'contract_signed', 'mobile'], ['Võru linn', 'contract_signed', 'creation'], ['Otepää vald', 'rejected', 'creation']]);
    expect(pesa[0]).toMatchObject({ project_start: '2024-11-14', project_end: '2026-11-13' });
  });

  it('is loaded once, and the audit chain stays intact', async () => {
    expect(await seedDemoGrants(database.db, now)).toEqual({ rounds: 0, applications: 0 });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
