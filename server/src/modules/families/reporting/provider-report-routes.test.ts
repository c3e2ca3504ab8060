import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import type { TestClient } from '../../../../test/client.js';
import { ok, orgId, refused, setUpProvider, userOf, type ProviderSetup } from '../fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { remindProviderReports } from './provider-report-service.js';

let t: TestApp;
let p: ProviderSetup;
let other: { client: TestClient; id: string };
let otherProviderId: string;
let contractId: string;

type Item = { kind: string; periodStart: string; periodEnd: string; dueOn: string; contractId: string; report: { id: string; status: string } | null; overdue: boolean };

async function approvedMonth(providerId: string, contract: string, month: string, cents: number) {
  await t.database.db
    .insertInto('monthly_reports')
    .values({ reference: `KA-PR-${month}`, provider_organisation_id: providerId, contract_id: contract, month, status: 'approved', due_on: `${month}-28`, total_cents: cents, excluded_cents: 0, submitted_on: `${month}-28`, decided_on: `${month}-28` })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  p = await setUpProvider(t);
  other = await userOf(t, 'Tugiperede Liit MTÜ', 'provider_admin', 'juht@tugiperede.demo', 'Toomas Teine');
  otherProviderId = await orgId(t, 'Tugiperede Liit MTÜ');
  const contract = await ok(
    p.ska.post('/api/families/contracts', {
      reference: 'TL-2025-LIIT',
      providerId: otherProviderId,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      prices: { familySupportMonthCents: 45_000, mentoringSessionCents: 6_000, supportGroupMeetingCents: 30_000, counsellingSessionCents: 7_000 },
    }),
    201,
  );
  contractId = contract.id;
  await approvedMonth(otherProviderId, contractId, '2025-02', 1_000_001);
  await approvedMonth(otherProviderId, contractId, '2025-05', 99);
  await approvedMonth(otherProviderId, contractId, '2025-07', 5_000);
});
afterAll(() => t.close());

describe('B-REP-3 monitoring and final reports', () => {
  let reportId: string;
  let version: number;

  it('the schedule lists the contract\'s reports: monitoring by 3.6 and 3.1, the final report by 3.1 after a contract ending 31.12', async () => {
    const { items } = await ok<{ items: Item[] }>(other.client.get('/api/families/provider-reports'));
    expect(items.map((i) => [i.kind, i.periodStart, i.periodEnd, i.dueOn, i.report, i.overdue])).toEqual([
      ['monitoring', '2025-01-01', '2025-05-31', '2025-06-03', null, true],
      ['monitoring', '2025-06-01', '2025-12-31', '2026-01-03', null, true],
      ['final', '2025-01-01', '2025-12-31', '2026-01-03', null, true],
    ]);
  });

  it('a report made from the template carries the period figures (approved monthly totals in cents, counts only)', async () => {
    const created = await ok(other.client.post('/api/families/provider-reports', { contractId, kind: 'monitoring', periodEnd: '2025-05-31' }), 201);
    expect(created).toMatchObject({ kind: 'monitoring', status: 'draft', periodStart: '2025-01-01', dueOn: '2025-06-03', contractReference: 'TL-2025-LIIT', canEdit: true, overview: null });
    expect(created.figures).toMatchObject({ approvedReports: 2, approvedCents: 1_000_100, familiesAdaptation: 0, sessionsMentoring: 0, groupsHeld: 0 });
    reportId = created.id;
    version = created.version;
    await refused(other.client.post('/api/families/provider-reports', { contractId, kind: 'monitoring', periodEnd: '2025-05-31' }), 409, 'B_REP3_EXISTS');
    await refused(other.client.post('/api/families/provider-reports', { contractId, kind: 'monitoring', periodEnd: '2025-04-30' }), 422, 'B_REP3_NOT_EXPECTED');
    await refused(other.client.post('/api/families/provider-reports', { contractId, kind: 'final', periodEnd: '2025-05-31' }), 422, 'B_REP3_NOT_EXPECTED');
  });

  it('text parts are edited with the version; a stale edit is 409; submitting needs the overview and the assessment', async () => {
    await refused(other.client.post(`/api/families/provider-reports/${reportId}/submit`, { version }), 422, 'B_REP3_TEXT_REQUIRED');
    const edited = await ok(
      other.client.patch(`/api/families/provider-reports/${reportId}`, {
        version,
        overview: 'Tugigrupid toimusid igal kuul.\nPeretoetajad külastasid peresid.',
        assessment: 'Tegevused toimusid plaanipäraselt.',
        bestPractices: 'Kaugkohtumised saartel',
        problems: 'Ruumipuudus <märts> & aprill',
        measures: 'Leiti uus ruum',
      }),
    );
    expect(edited).toMatchObject({ version: version + 1, problems: 'Ruumipuudus <märts> & aprill' });
    await refused(other.client.patch(`/api/families/provider-reports/${reportId}`, { version, overview: 'vana' }), 409, 'VERSION_CONFLICT');
    version = edited.version;
  });

  it('drafts stay with the provider: SKA and another provider get 404 until it is submitted', async () => {
    await refused(p.ska.get(`/api/families/provider-reports/${reportId}`), 404, 'NOT_FOUND');
    await refused(p.admin.get(`/api/families/provider-reports/${reportId}`), 404, 'NOT_FOUND');
    await refused(p.admin.patch(`/api/families/provider-reports/${reportId}`, { version, overview: 'x' }), 404, 'NOT_FOUND');
    await refused(p.admin.post('/api/families/provider-reports', { contractId, kind: 'final', periodEnd: '2025-12-31' }), 404, 'NOT_FOUND');
    const { items } = await ok<{ items: Item[] }>(p.ska.get('/api/families/provider-reports'));
    expect(items.find((i) => i.contractId === contractId && i.periodEnd === '2025-05-31')?.report).toBeNull();
  });

  it('submitted: read-only, visible to SKA, in the schedule', async () => {
    const submitted = await ok(other.client.post(`/api/families/provider-reports/${reportId}/submit`, { version }));
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'Toomas Teine', canEdit: false });
    await refused(other.client.patch(`/api/families/provider-reports/${reportId}`, { version: submitted.version, overview: 'muudan' }), 409, 'B_REP3_SUBMITTED');
    const seen = await ok(p.ska.get(`/api/families/provider-reports/${reportId}`));
    expect(seen).toMatchObject({ status: 'submitted', canEdit: false, measures: 'Leiti uus ruum' });
    const { items } = await ok<{ items: Item[] }>(p.ska.get('/api/families/provider-reports?status=submitted'));
    expect(items.map((i) => i.report?.id)).toContain(reportId);
    const manager = await t.loginAs('ska_manager');
    expect((await manager.get(`/api/families/provider-reports/${reportId}`)).statusCode).toBe(200);
  });

  it('PDF and an editable DOCX in the Lisa 12 layout: headings, figures table, text parts (escaped), audited', async () => {
    const pdf = await p.ska.get(`/api/families/provider-reports/${reportId}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await p.ska.get(`/api/families/provider-reports/${reportId}/document.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(docx.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const xml = strFromU8(files['word/document.xml']!);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const text = doc.documentElement!.textContent ?? '';
    for (const expected of ['Seirearuanne (Lisa 12)', 'TL-2025-LIIT', '1. Perioodi näitajad', 'Kinnitatud summa', '10\u00a0001,00 €', '2. Teostatud tegevuste lühiülevaade', 'Tugigrupid toimusid igal kuul.', 'Ruumipuudus <märts> & aprill', '6. Ettevõetud abinõud']) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('<w:br/>');
    const exports = await t.database.db.selectFrom('audit_log').select('id').where('record_type', '=', 'provider_report').where('record_id', '=', reportId).where('action', '=', 'export').execute();
    expect(exports).toHaveLength(2);
  });

  it('access per role: KOV and family supporters are refused; bad input is 400', async () => {
    await refused((await t.loginAs('kov_worker')).get('/api/families/provider-reports'), 403, 'FORBIDDEN');
    await refused(p.supporter.get(`/api/families/provider-reports/${reportId}`), 403, 'FORBIDDEN');
    await refused(p.ska.post('/api/families/provider-reports', { contractId, kind: 'final', periodEnd: '2025-12-31' }), 403, 'FORBIDDEN');
    await refused(other.client.post('/api/families/provider-reports', { contractId, kind: 'yearly', periodEnd: '2025-12-31' }), 400, 'VALIDATION_FAILED');
    await refused(other.client.post('/api/families/provider-reports', { contractId, kind: 'final', periodEnd: '2025-02-30' }), 400, 'VALIDATION_FAILED');
    await refused(other.client.patch(`/api/families/provider-reports/${reportId}`, { overview: 'no version' }), 400, 'VALIDATION_FAILED');
    await refused(other.client.get('/api/families/provider-reports?status=late'), 400, 'VALIDATION_FAILED');
  });
});

describe('B-REP-3 reminders and the home page', () => {
  const notes = (userId: string) => t.database.db.selectFrom('notifications').select(['title_key', 'params']).where('user_id', '=', userId).where('title_key', 'like', 'providerReports.%').execute();

  it('provider admins are reminded 14 and 3 days before and once when overdue; each only once; a submitted report is not', async () => {
    expect(await remindProviderReports(t.database.db, new Date('2025-12-20T08:00:00Z'))).toBeGreaterThan(0);
    // 14 days before 3.1.2026: the open monitoring report and the final report (the first monitoring report is submitted).
    const first = (await notes(other.id)).filter((n) => n.title_key === 'providerReports.notifications.due');
    expect(first).toHaveLength(2);
    expect(first.map((n) => (n.params as { kind: string }).kind).sort()).toEqual(['final', 'monitoring']);
    await remindProviderReports(t.database.db, new Date('2025-12-20T15:00:00Z'));
    expect((await notes(other.id)).filter((n) => n.title_key === 'providerReports.notifications.due')).toHaveLength(2);
    await remindProviderReports(t.database.db, new Date('2025-12-31T08:00:00Z'));
    expect((await notes(other.id)).filter((n) => n.title_key === 'providerReports.notifications.due')).toHaveLength(4);
    await remindProviderReports(t.database.db, new Date('2026-01-04T08:00:00Z'));
    await remindProviderReports(t.database.db, new Date('2026-01-05T08:00:00Z'));
    expect((await notes(other.id)).filter((n) => n.title_key === 'providerReports.notifications.overdue')).toHaveLength(2);
    const mails = await t.database.db.selectFrom('mail_outbox').select(['subject']).where('to_address', '=', 'juht@tugiperede.demo').execute();
    expect(mails.length).toBe(6);
    expect(mails.map((m) => m.subject)).toContain('Tugi: lõpparuanne tähtaeg 03.01.2026 on möödas');
  });

  it('home page: overdue reports for the provider admin, submitted reports for the SKA contact', async () => {
    const mine = await ok(other.client.get('/api/home'));
    const items = mine.items.filter((i: { id: string }) => i.id.startsWith('providerReports.'));
    expect(items).toEqual([expect.objectContaining({ id: 'providerReports.overdue', count: 2, severity: 'overdue', link: '/families/provider-reports' })]);
    const ska = await ok(p.ska.get('/api/home'));
    expect(ska.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'providerReports.submitted', count: 1 })]));
  });
});

describe('B-REP-3 DOCX structure', () => {
  it('tables carry the column grid Word requires; a key/value table has no empty header row', async () => {
    const { documentXml } = await import('./provider-report-docx.js');
    const xml = documentXml([
      { kind: 'table', headers: ['', ''], rows: [['Täitja', 'X OÜ']] },
      { kind: 'table', headers: ['Näitaja', 'Väärtus'], rows: [['a', '1']] },
    ]);
    expect(xml.match(/<w:tblGrid>(<w:gridCol w:w="\d+"\/>){2}<\/w:tblGrid>/g)).toHaveLength(2);
    expect(xml.match(/<w:tr>/g)).toHaveLength(3);
    expect(new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror')).toHaveLength(0);
  });
});
