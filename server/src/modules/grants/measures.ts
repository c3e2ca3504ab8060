import type { GrantMeasure } from '../programme/tables.js';
import type { PerepesaActivity } from './tables.js';

/**
 * The two KOV grant measures of seed 000 (activity 2.3 "Turvalisuse märgid" /
 * Signs of Safety, activity 2.7 Perepesa) with their conditions, cost types and
 * limits as data. Money in cents; every figure is the seed's own.
 */

/** Which part of the budget a cost type belongs to (D-SOS: the model's implementation or the additional activities on top of it). */
export type BudgetPart = 'model' | 'additional' | 'perepesa';

export interface StaffCap {
  /** Monthly gross salary and employer's cost per employee at full time (scaled by FTE). */
  grossCents: number;
  employerCents: number;
}

export interface CostType {
  key: string;
  part: BudgetPart;
  /** A staff line: FTE, months, gross and employer monthly cost; amount = employer monthly × months. */
  staff?: { cap: StaffCap | null; indirectBase?: boolean };
  /** Perepesa: the activities this cost type is eligible for. */
  activities?: readonly PerepesaActivity[];
}

export interface Condition {
  key: string;
  /** The KOV uploads a document as evidence (a letter, a budget decision). */
  evidence: boolean;
  /** Perepesa: only for this activity. */
  activity?: PerepesaActivity;
  /** The seed's wording (Estonian), shown to the officer beside the translation. */
  source: string;
}

export interface Measure {
  key: GrantMeasure;
  /** Prefix of round references (SOS-2026-1). */
  prefix: string;
  projectMonths: number;
  /** The project starts with the contract or a later date named in it, but within this many months of the contract. */
  startWithinMonths: number;
  /** D-SOS: "ei või lõppeda hiljem kui 31.12.2027". */
  latestEnd: string | null;
  activities: readonly PerepesaActivity[] | null;
  costTypes: readonly CostType[];
  conditions: readonly Condition[];
  /** D-SOS-ORDER: funded in submission order within population categories (Perepesa: in submission order). */
  categories: boolean;
}

/** D-SOS (a): the project lead's salary, at most 2,500 EUR gross and 3,345 EUR employer's cost a month at full time. */
export const SOS_LEAD_CAP: StaffCap = { grossCents: 250_000, employerCents: 334_500 };
/** D-SOS: the model's implementation, at most 170,983 EUR per application. */
export const SOS_MODEL_MAX_CENTS = 17_098_300;
/** D-SOS (b): indirect costs up to 15 % of the lead's direct staff costs. */
export const SOS_INDIRECT_PERCENT = 15;
/** D-SOS (c): furnishing up to 10,000 EUR in the first year (0 in the second and third), or rent up to 7,500 EUR a year. */
export const SOS_FURNISHING_MAX_CENTS = 1_000_000;
export const SOS_RENT_MAX_CENTS_PER_YEAR = 750_000;
/** D-SOS (2): additional activities up to 25 % of the model's total cost, on top of it. */
export const SOS_ADDITIONAL_PERCENT = 25;
/** D-PESA: the Perepesa manager at most 1,900 EUR gross / 2,542 EUR employer's cost, the play-room coordinator 1,424 / 1,905.31 EUR a month at full time. */
export const PESA_MANAGER_CAP: StaffCap = { grossCents: 190_000, employerCents: 254_200 };
export const PESA_COORDINATOR_CAP: StaffCap = { grossCents: 142_400, employerCents: 190_531 };

const SIGNED = { key: 'signed_application', evidence: false, source: 'KOV esitab digitaalselt allkirjastatud taotluse.' } as const;
const BUDGET = { key: 'budget_documents', evidence: false, source: 'Koos taotlusega esitatakse tegevuste eelarve ja eelarve seletuskiri.' } as const;
const ELIGIBLE = { key: 'eligible_costs', evidence: false, source: 'Kulud on abikõlblikud ja piirmäärade piires.' } as const;

export const SIGNS_OF_SAFETY: Measure = {
  key: 'signs_of_safety',
  prefix: 'SOS',
  projectMonths: 36,
  startWithinMonths: 2,
  latestEnd: '2027-12-31',
  activities: null,
  categories: true,
  costTypes: [
    { key: 'lead_salary', part: 'model', staff: { cap: SOS_LEAD_CAP, indirectBase: true } },
    // "Kui eestvedaja-projektijuhi ülesanne kaetakse olemasoleva ametikoha raames": a new child protection post instead, same caps.
    { key: 'worker_salary', part: 'model', staff: { cap: SOS_LEAD_CAP, indirectBase: true } },
    { key: 'indirect', part: 'model' },
    { key: 'rooms_furnishing', part: 'model' },
    { key: 'rooms_rent', part: 'model' },
    { key: 'model_other', part: 'model' },
    { key: 'additional_analysis', part: 'additional' },
    { key: 'additional_experts', part: 'additional' },
    { key: 'additional_licences', part: 'additional' },
    { key: 'additional_training', part: 'additional' },
    { key: 'additional_meetings', part: 'additional' },
    { key: 'additional_supervision', part: 'additional' },
    { key: 'additional_mentors', part: 'additional' },
    { key: 'additional_other', part: 'additional' },
  ],
  conditions: [
    { key: 'sos_confirmation_letter', evidence: true, source: 'Kinnituskiri: KOV on tutvunud mudeli rakendamise põhimõtetega ning on valmis katsetama mudeli rakendamist organisatsiooni kõikidel tasanditel, sh juhtimistasanditel ja tugistruktuurides.' },
    { key: 'sos_sustainability', evidence: false, source: 'Nägemus, kuidas plaanitakse tagada jätkusuutlikkus pärast projekti lõppemist.' },
    SIGNED,
    BUDGET,
    ELIGIBLE,
  ],
};

export const PEREPESA: Measure = {
  key: 'perepesa',
  prefix: 'PESA',
  projectMonths: 24,
  startWithinMonths: 4,
  latestEnd: null,
  activities: ['creation', 'mobile'],
  categories: false,
  costTypes: [
    { key: 'manager_salary', part: 'perepesa', staff: { cap: PESA_MANAGER_CAP }, activities: ['creation', 'mobile'] },
    { key: 'coordinator_salary', part: 'perepesa', staff: { cap: PESA_COORDINATOR_CAP }, activities: ['creation', 'mobile'] },
    { key: 'mobile_staff', part: 'perepesa', staff: { cap: null }, activities: ['mobile'] },
    { key: 'mobile_service', part: 'perepesa', activities: ['mobile'] },
  ],
  conditions: [
    { key: 'pesa_budget_confirmed', evidence: true, source: 'Eelarvelised vahendid Perepesa rahastamiseks on tegevuste toimumise aastat kajastavas eelarves kinnitatud või volikogu on esitanud kinnituskirja.' },
    { key: 'pesa_budget_strategy', evidence: true, source: 'Eelarvestrateegias on kinnitatud vahendid Perepesa tegevusmudeli jätkusuutlikuks rahastamiseks.' },
    { key: 'pesa_lahe_consultation', evidence: true, source: 'KOV on saanud LaHe-lt konsultatsiooni ja esitab LaHe kinnituskirja konsultatsiooni toimumise kohta.' },
    { key: 'pesa_no_centre_yet', evidence: false, activity: 'creation', source: 'Perepesa luuakse KOV-is, mille haldusterritooriumil seda seni ei ole.' },
    { key: 'pesa_has_centre', evidence: false, activity: 'mobile', source: 'KOV-is on Perepesa, mis soovib pakkuda mobiilset teenust muudes KOV-i piirkondades.' },
    SIGNED,
    BUDGET,
    ELIGIBLE,
  ],
};

export const MEASURES: Record<GrantMeasure, Measure> = { signs_of_safety: SIGNS_OF_SAFETY, perepesa: PEREPESA };

/** The conditions an application is checked against (Perepesa: those of its activity). */
export function conditionsFor(measure: Measure, activity: PerepesaActivity | null): Condition[] {
  return measure.conditions.filter((c) => !c.activity || c.activity === activity);
}

export function costType(measure: Measure, key: string): CostType | undefined {
  return measure.costTypes.find((c) => c.key === key);
}
