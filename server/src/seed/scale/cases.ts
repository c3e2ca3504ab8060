import { addCalendarDays, addMonths, addWorkingDays, compareIsoDates, type IsoDate } from '../../platform/calendar/working-days.js';
import { normaliseName, searchNameOf } from '../../modules/people/rules.js';
import { caseReference, firstContactDue, klatOpinionDue, WORKFLOWS } from '../../modules/cases/rules.js';
import { INTERNATIONAL_SUBTYPES, type CaseType } from '../../modules/cases/tables.js';
import { pick, type Random } from '../random.js';
import type { Row } from './copy.js';
import { drawKov, type World } from './organisations.js';
import { entityRandom, makePerson, personRow, stamp, uuidFrom, type PersonalCodes } from './people.js';
import { COUNTRIES, QUESTIONS } from '../demo-cases.js';
import { progressOf } from '../case-progress.js';

/**
 * Module A at scale: consultation cases received over ten years, each with its
 * child (a person with a valid code, linked to the KOV and SKA), its history
 * (case_events along the type's workflow), activities and, for RV, PACT risk
 * assessments. Statuses follow from the case's age, as in the demo seed.
 */
const STREAM_CASES = 21;
const TYPES: { type: CaseType; weight: number }[] = [
  { type: 'domestic', weight: 131 },
  { type: 'klat_opinion', weight: 71 },
  { type: 'international', weight: 120 },
  { type: 'rv', weight: 16 },
];
const TYPE_TOTAL = TYPES.reduce((s, t) => s + t.weight, 0);

export const CASE_COLUMNS = [
  'id', 'reference', 'type', 'international_subtype', 'status', 'language', 'child_person_id', 'kov_organisation_id', 'kov_worker_id', 'assigned_specialist_id',
  'question', 'star_reference', 'received_on', 'first_contact_due', 'court_date', 'opinion_due', 'opinion', 'opinion_recommendations', 'alternative_measures', 'opinion_issued_on',
  'action_plan', 'assessments', 'summary', 'recommendations', 'kov_feedback', 'rv_active_started_on', 'rv_follow_up_started_on', 'closed_on', 'search_text', 'created_at', 'updated_at',
] as const;
export const CASE_EVENT_COLUMNS = ['case_id', 'kind', 'from_status', 'to_status', 'from_user_id', 'to_user_id', 'reason', 'actor_id', 'at'] as const;
export const CASE_ACTIVITY_COLUMNS = ['case_id', 'kind', 'occurred_on', 'participants', 'notes', 'country', 'authority', 'foreign_reference', 'created_by', 'created_at'] as const;
export const CASE_RISK_COLUMNS = ['case_id', 'assessed_on', 'level', 'notes', 'created_by', 'created_at'] as const;
export const LINK_COLUMNS = ['person_id', 'organisation_id', 'user_id', 'reason', 'created_at'] as const;

export interface CaseRows {
  people: Row[];
  cases: Row[];
  links: Row[];
  events: Row[];
  activities: Row[];
  risks: Row[];
}

export const emptyCaseRows = (): CaseRows => ({ people: [], cases: [], links: [], events: [], activities: [], risks: [] });

function drawType(random: Random): CaseType {
  let at = random() * TYPE_TOTAL;
  for (const t of TYPES) if ((at -= t.weight) < 0) return t.type;
  return 'domestic';
}

/** Case `index` of the run, appended to `out`; `sequence` numbers its reference. */
export function generateCase(world: World, codes: PersonalCodes, index: number, sequence: number, out: CaseRows) {
  const random = entityRandom(world.seed, STREAM_CASES, index);
  let type = drawType(random);
  if (type === 'rv' && world.rvKovs.length === 0) type = 'domestic';
  const receivedOn = addCalendarDays(world.today, -Math.floor(random() * 3650));
  const kov = type === 'rv' ? pick(random, world.rvKovs) : drawKov(world, random);
  const workers = world.kovWorkers.get(kov.id) ?? [];
  const workerId = workers.length ? pick(random, workers) : null;
  if (!workerId) return;
  const age = type === 'rv' ? 13 + Math.floor(random() * 5) : 1 + Math.floor(random() * 16);
  const child = makePerson(random, codes, `${Number(receivedOn.slice(0, 4)) - age}-01-01`, 360, receivedOn);
  if (compareIsoDates(child.birthDate, receivedOn) > 0) child.birthDate = receivedOn;
  if (!child.code) return;
  out.people.push(personRow(child));
  out.links.push([child.id, kov.id, null, 'case', child.createdAt], [child.id, world.ska, null, 'case', child.createdAt]);

  const team = type === 'international' || type === 'rv' ? world.teams[type] : [];
  const regional = kov.regional;
  let specialist: string | null = team.length ? pick(random, team) : regional;
  const reassigned = (type === 'domestic' || type === 'klat_opinion') && world.skaSpecialists.length > 0 && random() < 0.3;
  if (reassigned) specialist = pick(random, world.skaSpecialists);
  const reference = caseReference(type, receivedOn, sequence);
  const progress = progressOf(type, receivedOn, world.today, random);
  const courtDate = type === 'klat_opinion' ? addWorkingDays(receivedOn, 8 + Math.floor(random() * 20)) : null;
  const id = uuidFrom(random);
  const f = progress.fields;
  out.cases.push([
    id, reference, type, type === 'international' ? pick(random, INTERNATIONAL_SUBTYPES) : null, progress.status, kov.county === 'Ida-Viru' && random() < 0.6 ? 'ru' : 'et',
    child.id, kov.id, workerId, specialist, pick(random, QUESTIONS), `STAR-${receivedOn.slice(0, 4)}-${sequence}`, receivedOn,
    type === 'domestic' ? firstContactDue(receivedOn) : null, courtDate, type === 'klat_opinion' ? klatOpinionDue(receivedOn, courtDate) : null,
    f.opinion ?? null, f.opinion_recommendations ?? null, f.alternative_measures ?? null, f.opinion_issued_on ?? null,
    f.action_plan ?? null, f.assessments ?? '{}', f.summary ?? null, f.recommendations ?? null, f.kov_feedback ?? null, f.rv_active_started_on ?? null, f.rv_follow_up_started_on ?? null, f.closed_on ?? null,
    `${searchNameOf(child.first, child.last)} ${normaliseName(reference)}`, stamp(receivedOn, 9), stamp(progress.until, 15),
  ]);

  // History: received, then each status along the workflow up to the current one.
  out.events.push([id, 'received', null, WORKFLOWS[type].initial, null, regional ?? specialist, null, workerId, stamp(receivedOn, 9)]);
  if (reassigned) out.events.push([id, 'reassigned', null, null, regional, specialist, 'Töökoormuse jaotus', null, stamp(addCalendarDays(receivedOn, 1), 11)]);
  const path = pathTo(type, progress.status);
  const span = Math.max(1, Math.round((Date.parse(progress.until) - Date.parse(receivedOn)) / 86_400_000));
  path.forEach((status, i) => {
    const on = progress.dates[status] ?? addCalendarDays(receivedOn, Math.round(((i + 1) * span) / (path.length + 1)));
    out.events.push([id, status === 'opinion_issued' ? 'opinion_issued' : 'status_changed', i === 0 ? WORKFLOWS[type].initial : path[i - 1]!, status, null, null, null, specialist, stamp(on, 12)]);
  });

  const kinds = type === 'international' ? ['foreign_correspondence', 'information_exchange'] : type === 'rv' ? ['rv_network_meeting', 'rv_youth_family_meeting', 'rv_trusted_person_meeting'] : ['case_discussion', 'network_meeting', 'information_exchange', 'star_monitoring'];
  const author = specialist ?? workerId;
  const activities = 1 + Math.floor(random() * 4);
  for (let a = 0; a < activities; a++) {
    const kind = pick(random, kinds);
    const country = kind === 'foreign_correspondence' ? pick(random, COUNTRIES) : null;
    const on = addCalendarDays(receivedOn, Math.floor(random() * span));
    out.activities.push([id, kind, on, 'KOV lastekaitsetöötaja, SKA peaspetsialist', 'Arutati lapse olukorda ja lepiti kokku järgmised sammud.', country?.[0] ?? null, country?.[1] ?? null, country ? `${country[0]}-${1000 + Math.floor(random() * 9000)}` : null, author, stamp(on, 14)]);
  }
  if (type === 'rv') {
    const levels = ['high', 'medium', 'low'] as const;
    for (let i = 0, on = addCalendarDays(receivedOn, -7); i < 3 && compareIsoDates(on, progress.until) <= 0; i++, on = addMonths(on, 6)) {
      out.risks.push([id, on, levels[Math.min(i + (random() < 0.3 ? 1 : 0), 2)]!, 'PACT riskihindamine', workerId, stamp(on, 13)]);
    }
  }
}

/** The statuses a case passed through after its initial one, up to `status`. */
function pathTo(type: CaseType, status: string): string[] {
  const order: Record<CaseType, string[]> = {
    domestic: ['first_contact', 'in_progress', 'closing', 'closed'],
    klat_opinion: ['drafting', 'opinion_issued'],
    international: ['in_progress', 'closed'],
    rv: ['active', 'follow_up', 'closed'],
  };
  const steps = order[type];
  const at = steps.indexOf(status);
  return at < 0 ? [] : steps.slice(0, at + 1);
}

