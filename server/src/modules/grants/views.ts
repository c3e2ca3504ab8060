import { z } from 'zod';
import type { Locale } from '../../platform/db/schema.js';
import { formatDateEt, isIsoDate, workingDaysBetween } from '../../platform/calendar/working-days.js';
import { translate } from '../../platform/i18n/messages.js';
import { isoDate, timestamp } from '../../platform/http/index.js';
import { GRANT_MEASURES } from '../programme/tables.js';
import { conditionsFor, MEASURES } from './measures.js';
import type { ApplicationRow, RoundRow } from './queries.js';
import { AWAITING_DECISION, CATEGORIES, populationCategory, roundState, type BudgetEvaluation, type Ranking, type RuleProblem } from './rules.js';
import { APPLICATION_STATUSES, FILE_KINDS, PEREPESA_ACTIVITIES } from './tables.js';

/** Module D grant response shapes (also the OpenAPI document's) and row → view mappings. */

/** Euros from integer cents for texts: 17098300 → "170 983,00 €" (et, ru) or "€170,983.00" (en). */
export function euros(cents: number, locale: Locale): string {
  const abs = Math.abs(Math.trunc(cents));
  const en = locale === 'en';
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, en ? ',' : '\u00a0');
  const amount = `${whole}${en ? '.' : ','}${String(abs % 100).padStart(2, '0')}`;
  return `${cents < 0 ? '−' : ''}${en ? `€${amount}` : `${amount}\u00a0€`}`;
}

/** Message parameters for people: cents as euros (`limitCents` → also `limit`), ISO dates as dd.mm.yyyy. */
export function messageParams(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === 'condition' || key === 'activity' || key === 'category') out[key] = translate(locale, `D_${key.toUpperCase()}_${String(value).toUpperCase()}`);
    else if (key === 'population' && typeof value === 'number') out[key] = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'en' ? ',' : '\u00a0');
    else if (key === 'from') out[key] = String(value).split(', ').map((c) => translate(locale, `D_CATEGORY_${c.toUpperCase()}`)).join(', ');
    else if (typeof value === 'number' && /Cents$/.test(key)) out[key.replace(/Cents$/, '')] = euros(value, locale);
    else if (key === 'amount' && typeof value === 'number') out[key] = euros(value, locale);
    else if (typeof value === 'string' && isIsoDate(value)) out[key] = formatDateEt(value);
    else out[key] = value;
  }
  return out;
}

export const problemView = z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(), line: z.number().optional() });

export function toProblems(problems: readonly RuleProblem[], locale: Locale) {
  return problems.map((p) => ({ ...p, message: translate(locale, p.code, messageParams(p.params ?? {}, locale)) }));
}

const lineView = z.object({
  costType: z.string(),
  projectYear: z.number(),
  description: z.string(),
  ftePercent: z.number().nullable(),
  months: z.number().nullable(),
  grossMonthlyCents: z.number().nullable(),
  employerMonthlyCents: z.number().nullable(),
  amountCents: z.number(),
});

export const evaluationView = z.object({
  lines: z.array(lineView),
  totals: z.object({ modelCents: z.number(), additionalCents: z.number(), staffCents: z.number(), indirectCents: z.number(), totalCents: z.number(), byYear: z.array(z.number()) }),
  limits: z.array(z.object({ key: z.string(), usedCents: z.number(), limitCents: z.number().nullable(), ok: z.boolean(), message: z.string() })),
  problems: z.array(problemView),
  period: z.object({ start: isoDate, end: isoDate, months: z.number(), shortened: z.boolean() }).nullable(),
  ok: z.boolean(),
});

export function toEvaluationView(e: BudgetEvaluation, locale: Locale): z.infer<typeof evaluationView> {
  return {
    ...e,
    limits: e.limits.map((l) => ({ ...l, message: translate(locale, `${l.key}_LIMIT`, messageParams({ usedCents: l.usedCents, limitCents: l.limitCents ?? 0 }, locale)) })),
    problems: toProblems(e.problems, locale),
  };
}

export const roundView = z.object({
  id: z.string(),
  reference: z.string(),
  measure: z.enum(GRANT_MEASURES),
  title: z.string(),
  budgetCents: z.number(),
  maxPerApplicationCents: z.number().nullable(),
  placesPerCategory: z.number(),
  announcedOn: isoDate,
  opensOn: isoDate,
  closesOn: isoDate.nullable(),
  notes: z.string().nullable(),
  state: z.enum(['planned', 'announced', 'open', 'closed']),
  submittedCount: z.number(),
  requestedCents: z.number(),
  grantedCents: z.number(),
  contractedCents: z.number(),
  remainingCents: z.number(),
  version: z.number(),
});

export function toRoundView(r: RoundRow, today: string): z.infer<typeof roundView> {
  const granted = Number(r.granted_cents ?? 0);
  const contracted = Number(r.contracted_cents ?? 0);
  return {
    id: r.id, reference: r.reference, measure: r.measure, title: r.title, budgetCents: Number(r.budget_cents), maxPerApplicationCents: r.max_per_application_cents === null ? null : Number(r.max_per_application_cents),
    placesPerCategory: r.places_per_category, announcedOn: r.announced_on, opensOn: r.opens_on, closesOn: r.closes_on, notes: r.notes,
    state: roundState({ announcedOn: r.announced_on, opensOn: r.opens_on, closesOn: r.closes_on }, today),
    submittedCount: r.submitted_count ?? 0, requestedCents: Number(r.requested_cents ?? 0), grantedCents: granted, contractedCents: contracted,
    remainingCents: Number(r.budget_cents) - granted - contracted, version: r.version,
  };
}

export const applicationListItem = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  roundId: z.string(),
  roundReference: z.string(),
  roundTitle: z.string(),
  measure: z.enum(GRANT_MEASURES),
  kovId: z.string(),
  kovName: z.string(),
  population: z.number().nullable(),
  category: z.enum(CATEGORIES).nullable(),
  activity: z.enum(PEREPESA_ACTIVITIES).nullable(),
  requestedCents: z.number(),
  grantedCents: z.number().nullable(),
  submittedAt: timestamp.nullable(),
  decisionDueOn: isoDate.nullable(),
  /** Working days left to the decision (negative: overdue); null when decided or not submitted. */
  decisionDaysLeft: z.number().nullable(),
  contractSignDueOn: isoDate.nullable(),
  version: z.number(),
});

export function toApplicationListItem(a: ApplicationRow, today: string): z.infer<typeof applicationListItem> {
  const waiting = AWAITING_DECISION.includes(a.status) && a.decision_due_on;
  return {
    id: a.id, reference: a.reference, status: a.status, roundId: a.round_id, roundReference: a.round_reference, roundTitle: a.round_title, measure: a.measure,
    kovId: a.kov_organisation_id, kovName: a.kov_name, population: a.kov_population, category: a.kov_population === null ? null : populationCategory(a.kov_population),
    activity: a.activity, requestedCents: Number(a.requested_cents), grantedCents: a.granted_cents === null ? null : Number(a.granted_cents),
    submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null, decisionDueOn: a.decision_due_on,
    decisionDaysLeft: waiting ? workingDaysBetween(today, a.decision_due_on!) : null, contractSignDueOn: a.contract_sign_due_on, version: a.version,
  };
}

export const fileView = z.object({
  id: z.string(),
  kind: z.enum(FILE_KINDS),
  conditionKey: z.string().nullable(),
  filename: z.string(),
  size: z.number(),
  signers: z.array(z.object({ id: z.string(), signerName: z.string().nullable(), personalCode: z.string().nullable(), country: z.string().nullable(), signedAt: z.string().nullable() })).nullable(),
  validation: z.object({ status: z.string(), message: z.string().optional() }).nullable(),
  uploadedAt: timestamp,
  uploadedBy: z.string().nullable(),
});

type FileRow = { id: string; kind: (typeof FILE_KINDS)[number]; condition_key: string | null; filename: string; size: number; signers: unknown; validation: unknown; created_at: Date; uploaded_by_name: string | null };

export function toFileView(f: FileRow): z.infer<typeof fileView> {
  const validation = f.validation as { status: string; message?: string } | null;
  return {
    id: f.id, kind: f.kind, conditionKey: f.condition_key, filename: f.filename, size: f.size, signers: (f.signers as z.infer<typeof fileView>['signers']) ?? null,
    validation: validation ? { status: validation.status, ...(validation.message ? { message: validation.message } : {}) } : null,
    uploadedAt: new Date(f.created_at).toISOString(), uploadedBy: f.uploaded_by_name,
  };
}

export const conditionView = z.object({
  key: z.string(),
  evidence: z.boolean(),
  source: z.string(),
  check: z.object({ met: z.boolean(), note: z.string().nullable(), checkedAt: timestamp, checkedBy: z.string().nullable() }).nullable(),
});

export function toConditions(a: Pick<ApplicationRow, 'measure' | 'activity'>, checks: { condition_key: string; met: boolean; note: string | null; checked_at: Date; checked_by_name: string | null }[]) {
  return conditionsFor(MEASURES[a.measure], a.activity).map((c) => {
    const check = checks.find((x) => x.condition_key === c.key);
    return { key: c.key, evidence: c.evidence, source: c.source, check: check ? { met: check.met, note: check.note, checkedAt: new Date(check.checked_at).toISOString(), checkedBy: check.checked_by_name } : null };
  });
}

export const eventView = z.object({ id: z.string(), kind: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), note: z.string().nullable(), at: timestamp, actor: z.string().nullable() });

export const applicationDetail = applicationListItem.extend({
  roundState: z.enum(['planned', 'announced', 'open', 'closed']),
  contactName: z.string(),
  contactEmail: z.string(),
  plannedStart: isoDate.nullable(),
  summary: z.string(),
  explanation: z.string(),
  sustainability: z.string(),
  submittedOn: isoDate.nullable(),
  eligibilityReason: z.string().nullable(),
  decidedOn: isoDate.nullable(),
  decisionReason: z.string().nullable(),
  partialFundingNote: z.string().nullable(),
  contractSentOn: isoDate.nullable(),
  contractSignedOn: isoDate.nullable(),
  contractLapsedOn: isoDate.nullable(),
  projectStart: isoDate.nullable(),
  projectEnd: isoDate.nullable(),
  evaluation: evaluationView,
  files: z.array(fileView),
  conditions: z.array(conditionView),
  events: z.array(eventView),
});

export const rankingView = z.object({
  placesPerCategory: z.number(),
  categories: z.array(z.object({ category: z.enum(CATEGORIES), places: z.number(), taken: z.number(), unused: z.number() })),
  spilloverPlaces: z.number(),
  budgetCents: z.number(),
  reservedCents: z.number(),
  remainingCents: z.number(),
  rows: z.array(z.object({
    application: applicationListItem,
    order: z.number(),
    place: z.enum(['category', 'spillover', 'kept']).nullable(),
    amountCents: z.number(),
    budgetBeforeCents: z.number().nullable(),
    budgetAfterCents: z.number().nullable(),
    fundable: z.boolean(),
    partialPossibleCents: z.number().nullable(),
    explanation: z.array(z.object({ code: z.string(), message: z.string() })),
  })),
  /** Submitted applications not (yet) in the line: in review, rejected, not funded, lapsed. */
  others: z.array(applicationListItem),
});

export function toRankingView(r: Ranking, apps: z.infer<typeof applicationListItem>[], locale: Locale): z.infer<typeof rankingView> {
  const byId = new Map(apps.map((a) => [a.id, a]));
  return {
    placesPerCategory: r.placesPerCategory, categories: r.categories, spilloverPlaces: r.spilloverPlaces, budgetCents: r.budgetCents, reservedCents: r.reservedCents, remainingCents: r.remainingCents,
    rows: r.rows.filter((row) => byId.has(row.id)).map((row) => ({
      application: byId.get(row.id)!, order: row.order, place: row.place, amountCents: row.amountCents, budgetBeforeCents: row.budgetBeforeCents, budgetAfterCents: row.budgetAfterCents,
      fundable: row.fundable, partialPossibleCents: row.partialPossibleCents,
      explanation: row.explanation.map((e) => ({ code: e.code, message: translate(locale, e.code, messageParams(e.params ?? {}, locale)) })),
    })),
    others: apps.filter((a) => !r.rows.some((row) => row.id === a.id)),
  };
}
