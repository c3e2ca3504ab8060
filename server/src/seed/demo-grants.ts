import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { addCalendarDays, subtractWorkingDays, todayInTallinn, type IsoDate } from '../platform/calendar/working-days.js';
import { appendAudit } from '../platform/audit/audit.js';
import { readSignedContainer } from '../platform/documents/signed-container.js';
import { signedContainer, JURI_SMART_ID, MARI_ID_CARD } from '../platform/documents/fixtures/containers.js';
import { conditionsFor, MEASURES } from '../modules/grants/measures.js';
import { decisionDueOn, evaluateBudget, projectPeriod, projectYearMonths, signDueOn, type BudgetLineInput } from '../modules/grants/rules.js';
import type { ApplicationStatus, PerepesaActivity } from '../modules/grants/tables.js';
import type { GrantMeasure } from '../modules/programme/tables.js';

/**
 * Module D demo data, part 2 (grant rounds). A Signs of Safety round opened 40 days ago
 * (600,000 EUR, two places per population category) with applications in every state:
 * Tartu (the demo KOV worker's) granted with the contract waiting for signature, Pärnu signed,
 * Saaremaa lapsed (contract unsigned after 10 working days), Narva eligible and — after the
 * lapse — fundable on a spill-over place, Rae eligible but beyond the budget, Elva rejected,
 * Viljandi in review and Kohila's draft. And the Perepesa round of October 2024 (activity 2.7),
 * decided and contracted. The signed containers are the test fixtures' (signatures not valid).
 * Does nothing when rounds exist.
 */

const staff = (costType: string, projectYear: number, months: number, grossMonthlyCents: number, employerMonthlyCents: number, ftePercent = 100, description = ''): BudgetLineInput => ({ costType, projectYear, months, grossMonthlyCents, employerMonthlyCents, ftePercent, description });
const cost = (costType: string, projectYear: number, amountCents: number, description = ''): BudgetLineInput => ({ costType, projectYear, amountCents, description });

/**
 * A Signs of Safety budget for the first project year (a project starting now must end by
 * 31.12.2027, so the year may be shorter than 12 months): model `model` cents, additional `additional`.
 */
const sosLines = (model: number, additional: number, fte = 100) => (months: number): BudgetLineInput[] => {
  const employer = Math.floor((334_500 * fte) / 100);
  const lead = months * employer;
  const indirect = Math.floor((lead * 15) / 100);
  return [
    staff('lead_salary', 1, months, Math.floor((250_000 * fte) / 100), employer, fte, 'Eestvedaja-projektijuht'),
    cost('indirect', 1, indirect, 'Kaudsed kulud (15%)'),
    cost('rooms_furnishing', 1, 800_000, 'Perekohtumiste ruumi sisustus'),
    cost('model_other', 1, model - lead - indirect - 800_000, 'Tööriistad, tõlked, koosolekud'),
    ...(additional ? [cost('additional_supervision', 1, additional, 'Lastekaitsetöötajate individuaalne supervisioon')] : []),
  ];
};

interface DemoApp {
  kov: string;
  status: ApplicationStatus;
  submittedDaysAgo?: number;
  /** Budget lines, or a function of the months of the first project year. */
  lines: BudgetLineInput[] | ((months: number) => BudgetLineInput[]);
  activity?: PerepesaActivity;
  contact: [string, string];
  /** Officer's notes for a rejection, or the condition not met. */
  unmet?: { condition: string; note: string; reason: string };
  /** When the contract was sent, in working days before today (D-CONTRACT). */
  contractSentWorkingDaysAgo?: number;
  /** Override of the clock for a historic round (Perepesa 2024). */
  submittedOn?: IsoDate;
  decidedOn?: IsoDate;
  contractSentOn?: IsoDate;
  checksDone?: number;
}

const SUMMARY = {
  signs_of_safety: 'Turvalisuse märkide mudeli rakendamine lastekaitsetöös: juhtide ja töötajate baasväljaõpe, jätkuõpe ja nõustamine, tööriistade kasutuselevõtt ja hindamisraamistik.',
  perepesa: 'Perepesa pereteenused peredele lapseootusest kuni kooliminekuni: mängutuba, vanemlusprogrammid ja tugigrupid.',
};

export async function seedDemoGrants(db: Kysely<DB>, now = new Date()): Promise<{ rounds: number; applications: number }> {
  const existing = await db.selectFrom('grant_rounds').select('id').limit(1).executeTakeFirst();
  if (existing) return { rounds: 0, applications: 0 };
  const today = todayInTallinn(now);
  const officer = await db.selectFrom('users').select('id').where('role', '=', 'ministry_officer').orderBy('created_at').executeTakeFirst();
  const kovUser = await db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'kov@tugi.demo').executeTakeFirst();
  if (!officer) return { rounds: 0, applications: 0 };
  const container = (cert: string, at: string) => {
    const bytes = Buffer.from(signedContainer([[{ id: 'S0', certificate: cert, signingTime: at }]]));
    const read = readSignedContainer(bytes);
    return { bytes, signers: read.ok ? read.signatures : [] };
  };
  let applications = 0;
  await db.transaction().execute(async (trx) => {
    const sos = await trx
      .insertInto('grant_rounds')
      .values({ reference: `SOS-${addCalendarDays(today, -40).slice(0, 4)}-1`, measure: 'signs_of_safety', title: 'Turvalisuse märgid: juhtumikorraldusmudeli rakendamine KOV-ides', budget_cents: 60_000_000, announced_on: addCalendarDays(today, -47), opens_on: addCalendarDays(today, -40), closes_on: null, places_per_category: 2, notes: 'Taotlemine on avatud kuni vahendite ammendumiseni.', created_by: officer.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    const pesa = await trx
      .insertInto('grant_rounds')
      .values({ reference: 'PESA-2024-1', measure: 'perepesa', title: 'Perepesade loomine ja mobiilne Perepesa teenus', budget_cents: 40_000_000, announced_on: '2024-09-24', opens_on: '2024-10-01', closes_on: '2024-10-31', places_per_category: 2, notes: 'Tegevuskava alategevus 2.7/2.', created_by: officer.id })
      .returningAll()
      .executeTakeFirstOrThrow();

    const sosApps: DemoApp[] = [
      { kov: 'Tartu linn', status: 'contract_sent', submittedDaysAgo: 38, lines: sosLines(17_098_300, 2_901_700), contact: ['Liis Lepik', 'kov@tugi.demo'], contractSentWorkingDaysAgo: 3 },
      { kov: 'Pärnu linn', status: 'contract_signed', submittedDaysAgo: 37, lines: sosLines(15_200_000, 3_800_000), contact: ['Kristi Kask', 'lastekaitse@parnu.example'], contractSentWorkingDaysAgo: 18 },
      { kov: 'Saaremaa vald', status: 'lapsed', submittedDaysAgo: 36, lines: sosLines(14_000_000, 2_000_000), contact: ['Tiit Tamm', 'lastekaitse@saaremaa.example'], contractSentWorkingDaysAgo: 14 },
      { kov: 'Narva linn', status: 'eligible', submittedDaysAgo: 35, lines: sosLines(15_000_000, 3_000_000), contact: ['Olga Smirnova', 'lastekaitse@narva.example'] },
      { kov: 'Rae vald', status: 'eligible', submittedDaysAgo: 30, lines: sosLines(13_000_000, 2_000_000, 80), contact: ['Margus Oja', 'lastekaitse@rae.example'] },
      { kov: 'Elva vald', status: 'rejected', submittedDaysAgo: 28, lines: sosLines(9_000_000, 0, 50), contact: ['Eve Luik', 'lastekaitse@elva.example'], unmet: { condition: 'sos_confirmation_letter', note: 'Kinnituskiri puudub: lisatud on vallavalitsuse istungi protokoll, mis ei kinnita valmisolekut mudelit kõigil tasanditel katsetada.', reason: 'Taotleja ei esitanud kinnituskirja mudeli rakendamise põhimõtetega tutvumise ja valmisoleku kohta (tingimus: taotleja saab olla KOV-i üksus, mis on esitanud kinnituskirja).' } },
      { kov: 'Viljandi linn', status: 'in_review', submittedDaysAgo: 12, lines: sosLines(11_000_000, 1_500_000, 60), contact: ['Reet Kivi', 'lastekaitse@viljandi.example'], checksDone: 2 },
      { kov: 'Kohila vald', status: 'draft', lines: sosLines(8_000_000, 0, 40), contact: ['Andres Nurm', 'lastekaitse@kohila.example'] },
    ];
    const pesaApps: DemoApp[] = [
      { kov: 'Tartu linn', status: 'contract_signed', submittedOn: '2024-10-03', decidedOn: '2024-11-07', contractSentOn: '2024-11-11', activity: 'mobile', lines: [staff('coordinator_salary', 1, 12, 142_400, 190_531, 100, 'Mobiilse teenuse koordinaator'), staff('coordinator_salary', 2, 12, 142_400, 190_531, 100, 'Mobiilse teenuse koordinaator'), cost('mobile_service', 1, 1_200_000, 'Sõidukulud ja vahendid Annelinnas ja Ropkal'), cost('mobile_service', 2, 1_200_000, 'Sõidukulud ja vahendid')], contact: ['Liis Lepik', 'kov@tugi.demo'] },
      { kov: 'Võru linn', status: 'contract_signed', submittedOn: '2024-10-10', decidedOn: '2024-11-14', contractSentOn: '2024-11-18', activity: 'creation', lines: [staff('manager_salary', 1, 12, 190_000, 254_200, 100, 'Perepesa juht'), staff('manager_salary', 2, 12, 190_000, 254_200, 100, 'Perepesa juht'), staff('coordinator_salary', 1, 12, 71_200, 95_265, 50, 'Mängutoa juhendaja-koordinaator'), staff('coordinator_salary', 2, 12, 71_200, 95_265, 50, 'Mängutoa juhendaja-koordinaator')], contact: ['Siret Org', 'perepesa@voru.example'] },
      { kov: 'Otepää vald', status: 'rejected', submittedOn: '2024-10-29', decidedOn: '2024-11-20', activity: 'creation', lines: [staff('manager_salary', 1, 12, 150_000, 200_700, 80, 'Perepesa juht')], contact: ['Kaja Toom', 'perepesa@otepaa.example'], unmet: { condition: 'pesa_lahe_consultation', note: 'LaHe kinnituskirja konsultatsiooni kohta ei ole.', reason: 'LaHe konsultatsiooni toimumist kinnitav kiri puudub (tingimus 3).' } },
    ];

    const orgs = await trx.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'kov').execute();
    const orgId = (name: string) => orgs.find((o) => o.name === name)!.id;
    for (const [round, list] of [[sos, sosApps], [pesa, pesaApps]] as const) {
      let n = 0;
      for (const a of list) {
        n += 1;
        await insertDemoApplication(trx, { round, a, n, today, officerId: officer.id, kovUserId: a.kov === 'Tartu linn' ? (kovUser?.id ?? null) : null, orgId: orgId(a.kov), container });
        applications += 1;
      }
    }
    await appendAudit(trx, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: 'demo-grants' }]);
  });
  // The lapse took Saaremaa's place and money back: Narva, next in line, became fundable (what the job records).
  return { rounds: 2, applications };
}

async function insertDemoApplication(
  trx: Transaction<DB>,
  p: {
    round: { id: string; reference: string; measure: GrantMeasure; max_per_application_cents: number | null };
    a: DemoApp;
    n: number;
    today: IsoDate;
    officerId: string;
    kovUserId: string | null;
    orgId: string;
    container: (cert: string, at: string) => { bytes: Buffer; signers: unknown[] };
  },
) {
  const { round, a, today } = p;
  const measure = MEASURES[round.measure];
  const submittedOn = a.submittedOn ?? (a.submittedDaysAgo !== undefined ? addCalendarDays(today, -a.submittedDaysAgo) : null);
  const plannedStart = submittedOn ? addCalendarDays(submittedOn, 45) : addCalendarDays(today, 60);
  const firstYear = Math.max(1, projectYearMonths(projectPeriod(measure, plannedStart))[0] ?? 12);
  const lines = typeof a.lines === 'function' ? a.lines(firstYear) : a.lines;
  // The demo's budgets are within the limits (a later run of the demo only shortens the first year).
  const evaluation = evaluateBudget(measure, { activity: a.activity ?? null, lines, maxPerApplicationCents: round.max_per_application_cents, plannedStart });
  const requested = evaluation.totals.totalCents;
  const submittedAt = submittedOn ? submittedTime(submittedOn, p.n) : null;
  const decided = ['rejected', 'granted', 'contract_sent', 'contract_signed', 'lapsed'].includes(a.status);
  const decidedOn = a.decidedOn ?? (decided && submittedOn ? addCalendarDays(submittedOn, 8) : null);
  const sentOn = a.contractSentOn ?? (a.contractSentWorkingDaysAgo !== undefined ? subtractWorkingDays(today, a.contractSentWorkingDaysAgo) : null);
  const signDue = sentOn ? signDueOn(sentOn) : null;
  const signedOn = a.status === 'contract_signed' && sentOn ? addCalendarDays(sentOn, 3) : null;
  const period = signedOn ? projectPeriod(measure, signedOn) : null;
  const granted = decided && a.status !== 'rejected' ? requested : null;
  const row = await trx
    .insertInto('grant_applications')
    .values({
      reference: `${round.reference}-${String(p.n).padStart(3, '0')}`, round_id: round.id, kov_organisation_id: p.orgId, status: a.status, contact_name: a.contact[0], contact_email: a.contact[1],
      activity: a.activity ?? null, planned_start: plannedStart, summary: SUMMARY[round.measure], explanation: 'Eelarve koosneb tööjõukuludest vastavalt tegelikele kuludele piirmäärade piires; muud kulud on kirjeldatud ridadel.',
      sustainability: round.measure === 'signs_of_safety' ? 'Pärast projekti lõppu jätkub mudeli rakendamine omavalitsuse eelarvest; eestvedaja ametikoht jääb struktuuri.' : '',
      requested_cents: requested, submitted_at: submittedAt, submitted_on: submittedOn, decision_due_on: submittedOn ? decisionDueOn(submittedOn) : null,
      eligibility_reason: null, decided_on: decidedOn, decided_by: decided ? p.officerId : null,
      decision_reason: a.unmet?.reason ?? (granted ? 'Toetuse andmise tingimused on täidetud; taotlusel on paremusjärjestuses koht ja eelarves on vahendeid.' : null),
      granted_cents: granted, contract_sent_on: sentOn, contract_sign_due_on: signDue, contract_signed_on: signedOn, contract_lapsed_on: a.status === 'lapsed' && signDue ? addCalendarDays(signDue, 1) : null,
      project_start: period?.start ?? null, project_end: period?.end ?? null, created_by: p.kovUserId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const id = row.id;
  await trx.insertInto('grant_budget_lines').values(evaluation.lines.map((l, i) => ({
    application_id: id, position: i + 1, cost_type: l.costType, project_year: l.projectYear, description: l.description, fte_percent: l.ftePercent, months: l.months,
    gross_monthly_cents: l.grossMonthlyCents, employer_monthly_cents: l.employerMonthlyCents, amount_cents: l.amountCents,
  }))).execute();
  const events: { kind: string; from_status: string | null; to_status: string | null; note: string | null; actor_id: string | null; at: Date }[] = [];
  const at = (day: IsoDate, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  events.push({ kind: 'created', from_status: null, to_status: 'draft', note: null, actor_id: p.kovUserId, at: at(submittedOn ? addCalendarDays(submittedOn, -3) : today, 8) });
  if (!submittedOn) {
    await trx.insertInto('grant_application_events').values(events.map((e) => ({ ...e, application_id: id }))).execute();
    return;
  }
  const conditions = conditionsFor(measure, a.activity ?? null);
  const files = conditions.filter((c) => c.evidence).map((c) => ({ application_id: id, kind: 'evidence' as const, condition_key: c.key, filename: `${c.key.replace(/_/g, '-')}.pdf`, content_type: 'application/pdf', size: 0, content: Buffer.from(`%PDF-1.7 ${c.key}`), signers: null, validation: null, uploaded_by: p.kovUserId }));
  const signed = p.container(MARI_ID_CARD, `${submittedOn}T07:30:00Z`);
  await trx.insertInto('grant_application_files').values([
    ...files.map((f) => ({ ...f, size: f.content.length })),
    { application_id: id, kind: 'signed_application', condition_key: null, filename: 'taotlus.asice', content_type: 'application/vnd.etsi.asic-e+zip', size: signed.bytes.length, content: signed.bytes, signers: JSON.stringify(signed.signers), validation: JSON.stringify({ status: 'unchecked', message: 'No signature validation service is configured' }), uploaded_by: p.kovUserId },
    ...(signedOn ? [(() => { const c = p.container(JURI_SMART_ID, `${signedOn}T09:00:00Z`); return { application_id: id, kind: 'signed_contract' as const, condition_key: null, filename: 'leping.asice', content_type: 'application/vnd.etsi.asic-e+zip', size: c.bytes.length, content: c.bytes, signers: JSON.stringify(c.signers), validation: JSON.stringify({ status: 'unchecked' }), uploaded_by: p.kovUserId }; })()] : []),
  ]).execute();
  events.push({ kind: 'submitted', from_status: 'draft', to_status: 'submitted', note: null, actor_id: p.kovUserId, at: submittedAt! });
  events.push({ kind: 'receipt_sent', from_status: null, to_status: null, note: a.contact[1], actor_id: null, at: submittedAt! });
  // The checklist: all conditions for those past review, a couple for the one in review.
  const checked = a.status === 'in_review' ? conditions.slice(0, a.checksDone ?? 1) : a.status === 'submitted' ? [] : conditions;
  if (checked.length) {
    await trx.insertInto('grant_application_checks').values(checked.map((c) => ({
      application_id: id, condition_key: c.key, met: a.unmet?.condition !== c.key, note: a.unmet?.condition === c.key ? a.unmet.note : null, checked_by: p.officerId, checked_at: at(addCalendarDays(submittedOn, 5)),
    }))).execute();
    events.push({ kind: 'review_started', from_status: 'submitted', to_status: 'in_review', note: null, actor_id: p.officerId, at: at(addCalendarDays(submittedOn, 5)) });
  }
  if (['eligible', 'granted', 'contract_sent', 'contract_signed', 'lapsed'].includes(a.status)) events.push({ kind: 'eligible', from_status: 'in_review', to_status: 'eligible', note: null, actor_id: p.officerId, at: at(addCalendarDays(submittedOn, 7)) });
  if (a.status === 'rejected') events.push({ kind: 'rejected', from_status: 'in_review', to_status: 'rejected', note: a.unmet?.reason ?? null, actor_id: p.officerId, at: at(decidedOn!) });
  if (granted) events.push({ kind: 'granted', from_status: 'eligible', to_status: 'granted', note: 'Toetuse andmise tingimused on täidetud.', actor_id: p.officerId, at: at(decidedOn!, 11) });
  if (sentOn) events.push({ kind: 'contract_sent', from_status: 'granted', to_status: 'contract_sent', note: signDue, actor_id: p.officerId, at: at(sentOn, 9) });
  if (signedOn) events.push({ kind: 'contract_signed', from_status: 'contract_sent', to_status: 'contract_signed', note: `${period!.start}–${period!.end}`, actor_id: p.kovUserId, at: at(signedOn, 12) });
  if (a.status === 'lapsed') events.push({ kind: 'lapsed', from_status: 'contract_sent', to_status: 'lapsed', note: signDue, actor_id: null, at: new Date(`${addCalendarDays(signDue!, 1)}T00:10:00+02:00`) });
  await trx.insertInto('grant_application_events').values(events.map((e) => ({ ...e, application_id: id }))).execute();
}

function submittedTime(day: IsoDate, n: number): Date {
  return new Date(`${day}T${String(8 + (n % 8)).padStart(2, '0')}:${String(10 + n).padStart(2, '0')}:00Z`);
}
