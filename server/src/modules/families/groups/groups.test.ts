import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths } from '../../../platform/calendar/working-days.js';
import type { Actor } from '../../../platform/policy/actor.js';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { TestClient } from '../../../../test/client.js';
import { ok, orgId, refused, setUpProvider, today, userOf, type ProviderSetup } from '../fixtures.js';
import { groupPlanDeadline } from '../service-limits.js';
import { storeReportFile } from '../report-files.js';
import { encryptionKeyFrom } from '../../../platform/crypto/keys.js';
import { groupBillingForMonth } from './billing.js';
import { createPlan, submitPlan } from './service.js';
import { monthOf, nextMonthOf } from './rules.js';
import { remindGroupPlans } from './deadlines.js';

let t: TestApp;
let p: ProviderSetup;
let deps: AppDeps;
let adminActor: Actor;

/** A month whose plan is still open (its deadline lies ahead). */
const openMonth = (ahead = 2) => monthOf(addMonths(`${monthOf(today())}-01`, ahead));
const lastMonth = () => monthOf(addMonths(`${monthOf(today())}-01`, -1));

const group = (plannedOn: string, extra: Record<string, unknown> = {}) => ({
  plannedOn,
  startsAt: '17:00',
  plannedMinutes: 150,
  online: false,
  place: 'Kasvulava saal, Riia 10',
  municipalityId: null as string | null,
  topic: 'Kiindumussuhte toetamine',
  leaderName: 'Kai Kuusk',
  familyType: 'hooldus',
  publicInfo: 'Registreeru: grupid@kasvulava.ee',
  ...extra,
});

async function actorOf(email: string): Promise<Actor> {
  const u = await t.database.db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id').select(['users.id', 'users.name', 'users.role', 'users.organisation_id', 'organisations.kind']).where('email', '=', email).executeTakeFirstOrThrow();
  return { userId: u.id, name: u.name, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind, personId: null };
}
const ctxOf = (actor: Actor): RequestContext => ({ actor, ip: null, locale: 'et' });

/**
 * An SKA-approved group of a submitted plan on a past day, as if planned and
 * decided months ago (a plan for a past month cannot be made through the API).
 */
async function pastApprovedGroup(providerId: string, plannedOn: string, extra: Partial<{ online: boolean; island: boolean; municipality_id: string | null; leader_specialist_id: string | null; topic: string }> = {}): Promise<{ id: string; version: number }> {
  const db = t.database.db;
  const month = monthOf(plannedOn);
  let plan = await db.selectFrom('support_group_plans').select('id').where('provider_organisation_id', '=', providerId).where('month', '=', month).executeTakeFirst();
  plan ??= await db.insertInto('support_group_plans').values({ provider_organisation_id: providerId, month, status: 'submitted', deadline_on: groupPlanDeadline(month), submitted_on: groupPlanDeadline(month) }).returning('id').executeTakeFirstOrThrow();
  const row = await db
    .insertInto('support_groups')
    .values({
      plan_id: plan.id,
      provider_organisation_id: providerId,
      planned_on: plannedOn,
      starts_at: '17:00',
      planned_minutes: 150,
      online: extra.online ?? false,
      place: extra.online ? null : 'Kogukonnamaja',
      municipality_id: extra.municipality_id ?? null,
      island: extra.island ?? false,
      topic: extra.topic ?? 'Teismelise kasvatamine',
      leader_name: 'Kai Kuusk',
      leader_specialist_id: extra.leader_specialist_id ?? null,
      family_type: 'hooldus',
      status: 'approved',
      created_by: adminActor.userId,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return row;
}

const signed = (n: number, signature = 'signed') => Array.from({ length: n }, (_, i) => ({ name: `Osaleja ${i + 1}`, signature }));

async function upload(client: TestClient, groupId: string, purpose: 'attendance-list' | 'screenshot', content: Buffer, filename = 'nimekiri.pdf') {
  return client.request({ method: 'POST', url: `/api/families/groups/${groupId}/files/${purpose}?filename=${encodeURIComponent(filename)}`, payload: content, headers: { 'content-type': 'application/octet-stream' } });
}

/** Records a held meeting through the API, with the attendance list uploaded for an in-person group. */
async function hold(client: TestClient, g: { id: string; version: number }, body: { heldOn: string; actualMinutes: number; participants: { name: string; signature: string }[]; leaderSigned?: boolean }, online = false) {
  if (!online) await ok(upload(client, g.id, 'attendance-list', Buffer.from('%PDF-1.4 nimekiri')), 201);
  const current = await ok(client.get(`/api/families/groups/${g.id}`));
  return ok(client.put(`/api/families/groups/${g.id}/attendance`, { version: current.version, leaderSigned: true, ...body }));
}

let saaremaa: string;
let tartu: string;

beforeAll(async () => {
  t = await createTestApp();
  p = await setUpProvider(t);
  deps = { db: t.database.db, config: t.config, jobs: null };
  adminActor = await actorOf('teenusepakkuja@tugi.demo');
  saaremaa = await orgId(t, 'Saaremaa vald');
  tartu = await orgId(t, 'Tartu linn');
});
afterAll(() => t.close());

describe('B-GRP-1: the monthly plan', () => {
  let planId: string;
  let groupId: string;

  it('B-GRP-1: the provider plans a month with groups; the island follows the KOV (Saaremaa ×1.5), online is never an island', async () => {
    const month = openMonth();
    const plan = await ok(p.admin.post('/api/families/group-plans', { month }), 201);
    planId = plan.id;
    expect(plan).toMatchObject({ month, status: 'draft', deadline: groupPlanDeadline(month), deadlineState: expect.stringMatching(/open|due_soon/), groups: [] });
    const island = await ok(p.admin.post(`/api/families/group-plans/${planId}/groups`, group(`${month}-05`, { municipalityId: saaremaa, plannedMinutes: 210 })), 201);
    expect(island).toMatchObject({ island: true, municipality: { name: 'Saaremaa vald' }, status: 'planned', participants: [] });
    groupId = island.id;
    const online = await ok(p.admin.post(`/api/families/group-plans/${planId}/groups`, group(`${month}-12`, { online: true, place: null, municipalityId: saaremaa, leaderSpecialistId: p.specialistId })), 201);
    expect(online).toMatchObject({ island: false, online: true, place: null, leaderSpecialistId: p.specialistId });
    await ok(p.admin.post(`/api/families/group-plans/${planId}/groups`, group(`${month}-20`, { municipalityId: tartu })), 201);
    await refused(p.admin.post('/api/families/group-plans', { month }), 409, 'B_GRP_PLAN_EXISTS');
  });

  it('B-GRP-1: bad input answers 400 with a message (date outside the month, in person without a place, a bad time)', async () => {
    const month = openMonth();
    const outside = await refused(p.admin.post(`/api/families/group-plans/${planId}/groups`, group(`${nextMonthOf(`${month}-01`)}-01`, { municipalityId: tartu })), 400, 'B_GRP_DATE_OUTSIDE_MONTH');
    expect(outside.message).toContain(month);
    const noPlace = await refused(p.admin.post(`/api/families/group-plans/${planId}/groups`, group(`${month}-06`, { place: null })), 400, 'B_GRP_PLACE_REQUIRED');
    expect(noPlace.details.fields.map((f: { path: string }) => f.path)).toEqual(['place', 'municipalityId']);
    const time = await refused(p.admin.post(`/api/families/group-plans/${planId}/groups`, group(`${month}-06`, { startsAt: '25:00', municipalityId: tartu })), 400, 'VALIDATION_FAILED');
    expect(time.message).toBeTruthy();
    await refused(p.admin.post(`/api/families/group-plans/${planId}/groups`, group(`${month}-06`, { municipalityId: p.providerId })), 400, 'B_GRP_MUNICIPALITY_INVALID');
    await refused(p.admin.post('/api/families/group-plans', { month: '2026-13' }), 400, 'VALIDATION_FAILED');
  });

  it('B-GRP-1: SKA cannot see a draft plan or its groups', async () => {
    expect((await p.ska.get(`/api/families/group-plans/${planId}`)).statusCode).toBe(404);
    expect((await p.ska.get(`/api/families/groups/${groupId}`)).statusCode).toBe(404);
    const list = await ok(p.ska.get(`/api/families/group-plans?month=${openMonth()}`));
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(planId);
  });

  it('B-GRP-1: the plan of a month whose deadline has passed is refused, naming the deadline', async () => {
    const month = monthOf(today());
    const error = await refused(p.admin.post('/api/families/group-plans', { month }), 422, 'B_GRP_PLAN_LATE');
    expect(error.message).toContain(groupPlanDeadline(month).split('-').reverse().join('.'));
  });

  it('B-GRP-1: submitted on the 15th of the month before is accepted, on the 16th refused (B_GRP_PLAN_LATE)', async () => {
    const ctx = ctxOf(adminActor);
    const onTime = openMonth(5);
    const late = openMonth(6);
    for (const month of [onTime, late]) {
      const id = await createPlan(deps, ctx, { month });
      await ok(p.admin.post(`/api/families/group-plans/${id}/groups`, group(`${month}-10`, { online: true, place: null })), 201);
    }
    const onTimePlan = (await ok(p.admin.get(`/api/families/group-plans?month=${onTime}`))).items[0];
    await submitPlan(deps, ctx, onTimePlan.id, { version: onTimePlan.version }, groupPlanDeadline(onTime));
    expect(await ok(p.admin.get(`/api/families/group-plans/${onTimePlan.id}`))).toMatchObject({ status: 'submitted', submittedOn: groupPlanDeadline(onTime), late: false });
    const latePlan = (await ok(p.admin.get(`/api/families/group-plans?month=${late}`))).items[0];
    await expect(submitPlan(deps, ctx, latePlan.id, { version: latePlan.version }, addCalendarDays(groupPlanDeadline(late), 1))).rejects.toMatchObject({ statusCode: 422, code: 'B_GRP_PLAN_LATE' });
    expect((await ok(p.admin.get(`/api/families/group-plans/${latePlan.id}`))).status).toBe('draft');
  });

  it('B-GRP-1: submitting tells the SKA contacts; a stale version is 409', async () => {
    const plan = await ok(p.admin.get(`/api/families/group-plans/${planId}`));
    await refused(p.admin.post(`/api/families/group-plans/${planId}/submit`, { version: plan.version + 1 }), 409, 'VERSION_CONFLICT');
    const submitted = await ok(p.admin.post(`/api/families/group-plans/${planId}/submit`, { version: plan.version }));
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: today() });
    const inbox = (await ok(p.ska.get('/api/me/notifications'))).items;
    expect(inbox[0]).toMatchObject({ titleKey: 'groups.notifications.planSubmitted', params: { provider: 'Perekeskus Kasvulava OÜ', month: openMonth() } });
    const seen = await ok(p.ska.get(`/api/families/group-plans?month=${openMonth()}`));
    expect(seen.items.map((x: { id: string }) => x.id)).toContain(planId);
  });

  it('B-GRP-1: SKA rejects a group only with a reason and approves another; the provider is told', async () => {
    const plan = await ok(p.ska.get(`/api/families/group-plans/${planId}`));
    const [first, second] = plan.groups;
    await refused(p.ska.post(`/api/families/groups/${first.id}/decision`, { version: first.version, decision: 'reject', reason: ' ' }), 400, 'B_GRP_REJECT_REASON_REQUIRED');
    const rejected = await ok(p.ska.post(`/api/families/groups/${first.id}/decision`, { version: first.version, decision: 'reject', reason: 'Teema ei ole tõenduspõhine (p 2.4.1)' }));
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Teema ei ole tõenduspõhine (p 2.4.1)', decidedOn: today() });
    await ok(p.ska.post(`/api/families/groups/${second.id}/decision`, { version: second.version, decision: 'approve' }));
    const inbox = (await ok(p.admin.get('/api/me/notifications'))).items.map((n: { titleKey: string }) => n.titleKey);
    expect(inbox).toEqual(expect.arrayContaining(['groups.notifications.groupRejected', 'groups.notifications.groupApproved']));
    expect((await p.admin.post(`/api/families/groups/${first.id}/decision`, { version: 2, decision: 'approve' })).statusCode).toBe(403);
  });

  it('B-GRP-1: the provider changes a rejected group before the deadline and it goes back to SKA', async () => {
    const g = await ok(p.admin.get(`/api/families/groups/${groupId}`));
    const changed = await ok(p.admin.patch(`/api/families/groups/${groupId}`, { version: g.version, ...group(g.plannedOn, { municipalityId: saaremaa, plannedMinutes: 210, topic: 'Traumateadlik kasvatus' }) }));
    expect(changed).toMatchObject({ status: 'planned', decisionReason: null, topic: 'Traumateadlik kasvatus', island: true });
  });
});

describe('B-GRP-2, B-GRP-3, B-GRP-5: attendance and pay', () => {
  const base = () => addMonths(`${monthOf(today())}-01`, -1);
  const day = (n: number) => addCalendarDays(base(), n);

  it('B-GRP-3: a 1 h 30 min online group with a screenshot is paid 0.75 units', async () => {
    const g = await pastApprovedGroup(p.providerId, day(1), { online: true });
    await refused(p.admin.put(`/api/families/groups/${g.id}/attendance`, { version: g.version, heldOn: addCalendarDays(today(), 1), actualMinutes: 90, leaderSigned: true, participants: signed(6, 'screenshot') }), 400, 'DATE_IN_FUTURE');
    await ok(upload(p.admin, g.id, 'screenshot', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('PNG screenshot')]), 'ekraan.png'), 201);
    const held = await hold(p.admin, g, { heldOn: day(1), actualMinutes: 90, participants: signed(6, 'screenshot') }, true);
    expect(held).toMatchObject({ status: 'held', pay: { units: 0.75, unitCents: 30_000, amountCents: 22_500, billable: true, excludedReason: null, participants: 6 } });
  });

  it('B-GRP-3: a 3 h 30 min meeting on Saaremaa is paid 1.5 × 1.5 = 2.25 units', async () => {
    const g = await pastApprovedGroup(p.providerId, day(2), { island: true, municipality_id: saaremaa });
    const held = await hold(p.admin, g, { heldOn: day(2), actualMinutes: 210, participants: signed(7) });
    expect(held.pay).toMatchObject({ units: 2.25, amountCents: 67_500, billable: true });
  });

  it('B-GRP-3: an in-person meeting of 1 h 59 min is recorded but not paid (B_GRP_TOO_SHORT)', async () => {
    const g = await pastApprovedGroup(p.providerId, day(3));
    const held = await hold(p.admin, g, { heldOn: day(3), actualMinutes: 119, participants: signed(8) });
    expect(held).toMatchObject({ status: 'held', pay: { units: 0, billable: false, excludedReason: 'B_GRP_TOO_SHORT' } });
  });

  it('B-GRP-2: 5 participants without SKA’s prior approval are not paid; with it they are', async () => {
    const without = await pastApprovedGroup(p.providerId, day(4));
    expect((await hold(p.admin, without, { heldOn: day(4), actualMinutes: 120, participants: signed(5) })).pay).toMatchObject({ billable: false, excludedReason: 'B_GRP_NEEDS_APPROVAL' });
    const withApproval = await pastApprovedGroup(p.providerId, day(5), { island: true, municipality_id: saaremaa });
    // SKA sees it (submitted plan) and approves the small group beforehand, with a reason.
    await refused(p.ska.post(`/api/families/groups/${withApproval.id}/small-group-approval`, { version: withApproval.version, approved: true }), 400, 'B_GRP_SMALL_GROUP_REASON_REQUIRED');
    const approved = await ok(p.ska.post(`/api/families/groups/${withApproval.id}/small-group-approval`, { version: withApproval.version, approved: true, reason: 'Saarel on vähe kasuperesid' }));
    expect(approved).toMatchObject({ smallGroupApproved: true, smallGroupReason: 'Saarel on vähe kasuperesid', smallGroupApprovedOn: today() });
    expect((await hold(p.admin, withApproval, { heldOn: day(5), actualMinutes: 120, participants: signed(5) })).pay).toMatchObject({ billable: true, units: 1.5 });
  });

  it('B-GRP-2: 3 participants are never paid (B_GRP_TOO_FEW); a participant who did not sign is not counted', async () => {
    const g = await pastApprovedGroup(p.providerId, day(6));
    const held = await hold(p.admin, g, { heldOn: day(6), actualMinutes: 150, participants: [...signed(3), { name: 'Allkirjata', signature: 'none' }] });
    expect(held).toMatchObject({ participantCount: 4, pay: { participants: 3, billable: false, excludedReason: 'B_GRP_TOO_FEW' } });
  });

  it('B-GRP-5: without the leader’s signature or the attendance list a meeting is not paid; only approved groups can be held', async () => {
    const g = await pastApprovedGroup(p.providerId, day(7));
    const noList = await ok(p.admin.put(`/api/families/groups/${g.id}/attendance`, { version: g.version, heldOn: day(7), actualMinutes: 120, leaderSigned: true, participants: signed(6) }));
    expect(noList.pay).toMatchObject({ billable: false, excludedReason: 'B_GRP_PROOF_MISSING' });
    const online = await pastApprovedGroup(p.providerId, day(7), { online: true });
    const digital = await ok(p.admin.put(`/api/families/groups/${online.id}/attendance`, { version: online.version, heldOn: day(7), actualMinutes: 120, leaderSigned: true, participants: signed(6, 'digital') }));
    expect(digital.pay).toMatchObject({ billable: true, units: 1 });
    const unsigned = await ok(p.admin.put(`/api/families/groups/${online.id}/attendance`, { version: digital.version, heldOn: day(7), actualMinutes: 120, leaderSigned: false, participants: signed(6, 'digital') }));
    expect(unsigned.pay.excludedReason).toBe('B_GRP_PROOF_MISSING');
    const planned = await pastApprovedGroup(p.providerId, day(8));
    await t.database.db.updateTable('support_groups').set({ status: 'planned' }).where('id', '=', planned.id).execute();
    await refused(p.admin.put(`/api/families/groups/${planned.id}/attendance`, { version: planned.version, heldOn: day(8), actualMinutes: 120, leaderSigned: true, participants: signed(6) }), 409, 'B_GRP_NOT_APPROVED');
    await refused(upload(p.admin, online.id, 'screenshot', Buffer.alloc(0)), 400, 'FILE_EMPTY');
  });

  it('B-SEC, B-GRP-5: the attendance list is stored encrypted and every download is audited', async () => {
    const g = await pastApprovedGroup(p.providerId, day(9));
    const content = Buffer.from('%PDF-1.4 OSALEJATE-NIMEKIRI Mari Tamm allkiri 2026');
    const uploaded = await ok(upload(p.admin, g.id, 'attendance-list', content, 'nimekiri õ.pdf'), 201);
    expect(uploaded.attendanceFile).toMatchObject({ filename: 'nimekiri õ.pdf' });
    const row = await t.database.db.selectFrom('report_files').select(['ciphertext', 'size']).where('id', '=', uploaded.attendanceFile.id).executeTakeFirstOrThrow();
    expect(row.size).toBe(content.length);
    expect(Buffer.from(row.ciphertext).includes(Buffer.from('OSALEJATE'))).toBe(false);
    const download = await p.ska.get(`/api/families/groups/${g.id}/files/attendance-list`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''nimekiri%20%C3%B5.pdf");
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_role']).where('record_type', '=', 'report_file').where('record_id', '=', uploaded.attendanceFile.id).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'create', actor_role: 'provider_admin' }, { action: 'read', actor_role: 'ska_contact' }]));
    expect((await p.admin.get(`/api/families/groups/${g.id}/files/screenshot`)).statusCode).toBe(404);
  });
});

describe('B-GRP-4: at most 12 paid groups a quarter, at least 1', () => {
  let liit: string;
  it('B-GRP-4: the 13th held group of a quarter is not paid while the 12th is; the 1st of the next quarter is paid again', async () => {
    const db = t.database.db;
    liit = await orgId(t, 'Tugiperede Liit MTÜ');
    await db.insertInto('provider_contracts').values({ reference: 'TL-LIIT', provider_organisation_id: liit, starts_on: '2024-01-01', ends_on: '2027-12-31', family_support_month_cents: 1, mentoring_session_cents: 1, support_group_meeting_cents: 20_000, counselling_session_cents: 1 }).execute();
    const key = encryptionKeyFrom(t.config);
    const days = ['2025-01-08', '2025-01-15', '2025-01-22', '2025-01-29', '2025-02-05', '2025-02-12', '2025-02-19', '2025-02-26', '2025-03-05', '2025-03-12', '2025-03-19', '2025-03-26', '2025-03-27', '2025-04-02'];
    for (const d of days) {
      const g = await pastApprovedGroup(liit, d);
      const file = await storeReportFile(db, key, { providerId: liit, purpose: 'attendance_list', filename: 'n.pdf', contentType: 'application/pdf', content: Buffer.from('x'), uploadedBy: adminActor.userId });
      await db.updateTable('support_groups').set({ status: 'held', held_on: d, actual_minutes: 120, leader_signed: true, attendance_file_id: file }).where('id', '=', g.id).execute();
      await db.insertInto('support_group_participants').values(signed(6).map((x) => ({ group_id: g.id, name: x.name, signature: 'signed' as const }))).execute();
    }
    // A not-payable group in between does not use up one of the 12.
    const short = await pastApprovedGroup(liit, '2025-01-09');
    await db.updateTable('support_groups').set({ status: 'held', held_on: '2025-01-09', actual_minutes: 60, leader_signed: true }).where('id', '=', short.id).execute();

    const january = await groupBillingForMonth(db, liit, '2025-01');
    expect(january.map((l) => [l.heldOn, l.billable, l.excludedReason])).toEqual([
      ['2025-01-08', true, null],
      ['2025-01-09', false, 'B_GRP_TOO_SHORT'],
      ['2025-01-15', true, null],
      ['2025-01-22', true, null],
      ['2025-01-29', true, null],
    ]);
    expect(january[0]).toMatchObject({ units: 1, unitCents: 20_000, amountCents: 20_000, paidCents: 20_000, participants: 6, quarterPosition: 1 });
    const march = await groupBillingForMonth(db, liit, '2025-03');
    expect(march.map((l) => [l.heldOn, l.quarterPosition, l.billable, l.excludedReason])).toEqual([
      ['2025-03-05', 9, true, null],
      ['2025-03-12', 10, true, null],
      ['2025-03-19', 11, true, null],
      ['2025-03-26', 12, true, null],
      ['2025-03-27', 13, false, 'B_GRP_OVER_QUARTER'],
    ]);
    expect(march[4]).toMatchObject({ amountCents: 20_000, paidCents: 0 });
    const april = await groupBillingForMonth(db, liit, '2025-04');
    expect(april).toMatchObject([{ heldOn: '2025-04-02', billable: true, quarterPosition: 1 }]);
  });

  it('B-GRP-4: quarter counts per provider for SKA, with the minimum of 1 flagged', async () => {
    const counts = await ok(p.ska.get('/api/families/groups/quarter-counts?quarter=2025-Q1'));
    const liitRow = counts.items.find((r: { provider: { name: string } }) => r.provider.name === 'Tugiperede Liit MTÜ');
    expect(liitRow).toMatchObject({ held: 14, paid: 12, overCap: 1, notPayable: 1, belowMinimum: false, approved: 14, planned: 14 });
    const kasvulava = counts.items.find((r: { provider: { name: string } }) => r.provider.name === 'Perekeskus Kasvulava OÜ');
    expect(kasvulava).toMatchObject({ held: 0, belowMinimum: true, minimumAtRisk: false });
    const own = await ok(p.admin.get('/api/families/groups/quarter-counts?quarter=2025-Q1'));
    expect(own.items.map((r: { provider: { name: string } }) => r.provider.name)).toEqual(['Perekeskus Kasvulava OÜ']);
    await refused(p.ska.get('/api/families/groups/quarter-counts?quarter=2025-Q5'), 400, 'VALIDATION_FAILED');
  });
});

describe('access per role', () => {
  let led: string;
  let notLed: string;
  it('a specialist sees and records only the groups they lead', async () => {
    const d = addCalendarDays(`${lastMonth()}-01`, 20);
    led = (await pastApprovedGroup(p.providerId, d, { leader_specialist_id: p.specialistId, topic: 'Juhitud grupp' })).id;
    notLed = (await pastApprovedGroup(p.providerId, d, { topic: 'Teise grupp' })).id;
    const list = await ok(p.supporter.get('/api/families/groups'));
    const ids = list.items.map((g: { id: string }) => g.id);
    expect(ids).toContain(led);
    expect(ids).not.toContain(notLed);
    expect(list.items.every((g: { leaderSpecialistId: string }) => g.leaderSpecialistId === p.specialistId)).toBe(true);
    expect((await p.supporter.get(`/api/families/groups/${notLed}`)).statusCode).toBe(404);
    const held = await ok(p.supporter.put(`/api/families/groups/${led}/attendance`, { version: 1, heldOn: d, actualMinutes: 150, leaderSigned: true, participants: signed(6, 'digital') }));
    expect(held.status).toBe('held');
    expect((await p.supporter.put(`/api/families/groups/${notLed}/attendance`, { version: 1, heldOn: d, actualMinutes: 150, leaderSigned: true, participants: signed(6) })).statusCode).toBe(404);
    expect((await p.supporter.post('/api/families/group-plans', { month: openMonth() })).statusCode).toBe(403);
  });

  it('another provider gets 404, a KOV worker 403', async () => {
    const other = await userOf(t, 'Tugiperede Liit MTÜ', 'provider_admin', 'grupid.liit@tugi.demo', 'Liisa Liit');
    expect((await other.client.get(`/api/families/groups/${led}`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/families/groups/${led}/files/attendance-list`)).statusCode).toBe(404);
    expect((await other.client.put(`/api/families/groups/${led}/attendance`, { version: 2, heldOn: today(), actualMinutes: 150, leaderSigned: true, participants: [] })).statusCode).toBe(404);
    const ownPlans = await ok(other.client.get('/api/families/group-plans'));
    expect(ownPlans.items.every((x: { provider: { name: string } }) => x.provider.name === 'Tugiperede Liit MTÜ')).toBe(true);
    const kov = await t.loginAs('kov_worker');
    expect((await kov.get('/api/families/groups')).statusCode).toBe(403);
    expect((await kov.get(`/api/families/groups/${led}`)).statusCode).toBe(403);
    expect((await kov.get('/api/families/group-plans')).statusCode).toBe(403);
  });

  it('the detail read is audited', async () => {
    await ok(p.ska.get(`/api/families/groups/${led}`));
    const rows = await t.database.db.selectFrom('audit_log').select('actor_role').where('record_type', '=', 'support_group').where('record_id', '=', led).where('action', '=', 'read').execute();
    expect(rows.map((r) => r.actor_role)).toContain('ska_contact');
  });
});

describe('§2.8.2.2: the public list of upcoming groups', () => {
  it('public JSON shows approved upcoming groups with public fields only, never participants', async () => {
    const anonymous = t.client();
    const body = await ok(anonymous.get(`/api/public/support-groups?providerId=${p.providerId}`));
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(['date', 'familyType', 'id', 'leaderName', 'minutes', 'municipality', 'online', 'place', 'provider', 'publicInfo', 'startsAt', 'topic']);
      expect(item.date >= today()).toBe(true);
    }
    expect(body.items.map((i: { topic: string }) => i.topic)).not.toContain('Traumateadlik kasvatus'); // planned, not approved
    expect(JSON.stringify(body)).not.toContain('Osaleja');
    await refused(anonymous.get('/api/public/support-groups?providerId=nope'), 400, 'VALIDATION_FAILED');
  });

  it('the widget is escaped HTML that any site may frame', async () => {
    const month = openMonth(3);
    const plan = await ok(p.admin.post('/api/families/group-plans', { month }), 201);
    const g = await ok(p.admin.post(`/api/families/group-plans/${plan.id}/groups`, group(`${month}-07`, { municipalityId: tartu, topic: '<script>alert(1)</script> & "kasvatus"' })), 201);
    await ok(p.admin.post(`/api/families/group-plans/${plan.id}/submit`, { version: plan.version }));
    await ok(p.ska.post(`/api/families/groups/${g.id}/decision`, { version: g.version, decision: 'approve' }));
    const widget = await t.client().get(`/api/public/support-groups/widget?providerId=${p.providerId}&lang=ru`);
    expect(widget.statusCode).toBe(200);
    expect(widget.headers['content-type']).toContain('text/html');
    expect(widget.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(widget.headers['x-frame-options']).toBeUndefined();
    expect(widget.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;kasvatus&#34;');
    expect(widget.body).not.toContain('<script');
    expect(widget.body).toContain('Предстоящие группы поддержки: Perekeskus Kasvulava OÜ');
    // Other pages stay unframeable.
    expect((await t.client().get('/api/public/support-groups')).headers['x-frame-options']).toBe('DENY');
  });
});

describe('home page and reminders', () => {
  it('B-GRP-1: the provider sees next month’s plan due; SKA sees groups waiting for a decision', async () => {
    const items = (await ok(p.admin.get('/api/home'))).items;
    const due = items.find((i: { id: string }) => i.id === 'groups.planDue');
    expect(due).toMatchObject({ dueDate: groupPlanDeadline(nextMonthOf(today())), params: { month: nextMonthOf(today()) } });
    expect(items.find((i: { id: string }) => i.id === 'groups.attendanceDue')).toBeTruthy();
    const ska = (await ok(p.ska.get('/api/home'))).items;
    expect(ska.find((i: { id: string }) => i.id === 'groups.toDecide')).toMatchObject({ count: expect.any(Number), link: '/families/groups?status=planned' });
  });

  it('B-GRP-1: on the 10th providers without next month’s plan are reminded once', async () => {
    const tenth = new Date(`${monthOf(today())}-10T09:00:00Z`);
    const first = await remindGroupPlans(t.database.db, tenth);
    expect(first).toBeGreaterThan(0);
    expect(await remindGroupPlans(t.database.db, tenth)).toBe(0);
    expect(await remindGroupPlans(t.database.db, new Date(`${monthOf(today())}-05T09:00:00Z`))).toBe(0);
  });
});
