import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { addCalendarDays, todayInTallinn, type IsoDate } from '../../../platform/calendar/working-days.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { groupPlanDeadline } from '../service-limits.js';
import { storeReportFile } from '../report-files.js';
import { encryptionKeyFrom } from '../../../platform/crypto/keys.js';
import type { GroupFamilyType, ParticipantSignature } from '../service-tables.js';
import { firstOpenPlanMonth, monthOf, nextMonthOf } from './rules.js';

/**
 * Demo support groups (B-GRP-1..5) for both demo providers: last month's
 * submitted plan with held groups and their attendance (one on Saaremaa with
 * SKA's small-group approval, one online with a screenshot, one too short,
 * one rejected by SKA, one approved whose attendance is still to be recorded),
 * this month's approved groups, and next month's draft
 * plan for Kasvulava. Idempotent: nothing is added once a provider has a plan.
 *
 * `key` is the installation's file key (`encryptionKeyFrom(config)`); by
 * default the demo key, or TUGI_ENCRYPTION_KEY when set.
 */
type Trx = Transaction<DB>;

interface DemoGroup {
  day: number;
  startsAt: string;
  minutes: number;
  online?: boolean;
  place?: string;
  kov?: string;
  topic: string;
  familyType: GroupFamilyType;
  publicInfo?: string;
  leader?: string;
  status: 'planned' | 'approved' | 'rejected' | 'held' | 'cancelled';
  rejectReason?: string;
  smallGroup?: string;
  held?: { minutes: number; participants: number; signature: ParticipantSignature; file: boolean; screenshot?: boolean };
}

const PARENTS = ['Mari Tamm', 'Kati Saar', 'Liis Sepp', 'Anu Mägi', 'Tiina Kask', 'Jaan Kukk', 'Toomas Rebane', 'Urve Lepik', 'Olga Ivanova', 'Margus Põder', 'Svetlana Smirnova'];

const KASVULAVA_LAST: DemoGroup[] = [
  { day: 6, startsAt: '17:30', minutes: 150, place: 'Kasvulava saal, Riia 10', kov: 'Tartu linn', topic: 'Kiindumussuhte toetamine', familyType: 'hooldus', leader: 'Kai Kuusk', status: 'held', held: { minutes: 150, participants: 8, signature: 'signed', file: true } },
  { day: 13, startsAt: '11:00', minutes: 180, place: 'Kuressaare kultuurikeskus', kov: 'Saaremaa vald', topic: 'Teismeline kasuperes', familyType: 'mixed', leader: 'Kai Kuusk', status: 'held', smallGroup: 'Saarel on vähe kasuperesid; 5 osalejat kooskõlastatud e-kirjaga', held: { minutes: 200, participants: 5, signature: 'signed', file: true } },
  { day: 18, startsAt: '19:00', minutes: 90, online: true, topic: 'Lapse päritolu ja identiteet', familyType: 'lapsendaja', leader: 'Maret Mänd', status: 'held', held: { minutes: 90, participants: 7, signature: 'screenshot', file: false, screenshot: true } },
  { day: 22, startsAt: '17:00', minutes: 120, place: 'Kasvulava saal, Riia 10', kov: 'Tartu linn', topic: 'Koolimured ja koostöö kooliga', familyType: 'eestkoste', leader: 'Kai Kuusk', status: 'held', held: { minutes: 105, participants: 6, signature: 'signed', file: true } },
  { day: 27, startsAt: '18:00', minutes: 120, place: 'Elva raamatukogu', kov: 'Elva vald', topic: 'Vanemate läbipõlemine', familyType: 'mixed', leader: 'Välislektor', status: 'rejected', rejectReason: 'Läbiviija ei ole teenuse osutajana kooskõlastatud (p 2.8.6).' },
  // Approved and past, attendance not recorded yet (B-GRP-5 due): on any date there is one such group last month.
  { day: 29, startsAt: '17:00', minutes: 120, place: 'Kasvulava saal, Riia 10', kov: 'Tartu linn', topic: 'Õed-vennad kasuperes', familyType: 'hooldus', leader: 'Kai Kuusk', status: 'approved' },
];

const KASVULAVA_THIS: DemoGroup[] = [
  { day: 8, startsAt: '17:30', minutes: 150, place: 'Kasvulava saal, Riia 10', kov: 'Tartu linn', topic: 'Emotsioonide reguleerimine lapsel', familyType: 'hooldus', leader: 'Kai Kuusk', status: 'approved', publicInfo: 'Registreerimine: grupid@kasvulava.ee või 5555 1234. Lapsehoid kohapeal.' },
  { day: 17, startsAt: '19:00', minutes: 120, online: true, topic: 'Suhtlus lapse bioloogilise perega', familyType: 'mixed', leader: 'Maret Mänd', status: 'approved', publicInfo: 'Zoomi link saadetakse registreerunutele: grupid@kasvulava.ee' },
  { day: 26, startsAt: '11:00', minutes: 180, place: 'Kuressaare kultuurikeskus', kov: 'Saaremaa vald', topic: 'Kasupere igapäevaelu ja puhkus', familyType: 'mixed', leader: 'Kai Kuusk', status: 'approved', smallGroup: 'Saaremaa hajaasustus', publicInfo: 'Registreerimine telefonil 5555 1234.' },
];

const KASVULAVA_NEXT: DemoGroup[] = [
  { day: 9, startsAt: '17:30', minutes: 150, place: 'Kasvulava saal, Riia 10', kov: 'Tartu linn', topic: 'Trauma mõju lapse käitumisele', familyType: 'hooldus', leader: 'Kai Kuusk', status: 'planned', publicInfo: 'Registreerimine: grupid@kasvulava.ee' },
  { day: 21, startsAt: '19:00', minutes: 120, online: true, topic: 'Lapsendamisest rääkimine lapsega', familyType: 'lapsendaja', leader: 'Maret Mänd', status: 'planned' },
];

const LIIT_LAST: DemoGroup[] = [
  { day: 10, startsAt: '18:00', minutes: 150, place: 'Tallinna Perekeskus, Endla 4', kov: 'Tallinna linn', topic: 'Eestkosteperede tugigrupp', familyType: 'eestkoste', leader: 'Lea Liit', status: 'held', held: { minutes: 150, participants: 9, signature: 'signed', file: true } },
  { day: 24, startsAt: '18:00', minutes: 120, place: 'Narva Kolledž', kov: 'Narva linn', topic: 'Группа поддержки для приёмных семей', familyType: 'hooldus', leader: 'Lea Liit', status: 'held', held: { minutes: 120, participants: 3, signature: 'signed', file: true } },
];

const LIIT_THIS: DemoGroup[] = [
  { day: 14, startsAt: '18:00', minutes: 150, place: 'Tallinna Perekeskus, Endla 4', kov: 'Tallinna linn', topic: 'Kasulapse kooliminek', familyType: 'mixed', leader: 'Lea Liit', status: 'approved', publicInfo: 'Info ja registreerimine: info@tugiperedeliit.ee' },
  { day: 28, startsAt: '18:00', minutes: 120, place: 'Pärnu Keskraamatukogu', kov: 'Pärnu linn', topic: 'Kasvatusküsimused väikelapse peres', familyType: 'hooldus', leader: 'Lea Liit', status: 'planned' },
];

function dayOf(month: string, day: number): IsoDate {
  const last = Number(addCalendarDays(`${nextMonthOf(`${month}-01`)}-01`, -1).slice(8, 10));
  return `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export async function seedDemoGroups(db: Kysely<DB>, now: Date, key: Buffer = encryptionKeyFrom({ demo: true, encryptionKey: process.env.TUGI_ENCRYPTION_KEY })): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const today = todayInTallinn(now);
    const thisMonth = monthOf(today);
    const lastMonth = monthOf(addCalendarDays(`${thisMonth}-01`, -1));
    const nextMonth = nextMonthOf(today);
    // The draft is the first plan still open; after the 15th next month's plan has been submitted already.
    const openMonth = firstOpenPlanMonth(today);
    const kasvulavaAhead: [string, DemoGroup[], 'submitted' | 'draft'][] =
      openMonth === nextMonth ? [[nextMonth, KASVULAVA_NEXT, 'draft']] : [[nextMonth, KASVULAVA_THIS, 'submitted'], [openMonth, KASVULAVA_NEXT, 'draft']];
    const ska = await trx.selectFrom('users').select('id').where('role', '=', 'ska_contact').where('active', '=', true).orderBy('created_at').executeTakeFirst();
    if (!ska) return 0;
    let created = 0;
    const plans: [string, [string, DemoGroup[], 'submitted' | 'draft'][]][] = [
      ['Perekeskus Kasvulava OÜ', [[lastMonth, KASVULAVA_LAST, 'submitted'], [thisMonth, KASVULAVA_THIS, 'submitted'], ...kasvulavaAhead]],
      ['Tugiperede Liit MTÜ', [[lastMonth, LIIT_LAST, 'submitted'], [thisMonth, LIIT_THIS, 'submitted']]],
    ];
    for (const [providerName, months] of plans) {
      const provider = await trx.selectFrom('organisations').select('id').where('name', '=', providerName).where('kind', '=', 'provider').executeTakeFirst();
      if (!provider) continue;
      const known = await trx.selectFrom('support_group_plans').select('id').where('provider_organisation_id', '=', provider.id).executeTakeFirst();
      if (known) continue;
      const admin = await trx.selectFrom('users').select('id').where('organisation_id', '=', provider.id).where('role', '=', 'provider_admin').orderBy('created_at').executeTakeFirst();
      if (!admin) continue;
      for (const [month, groups, status] of months) created += await seedPlan(trx, key, { providerId: provider.id, adminId: admin.id, skaId: ska.id, month, groups, status, today });
    }
    if (created) await appendAudit(trx, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: 'demo-groups' }]);
    return created;
  });
}

async function seedPlan(
  trx: Trx,
  key: Buffer,
  p: { providerId: string; adminId: string; skaId: string; month: string; groups: DemoGroup[]; status: 'submitted' | 'draft'; today: IsoDate },
): Promise<number> {
  const deadline = groupPlanDeadline(p.month);
  const submittedOn = p.status === 'submitted' ? (deadline < p.today ? addCalendarDays(deadline, -2) : p.today) : null;
  const plan = await trx
    .insertInto('support_group_plans')
    .values({ provider_organisation_id: p.providerId, month: p.month, status: p.status, deadline_on: deadline, submitted_on: submittedOn, submitted_by: submittedOn ? p.adminId : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const kovs = await trx.selectFrom('organisations').select(['id', 'name', 'island']).where('kind', '=', 'kov').execute();
  const specialists = await trx
    .selectFrom('provider_specialists')
    .innerJoin('users', 'users.id', 'provider_specialists.user_id')
    .select(['provider_specialists.id', 'users.name'])
    .where('provider_specialists.provider_organisation_id', '=', p.providerId)
    .execute();
  let n = 0;
  for (const g of p.groups) {
    const plannedOn = dayOf(p.month, g.day);
    // A held group needs its day to have passed; otherwise it stays approved (attendance due).
    const status = g.status === 'held' && plannedOn > p.today ? 'approved' : g.status;
    const kov = g.kov ? kovs.find((k) => k.name === g.kov) : undefined;
    const decided = status !== 'planned' && submittedOn ? addCalendarDays(submittedOn, 1) : null;
    const row = await trx
      .insertInto('support_groups')
      .values({
        plan_id: plan.id,
        provider_organisation_id: p.providerId,
        planned_on: plannedOn,
        starts_at: g.startsAt,
        planned_minutes: g.minutes,
        online: g.online ?? false,
        place: g.online ? null : (g.place ?? null),
        municipality_id: kov?.id ?? null,
        island: !g.online && Boolean(kov?.island),
        topic: g.topic,
        leader_name: g.leader ?? 'Kai Kuusk',
        leader_specialist_id: specialists.find((s) => s.name === g.leader)?.id ?? null,
        family_type: g.familyType,
        public_info: g.publicInfo ?? null,
        status,
        decision_reason: g.rejectReason ?? null,
        decided_by: decided ? p.skaId : null,
        decided_on: decided,
        small_group_approved: Boolean(g.smallGroup),
        small_group_reason: g.smallGroup ?? null,
        small_group_approved_by: g.smallGroup ? p.skaId : null,
        small_group_approved_on: g.smallGroup ? decided : null,
        created_by: p.adminId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    n++;
    if (status !== 'held' || !g.held) continue;
    const h = g.held;
    const file = h.file
      ? await storeReportFile(trx, key, { providerId: p.providerId, purpose: 'attendance_list', filename: `osalejad-${plannedOn}.pdf`, contentType: 'application/pdf', content: demoPdf(plannedOn), uploadedBy: p.adminId })
      : null;
    const screenshot = h.screenshot
      ? await storeReportFile(trx, key, { providerId: p.providerId, purpose: 'attendance_screenshot', filename: `ekraanipilt-${plannedOn}.png`, contentType: 'image/png', content: DEMO_PNG, uploadedBy: p.adminId })
      : null;
    await trx
      .updateTable('support_groups')
      .set({ held_on: plannedOn, actual_minutes: h.minutes, leader_signed: true, attendance_file_id: file, screenshot_file_id: screenshot, version: 2 })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('support_group_participants')
      .values(Array.from({ length: h.participants }, (_, i) => ({ group_id: row.id, name: PARENTS[(i + g.day) % PARENTS.length]!, signature: h.signature })))
      .execute();
  }
  return n;
}

/** A one-page PDF standing in for a scanned attendance list. */
function demoPdf(date: string): Buffer {
  const text = `Osalejate nimekiri ${date}`;
  const stream = `BT /F1 14 Tf 50 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG standing in for a screenshot. */
const DEMO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
