/** Shapes of the families API (server/src/modules/families/schemas.ts). */

export const FAMILY_TYPES = ['hooldus', 'eestkoste', 'lapsendaja'] as const;
export type FamilyType = (typeof FAMILY_TYPES)[number];
export const FAMILY_LANGUAGES = ['et', 'ru'] as const;
export type FamilyLanguage = (typeof FAMILY_LANGUAGES)[number];
export const SUPPORT_KINDS = ['adaptation', 'needs_based', 'mentoring'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const REFERRAL_STATUSES = ['submitted', 'forwarded', 'rejected', 'started', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const EPISODE_STATUSES = ['pending', 'active', 'ended'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];
export const END_REASONS = ['goals_reached', 'volume_used', 'child_left', 'family_request', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number] | 'switch_to_adaptation';
/** Contact kinds a supporter logs during the service, most used first. */
export const CONTACT_KINDS = ['home_visit', 'call', 'meeting', 'remote_meeting', 'message', 'email'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number] | 'continued_support';
export const GOAL_STATUSES = ['open', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const SPECIALIST_ROLES = ['family_supporter', 'mentor', 'psychologist', 'supervisor', 'group_leader'] as const;
export type SpecialistRole = (typeof SPECIALIST_ROLES)[number];
export const SPECIALIST_LANGUAGES = ['et', 'ru', 'en'] as const;
export type SpecialistLanguage = (typeof SPECIALIST_LANGUAGES)[number];
export type ComplianceStatus = 'green' | 'amber' | 'red' | 'not_started' | 'ended' | 'not_applicable';
export type FirstContactState = 'not_received' | 'waiting' | 'overdue' | 'in_time' | 'late';
export type KovReportKind = 'start_notice' | 'quarterly_overview' | 'termination' | 'need_notice';

export interface OrgRef {
  id: string;
  name: string;
}

export interface FamilyListItem {
  id: string;
  reference: string;
  type: FamilyType;
  language: string;
  parentNames: string;
  childrenInFamily: number;
  kovId: string;
  kovName: string;
  county: string | null;
  district: string | null;
  assessed: boolean;
  adoptionSecrecy: boolean;
  kovInvolved: boolean;
  runningEpisodes: number;
  createdAt: string;
}

export interface Origin {
  birthName?: string | null;
  birthParents?: string | null;
  previousPlacement?: string | null;
  notes?: string | null;
}

export interface AdaptationWindow {
  windowFrom: string;
  windowTo: string;
  regularEnd: string;
  leaveLimit: string | null;
  usedDays: number;
  daysLeft: number;
  open: boolean;
}

export interface FamilyChild {
  placementId: string;
  personId: string;
  firstName: string;
  lastName: string;
  personalCode: string | null;
  birthDate: string;
  arrivedOn: string;
  leftOn: string | null;
  version: number;
  origin: Origin | null;
  originMasked: boolean;
  adaptation: AdaptationWindow | null;
  needsBasedEligibleFrom: string;
}

export interface NeedsBasedVolume {
  limitDays: number;
  usedDays: number;
  remainingDays: number;
  firstStart: string | null;
  bonus: boolean;
  excludedGapDays: number;
}

export interface Period {
  id: string;
  kind: string;
  childPersonId: string | null;
  startsOn: string;
  endsOn: string;
}

export interface FamilyTimelineEntry {
  id: string;
  kind: string;
  episodeId: string | null;
  referralId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  at: string;
  author: string | null;
}

export interface FamilyDetail {
  id: string;
  reference: string;
  type: FamilyType;
  version: number;
  kov: OrgRef;
  guardianKov: OrgRef | null;
  district: string | null;
  language: string;
  assessed: boolean;
  kovInvolvementConsent: boolean;
  kovInvolved: boolean;
  adoptionSecrecy: boolean;
  crisisOrSpecialFoster: boolean;
  inServiceOn20221031: boolean;
  intakeProvider: OrgRef | null;
  providers: OrgRef[];
  address: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  notes: string | null;
  parents: { personId: string; firstName: string; lastName: string; personalCode: string | null; birthDate: string; relation: string }[];
  children: FamilyChild[];
  householdMembers: { personId: string; firstName: string; lastName: string; birthDate: string }[];
  volume: { needsBased: NeedsBasedVolume & { running: boolean } };
  priorPeriods: (Period & { procurement: string; transitionalExtra: boolean; note: string | null })[];
  agencyGaps: (Period & { reason: string })[];
  referrals: { id: string; reference: string; kind: SupportKind; status: ReferralStatus; submittedOn: string; childPersonId: string | null; providerName: string | null }[];
  episodes: {
    id: string;
    kind: SupportKind;
    status: EpisodeStatus;
    startsOn: string;
    endsOn: string | null;
    childPersonId: string | null;
    providerName: string;
    specialistName: string | null;
    compliance: ComplianceStatus;
  }[];
  timeline: FamilyTimelineEntry[];
}

export interface PersonInput {
  personalCode?: string | null;
  firstName: string;
  lastName: string;
  birthDate?: string | null;
}

export interface ChildInput {
  person: PersonInput;
  arrivedOn: string;
  leftOn?: string | null;
  origin?: Origin | null;
}

export interface FamilyFields {
  guardianKovOrganisationId?: string | null;
  district?: string | null;
  language?: FamilyLanguage;
  assessed?: boolean;
  kovInvolvementConsent?: boolean;
  adoptionSecrecy?: boolean;
  crisisOrSpecialFoster?: boolean;
  inServiceOn20221031?: boolean;
  address?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  notes?: string | null;
}

export interface NewFamily extends FamilyFields {
  type: FamilyType;
  kovOrganisationId?: string;
  parents: { person: PersonInput; relation?: string | null }[];
  children?: ChildInput[];
}

export interface ReferralListItem {
  id: string;
  reference: string;
  familyId: string;
  familyReference: string;
  familyType: FamilyType;
  kind: SupportKind;
  source: 'kov' | 'family';
  status: ReferralStatus;
  submittedOn: string;
  childName: string | null;
  kovName: string;
  providerName: string | null;
  preferredProviderName: string | null;
  receivedOn: string | null;
  firstContactDue: string | null;
  firstContactOn: string | null;
  firstContactState: FirstContactState;
}

export interface ReferralChecks {
  targetGroup: boolean | null;
  earlierService: boolean | null;
  justificationAndGoals: boolean | null;
  notes: string | null;
  checkedOn: string | null;
}

export interface ReferralDetail {
  id: string;
  reference: string;
  version: number;
  family: { id: string; reference: string; type: FamilyType; language: string };
  kind: SupportKind;
  source: 'kov' | 'family';
  status: ReferralStatus;
  child: { id: string; firstName: string; lastName: string; birthDate: string } | null;
  kov: OrgRef | null;
  topics: string | null;
  problems: string | null;
  goals: string | null;
  casePlanReference: string | null;
  preferredProvider: OrgRef | null;
  notes: string | null;
  submittedOn: string;
  submittedBy: string | null;
  checks: ReferralChecks;
  rejectionReason: string | null;
  provider: OrgRef | null;
  receivedOn: string | null;
  firstContactDue: string | null;
  firstContactOn: string | null;
  firstContactChannel: string | null;
  firstContactState: FirstContactState;
  episode: { id: string; status: string } | null;
}

export interface NewReferral {
  familyId: string;
  kind: SupportKind;
  childPersonId?: string | null;
  source?: 'kov' | 'family';
  topics?: string | null;
  problems?: string | null;
  goals?: string | null;
  casePlanReference?: string | null;
  preferredProviderId?: string | null;
  notes?: string | null;
}

export interface EpisodeListItem {
  id: string;
  familyId: string;
  familyReference: string;
  familyType: FamilyType;
  parentNames: string;
  childName: string | null;
  kind: SupportKind;
  status: EpisodeStatus;
  startsOn: string;
  agreementOn: string | null;
  endsOn: string | null;
  endReason: string | null;
  kovName: string;
  providerName: string;
  specialistId: string | null;
  specialistName: string | null;
  lastContactOn: string | null;
  nextContactDue: string | null;
  nextHomeVisitDue: string | null;
  nextDue: string | null;
  compliance: ComplianceStatus;
  firstContactDue: string | null;
  firstContactOn: string | null;
  firstContactState: FirstContactState;
  continuedSupport: boolean;
}

export type DueKind = 'first_contact' | 'contact' | 'home_visit' | 'kov_overview';
export interface DueItem {
  kind: DueKind;
  due: string;
  overdue: boolean;
}
export interface MyFamilyItem extends EpisodeListItem {
  due: DueItem[];
  dueThisWeek: boolean;
}

export interface Compliance {
  status: ComplianceStatus;
  phase: 'weekly' | 'twice_monthly' | null;
  weeklyUntil: string | null;
  lastContactOn: string | null;
  nextContactDue: string | null;
  lastHomeVisitOn: string | null;
  nextHomeVisitDue: string | null;
  nextDue: string | null;
  contactGaps: number;
  homeVisitGaps: number;
}

export interface Goal {
  id: string;
  text: string;
  origin: 'start' | 'added';
  addedOn: string;
  status: GoalStatus;
  version: number;
}

export interface Contact {
  id: string;
  kind: ContactKind;
  occurredOn: string;
  durationMinutes: number;
  notes: string | null;
  goalNotes: { goalId: string; note: string }[];
  author: string;
  createdAt: string;
}

export interface KovReport {
  id: string;
  kind: KovReportKind;
  periodStart: string | null;
  periodEnd: string | null;
  progress: string | null;
  difficulties: string | null;
  includesPlan: boolean;
  sentOn: string;
  kovName: string;
  author: string;
}

export interface Termination {
  endsOn: string;
  reason: EndReason | null;
  activities: string | null;
  goalsReached: string | null;
  furtherNeeds: string | null;
  kovRecommendations: string | null;
  sentToKovOn: string | null;
}

export interface EpisodeDetail {
  id: string;
  version: number;
  kind: SupportKind;
  status: EpisodeStatus;
  family: { id: string; reference: string; type: FamilyType; language: string; kovName: string; kovInvolved: boolean; parentNames: string };
  child: { id: string; firstName: string; lastName: string; birthDate: string } | null;
  provider: OrgRef;
  specialist: { id: string; name: string | null } | null;
  referral: { id: string; reference: string; receivedOn: string | null; firstContactDue: string | null; firstContactOn: string | null; firstContactState: FirstContactState } | null;
  startsOn: string;
  agreement: { agreedOn: string; goals: string | null; activities: string | null; familyActivities: string | null } | null;
  compliance: Compliance;
  limit: { lastAllowedDay: string | null; limitKind: 'adaptation_window' | 'needs_based_volume' | 'child_left' | null; remainingDays: number | null };
  familyNeedsBased: NeedsBasedVolume | null;
  kovReporting: { involved: boolean; lastOverviewOn: string | null; nextOverviewDue: string | null };
  goals: Goal[];
  contacts: Contact[];
  kovReports: KovReport[];
  termination: Termination | null;
  continuedSupport: boolean;
  switchedToEpisodeId: string | null;
}

export interface NewContact {
  kind: ContactKind;
  occurredOn: string;
  durationMinutes: number;
  notes?: string | null;
  goalNotes?: { goalId: string; note: string }[];
}

export interface TerminationInput {
  activities?: string | null;
  goalsReached?: string | null;
  furtherNeeds?: string | null;
  kovRecommendations?: string | null;
}

export interface Provider {
  id: string;
  name: string;
  contractInForce: boolean;
}

export interface Specialist {
  id: string;
  userId: string;
  name: string;
  email: string;
  providerId: string;
  providerName: string;
  personId: string;
  roles: SpecialistRole[];
  languages: SpecialistLanguage[];
  officialPosts: { kovOrganisationId: string; district: string | null }[];
  skaApprovedOn: string | null;
  skaApprovalReference: string | null;
  active: boolean;
  notes: string | null;
  runningEpisodes: number;
  version: number;
}

export interface SpecialistDocument {
  id: string;
  kind: 'upload' | 'reference';
  title: string;
  filename: string | null;
  size: number | null;
  reference: string | null;
  uploadedBy: string;
  createdAt: string;
}

export interface SpecialistDetail extends Specialist {
  documents: SpecialistDocument[];
}

export interface CaseloadRow {
  specialistId: string;
  name: string;
  providerName: string;
  approved: boolean;
  running: number;
  adaptation: number;
  needsBased: number;
  mentoring: number;
  red: number;
  amber: number;
  notStarted: number;
}

export interface ComplianceRow {
  providerId: string;
  providerName: string;
  waitingReferrals: number;
  overdueFirstContacts: number;
  running: number;
  green: number;
  amber: number;
  red: number;
  notStarted: number;
}

export interface ContinuedItem extends EpisodeListItem {
  lastContinuedContactOn: string | null;
}
