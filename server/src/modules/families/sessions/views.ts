import type { z } from 'zod';
import { quarterOf } from '../service-limits.js';
import type { ExtraRow, SessionRow } from './queries.js';
import type { extraSchema, sessionSchema } from './schemas.js';

/** What the API answers for a session and an extra-session request. */
export function sessionView(r: SessionRow): z.infer<typeof sessionSchema> {
  return {
    id: r.id,
    service: r.service,
    family: { id: r.family_id, reference: r.family_reference },
    episodeId: r.episode_id,
    provider: { id: r.provider_organisation_id, name: r.provider_name },
    specialist: { id: r.specialist_id, name: r.specialist_name },
    heldOn: r.held_on,
    quarter: quarterOf(r.held_on),
    minutes: r.minutes,
    mode: r.mode,
    remoteAgreedOn: r.remote_agreed_on,
    participants: r.participants,
    summary: r.summary,
    status: r.status,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export function extraView(r: ExtraRow): z.infer<typeof extraSchema> {
  return {
    id: r.id,
    family: { id: r.family_id, reference: r.family_reference },
    provider: { id: r.provider_organisation_id, name: r.provider_name },
    year: r.year,
    requestedSessions: r.requested_sessions,
    justification: r.justification,
    status: r.status,
    approvedSessions: r.approved_sessions,
    decisionReason: r.decision_reason,
    requestedBy: r.requested_by_name,
    requestedOn: r.requested_on,
    decidedBy: r.decided_by_name,
    decidedOn: r.decided_on,
    version: r.version,
  };
}
