import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../test/client.js';
import { addMonths } from '../../../platform/calendar/working-days.js';
import { createFamily, ok, orgId, person, refused, setUpProvider, today, userOf, type ProviderSetup } from '../fixtures.js';
import { draftDueReports } from './monthly-service.js';
import { previousMonth } from './monthly-rules.js';
import { checkEn16931 } from './einvoice-rules.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { ReportLineService } from '../service-tables.js';

let t: TestApp;
let p: ProviderSetup;
let contractId: string;
let otherAdmin: TestClient;
let serial = 0;

const seller = { iban: 'EE38 2200 2210 2014 5685', street: 'Rüütli 1', city: 'Tartu', postalZone: '51007' };

interface LineSpec {
  service: ReportLineService;
  amount: number;
  quantityMilli?: number;
  unit?: number;
  billable?: boolean;
  description?: string;
}

/** An approved (or other status) monthly report as the monthly-report flow leaves it: rows inserted directly (test set-up). */
async function report(status: 'draft' | 'submitted' | 'returned' | 'approved', month: string, lines: LineSpec[], providerId = p.providerId, contract: string | null = contractId): Promise<string> {
  const db = t.database.db;
  const total = lines.filter((l) => l.billable !== false).reduce((s, l) => s + l.amount, 0);
  const row = await db
    .insertInto('monthly_reports')
    .values({
      reference: `KA-T-${String(++serial).padStart(5, '0')}`,
      provider_organisation_id: providerId,
      contract_id: contract,
      month,
      status,
      due_on: `${month}-28`,
      total_cents: total,
      excluded_cents: 0,
      submitted_on: status === 'draft' ? null : today(),
      decided_on: status === 'approved' ? today() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('monthly_report_lines')
    .values(
      lines.map((l, i) => ({
        report_id: row.id,
        revision: 1,
        position: i + 1,
        service: l.service,
        description: l.description ?? `${l.service} ${i + 1}`,
        quantity_milli: l.quantityMilli ?? 1000,
        unit_cents: l.unit ?? l.amount,
        amount_cents: l.billable === false ? 0 : l.amount,
        billable: l.billable !== false,
        excluded_reason: l.billable === false ? 'B-MENT-2: over the yearly limit' : null,
      })),
    )
    .execute();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  p = await setUpProvider(t);
  contractId = (await t.database.db.selectFrom('provider_contracts').select('id').where('provider_organisation_id', '=', p.providerId).executeTakeFirstOrThrow()).id;
  otherAdmin = (await userOf(t, 'Tugiperede Liit MTÜ', 'provider_admin', 'juht@tugiperede.demo', 'Toomas Teine')).client;
});
afterAll(() => t.close());

describe('B-REP-2 e-invoice from an approved monthly report', () => {
  let reportId: string;

  it('totals equal the approved report to the cent for awkward amounts (333,33 + 0,01 + 1 234 567,89), VAT-exempt, EN 16931 rules pass', async () => {
    reportId = await report('approved', '2026-01', [
      { service: 'family_support', amount: 33_333 },
      { service: 'mentoring', amount: 1 },
      { service: 'counselling', amount: 123_456_789 },
      { service: 'mentoring', amount: 6_000, billable: false },
    ]);
    const status = await ok(p.admin.get(`/api/families/monthly-reports/${reportId}/e-invoice`));
    expect(status).toMatchObject({ reportStatus: 'approved', totalCents: 123_490_123, invoice: null, canIssue: true, sellerDefaults: null });
    const issued = await ok(p.admin.post(`/api/families/monthly-reports/${reportId}/e-invoice`, seller), 201);
    expect(issued).toMatchObject({ number: 'A-KA-T-00001', issuedOn: today(), totalCents: 123_490_123, issuedBy: 'Peeter Pärn' });
    const xml = await p.admin.get(`/api/families/monthly-reports/${reportId}/e-invoice.xml`);
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(checkEn16931(xml.body)).toEqual([]);
    expect(xml.body).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>');
    expect(xml.body).toMatch(/<cbc:PayableAmount currencyID="EUR">1234901\.23<\/cbc:PayableAmount>/);
    expect(xml.body).toMatch(/<cbc:TaxExclusiveAmount currencyID="EUR">1234901\.23<\/cbc:TaxExclusiveAmount>/);
    // Volumes over the limits are never billed: the excluded mentoring session is not on the invoice.
    expect(xml.body.match(/<cac:InvoiceLine>/g)).toHaveLength(3);
    expect(xml.body).toContain('<cbc:EndpointID schemeID="0191">70001975</cbc:EndpointID>');
    expect(xml.body).toContain('<cbc:ID>EE382200221020145685</cbc:ID>');
    expect(xml.body).toMatch(/<cbc:BuyerReference>TL-[a-z0-9]+<\/cbc:BuyerReference>/);
    expect(xml.body).toContain('jaanuar 2026');
  });

  it('issuing again is idempotent: the same number and the same XML, whatever the body says', async () => {
    const before = (await p.admin.get(`/api/families/monthly-reports/${reportId}/e-invoice.xml`)).body;
    const again = await ok(p.admin.post(`/api/families/monthly-reports/${reportId}/e-invoice`, { ...seller, street: 'Teine tänav 5' }), 200);
    expect(again.number).toBe('A-KA-T-00001');
    expect((await p.admin.get(`/api/families/monthly-reports/${reportId}/e-invoice.xml`)).body).toBe(before);
    expect(await t.database.db.selectFrom('e_invoices').select('id').where('report_id', '=', reportId).execute()).toHaveLength(1);
  });

  it('the PDF view is a PDF; SKA downloads XML and PDF too; every download is audited', async () => {
    const pdf = await p.admin.get(`/api/families/monthly-reports/${reportId}/e-invoice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await p.ska.get(`/api/families/monthly-reports/${reportId}/e-invoice.xml`)).statusCode).toBe(200);
    expect((await p.ska.get(`/api/families/monthly-reports/${reportId}/e-invoice.pdf`)).statusCode).toBe(200);
    const manager = await t.loginAs('ska_manager');
    expect((await manager.get(`/api/families/monthly-reports/${reportId}/e-invoice.xml`)).statusCode).toBe(200);
    const exports = await t.database.db.selectFrom('audit_log').select(['actor_role']).where('record_type', '=', 'e_invoice').where('action', '=', 'export').execute();
    expect(exports.map((e) => e.actor_role).sort()).toEqual(['provider_admin', 'provider_admin', 'provider_admin', 'provider_admin', 'ska_contact', 'ska_contact', 'ska_manager'].sort());
  });

  it('the next invoice offers the seller details of the last one', async () => {
    const next = await report('approved', '2026-02', [{ service: 'support_group', amount: 30_000 }]);
    const status = await ok(p.admin.get(`/api/families/monthly-reports/${next}/e-invoice`));
    expect(status.sellerDefaults).toMatchObject({ iban: 'EE382200221020145685', street: 'Rüütli 1', city: 'Tartu', postalZone: '51007' });
  });

  it('B-SEC: line descriptions naming a child never reach the invoice (service-level lines only)', async () => {
    const id = await report('approved', '2026-03', [
      { service: 'family_support', amount: 45_000, description: 'Peretugi: Mia Tamm (PR-2026-00001)' },
      { service: 'mentoring', amount: 12_000, quantityMilli: 2000, unit: 6_000, description: 'Mentorlus, Mia Tamm' },
    ]);
    await ok(p.admin.post(`/api/families/monthly-reports/${id}/e-invoice`, seller), 201);
    const xml = (await p.admin.get(`/api/families/monthly-reports/${id}/e-invoice.xml`)).body;
    expect(xml).not.toContain('Mia');
    expect(xml).not.toContain('PR-2026');
    expect(xml).toContain('<cbc:InvoicedQuantity unitCode="C62">2</cbc:InvoicedQuantity>');
    expect(checkEn16931(xml)).toEqual([]);
  });

  it('a report that is not approved is refused (409), and has nothing to download (404)', async () => {
    for (const status of ['draft', 'submitted', 'returned'] as const) {
      const id = await report(status, `2025-0${['draft', 'submitted', 'returned'].indexOf(status) + 1}`, [{ service: 'mentoring', amount: 6_000 }]);
      const state = await ok(p.admin.get(`/api/families/monthly-reports/${id}/e-invoice`));
      expect(state.canIssue).toBe(false);
      await refused(p.admin.post(`/api/families/monthly-reports/${id}/e-invoice`, seller), 409, 'B_REP2_NOT_APPROVED');
      await refused(p.admin.get(`/api/families/monthly-reports/${id}/e-invoice.xml`), 404, 'B_REP2_NOT_ISSUED');
    }
  });

  it('lines that do not add up to the approved total are refused, nothing is stored', async () => {
    const id = await report('approved', '2025-05', [{ service: 'mentoring', amount: 6_000 }]);
    await t.database.db.updateTable('monthly_reports').set({ total_cents: 6_001 }).where('id', '=', id).execute();
    await refused(p.admin.post(`/api/families/monthly-reports/${id}/e-invoice`, seller), 409, 'B_REP2_TOTAL_MISMATCH');
    expect(await t.database.db.selectFrom('e_invoices').select('id').where('report_id', '=', id).execute()).toHaveLength(0);
  });

  it('another provider gets 404; SKA may not issue, a family supporter or KOV may not open (403)', async () => {
    await refused(otherAdmin.get(`/api/families/monthly-reports/${reportId}/e-invoice`), 404, 'NOT_FOUND');
    await refused(otherAdmin.post(`/api/families/monthly-reports/${reportId}/e-invoice`, seller), 404, 'NOT_FOUND');
    await refused(otherAdmin.get(`/api/families/monthly-reports/${reportId}/e-invoice.xml`), 404, 'NOT_FOUND');
    await refused(otherAdmin.get(`/api/families/monthly-reports/${reportId}/e-invoice.pdf`), 404, 'NOT_FOUND');
    await refused(p.ska.post(`/api/families/monthly-reports/${reportId}/e-invoice`, seller), 403, 'FORBIDDEN');
    await refused(p.supporter.get(`/api/families/monthly-reports/${reportId}/e-invoice.xml`), 403, 'FORBIDDEN');
    await refused((await t.loginAs('kov_worker')).get(`/api/families/monthly-reports/${reportId}/e-invoice`), 403, 'FORBIDDEN');
    // SKA sees only submitted reports: a draft is not found for SKA.
    const draft = await report('draft', '2025-07', [{ service: 'mentoring', amount: 6_000 }]);
    await refused(p.ska.get(`/api/families/monthly-reports/${draft}/e-invoice`), 404, 'NOT_FOUND');
  });

  it('bad input is 400: an IBAN with wrong check digits, a missing city, a foreign postal code, a malformed id', async () => {
    const id = await report('approved', '2025-08', [{ service: 'mentoring', amount: 6_000 }]);
    await refused(p.admin.post(`/api/families/monthly-reports/${id}/e-invoice`, { ...seller, iban: 'EE382200221020145686' }), 400, 'B_REP2_INVALID_IBAN');
    await refused(p.admin.post(`/api/families/monthly-reports/${id}/e-invoice`, { iban: seller.iban, street: 'x', postalZone: '51007' }), 400, 'VALIDATION_FAILED');
    await refused(p.admin.post(`/api/families/monthly-reports/${id}/e-invoice`, { ...seller, postalZone: 'SW1A 1AA' }), 400, 'VALIDATION_FAILED');
    await refused(p.admin.post(`/api/families/monthly-reports/${id}/e-invoice`, { ...seller, vatNumber: 'DE123' }), 400, 'VALIDATION_FAILED');
    await refused(p.admin.get('/api/families/monthly-reports/not-a-uuid/e-invoice.xml'), 400, 'VALIDATION_FAILED');
  });
});

describe('spend against contract (SKA)', () => {
  it('per contract: approved per month and cumulative, submitted and waiting, invoiced; no ceiling invented', async () => {
    const body = await ok(p.ska.get('/api/families/spend?year=2026'));
    const mine = body.contracts.find((c: { contractId: string }) => c.contractId === contractId);
    expect(mine).toBeTruthy();
    expect(mine.providerName).toBe('Perekeskus Kasvulava OÜ');
    expect(mine.months).toHaveLength(12);
    expect(mine.months[0]).toMatchObject({ month: '2026-01', approvedCents: 123_490_123 });
    expect(mine.months[1]).toMatchObject({ month: '2026-02', approvedCents: 30_000 });
    expect(mine.months[2]).toMatchObject({ month: '2026-03', approvedCents: 57_000 });
    // 2025 approved reports (May: 6 001, August: 6 000) count into the cumulative line before January.
    expect(mine.months[0].cumulativeApprovedCents).toBe(123_490_123 + 6_001 + 6_000);
    expect(mine.months[11].cumulativeApprovedCents).toBe(123_490_123 + 30_000 + 57_000 + 12_001);
    expect(mine.approvedToDateCents).toBe(123_490_123 + 30_000 + 57_000 + 12_001);
    expect(mine.invoicedCents).toBe(123_490_123 + 57_000);
    expect(mine.periodElapsed).toBeGreaterThan(0.4);
    expect(mine.periodElapsed).toBeLessThan(0.6);
    expect(Object.keys(mine)).not.toContain('ceilingCents');
  });

  it('submitted reports show as waiting; drafts are not counted; a provider sees only its own contracts; KOV is refused', async () => {
    await report('submitted', '2026-04', [{ service: 'mentoring', amount: 7_777 }]);
    const body = await ok(p.ska.get('/api/families/spend?year=2026'));
    const mine = body.contracts.find((c: { contractId: string }) => c.contractId === contractId);
    expect(mine.months[3]).toMatchObject({ month: '2026-04', approvedCents: 0, submittedCents: 7_777 });
    expect(mine.submittedCents).toBe(7_777 + 6_000);
    const other = await ok(otherAdmin.get('/api/families/spend?year=2026'));
    expect(other.contracts.map((c: { contractId: string }) => c.contractId)).not.toContain(contractId);
    const own = await ok(p.admin.get('/api/families/spend?year=2026'));
    expect(own.contracts.map((c: { contractId: string }) => c.contractId)).toContain(contractId);
    await refused((await t.loginAs('kov_worker')).get('/api/families/spend'), 403, 'FORBIDDEN');
    await refused(p.ska.get('/api/families/spend?year=abc'), 400, 'VALIDATION_FAILED');
    expect(await orgId(t, 'Tugiperede Liit MTÜ')).toBeTruthy();
  });
});

describe('B-REP-2 on a report drafted by the monthly flow (B-REP-1) from recorded work', () => {
  it('the e-invoice totals the approved report to the cent (billable lines only) and names no family or child (B-SEC)', async () => {
    const db = t.database.db;
    const month = previousMonth(today());
    const kov = await t.loginAs('kov_worker');
    const family = await createFamily(kov, { type: 'lapsendaja', parents: [{ person: person('Malle', 'Varjatud') }], children: [{ person: person('Salme', 'Varjatud', '2018-02-02'), arrivedOn: addMonths(`${month}-01`, -3) }] });
    const creator = await db.selectFrom('users').select('id').where('email', '=', 'teenusepakkuja@tugi.demo').executeTakeFirstOrThrow();
    for (const d of [2, 9, 16, 23, 27]) {
      await db.insertInto('service_sessions').values({ service: 'mentoring', family_id: family.id, provider_organisation_id: p.providerId, specialist_id: p.specialistId, held_on: `${month}-${String(d).padStart(2, '0')}`, minutes: 60, mode: 'in_person', created_by: creator.id }).execute();
    }
    await draftDueReports(db);
    const drafted = await db.selectFrom('monthly_reports').selectAll().where('provider_organisation_id', '=', p.providerId).where('month', '=', month).executeTakeFirstOrThrow();
    // SKA's approval, as the monthly flow records it (signatures and submission are that flow's tests).
    await db.updateTable('monthly_reports').set({ status: 'approved', submitted_on: today(), decided_on: today() }).where('id', '=', drafted.id).execute();
    const lines = await db.selectFrom('monthly_report_lines').selectAll().where('report_id', '=', drafted.id).where('revision', '=', drafted.revision).execute();
    expect(lines.length).toBeGreaterThan(0);
    const issued = await ok(p.admin.post(`/api/families/monthly-reports/${drafted.id}/e-invoice`, seller), 201);
    expect(issued.totalCents).toBe(Number(drafted.total_cents));
    const xml = (await p.admin.get(`/api/families/monthly-reports/${drafted.id}/e-invoice.xml`)).body;
    expect(checkEn16931(xml)).toEqual([]);
    const billable = lines.filter((l) => l.billable).reduce((s, l) => s + l.amount_cents, 0);
    expect(xml).toContain(`<cbc:PayableAmount currencyID="EUR">${(billable / 100).toFixed(2)}</cbc:PayableAmount>`);
    for (const name of ['Malle', 'Salme', 'Varjatud', family.reference]) expect(xml).not.toContain(name);
  });
});
