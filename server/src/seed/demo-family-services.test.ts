import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { seedDemoData } from './demo.js';
import { seedDemoFamilies } from './demo-families.js';
import { seedDemoFamilyServices } from './demo-family-services.js';
import { seedReferenceData } from './reference.js';
import { encryptionKeyFrom } from '../platform/crypto/keys.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { clientFamilyScope } from '../platform/policy/policy.js';
import { signatureState } from '../modules/families/reporting/monthly-service.js';
import { SIGNED_SERVICES } from '../modules/families/reporting/monthly-rules.js';

let database: Database;
const key = encryptionKeyFrom({ demo: true, encryptionKey: undefined });
const now = new Date('2026-11-22T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  await seedDemoFamilies(database.db, key, now);
});
afterAll(() => database.close());

const count = async (table: 'monthly_reports' | 'monthly_report_lines' | 'monthly_report_signatures' | 'monthly_report_events' | 'e_invoices' | 'family_parents' | 'notifications' | 'report_files') =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('demo sessions, groups and monthly reports (module B part 2)', () => {
  let first: Awaited<ReturnType<typeof seedDemoFamilyServices>>;

  it('seeds everything in order, once: a second run adds nothing (B-REP-1, B-REP-2)', async () => {
    first = await seedDemoFamilyServices(database.db, key, now);
    expect(first.sessions).toBeGreaterThan(0);
    expect(first.groups).toBeGreaterThan(0);
    expect(first.reports).toBeGreaterThan(0);
    expect(first.history).toBeGreaterThan(0);
    expect(first.clientFamily).toBe(1);
    const tables = ['monthly_reports', 'monthly_report_lines', 'monthly_report_signatures', 'monthly_report_events', 'e_invoices', 'family_parents', 'notifications', 'report_files'] as const;
    const before = await Promise.all(tables.map(count));
    expect(await seedDemoFamilyServices(database.db, key, now)).toEqual({ sessions: 0, groups: 0, reports: 0, history: 0, clientFamily: 0 });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('every report totals its billable lines; last month is a draft for each provider, the earlier months are history', async () => {
    const reports = await database.db.selectFrom('monthly_reports').selectAll().execute();
    for (const report of reports) {
      const lines = await database.db.selectFrom('monthly_report_lines').selectAll().where('report_id', '=', report.id).where('revision', '=', report.revision).execute();
      const billable = lines.filter((l) => l.billable).reduce((sum, l) => sum + l.amount_cents, 0);
      expect(Number(report.total_cents), report.reference).toBe(billable);
      expect(lines.filter((l) => !l.billable).every((l) => l.amount_cents === 0 && l.excluded_reason)).toBe(true);
    }
    const last = reports.filter((r) => r.month === '2026-10');
    expect(last.length).toBe(first.reports);
    expect(last.every((r) => r.status === 'draft' && r.revision === 1)).toBe(true);
    const history = reports.filter((r) => r.month !== '2026-10');
    expect(history).toHaveLength(first.history);
    expect(history.every((r) => r.month >= '2026-02' && r.month <= '2026-09' && r.status !== 'draft' && Number(r.total_cents) > 0)).toBe(true);
  });

  it('approved reports are signed in full and e-invoiced for their total, all but each provider’s newest (B-REP-2)', async () => {
    const approved = await database.db
      .selectFrom('monthly_reports')
      .leftJoin('e_invoices', 'e_invoices.report_id', 'monthly_reports.id')
      .select(['monthly_reports.id', 'monthly_reports.provider_organisation_id as provider', 'monthly_reports.month', 'monthly_reports.revision', 'monthly_reports.total_cents', 'monthly_reports.submitted_on', 'monthly_reports.decided_on', 'e_invoices.total_cents as invoiced', 'e_invoices.issued_on', 'e_invoices.ubl_xml'])
      .where('monthly_reports.status', '=', 'approved')
      .orderBy('monthly_reports.month')
      .execute();
    const providers = [...new Set(approved.map((r) => r.provider))];
    expect(providers).toHaveLength(2);
    for (const provider of providers) {
      const own = approved.filter((r) => r.provider === provider);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.at(-1)!.invoiced).toBeNull();
      for (const r of own.slice(0, -1)) {
        expect(Number(r.invoiced), r.month).toBe(Number(r.total_cents));
        expect(r.ubl_xml).toContain(`<cbc:PayableAmount currencyID="EUR">${(Number(r.total_cents) / 100).toFixed(2)}</cbc:PayableAmount>`);
        expect(r.issued_on! > r.decided_on! && r.decided_on! > r.submitted_on! && r.submitted_on! > `${r.month}-31`).toBe(true);
      }
    }
    for (const r of approved) expect((await signatureState(database.db, r.id, r.revision)).missing).toEqual([]);
  });

  it('one report waits for SKA: the second provider’s month before last, with SKA told', async () => {
    const submitted = await database.db
      .selectFrom('monthly_reports')
      .innerJoin('organisations', 'organisations.id', 'monthly_reports.provider_organisation_id')
      .select(['monthly_reports.id', 'monthly_reports.month', 'organisations.name'])
      .where('monthly_reports.status', '=', 'submitted')
      .execute();
    expect(submitted.map((r) => [r.name, r.month])).toEqual([['Tugiperede Liit MTÜ', '2026-09']]);
    const ska = await database.db.selectFrom('users').select('id').where('email', '=', 'kontakt@tugi.demo').executeTakeFirstOrThrow();
    const told = await database.db.selectFrom('notifications').select(['read_at']).where('user_id', '=', ska.id).where('link', '=', `/families/monthly-reports/${submitted[0]!.id}`).execute();
    expect(told).toEqual([{ read_at: null }]);
  });

  it('the demo client is a parent of a served family with services awaiting her confirmation; no secret adoption', async () => {
    const user = await database.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.name', 'users.role', 'users.organisation_id', 'users.person_id', 'organisations.kind'])
      .where('email', '=', 'lapsevanem@tugi.demo')
      .executeTakeFirstOrThrow();
    const actor = { userId: user.id, name: user.name, role: user.role, organisationId: user.organisation_id, organisationKind: user.kind, personId: user.person_id };
    const families = await database.db.selectFrom('families').select(['id', 'adoption_secrecy', 'search_text']).where(clientFamilyScope(actor)).execute();
    expect(families).toHaveLength(1);
    expect(families[0]!.adoption_secrecy).toBe(false);
    expect(families[0]!.search_text).toContain('karu');
    // What /api/me/service-confirmations lists: lines of draft reports for her family, not yet confirmed by a recipient.
    const awaiting = await database.db
      .selectFrom('monthly_report_lines as l')
      .innerJoin('monthly_reports as r', (j) => j.onRef('r.id', '=', 'l.report_id').onRef('r.revision', '=', 'l.revision'))
      .innerJoin('families', 'families.id', 'l.family_id')
      .innerJoin('organisations as p', 'p.id', 'r.provider_organisation_id')
      .select(['p.name', 'r.month', 'l.specialist_id'])
      .where(clientFamilyScope(actor))
      .where('r.status', '=', 'draft')
      .where('l.service', 'in', [...SIGNED_SERVICES])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('monthly_report_signatures as g').select(sql`1`.as('one')).whereRef('g.report_id', '=', 'r.id').whereRef('g.revision', '=', 'r.revision').whereRef('g.specialist_id', '=', 'l.specialist_id').whereRef('g.family_id', '=', 'l.family_id').where('g.signer', '=', 'recipient'))),
      )
      .execute();
    expect(awaiting.length).toBeGreaterThan(0);
    expect(awaiting.every((a) => a.name === 'Perekeskus Kasvulava OÜ' && a.month === '2026-10')).toBe(true);
  });
});
