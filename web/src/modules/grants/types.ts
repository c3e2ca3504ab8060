export type GrantMeasure = 'signs_of_safety' | 'perepesa';
export type RoundState = 'planned' | 'announced' | 'open' | 'closed';
export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_review', 'eligible', 'rejected', 'granted', 'not_funded', 'contract_sent', 'contract_signed', 'lapsed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type Category = 'over_50000' | 'from_20000_to_50000' | 'under_20000';
export type PerepesaActivity = 'creation' | 'mobile';

export interface Round {
  id: string;
  reference: string;
  measure: GrantMeasure;
  title: string;
  budgetCents: number;
  maxPerApplicationCents: number | null;
  placesPerCategory: number;
  announcedOn: string;
  opensOn: string;
  closesOn: string | null;
  notes: string | null;
  state: RoundState;
  submittedCount: number;
  requestedCents: number;
  grantedCents: number;
  contractedCents: number;
  remainingCents: number;
  version: number;
}

export interface CostTypeDef {
  key: string;
  part: 'model' | 'additional' | 'perepesa';
  staff?: { cap: { grossCents: number; employerCents: number } | null; indirectBase?: boolean };
  activities?: PerepesaActivity[];
}

export interface ConditionDef {
  key: string;
  evidence: boolean;
  activity?: PerepesaActivity;
  source: string;
}

export interface MeasureDef {
  key: GrantMeasure;
  projectMonths: number;
  startWithinMonths: number;
  latestEnd: string | null;
  activities: PerepesaActivity[] | null;
  costTypes: CostTypeDef[];
  conditions: ConditionDef[];
  categories: boolean;
}

export interface BudgetLine {
  costType: string;
  projectYear: number;
  description: string;
  ftePercent: number | null;
  months: number | null;
  grossMonthlyCents: number | null;
  employerMonthlyCents: number | null;
  amountCents: number;
}

export interface Problem {
  code: string;
  message: string;
  line?: number;
}

export interface Evaluation {
  lines: BudgetLine[];
  totals: { modelCents: number; additionalCents: number; staffCents: number; indirectCents: number; totalCents: number; byYear: number[] };
  limits: { key: string; usedCents: number; limitCents: number | null; ok: boolean; message: string }[];
  problems: Problem[];
  period: { start: string; end: string; months: number; shortened: boolean } | null;
  ok: boolean;
}

export interface ApplicationItem {
  id: string;
  reference: string;
  status: ApplicationStatus;
  roundId: string;
  roundReference: string;
  roundTitle: string;
  measure: GrantMeasure;
  kovId: string;
  kovName: string;
  population: number | null;
  category: Category | null;
  activity: PerepesaActivity | null;
  requestedCents: number;
  grantedCents: number | null;
  submittedAt: string | null;
  decisionDueOn: string | null;
  decisionDaysLeft: number | null;
  contractSignDueOn: string | null;
  version: number;
}

export interface GrantFile {
  id: string;
  kind: 'evidence' | 'signed_application' | 'signed_contract';
  conditionKey: string | null;
  filename: string;
  size: number;
  signers: { id: string; signerName: string | null; personalCode: string | null; country: string | null; signedAt: string | null }[] | null;
  validation: { status: string; message?: string } | null;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface Application extends ApplicationItem {
  roundState: RoundState;
  contactName: string;
  contactEmail: string;
  plannedStart: string | null;
  summary: string;
  explanation: string;
  sustainability: string;
  submittedOn: string | null;
  eligibilityReason: string | null;
  decidedOn: string | null;
  decisionReason: string | null;
  partialFundingNote: string | null;
  contractSentOn: string | null;
  contractSignedOn: string | null;
  contractLapsedOn: string | null;
  projectStart: string | null;
  projectEnd: string | null;
  evaluation: Evaluation;
  files: GrantFile[];
  conditions: { key: string; evidence: boolean; source: string; check: { met: boolean; note: string | null; checkedAt: string; checkedBy: string | null } | null }[];
  events: { id: string; kind: string; fromStatus: string | null; toStatus: string | null; note: string | null; at: string; actor: string | null }[];
}

export interface RankingRow {
  application: ApplicationItem;
  order: number;
  place: 'category' | 'spillover' | 'kept' | null;
  amountCents: number;
  budgetBeforeCents: number | null;
  budgetAfterCents: number | null;
  fundable: boolean;
  partialPossibleCents: number | null;
  explanation: { code: string; message: string }[];
}

export interface Ranking {
  placesPerCategory: number;
  categories: { category: Category; places: number; taken: number; unused: number }[];
  spilloverPlaces: number;
  budgetCents: number;
  reservedCents: number;
  remainingCents: number;
  rows: RankingRow[];
  others: ApplicationItem[];
}

export interface LineInput {
  costType: string;
  projectYear: number;
  description: string;
  ftePercent?: number | null;
  months?: number | null;
  grossMonthlyCents?: number | null;
  employerMonthlyCents?: number | null;
  amountCents?: number | null;
}
