import type { Kysely } from 'kysely';
import type { DB, Locale } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import { can } from '../../../platform/policy/policy.js';
import { translate } from '../../../platform/i18n/messages.js';
import { today } from '../shared.js';
import { endedEpisodes } from './monthly-draft.js';
import { linesOf, signaturesOf, specialistIdsOfUser, type LineRow, type ReportRow } from './monthly-queries.js';
import { lineAmount, reportOverdue, signatureKey, signatureNeeds, submittedLate } from './monthly-rules.js';
import type { ReportLineService } from '../service-tables.js';

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : d);

export function reportSummary(r: ReportRow) {
  const on = today();
  return {
    id: r.id,
    reference: r.reference,
    month: r.month,
    status: r.status,
    revision: r.revision,
    version: r.version,
    provider: { id: r.provider_organisation_id, name: r.provider_name },
    contract: r.contract_id ? { id: r.contract_id, reference: r.contract_reference ?? '' } : null,
    dueOn: r.due_on,
    /** B-REP-1: first submitted after the 5th. */
    late: r.submitted_on ? submittedLate(r.due_on, r.submitted_on) : false,
    /** Not yet submitted (or returned and not resubmitted) and past the 5th. */
    overdue: reportOverdue(r.status, r.due_on, on),
    totalCents: Number(r.total_cents),
    excludedCents: Number(r.excluded_cents),
    submittedOn: r.submitted_on,
    decidedOn: r.decided_on,
  };
}

export function lineView(l: LineRow, locale: Locale) {
  return {
    id: l.id,
    position: l.position,
    revision: l.revision,
    service: l.service,
    // Family reference and parents' names only: never a child's name or origin data (X-SECRET).
    family: l.family_id ? { id: l.family_id, reference: l.family_reference ?? '', parentNames: l.parent_names, adoptionSecrecy: l.adoption_secrecy ?? false } : null,
    specialist: l.specialist_id ? { id: l.specialist_id, name: l.specialist_name ?? '' } : null,
    episodeId: l.episode_id,
    sessionId: l.session_id,
    groupId: l.group_id,
    occurredOn: l.occurred_on,
    description: l.description,
    quantity: l.quantity_milli / 1000,
    unitCents: l.unit_cents,
    amountCents: l.amount_cents,
    /** What an excluded line would have cost. */
    valueCents: lineAmount(l.quantity_milli, l.unit_cents),
    billable: l.billable,
    excludedReason: l.excluded_reason,
    excludedReasonText: l.excluded_reason ? translate(locale, `MONTHLY_REASON_${l.excluded_reason}`) : null,
    skaComment: l.ska_comment,
  };
}

export type LineView = ReturnType<typeof lineView>;

function grouped(lines: LineView[]) {
  const byService = new Map<ReportLineService, { service: ReportLineService; lines: number; billableCents: number; excludedCents: number }>();
  const bySpecialist = new Map<string, { specialistId: string | null; name: string | null; lines: number; billableCents: number; excludedCents: number }>();
  for (const l of lines) {
    const s = byService.get(l.service) ?? { service: l.service, lines: 0, billableCents: 0, excludedCents: 0 };
    const key = l.specialist?.id ?? '-';
    const p = bySpecialist.get(key) ?? { specialistId: l.specialist?.id ?? null, name: l.specialist?.name ?? null, lines: 0, billableCents: 0, excludedCents: 0 };
    for (const g of [s, p]) {
      g.lines += 1;
      if (l.billable) g.billableCents += l.amountCents;
      else g.excludedCents += l.valueCents;
    }
    byService.set(l.service, s);
    bySpecialist.set(key, p);
  }
  return { byService: [...byService.values()], bySpecialist: [...bySpecialist.values()] };
}

/** The report as its reader may see it: a specialist only their own lines, signatures and sums. */
export async function reportDetail(db: Kysely<DB>, actor: Actor, locale: Locale, r: ReportRow, revision = r.revision) {
  const rows = await linesOf(db, actor, r.id, revision);
  const lines = rows.map((l) => lineView(l, locale));
  const specialistOnly = actor.role === 'provider_specialist';
  const mine = specialistOnly ? await specialistIdsOfUser(db, actor.userId) : [];
  const allLines = specialistOnly ? await db.selectFrom('monthly_report_lines').select(['service', 'specialist_id as specialistId', 'family_id as familyId']).where('report_id', '=', r.id).where('revision', '=', revision).execute() : rows.map((l) => ({ service: l.service, specialistId: l.specialist_id, familyId: l.family_id }));
  const needs = signatureNeeds(allLines).filter((n) => !specialistOnly || mine.includes(n.specialistId));
  const given = await signaturesOf(db, r.id, revision);
  const names = new Map<string, string>();
  for (const l of rows) {
    if (l.specialist_id) names.set(`s:${l.specialist_id}`, l.specialist_name ?? '');
    if (l.family_id) names.set(`f:${l.family_id}`, `${l.family_reference ?? ''}${l.parent_names ? ` (${l.parent_names})` : ''}`);
  }
  const signatures = needs.map((n) => {
    const s = given.find((g) => signatureKey({ signer: g.signer, specialistId: g.specialist_id, familyId: g.family_id }) === signatureKey(n));
    return {
      signer: n.signer,
      specialistId: n.specialistId,
      specialistName: names.get(`s:${n.specialistId}`) ?? '',
      familyId: n.familyId,
      familyLabel: n.familyId ? (names.get(`f:${n.familyId}`) ?? '') : null,
      signed: s ? { method: s.method, confirmedAt: s.confirmed_at.toISOString(), confirmedByName: s.confirmed_by_name, fileId: s.file_id, filename: s.filename } : null,
    };
  });
  const endings = specialistOnly
    ? []
    : (await endedEpisodes(db, r.provider_organisation_id, r.month)).map((e) => ({
        episodeId: e.id,
        kind: e.kind,
        endsOn: e.ends_on!,
        endReason: e.end_reason,
        sentToKovOn: e.termination_sent_to_kov_on,
        family: { id: e.family_id, reference: e.family_reference, parentNames: e.parent_names, adoptionSecrecy: e.adoption_secrecy },
        specialistName: e.specialist_name,
      }));
  const visibleTotal = lines.reduce((sum, l) => sum + (l.billable ? l.amountCents : 0), 0);
  const visibleExcluded = lines.reduce((sum, l) => sum + (l.billable ? 0 : l.valueCents), 0);
  const summary = reportSummary(r);
  const editable = r.status === 'draft';
  return {
    ...summary,
    totalCents: specialistOnly ? visibleTotal : summary.totalCents,
    excludedCents: specialistOnly ? visibleExcluded : summary.excludedCents,
    viewRevision: revision,
    providerNote: r.provider_note,
    returnComment: r.return_comment,
    draftedAt: iso(r.drafted_at)!,
    lines,
    ...grouped(lines),
    signatures,
    missingSignatures: signatures.filter((s) => !s.signed).length,
    endings,
    actions: {
      redraft: actor.role === 'provider_admin' && (r.status === 'draft' || r.status === 'returned'),
      edit: actor.role === 'provider_admin' && editable,
      submit: actor.role === 'provider_admin' && editable && signatures.every((s) => s.signed),
      decide: can(actor, 'monthly_report', 'approve') && r.status === 'submitted',
      confirm: specialistOnly && editable && revision === r.revision && signatures.some((s) => s.signer === 'specialist' && !s.signed),
    },
  };
}
