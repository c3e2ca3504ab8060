export const CASE_TYPES = ['domestic', 'klat_opinion', 'international', 'rv'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const INTERNATIONAL_SUBTYPES = [
  'custody_dispute',
  'welfare_check_to_abroad',
  'welfare_check_from_abroad',
  'child_removed_abroad',
  'private_appeal',
] as const;
export type InternationalSubtype = (typeof INTERNATIONAL_SUBTYPES)[number];

export const CLOSING_ASSESSMENTS = [
  'measures_effective',
  'kov_continues_independently',
  'network_functioning',
  'kov_active',
  'child_rights_ensured',
] as const;
export type ClosingAssessment = (typeof CLOSING_ASSESSMENTS)[number];
export type Assessments = Partial<Record<ClosingAssessment, string>>;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export type CaseLanguage = 'et' | 'en' | 'ru';
export type Opinion = 'supporting' | 'not_supporting';
export type Severity = 'overdue' | 'warning' | 'info';

export interface CaseDeadline {
  kind: 'first_contact' | 'klat_opinion' | 'rv_reassessment';
  due: string;
  severity: Severity | null;
}

export interface CaseListItem {
  id: string;
  reference: string;
  type: CaseType;
  internationalSubtype: InternationalSubtype | null;
  status: string;
  receivedOn: string;
  childName: string;
  childBirthDate: string;
  kovName: string;
  county: string | null;
  specialistName: string | null;
  deadline: CaseDeadline | null;
  overdue: boolean;
  closedOn: string | null;
}

export interface RiskAssessment {
  id: string;
  assessedOn: string;
  level: RiskLevel;
  notes: string | null;
}

export interface RvInfo {
  ageNote: string | null;
  consentOver18: boolean;
  activeStartedOn: string | null;
  earlyCloseReason: string | null;
  followUpStartedOn: string | null;
  nextAssessmentFrom: string | null;
  riskAssessments: RiskAssessment[];
}

export interface CaseTransition {
  to: string;
  ok: boolean;
  problem: string | null;
  missing: string[];
}

export interface CaseDetail {
  id: string;
  reference: string;
  type: CaseType;
  internationalSubtype: InternationalSubtype | null;
  status: string;
  language: CaseLanguage;
  version: number;
  receivedOn: string;
  child: { id: string; firstName: string; lastName: string; personalCode: string | null; birthDate: string };
  childResidence: string | null;
  kov: { id: string; name: string; county: string | null; workerId: string; workerName: string };
  specialist: { id: string; name: string | null } | null;
  question: string;
  starReference: string | null;
  courtDate: string | null;
  opinionDue: string | null;
  firstContactDue: string | null;
  opinion: Opinion | null;
  opinionRecommendations: string | null;
  alternativeMeasures: string | null;
  opinionIssuedOn: string | null;
  linkedCaseId: string | null;
  actionPlan: string | null;
  assessments: Assessments;
  summary: string | null;
  recommendations: string | null;
  kovFeedback: string | null;
  rv: RvInfo | null;
  closedOn: string | null;
  deadline: CaseDeadline | null;
  overdue: boolean;
  transitions: CaseTransition[];
}

/** PATCH /api/cases/:id body: the version plus the changed fields. */
export interface CaseChanges {
  version: number;
  question?: string;
  starReference?: string | null;
  courtDate?: string | null;
  childResidence?: string | null;
  kovFeedback?: string | null;
  rvAgeNote?: string | null;
  rvConsentOver18?: boolean;
  language?: CaseLanguage;
  internationalSubtype?: InternationalSubtype;
  actionPlan?: string | null;
  assessments?: Assessments;
  summary?: string | null;
  recommendations?: string | null;
  opinion?: Opinion | null;
  opinionRecommendations?: string | null;
  alternativeMeasures?: string | null;
}

export interface NewCase {
  type: CaseType;
  internationalSubtype?: InternationalSubtype;
  child: { personalCode?: string; firstName: string; lastName: string; birthDate?: string };
  childResidence?: string;
  question: string;
  starReference?: string;
  courtDate?: string;
  language?: CaseLanguage;
  rvAgeNote?: string;
  rvConsentOver18?: boolean;
}

export interface TimelineEntry {
  id: string;
  source: 'activity' | 'event';
  kind: string;
  date: string;
  at: string;
  author: string | null;
  participants: string | null;
  notes: string | null;
  country: string | null;
  authority: string | null;
  foreignReference: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  fromUser: string | null;
  toUser: string | null;
  reason: string | null;
}

export interface NewActivity {
  kind: string;
  occurredOn: string;
  participants?: string;
  notes?: string;
  country?: string;
  authority?: string;
  foreignReference?: string;
}

export interface DocumentSigner {
  signerName: string;
  personalCode: string | null;
  country: string | null;
  signedAt: string | null;
}

export interface CaseDocument {
  id: string;
  kind: 'attachment' | 'signed_container';
  filename: string;
  contentType: string;
  size: number;
  signers: DocumentSigner[] | null;
  validation: { status: 'valid' | 'invalid' | 'unchecked' | 'error'; [key: string]: unknown } | null;
  uploadedBy: string;
  createdAt: string;
}

export type StatsGroup = 'total' | 'county' | 'kov' | 'specialist';

export interface StatsRow {
  key: string;
  label: string;
  applications: number;
  handled: number;
  international: number;
  klatOpinions: number;
}

export interface StatsAnswer {
  year: number;
  groupBy: StatsGroup;
  rows: StatsRow[];
  years: number[];
}

export interface SpecialistOption {
  id: string;
  name: string;
}
