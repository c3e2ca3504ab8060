import type { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import type { IsoDate } from '../../platform/calendar/working-days.js';
import { attendanceOfGroup, sessionsOf, type GroupRow, type RegistrationRow, type SessionRow, type TrainingRow } from './queries.js';
import { feedbackOpen, freePlaces, isUnderfilled, registrationState } from './rules.js';
import type { groupDetail, groupView, registrationView, trainingView } from './schemas.js';
import type { AttendanceStatus } from './tables.js';

/** Rows to the API's shapes (schemas.ts). */

type Db = Kysely<DB> | Transaction<DB>;
export type TrainingView = z.infer<typeof trainingView>;
export type GroupView = z.infer<typeof groupView>;
export type RegistrationView = z.infer<typeof registrationView>;
type Mine = { id: string; groupId: string; status: string } | null;

export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function toTrainingView(t: TrainingRow, names: ReadonlyMap<string, string>, mine: Mine): TrainingView {
  return {
    id: t.id,
    reference: t.reference,
    title: t.title,
    curriculum: t.curriculum,
    topics: t.topics,
    targetGroup: t.target_group,
    eligibleOrganisations: t.eligible_organisation_ids ? t.eligible_organisation_ids.map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'et')) : null,
    academicHours: t.academic_hours,
    days: t.days,
    form: t.form,
    provider: { id: t.provider_organisation_id, name: t.provider_name },
    windowStart: t.window_start,
    windowEnd: t.window_end,
    status: t.status,
    groupCount: t.group_count,
    myRegistration: mine,
    version: t.version,
  };
}

export function toGroupView(g: GroupRow, sessions: readonly SessionRow[], on: IsoDate): GroupView {
  const state = { status: g.status, registrationClosesOn: g.registration_closes_on, startsOn: g.starts_on, capacityMin: g.capacity_min };
  return {
    id: g.id,
    training: { id: g.training_id, reference: g.training_reference, title: g.training_title, form: g.training_form, academicHours: g.training_hours, days: g.training_days, provider: g.provider_name },
    number: g.number,
    city: g.city,
    venue: g.venue,
    startsOn: g.starts_on,
    endsOn: g.ends_on,
    sessions: sessions.filter((s) => s.group_id === g.id).map((s) => ({ id: s.id, day: s.day, startsAt: s.starts_at, endsAt: s.ends_at })),
    capacityMin: g.capacity_min,
    capacityMax: g.capacity_max,
    confirmed: g.confirmed_count,
    waitlisted: g.waitlist_count,
    freePlaces: g.status === 'scheduled' ? freePlaces(g.confirmed_count, g.capacity_max) : 0,
    trainer: g.trainer_user_id ? { id: g.trainer_user_id, name: g.trainer_name ?? '' } : null,
    registrationClosesOn: g.registration_closes_on,
    registrationState: registrationState(state, on),
    underfilled: isUnderfilled(state, g.confirmed_count, on),
    attendanceDue: g.status === 'scheduled' && g.attendance_due,
    status: g.status,
    cancelReason: g.cancel_reason,
    cancelledOn: g.cancelled_on,
    mergedInto: g.merged_into_group_id ? { id: g.merged_into_group_id, number: g.merged_into_number ?? 0 } : null,
    version: g.version,
  };
}

export async function groupViews(db: Db, rows: readonly GroupRow[], on: IsoDate): Promise<GroupView[]> {
  const sessions = await sessionsOf(db, rows.map((r) => r.id));
  return rows.map((r) => toGroupView(r, sessions, on));
}

export function toRegistrationView(r: RegistrationRow, actor: Actor, on: IsoDate): RegistrationView {
  const own = r.user_id === actor.userId;
  return {
    id: r.id,
    queueNo: Number(r.queue_no),
    training: { id: r.training_id, reference: r.training_reference, title: r.training_title, academicHours: r.training_hours },
    group: { id: r.group_id, number: r.group_number, city: r.group_city, venue: r.group_venue, startsOn: r.group_starts_on, endsOn: r.group_ends_on, status: r.group_status },
    participant: { id: r.user_id, name: r.participant_name },
    organisation: { id: r.organisation_id, name: r.organisation_name },
    status: r.status,
    waitlistPosition: r.waitlist_position,
    registeredBy: r.registered_by_name,
    registeredAt: r.registered_at.toISOString(),
    cancelledAt: r.cancelled_at ? r.cancelled_at.toISOString() : null,
    cancelReason: r.cancel_reason,
    fullAttendance: r.full_attendance,
    attendedAny: r.attended_any,
    feedbackGiven: r.feedback_given,
    feedbackOpen: own && r.status === 'confirmed' && r.attended_any && !r.feedback_given && feedbackOpen({ endsOn: r.group_ends_on, status: r.group_status }, on),
    certificateAvailable: r.full_attendance,
    own,
    version: r.version,
  };
}

export async function groupDetailView(db: Db, g: GroupRow, registrations: readonly RegistrationRow[], actor: Actor, opts: { on: IsoDate; canTakeAttendance: boolean; seesAttendance: boolean; mine: Mine }): Promise<z.infer<typeof groupDetail>> {
  const [view] = await groupViews(db, [g], opts.on);
  const marks = opts.seesAttendance ? await attendanceOfGroup(db, g.id) : [];
  const byRegistration = new Map<string, Record<string, AttendanceStatus>>();
  for (const m of marks) byRegistration.set(m.registration_id, { ...byRegistration.get(m.registration_id), [m.session_id]: m.status });
  return {
    ...view!,
    registrations: registrations.map((r) => ({ ...toRegistrationView(r, actor, opts.on), attendance: byRegistration.get(r.id) ?? {} })),
    canTakeAttendance: opts.canTakeAttendance,
    myRegistration: opts.mine,
  };
}
