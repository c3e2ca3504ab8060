import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { ok, refused } from '../../../test/responses.js';
import type { TestClient } from '../../../test/client.js';
import { loadConfig } from '../../config.js';
import { moduleJobs } from '../index.js';
import { addCalendarDays, addWorkingDays } from '../../platform/calendar/working-days.js';
import { CONTRACT_LAPSE_JOB } from './index.js';
import { remindGrantDecisions } from './deadlines.js';
import { lapseUnsignedContracts } from './service.js';
import { projectPeriod, signDueOn } from './rules.js';
import { SIGNS_OF_SAFETY } from './measures.js';
import { addKovWorker, daysFromToday, draftBody, runOnGrantsTestDay, signedApplication, sosBudget, today } from './grants-test-helpers.js';

// A fixed day (see runOnGrantsTestDay): the 2024 programme's rounds must still be open.
runOnGrantsTestDay();

let t: TestApp;
let ministry: TestClient;
let roundId: string;
const kovs: Record<string, TestClient> = {};
const apps: Record<string, string> = {};

const upload = (c: TestClient, url: string, body: Buffer) => c.request({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/octet-stream' } });

/** A KOV applies in full: draft, budget (model part in cents), evidence, signed application, submit. */
async function apply(name: string, modelCents: number) {
  const c = kovs[name]!;
  const draft = await ok(c.post(`/api/grants/rounds/${roundId}/applications`, {}), 201);
  await ok(c.put(`/api/grants/applications/${draft.id}`, draftBody(draft.version, { lines: sosBudget(modelCents), contactEmail: `${name.toLowerCase()}@kov.example` })));
  await ok(upload(c, `/api/grants/applications/${draft.id}/files?kind=evidence&condition=sos_confirmation_letter&filename=kiri.pdf`, Buffer.from('%PDF kiri')), 201);
  await ok(upload(c, `/api/grants/applications/${draft.id}/files?kind=signed_application&filename=taotlus.asice`, signedApplication()), 201);
  const current = await ok(c.get(`/api/grants/applications/${draft.id}`));
  await ok(c.post(`/api/grants/applications/${draft.id}/submit`, { version: current.version }));
  apps[name] = draft.id;
}

const get = (id: string) => ok(ministry.get(`/api/grants/applications/${id}`));
const CONDITIONS = ['sos_confirmation_letter', 'sos_sustainability', 'signed_application', 'budget_documents', 'eligible_costs'];

async function makeEligible(id: string) {
  for (const c of CONDITIONS) await ok(ministry.put(`/api/grants/applications/${id}/checks/${c}`, { met: true }));
  return ok(ministry.post(`/api/grants/applications/${id}/eligibility`, { version: (await get(id)).version, eligible: true }));
}

beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.loginAs('ministry_officer');
  // 300,000 EUR: two full-size model budgets of 120,000 EUR fit, a third does not.
  roundId = (await ok(ministry.post('/api/grants/rounds', { measure: 'signs_of_safety', title: 'Turvalisuse märgid 2026', budgetCents: 30_000_000, announcedOn: daysFromToday(-20), opensOn: daysFromToday(-15) }), 201)).id;
  kovs.Tartu = await t.loginAs('kov_worker');
  for (const [name, municipality] of [['Tallinn', 'Tallinna linn'], ['Narva', 'Narva linn'], ['Rae', 'Rae vald'], ['Elva', 'Elva vald']] as const) {
    await addKovWorker(t.database.db, municipality, `${name.toLowerCase()}@tugi.test`);
    kovs[name] = await t.login(`${name.toLowerCase()}@tugi.test`);
  }
  // Submission order: Tallinn, Tartu, Narva (three large towns), Rae (medium), Elva (small).
  for (const name of ['Tallinn', 'Tartu', 'Narva', 'Rae', 'Elva']) await apply(name, 12_000_000);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('D-GRANT-3 processing', () => {
  it('D-GRANT-3 checklist: the first check starts the review; "not met" needs a note; unknown conditions are bad input', async () => {
    const id = apps.Elva!;
    await refused(ministry.put(`/api/grants/applications/${id}/checks/nonsense`, { met: true }), 400, 'D_GRANT_2_CONDITION_UNKNOWN');
    await refused(ministry.put(`/api/grants/applications/${id}/checks/eligible_costs`, { met: false }), 422, 'D_GRANT_3_NOTE_REQUIRED');
    const checked = await ok(ministry.put(`/api/grants/applications/${id}/checks/sos_confirmation_letter`, { met: true, note: 'Kiri olemas.' }));
    expect(checked.status).toBe('in_review');
    expect(checked.conditions.find((c: any) => c.key === 'sos_confirmation_letter').check).toMatchObject({ met: true, note: 'Kiri olemas.', checkedBy: 'Jaan Saar' });
    await refused(kovs.Elva!.put(`/api/grants/applications/${id}/checks/eligible_costs`, { met: true }), 403, 'FORBIDDEN');
  });

  it('D-GRANT-3: eligible only when every condition is checked and met; a rejection is a decision with reasons, told to the KOV by e-mail', async () => {
    const id = apps.Elva!;
    const open = await refused(ministry.post(`/api/grants/applications/${id}/eligibility`, { version: (await get(id)).version, eligible: true }), 422, 'D_GRANT_3_CONDITIONS_NOT_MET');
    expect(open.details.problems).toHaveLength(5);
    await ok(ministry.put(`/api/grants/applications/${id}/checks/eligible_costs`, { met: false, note: 'Koolituskulud ei ole mudeli rakendamise kulud.' }));
    await refused(ministry.post(`/api/grants/applications/${id}/eligibility`, { version: (await get(id)).version, eligible: false }), 422, 'D_GRANT_3_REASON_REQUIRED');
    const rejected = await ok(ministry.post(`/api/grants/applications/${id}/eligibility`, { version: (await get(id)).version, eligible: false, reason: 'Kulud ei ole abikõlblikud.' }));
    expect(rejected).toMatchObject({ status: 'rejected', decidedOn: today(), decisionReason: 'Kulud ei ole abikõlblikud.', decisionDaysLeft: null });
    const mail = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'body_text']).where('to_address', '=', 'elva@kov.example').where('subject', 'like', '%tingimused%').executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Kulud ei ole abikõlblikud.');
    await refused(ministry.put(`/api/grants/applications/${id}/checks/eligible_costs`, { met: true }), 409, 'D_GRANT_3_WRONG_STATUS');
  });

  it('D-GRANT-3 deadline: reminded 5 working days before the 30th working day and once when it has passed; shown on the home page', async () => {
    const app = await get(apps.Tallinn!);
    expect(app.decisionDueOn).toBe(addWorkingDays(app.submittedOn, 30));
    // The demo round's applications wait too: the home page counts every one the officer may decide.
    const waiting = await t.database.db.selectFrom('grant_applications').select('decision_due_on').where('status', 'in', ['submitted', 'in_review', 'eligible']).orderBy('decision_due_on').execute();
    const home = await ok(ministry.get('/api/home'));
    expect(home.items.find((i: any) => i.id === 'grants.awaitingDecision')).toMatchObject({ count: waiting.length, dueDate: waiting[0]!.decision_due_on });
    const mine = ['Tallinn', 'Tartu', 'Narva', 'Rae'].map((n) => apps[n]!);
    const reminders = async (kind: string) => (await t.database.db.selectFrom('grant_application_events').select('application_id').where('kind', '=', kind).where('application_id', 'in', mine).execute()).length;
    await remindGrantDecisions(t.database.db, new Date(`${addCalendarDays(app.decisionDueOn, -10)}T08:00:00Z`));
    expect(await reminders('deadline_reminder')).toBe(0);
    const fiveBefore = new Date(`${addCalendarDays(app.decisionDueOn, -3)}T08:00:00Z`);
    await remindGrantDecisions(t.database.db, fiveBefore);
    expect(await reminders('deadline_reminder')).toBe(4);
    await remindGrantDecisions(t.database.db, fiveBefore);
    expect(await reminders('deadline_reminder')).toBe(4);
    expect(await reminders('deadline_missed')).toBe(0);
    await remindGrantDecisions(t.database.db, new Date(`${addCalendarDays(app.decisionDueOn, 1)}T08:00:00Z`));
    expect(await reminders('deadline_missed')).toBe(4);
    const mails = await t.database.db.selectFrom('mail_outbox').select('subject').where('dedupe_key', 'like', `grant-missed-${apps.Tallinn}%`).execute();
    expect(mails).toHaveLength(1);
  });
});

describe('D-SOS-ORDER ranking and decisions', () => {
  it('D-SOS-ORDER: places by category in submission order, spill-over to Narva, budget exhaustion — each place explained', async () => {
    for (const name of ['Tallinn', 'Tartu', 'Narva', 'Rae']) await makeEligible(apps[name]!);
    const r = await ok(ministry.get(`/api/grants/rounds/${roundId}/ranking`));
    const row = (name: string) => r.rows.find((x: any) => x.application.id === apps[name]);
    expect(r.rows.map((x: any) => x.application.kovName)).toEqual(['Tallinna linn', 'Tartu linn', 'Narva linn', 'Rae vald']);
    expect(row('Tallinn')).toMatchObject({ place: 'category', fundable: true, budgetBeforeCents: 30_000_000, budgetAfterCents: 18_000_000 });
    expect(row('Tartu')).toMatchObject({ place: 'category', fundable: true, budgetAfterCents: 6_000_000 });
    // Small municipalities have no eligible application (Elva was rejected): their places spill over to Narva, the earliest remaining.
    expect(row('Narva')).toMatchObject({ place: 'spillover', fundable: false, partialPossibleCents: 6_000_000 });
    expect(row('Narva').explanation.map((e: any) => e.code)).toEqual(['D_SOS_ORDER_SPILLOVER', 'D_SOS_ORDER_BUDGET_EXHAUSTED']);
    expect(row('Narva').explanation[1].message).toContain('60\u00a0000,00\u00a0€');
    expect(row('Rae')).toMatchObject({ place: 'category', fundable: false });
    expect(row('Rae').explanation.map((e: any) => e.code)).toEqual(['D_SOS_ORDER_CATEGORY_PLACE', 'D_SOS_ORDER_BUDGET_STOPPED']);
    expect(r.others.map((a: any) => a.kovName)).toEqual(['Elva vald']);
    await refused(kovs.Tartu!.get(`/api/grants/rounds/${roundId}/ranking`), 403, 'FORBIDDEN');
  });

  it('D-SOS-ORDER decisions: grant the fundable ones; beyond the budget only partial funding the officer records; reasons required', async () => {
    for (const name of ['Tallinn', 'Tartu']) {
      const g = await ok(ministry.post(`/api/grants/applications/${apps[name]}/decision`, { version: (await get(apps[name]!)).version, outcome: 'granted', reason: 'Tingimused täidetud, koht kategoorias.' }));
      expect(g).toMatchObject({ status: 'granted', grantedCents: 12_000_000 });
    }
    const narva = await get(apps.Narva!);
    await refused(ministry.post(`/api/grants/applications/${apps.Narva}/decision`, { version: narva.version, outcome: 'granted', reason: 'x' }), 409, 'D_SOS_ORDER_BUDGET_EXHAUSTED');
    await refused(ministry.post(`/api/grants/applications/${apps.Narva}/decision`, { version: narva.version, outcome: 'granted', reason: 'x', grantedCents: 6_000_000 }), 422, 'D_SOS_ORDER_PARTIAL_NOTE_REQUIRED');
    await refused(ministry.post(`/api/grants/applications/${apps.Narva}/decision`, { version: narva.version, outcome: 'granted', reason: 'x', grantedCents: 6_000_001, partialFundingNote: 'Rohkem kui alles.' }), 409, 'D_SOS_ORDER_BUDGET_EXHAUSTED');
    await refused(ministry.post(`/api/grants/applications/${apps.Rae}/decision`, { version: (await get(apps.Rae!)).version, outcome: 'granted', reason: 'x', grantedCents: 1, partialFundingNote: 'y' }), 409, 'D_SOS_ORDER_BUDGET_EXHAUSTED');
    await refused(ministry.post(`/api/grants/applications/${apps.Narva}/decision`, { version: narva.version, outcome: 'not_funded' }), 400, 'VALIDATION_FAILED');
    const mail = await t.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'tartu@kov.example').where('subject', 'like', '%toetus määratud%').executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('120\u00a0000,00\u00a0€');
  });

  it('D-CONTRACT: the contract is sent, 10 working days to sign; the KOV signs with a signed container; the project runs 36 months but not past 31.12.2027', async () => {
    await refused(ministry.post(`/api/grants/applications/${apps.Tallinn}/contract`, { version: (await get(apps.Tallinn!)).version, projectStart: daysFromToday(90) }), 422, 'D_SOS_START_TOO_LATE');
    const sent = await ok(ministry.post(`/api/grants/applications/${apps.Tallinn}/contract`, { version: (await get(apps.Tallinn!)).version, projectStart: null }));
    expect(sent).toMatchObject({ status: 'contract_sent', contractSentOn: today(), contractSignDueOn: signDueOn(today()) });
    const home = await ok(kovs.Tallinn!.get('/api/home'));
    expect(home.items.find((i: any) => i.titleKey === 'home.items.grantsContractToSign')).toMatchObject({ dueDate: signDueOn(today()), severity: 'warning' });
    await refused(upload(kovs.Tallinn!, `/api/grants/applications/${apps.Tallinn}/contract/sign?filename=leping.pdf`, Buffer.from('%PDF')), 400, 'D_GRANT_2_NOT_SIGNED_CONTAINER');
    await refused(upload(kovs.Tartu!, `/api/grants/applications/${apps.Tallinn}/contract/sign?filename=leping.asice`, signedApplication()), 404, 'NOT_FOUND');
    const signed = await ok(upload(kovs.Tallinn!, `/api/grants/applications/${apps.Tallinn}/contract/sign?filename=leping.asice`, signedApplication()));
    const period = projectPeriod(SIGNS_OF_SAFETY, today());
    expect(signed).toMatchObject({ status: 'contract_signed', contractSignedOn: today(), projectStart: today(), projectEnd: period.end });
    expect(signed.projectEnd <= '2027-12-31').toBe(true);
    expect(signed.files.find((f: any) => f.kind === 'signed_contract').signers[0].signerName).toBe('MARI TAMM');
  });

  it('D-CONTRACT: unsigned after the 10th working day the job marks it lapsed (declined); the next in line becomes fundable and the officers are told', async () => {
    await ok(ministry.post(`/api/grants/applications/${apps.Tartu}/contract`, { version: (await get(apps.Tartu!)).version, projectStart: null }));
    const due = signDueOn(today());
    // (The demo round has a contract waiting too; the job lapses whatever is due — here only Tartu's is watched.)
    await lapseUnsignedContracts(t.database.db, new Date(`${due}T20:00:00Z`));
    expect((await get(apps.Tartu!)).status).toBe('contract_sent');
    // 11th working day, just after midnight in Tallinn.
    const eleventh = addWorkingDays(today(), 11);
    await lapseUnsignedContracts(t.database.db, new Date(`${addCalendarDays(eleventh, -1)}T22:30:00Z`));
    const lapsed = await get(apps.Tartu!);
    expect(lapsed).toMatchObject({ status: 'lapsed', contractLapsedOn: eleventh });
    expect(lapsed.events.map((e: any) => e.kind)).toEqual(expect.arrayContaining(['lapsed', 'next_fundable']));
    const ranking = await ok(ministry.get(`/api/grants/rounds/${roundId}/ranking`));
    expect(ranking.rows.find((x: any) => x.application.id === apps.Narva)).toMatchObject({ fundable: true, place: 'category' });
    const told = (await t.database.db.selectFrom('notifications').select(['title_key', 'params']).where('title_key', '=', 'notifications.grantLapsedNext').execute()).filter((n) => n.params.reference === lapsed.reference);
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]!.params).toMatchObject({ next: (await get(apps.Narva!)).reference });
    await refused(upload(kovs.Tartu!, `/api/grants/applications/${apps.Tartu}/contract/sign?filename=leping.asice`, signedApplication()), 409, 'D_CONTRACT_LAPSED');
    const kovMail = await t.database.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', 'tartu@kov.example').where('subject', 'like', '%allkirjastamata%').execute();
    expect(kovMail).toHaveLength(1);
  });

  it('D-CONTRACT over Christmas: received Fri 13.12.2024, the 10th working day is Thu 02.01.2025 — still in time then, lapsed on Fri 03.01.2025', async () => {
    await ok(ministry.post(`/api/grants/applications/${apps.Narva}/decision`, { version: (await get(apps.Narva!)).version, outcome: 'granted', reason: 'Järgmine järjekorras pärast loobumist.' }));
    await ok(ministry.post(`/api/grants/applications/${apps.Narva}/contract`, { version: (await get(apps.Narva!)).version, projectStart: null }));
    // As if the contract had been sent on Friday 13 December 2024.
    await t.database.db.updateTable('grant_applications').set({ contract_sent_on: '2024-12-13', contract_sign_due_on: signDueOn('2024-12-13') }).where('id', '=', apps.Narva!).execute();
    expect(signDueOn('2024-12-13')).toBe('2025-01-02');
    await lapseUnsignedContracts(t.database.db, new Date('2025-01-02T21:59:00Z'));
    expect((await get(apps.Narva!)).status).toBe('contract_sent');
    expect(await lapseUnsignedContracts(t.database.db, new Date('2025-01-02T22:00:00Z'))).toEqual({ lapsed: 1 });
    expect(await get(apps.Narva!)).toMatchObject({ status: 'lapsed', contractLapsedOn: '2025-01-03' });
  });

  it('D-CONTRACT: the lapse runs on pg-boss as a daily job after midnight (Tallinn)', () => {
    const jobs = moduleJobs(t.database.db, loadConfig({ TUGI_DEMO: 'true', LOG_LEVEL: 'silent' }));
    expect(jobs.find((j) => j.name === CONTRACT_LAPSE_JOB)).toMatchObject({ cron: '10 0 * * *' });
    expect(jobs.some((j) => j.name === 'grants-decision-reminders')).toBe(true);
  });
});
