import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { ok, refused } from '../../../test/responses.js';
import type { TestClient } from '../../../test/client.js';
import { decisionDueOn } from './rules.js';
import { addKovWorker, cost, daysFromToday, draftBody, runOnGrantsTestDay, signedApplication, sosBudget, today } from './grants-test-helpers.js';

// A fixed day (see runOnGrantsTestDay): the 2024 programme's rounds must still be open.
runOnGrantsTestDay();

let t: TestApp;
let ministry: TestClient;
let kov: TestClient;
let roundId: string;

const upload = (c: TestClient, appId: string, query: string, body: Buffer) =>
  c.request({ method: 'POST', url: `/api/grants/applications/${appId}/files?${query}`, payload: body, headers: { 'content-type': 'application/octet-stream' } });

const newRound = (over: Record<string, unknown> = {}) => ({
  measure: 'signs_of_safety',
  title: 'Turvalisuse märgid, test',
  budgetCents: 100_000_000,
  announcedOn: daysFromToday(-10),
  opensOn: daysFromToday(-5),
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.loginAs('ministry_officer');
  kov = await t.loginAs('kov_worker');
  roundId = (await ok(ministry.post('/api/grants/rounds', newRound()), 201)).id;
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('D-GRANT-1 rounds', () => {
  it('D-GRANT-1: a round with its measure, budget and dates; announced at least 5 calendar days before opening', async () => {
    const round = await ok(ministry.get(`/api/grants/rounds/${roundId}`));
    expect(round).toMatchObject({ measure: 'signs_of_safety', budgetCents: 100_000_000, state: 'open', placesPerCategory: 2, remainingCents: 100_000_000 });
    expect(round.reference).toMatch(/^SOS-\d{4}-\d+$/);
    ministry.locale = 'en';
    const late = await refused(ministry.post('/api/grants/rounds', newRound({ announcedOn: daysFromToday(1), opensOn: daysFromToday(5) })), 422, 'D_GRANT_1_ANNOUNCEMENT_LATE');
    expect(late.message).toContain('at least 5 calendar days');
    ministry.locale = undefined;
    await ok(ministry.post('/api/grants/rounds', newRound({ announcedOn: daysFromToday(1), opensOn: daysFromToday(6) })), 201);
    await refused(ministry.post('/api/grants/rounds', newRound({ measure: 'perepesa' })), 422, 'D_PESA_DEADLINE_REQUIRED');
    await refused(ministry.post('/api/grants/rounds', newRound({ budgetCents: -1 })), 400, 'VALIDATION_FAILED');
    await refused(ministry.post('/api/grants/rounds', newRound({ opensOn: '2026-02-30' })), 400, 'VALIDATION_FAILED');
  });

  it('D-GRANT-1: a KOV worker sees announced rounds only and cannot create one; X-CONC on changes', async () => {
    const planned = await ok(ministry.post('/api/grants/rounds', newRound({ announcedOn: daysFromToday(3), opensOn: daysFromToday(10), title: 'Veel kuulutamata' })), 201);
    await refused(kov.get(`/api/grants/rounds/${planned.id}`), 404, 'NOT_FOUND');
    const visible = (await ok(kov.get('/api/grants/rounds'))).items.map((r: any) => r.id);
    expect(visible).toContain(roundId);
    expect(visible).not.toContain(planned.id);
    await refused(kov.post('/api/grants/rounds', newRound()), 403, 'FORBIDDEN');
    const body = { title: 'Muudetud', budgetCents: 2_000_000, announcedOn: daysFromToday(3), opensOn: daysFromToday(10), closesOn: null, maxPerApplicationCents: null, placesPerCategory: 1, notes: null };
    await ok(ministry.put(`/api/grants/rounds/${planned.id}`, { ...body, version: planned.version }));
    await refused(ministry.put(`/api/grants/rounds/${planned.id}`, { ...body, version: planned.version }), 409, 'VERSION_CONFLICT');
  });
});

describe('D-GRANT-2 applications', () => {
  let appId: string;

  it('D-GRANT-2: a KOV starts one application per round; the budget check evaluates every limit live (170,983.00 EUR and one cent more)', async () => {
    const created = await ok(kov.post(`/api/grants/rounds/${roundId}/applications`, {}), 201);
    appId = created.id;
    expect(created).toMatchObject({ status: 'draft', kovName: 'Tartu linn', category: 'over_50000', contactName: 'Liis Lepik' });
    await refused(kov.post(`/api/grants/rounds/${roundId}/applications`, {}), 409, 'D_GRANT_2_ONE_PER_ROUND');
    const exact = await ok(kov.post(`/api/grants/rounds/${roundId}/budget-check`, { lines: sosBudget(17_098_300) }));
    expect(exact.ok).toBe(true);
    expect(exact.totals.modelCents).toBe(17_098_300);
    const over = await ok(kov.post(`/api/grants/rounds/${roundId}/budget-check`, { lines: sosBudget(17_098_301) }));
    expect(over.ok).toBe(false);
    expect(over.problems).toEqual([expect.objectContaining({ code: 'D_SOS_MODEL_TOTAL', message: expect.stringContaining('170\u00a0983,01\u00a0€') })]);
    expect(over.limits.find((l: any) => l.key === 'D_SOS_MODEL_TOTAL')).toMatchObject({ usedCents: 17_098_301, limitCents: 17_098_300, ok: false });
  });

  it('D-GRANT-2: a draft saves as it stands (limits shown, not enforced), with X-CONC; staff amounts are computed', async () => {
    const draft = await ok(kov.get(`/api/grants/applications/${appId}`));
    const saved = await ok(kov.put(`/api/grants/applications/${appId}`, draftBody(draft.version, { lines: [...sosBudget(10_000_000), cost('rooms_furnishing', 2, 50_000)] })));
    expect(saved.evaluation.ok).toBe(false);
    // Starting in 40 days the project must still end by 31.12.2027: its year 2 is (partly) outside the period.
    expect(saved.evaluation.period).toMatchObject({ start: daysFromToday(40), end: '2027-12-31' });
    expect(saved.evaluation.problems.map((p: any) => p.code)).toEqual(expect.arrayContaining(['D_SOS_FURNISHING_LATER_YEAR']));
    expect(saved.requestedCents).toBe(10_050_000);
    expect(saved.evaluation.lines[0].amountCents).toBe(4_014_000);
    await refused(kov.put(`/api/grants/applications/${appId}`, draftBody(draft.version)), 409, 'VERSION_CONFLICT');
    await refused(kov.put(`/api/grants/applications/${appId}`, { ...draftBody(saved.version), lines: [cost('model_other', 4, 1)] }), 400, 'VALIDATION_FAILED');
    await ok(kov.put(`/api/grants/applications/${appId}`, draftBody(saved.version)));
  });

  it('D-GRANT-2: submitting names what is missing — the signed application and the confirmation letter', async () => {
    const draft = await ok(kov.get(`/api/grants/applications/${appId}`));
    const error = await refused(kov.post(`/api/grants/applications/${appId}/submit`, { version: draft.version }), 422, 'D_GRANT_2_EVIDENCE_MISSING');
    expect(error.details.problems.map((p: any) => p.code)).toEqual(['D_GRANT_2_EVIDENCE_MISSING', 'D_GRANT_2_SIGNED_APPLICATION_REQUIRED']);
    expect(error.message).toContain('kinnituskiri');
  });

  it('D-GRANT-2: evidence per condition; the signed application must be an ASiC-E/BDOC container, its signers listed (not verified)', async () => {
    await refused(upload(kov, appId, 'kind=evidence&condition=pesa_lahe_consultation&filename=kiri.pdf', Buffer.from('%PDF-1.7')), 400, 'D_GRANT_2_CONDITION_UNKNOWN');
    await ok(upload(kov, appId, 'kind=evidence&condition=sos_confirmation_letter&filename=kinnituskiri.pdf', Buffer.from('%PDF-1.7 kinnituskiri')), 201);
    await refused(upload(kov, appId, 'kind=signed_application&filename=taotlus.pdf', Buffer.from('%PDF-1.7')), 400, 'D_GRANT_2_NOT_SIGNED_CONTAINER');
    await refused(upload(kov, appId, 'kind=signed_application&filename=taotlus.asice', Buffer.from('not a zip')), 400, 'D_GRANT_2_NOT_SIGNED_CONTAINER');
    const signed = await ok(upload(kov, appId, 'kind=signed_application&filename=taotlus.asice', signedApplication()), 201);
    expect(signed.signers).toEqual([expect.objectContaining({ signerName: 'MARI TAMM' })]);
    expect(signed.validation).toMatchObject({ status: 'unchecked' });
    await refused(kov.request({ method: 'POST', url: `/api/grants/applications/${appId}/files?kind=evidence&condition=sos_confirmation_letter&filename=a.pdf`, payload: { a: 1 } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('D-GRANT-2, D-GRANT-3: submitted — receipt e-mailed at once to the application’s address, 30-working-day deadline set, ministry told', async () => {
    await refused(ministry.get(`/api/grants/applications/${appId}`), 404, 'NOT_FOUND');
    const draft = await ok(kov.get(`/api/grants/applications/${appId}`));
    const submitted = await ok(kov.post(`/api/grants/applications/${appId}/submit`, { version: draft.version }));
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: today(), decisionDueOn: decisionDueOn(today()), decisionDaysLeft: 30 });
    const mail = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text']).where('dedupe_key', '=', `grant-receipt-${appId}`).executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('lastekaitse@tartu.example');
    expect(mail.subject).toContain(submitted.reference);
    expect(mail.body_text).toContain('30 tööpäeva');
    expect(submitted.events.map((e: any) => e.kind)).toEqual(['created', 'evidence_added', 'signed_application_added', 'submitted', 'receipt_sent']);
    const seen = await ok(ministry.get(`/api/grants/applications/${appId}`));
    expect(seen.files.map((f: any) => f.kind)).toEqual(['evidence', 'signed_application']);
    const officer = await t.database.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('title_key').where('users.role', '=', 'ministry_officer').where('title_key', '=', 'notifications.grantSubmitted').execute();
    expect(officer.length).toBeGreaterThan(0);
    await refused(kov.put(`/api/grants/applications/${appId}`, draftBody(submitted.version)), 409, 'D_GRANT_2_ALREADY_SUBMITTED');
    await refused(kov.post(`/api/grants/applications/${appId}/submit`, { version: submitted.version }), 409, 'D_GRANT_2_ALREADY_SUBMITTED');
  });

  it('D-GRANT-2 access: another municipality’s worker gets 404; lists hold only what the user may open; reads are audited', async () => {
    await addKovWorker(t.database.db, 'Narva linn', 'narva@tugi.test');
    const narva = await t.login('narva@tugi.test');
    await refused(narva.get(`/api/grants/applications/${appId}`), 404, 'NOT_FOUND');
    expect((await ok(narva.get('/api/grants/applications'))).items.map((a: any) => a.id)).not.toContain(appId);
    expect((await ok(ministry.get(`/api/grants/applications?roundId=${roundId}`))).items.map((a: any) => a.id)).toEqual([appId]);
    for (const role of ['ska_manager', 'provider_admin', 'client'] as const) await refused((await t.loginAs(role)).get(`/api/grants/applications/${appId}`), 403, 'FORBIDDEN');
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'record_ids']).where('record_type', '=', 'grant_application').where('action', 'in', ['read', 'list']).execute();
    expect(audit.some((a) => a.action === 'list' && a.record_ids?.includes(appId))).toBe(true);
    expect(audit.filter((a) => a.action === 'read').length).toBeGreaterThan(0);
  });

  it('X-EXPORT: the applications list as CSV and XLSX, audited', async () => {
    const csv = await ministry.get(`/api/grants/applications/export?format=csv&roundId=${roundId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Tartu linn');
    const xlsx = await ministry.get(`/api/grants/applications/export?format=xlsx&roundId=${roundId}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
