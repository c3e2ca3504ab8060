import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../platform/calendar/working-days.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { TestClient } from '../../../../test/client.js';
import { createFamily, forwardedReferral, ok, orgId, person, refused, registerSpecialist, setUpProvider, today, userOf, type ProviderSetup } from '../fixtures.js';
import { draftDueReports } from './monthly-service.js';
import { monthRange, previousMonth } from './monthly-rules.js';

let t: TestApp;
let p: ProviderSetup;
let kov: TestClient;
let client: TestClient;
let psychologist: TestClient;
let psychologistId: string;
let familyId: string;
let reportId: string;
const month = previousMonth(today());
const { from } = monthRange(month);
const day = (n: number) => `${month}-${String(n).padStart(2, '0')}`;

async function insertSession(service: 'mentoring' | 'counselling' | 'supervision', specialistId: string, heldOn: string, status: 'held' | 'cancelled' = 'held') {
  const db = t.database.db;
  const creator = await db.selectFrom('users').select('id').where('email', '=', 'teenusepakkuja@tugi.demo').executeTakeFirstOrThrow();
  await db.insertInto('service_sessions').values({ service, family_id: familyId, provider_organisation_id: p.providerId, specialist_id: specialistId, held_on: heldOn, minutes: 60, mode: 'in_person', status, created_by: creator.id }).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  p = await setUpProvider(t);
  kov = await t.loginAs('kov_worker');
  client = await t.loginAs('client');
  const psy = await userOf(t, 'Perekeskus Kasvulava OÜ', 'provider_specialist', 'psyhholoog@test.ee', 'Piia Psühholoog');
  psychologist = psy.client;
  psychologistId = await registerSpecialist(t, p.admin, p.ska, 'psyhholoog@test.ee', { firstName: 'Piia', lastName: 'Psühholoog', birthDate: '1979-07-07' }, { roles: ['psychologist'], languages: ['et'] });
  // An adoptive family under adoption secrecy; the demo client (Kati Karu) is one of the parents.
  const family = await createFamily(kov, {
    type: 'lapsendaja',
    parents: [{ person: person('Mari', 'Salamets') }],
    children: [{ person: person('Salajanelaps', 'Salamets', '2019-01-01'), arrivedOn: addMonths(from, -2) }],
  });
  familyId = family.id;
  const db = t.database.db;
  await db.updateTable('families').set({ adoption_secrecy: true }).where('id', '=', familyId).execute();
  const kati = await db.selectFrom('users').select('person_id').where('email', '=', 'lapsevanem@tugi.demo').executeTakeFirstOrThrow();
  await db.insertInto('family_parents').values({ family_id: familyId, person_id: kati.person_id!, relation: 'parent' }).execute();
  // Adaptation support from the 1st of last month, agreement the same day (recorded work).
  const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId, kind: 'adaptation', childPersonId: family.children[0].personId });
  await db.updateTable('family_referrals').set({ received_on: from }).where('id', '=', referral.id).execute(); // received last month
  const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: from }), 201);
  await ok(p.admin.post(`/api/families/episodes/${episode.id}/agreement`, { version: episode.version, agreedOn: from, goals: 'Kohanemine', activities: 'Kohtumised' }));
  // Sessions: 5 mentoring (the 5th over B-MENT-2 when they share a quarter), 6 counselling (the 6th over B-PSY-1), one cancelled.
  for (const d of [2, 4, 6, 8, 10]) await insertSession('mentoring', p.specialistId, day(d));
  for (const d of [3, 5, 7, 9, 11, 13]) await insertSession('counselling', psychologistId, day(d));
  await insertSession('mentoring', p.specialistId, day(12), 'cancelled');
});
afterAll(() => t.close());

describe('B-REP-1 the monthly report from recorded work to approval', () => {
  it('the job of the 1st drafts last month’s report for each provider with a contract, once (idempotent)', async () => {
    expect(await draftDueReports(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await draftDueReports(t.database.db)).toBe(0);
    const list = (await ok(p.admin.get(`/api/families/monthly-reports?month=${month}`))).items;
    expect(list).toHaveLength(1);
    reportId = list[0].id;
    expect(list[0]).toMatchObject({ status: 'draft', revision: 1, dueOn: addMonths(`${month}-05`, 1), late: false });
    const inbox = (await ok(p.admin.get('/api/me/notifications'))).items;
    expect(inbox.map((n: { titleKey: string }) => n.titleKey)).toContain('monthlyReports.notifications.drafted');
  });

  it('B-REP-2: lines from the recorded work; over-limit sessions are listed but never billed; cancelled never appear', async () => {
    const report = await ok(p.admin.get(`/api/families/monthly-reports/${reportId}`));
    const of = (service: string) => report.lines.filter((l: { service: string }) => l.service === service);
    expect(of('family_support')).toHaveLength(1);
    expect(of('family_support')[0]).toMatchObject({ billable: true, amountCents: 45_000 });
    expect(of('mentoring')).toHaveLength(5);
    // All five fall in one quarter: the 5th is over the limit (B-MENT-2).
    expect(of('mentoring').filter((l: { billable: boolean }) => !l.billable).map((l: { excludedReason: string }) => l.excludedReason)).toEqual(['B_MENT_OVER_LIMIT']);
    expect(of('counselling').filter((l: { billable: boolean }) => !l.billable)).toHaveLength(1);
    const excluded = of('counselling').find((l: { billable: boolean }) => !l.billable);
    expect(excluded).toMatchObject({ excludedReason: 'B_PSY_OVER_LIMIT', amountCents: 0, valueCents: 7_000 });
    expect(excluded.excludedReasonText).toContain('B-PSY');
    const sum = report.lines.filter((l: { billable: boolean }) => l.billable).reduce((a: number, l: { amountCents: number }) => a + l.amountCents, 0);
    expect(report.totalCents).toBe(sum);
    expect(report.totalCents).toBe(45_000 + 4 * 6_000 + 5 * 7_000);
    expect(report.excludedCents).toBe(6_000 + 7_000);
    expect(report.byService.map((s: { service: string }) => s.service)).toEqual(['family_support', 'mentoring', 'counselling']);
    // Adoption secrecy: the family reference and parents, never the child's name.
    expect(JSON.stringify(report)).not.toContain('Salajanelaps');
    expect(of('mentoring')[0].family.parentNames).toContain('Salamets');
  });

  it('access: another provider 404, KOV 403, SKA cannot see a draft, a specialist sees only their own lines', async () => {
    const other = await userOf(t, 'Tugiperede Liit MTÜ', 'provider_admin', 'liit.admin@test.ee', 'Liidu Juht');
    expect((await other.client.get(`/api/families/monthly-reports/${reportId}`)).statusCode).toBe(404);
    expect((await kov.get(`/api/families/monthly-reports/${reportId}`)).statusCode).toBe(403);
    expect((await kov.get('/api/families/monthly-reports')).statusCode).toBe(403);
    expect((await p.ska.get(`/api/families/monthly-reports/${reportId}`)).statusCode).toBe(404);
    expect((await ok(p.ska.get('/api/families/monthly-reports'))).items).toHaveLength(0);
    const mine = await ok(psychologist.get(`/api/families/monthly-reports/${reportId}`));
    expect(new Set(mine.lines.map((l: { service: string }) => l.service))).toEqual(new Set(['counselling']));
    expect(mine.totalCents).toBe(5 * 7_000);
    expect(mine.signatures.every((s: { specialistId: string }) => s.specialistId === psychologistId)).toBe(true);
    expect(mine.endings).toEqual([]);
  });

  it('B-REP-1: submitting without every specialist’s and recipient’s signature is refused', async () => {
    const report = await ok(p.admin.get(`/api/families/monthly-reports/${reportId}`));
    expect(report.missingSignatures).toBe(4);
    const error = await refused(p.admin.post(`/api/families/monthly-reports/${reportId}/submit`, { version: report.version }), 409, 'MONTHLY_REPORT_SIGNATURES_MISSING');
    expect(error.details.missing).toHaveLength(4);
  });

  it('signatures: the specialist confirms in the app, the client confirms their family’s services, the admin uploads a signed PDF', async () => {
    await ok(p.supporter.post(`/api/families/monthly-reports/${reportId}/signatures/confirm`, { revision: 1 }));
    await refused(p.supporter.post(`/api/families/monthly-reports/${reportId}/signatures/confirm`, { revision: 1 }), 409, 'MONTHLY_REPORT_ALREADY_SIGNED');
    const confirmations = (await ok(client.get('/api/me/service-confirmations'))).items;
    expect(confirmations).toHaveLength(2);
    expect(confirmations.every((c: { family: { id: string } }) => c.family.id === familyId)).toBe(true);
    for (const c of confirmations) await ok(client.post('/api/me/service-confirmations/confirm', { reportId: c.reportId, revision: c.revision, specialistId: c.specialistId, familyId: c.family.id }), 201);
    // Another client (not a parent of the family) sees nothing and cannot confirm.
    const stranger = await userOf(t, 'Iseteenindus', 'client', 'vooras@test.ee', 'Võõras Inimene');
    expect((await ok(stranger.client.get('/api/me/service-confirmations'))).items).toHaveLength(0);
    expect((await stranger.client.post('/api/me/service-confirmations/confirm', { reportId, revision: 1, specialistId: p.specialistId, familyId })).statusCode).toBe(404);
    const pdf = await p.admin.request({ method: 'GET', url: `/api/families/monthly-reports/${reportId}/specialists/${psychologistId}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const upload = await p.admin.request({
      method: 'POST',
      url: `/api/families/monthly-reports/${reportId}/signatures/upload?revision=1&signer=specialist&specialistId=${psychologistId}&filename=allkirjastatud.pdf`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('%PDF-1.7 allkirjastatud'),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const signed = upload.json().signatures.find((s: { signer: string; specialistId: string }) => s.signer === 'specialist' && s.specialistId === psychologistId).signed;
    const stored = await t.database.db.selectFrom('report_files').select('ciphertext').where('id', '=', signed.fileId).executeTakeFirstOrThrow();
    expect(stored.ciphertext.toString()).not.toContain('allkirjastatud');
    const file = await p.ska.request({ method: 'GET', url: `/api/families/monthly-reports/${reportId}/signatures/files/${signed.fileId}` });
    expect(file.statusCode).toBe(404); // still a draft: SKA does not see it
  });

  it('B-REP-1: submitted on the 5th is in time; SKA sees it first among those awaiting approval', async () => {
    await t.database.db.updateTable('monthly_reports').set({ due_on: today() }).where('id', '=', reportId).execute();
    const report = await ok(p.admin.get(`/api/families/monthly-reports/${reportId}`));
    expect(report.actions.submit).toBe(true);
    await refused(p.admin.post(`/api/families/monthly-reports/${reportId}/submit`, { version: report.version + 5 }), 409, 'VERSION_CONFLICT');
    const submitted = await ok(p.admin.post(`/api/families/monthly-reports/${reportId}/submit`, { version: report.version }));
    expect(submitted).toMatchObject({ status: 'submitted', late: false, submittedOn: today() });
    const ska = (await ok(p.ska.get('/api/families/monthly-reports'))).items;
    expect(ska[0]).toMatchObject({ id: reportId, status: 'submitted' });
  });

  it('submitted on the 6th is late, and shown', async () => {
    const earlier = previousMonth(`${month}-01`);
    const created = await ok(p.admin.post('/api/families/monthly-reports', { month: earlier }), 201);
    await refused(p.admin.post('/api/families/monthly-reports', { month: earlier }), 409, 'MONTHLY_REPORT_EXISTS');
    await t.database.db.updateTable('monthly_reports').set({ due_on: '2000-01-05' }).where('id', '=', created.id).execute();
    const fresh = await ok(p.admin.get(`/api/families/monthly-reports/${created.id}`));
    expect(fresh.overdue).toBe(true);
    const submitted = await ok(p.admin.post(`/api/families/monthly-reports/${created.id}/submit`, { version: fresh.version }));
    expect(submitted.late).toBe(true);
  });

  it('SKA returns with a general and a line comment; the provider redrafts revision 2 and resubmits; revision 1 and the events stay', async () => {
    const report = await ok(p.ska.get(`/api/families/monthly-reports/${reportId}`));
    const line = report.lines.find((l: { service: string }) => l.service === 'family_support');
    await refused(p.ska.post(`/api/families/monthly-reports/${reportId}/decision`, { version: report.version, decision: 'return' }), 409, 'MONTHLY_REPORT_RETURN_COMMENT_REQUIRED');
    const returned = await ok(p.ska.post(`/api/families/monthly-reports/${reportId}/decision`, { version: report.version, decision: 'return', comment: 'Palun täpsusta', lineComments: [{ lineId: line.id, comment: 'Kas kogu kuu?' }] }));
    expect(returned).toMatchObject({ status: 'returned', returnComment: 'Palun täpsusta' });
    // A correction: one more counselling session recorded late.
    await insertSession('supervision', psychologistId, day(20));
    const before = await ok(p.admin.get(`/api/families/monthly-reports/${reportId}`));
    await refused(p.admin.post(`/api/families/monthly-reports/${reportId}/submit`, { version: before.version }), 409, 'MONTHLY_REPORT_NOT_EDITABLE');
    const redrafted = await ok(p.admin.post(`/api/families/monthly-reports/${reportId}/redraft`, { version: before.version }));
    expect(redrafted).toMatchObject({ status: 'draft', revision: 2 });
    expect(redrafted.lines.filter((l: { service: string }) => l.service === 'supervision')).toHaveLength(1);
    // Unchanged specialists' signatures carry over; the psychologist's and their recipient's lines changed.
    const missing = redrafted.signatures.filter((s: { signed: unknown }) => !s.signed);
    expect(missing.map((s: { signer: string; specialistId: string }) => [s.signer, s.specialistId]).sort()).toEqual([
      ['recipient', psychologistId],
      ['specialist', psychologistId],
    ]);
    const rev1 = await ok(p.admin.get(`/api/families/monthly-reports/${reportId}/lines?revision=1`));
    expect(rev1.items.find((l: { id: string }) => l.id === line.id).skaComment).toBe('Kas kogu kuu?');
    await ok(psychologist.post(`/api/families/monthly-reports/${reportId}/signatures/confirm`, { revision: 2 }));
    const c = (await ok(client.get('/api/me/service-confirmations'))).items.find((x: { confirmed: boolean }) => !x.confirmed);
    await ok(client.post('/api/me/service-confirmations/confirm', { reportId, revision: 2, specialistId: c.specialistId, familyId }), 201);
    const ready = await ok(p.admin.get(`/api/families/monthly-reports/${reportId}`));
    const resubmitted = await ok(p.admin.post(`/api/families/monthly-reports/${reportId}/submit`, { version: ready.version }));
    expect(resubmitted).toMatchObject({ status: 'submitted', revision: 2, late: false });
    const history = await ok(p.ska.get(`/api/families/monthly-reports/${reportId}/history`));
    expect(history.revisions).toEqual([1, 2]);
    expect(history.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['drafted', 'submitted', 'returned', 'redrafted']));
    expect(history.events.find((e: { kind: string }) => e.kind === 'returned').comment).toBe('Palun täpsusta');
  });

  it('approval makes the report final: its total is the amount to invoice, and every change answers 409', async () => {
    const report = await ok(p.ska.get(`/api/families/monthly-reports/${reportId}`));
    const approved = await ok(p.ska.post(`/api/families/monthly-reports/${reportId}/decision`, { version: report.version, decision: 'approve' }));
    expect(approved).toMatchObject({ status: 'approved', totalCents: report.totalCents });
    await refused(p.admin.patch(`/api/families/monthly-reports/${reportId}`, { version: approved.version, note: 'muudatus' }), 409, 'MONTHLY_REPORT_APPROVED');
    await refused(p.admin.post(`/api/families/monthly-reports/${reportId}/redraft`, { version: approved.version }), 409, 'MONTHLY_REPORT_APPROVED');
    await refused(p.ska.post(`/api/families/monthly-reports/${reportId}/decision`, { version: approved.version, decision: 'return', comment: 'x' }), 409, 'MONTHLY_REPORT_APPROVED');
    const inbox = (await ok(p.admin.get('/api/me/notifications'))).items;
    expect(inbox.map((n: { titleKey: string }) => n.titleKey)).toContain('monthlyReports.notifications.approved');
  });

  it('bad input answers 400', async () => {
    await refused(p.admin.post('/api/families/monthly-reports', { month: '2026-13' }), 400, 'VALIDATION_FAILED');
    await refused(p.admin.get('/api/families/monthly-reports?status=lost'), 400, 'VALIDATION_FAILED');
    await refused(p.ska.post(`/api/families/monthly-reports/${reportId}/decision`, { version: 1, decision: 'maybe' }), 400, 'VALIDATION_FAILED');
    expect((await p.admin.get(`/api/families/monthly-reports/${reportId}?revision=9`)).statusCode).toBe(404);
  });

  it('this month’s work so far, and the home page items', async () => {
    const current = await ok(p.admin.get('/api/families/monthly-reports/current-month'));
    expect(current.month).toBe(today().slice(0, 7));
    expect(current.lines.some((l: { service: string }) => l.service === 'family_support')).toBe(true);
    // The approved report is no longer due; the SKA contact has one awaiting approval (the late one).
    const home = (await ok(p.ska.get('/api/home'))).items;
    expect(home.find((i: { titleKey: string }) => i.titleKey === 'monthlyReports.home.awaiting')).toMatchObject({ count: 1 });
    expect((await ok(p.admin.get('/api/home'))).items.filter((i: { titleKey: string }) => i.titleKey.startsWith('monthlyReports'))).toHaveLength(0);
    expect(await orgId(t, 'Perekeskus Kasvulava OÜ')).toBe(p.providerId);
  });
});
