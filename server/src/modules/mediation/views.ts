import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { can } from '../../platform/policy/policy.js';
import { agreementOf, bookingsOf, partiesOf, type PartyRow, type ProceedingRow } from './queries.js';
import { beforeCutoff, OPEN_STATUSES } from './rules.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * E-PROFILE as each role sees it: SKA and the mediator see everything; a
 * client sees the proceedings, their own residence and contact data, and of
 * the other parent only the name (mediation between parents in conflict: an
 * address is not shared through Tugi), and no notes.
 */
export async function proceedingDetail(db: Kysely<DB>, actor: Actor, p: ProceedingRow, now = new Date()) {
  const [parties, bookings, agreement] = await Promise.all([partiesOf(db, [p.id]), bookingsOf(db, p.id), agreementOf(db, p.id)]);
  const client = actor.role === 'client';
  const isMe = (x: PartyRow) => client && x.person_id === actor.personId;
  const open = OPEN_STATUSES.includes(p.status);
  const me = parties.find(isMe);
  const party = (x: PartyRow) => ({
    partyId: x.id,
    personId: x.person_id,
    firstName: x.first_name,
    lastName: x.last_name,
    personalCode: !client || isMe(x) || x.role === 'child' ? x.personal_code : null,
    birthDate: x.birth_date,
    isMe: isMe(x),
    version: x.version,
  });
  return {
    view: {
      id: p.id,
      reference: p.reference,
      status: p.status,
      version: p.version,
      referredBy: p.referred_by,
      referrerName: p.referrer_name,
      referredOn: p.referred_on,
      topics: p.topics,
      description: p.description,
      language: p.language,
      notes: client ? null : p.notes,
      mediator: p.mediator_id ? { id: p.mediator_id, name: p.mediator_name ?? '' } : null,
      assignedAt: iso(p.assigned_at),
      assignmentReason: p.assignment_reason,
      refusedMediators: p.refused_mediator_ids.length,
      endedOn: p.ended_on,
      endReason: p.end_reason,
      parents: parties
        .filter((x) => x.role === 'parent')
        .map((x) => ({
          ...party(x),
          consentedAt: iso(x.consented_at),
          preferredMediatorId: !client || isMe(x) ? x.preferred_mediator_id : null,
          contact: !client || isMe(x) ? { address: x.address, kovOrganisationId: x.kov_organisation_id, kovName: x.kov_name, county: x.kov_county, phone: x.phone, email: x.email } : null,
        })),
      children: parties.filter((x) => x.role === 'child').map(party),
      bookings: bookings.map((b) => ({
        id: b.id,
        startsAt: b.starts_at.toISOString(),
        endsAt: b.ends_at.toISOString(),
        status: b.status,
        version: b.version,
        mediatorName: b.mediator_name,
        cancelReason: b.cancel_reason,
        changeable: b.status === 'booked' && beforeCutoff(b.starts_at, now),
      })),
      agreement: agreement
        ? {
            id: agreement.id,
            concludedOn: agreement.concluded_on,
            custody: agreement.custody,
            childPersonIds: agreement.child_person_ids,
            summary: agreement.summary,
            delivery:
              agreement.delivery_id && can(actor, 'register_delivery', 'read')
                ? {
                    id: agreement.delivery_id,
                    status: agreement.delivery_status!,
                    attempts: agreement.delivery_attempts ?? 0,
                    lastError: agreement.delivery_error,
                    deliveredAt: iso(agreement.delivered_at),
                    registerReference: agreement.register_reference,
                    nextAttemptAt: iso(agreement.next_attempt_at),
                  }
                : null,
          }
        : null,
      can: {
        consent: open && ((client && Boolean(me)) || actor.role === 'ska_contact'),
        refuse: open && Boolean(p.mediator_id) && ((client && Boolean(me)) || actor.role === 'ska_contact'),
        assign: open && can(actor, 'mediation_proceeding', 'assign'),
        book: open && Boolean(p.mediator_id) && can(actor, 'mediation_booking', 'create'),
        write: can(actor, 'mediation_message', 'create'),
        decide: actor.role === 'ska_contact',
        recordOutcome: open && actor.role === 'mediator',
        end: open && (actor.role === 'mediator' || actor.role === 'ska_contact'),
      },
    },
    personIds: parties.map((x) => x.person_id),
  };
}
