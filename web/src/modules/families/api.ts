import { get, patch, post, postFile } from '../../platform/api/client';
import type {
  ChildInput,
  EndReason,
  EpisodeDetail,
  FamilyDetail,
  FamilyFields,
  GoalStatus,
  NewContact,
  NewFamily,
  NewReferral,
  PersonInput,
  ReferralDetail,
  SpecialistDetail,
  Specialist,
  SpecialistLanguage,
  SpecialistRole,
  TerminationInput,
  Compliance,
} from './types';

export const FAMILIES_PATH = '/api/families';
export const REFERRALS_PATH = '/api/families/referrals';
export const EPISODES_PATH = '/api/families/episodes';
export const SPECIALISTS_PATH = '/api/families/specialists';
export const CONTINUED_PATH = '/api/families/continued-support';

export const familyKeys = {
  all: ['families'] as const,
  list: ['families', 'list'] as const,
  one: (id: string) => ['families', 'one', id] as const,
  referrals: ['families', 'referrals'] as const,
  referral: (id: string) => ['families', 'referral', id] as const,
  episodes: ['families', 'episodes'] as const,
  episode: (id: string) => ['families', 'episode', id] as const,
  my: ['families', 'my'] as const,
  specialists: ['families', 'specialists'] as const,
  specialist: (id: string) => ['families', 'specialist', id] as const,
};

const enc = encodeURIComponent;
const family = (id: string) => `${FAMILIES_PATH}/${enc(id)}`;
const referral = (id: string) => `${REFERRALS_PATH}/${enc(id)}`;
const episode = (id: string) => `${EPISODES_PATH}/${enc(id)}`;
const specialist = (id: string) => `${SPECIALISTS_PATH}/${enc(id)}`;
type V = { version: number };

// Families
export const fetchFamily = (id: string, signal?: AbortSignal) => get<FamilyDetail>(family(id), undefined, signal);
export const createFamily = (body: NewFamily) => post<FamilyDetail>(FAMILIES_PATH, body);
export const updateFamily = (id: string, body: FamilyFields & V & { kovOrganisationId?: string }) => patch<FamilyDetail>(family(id), body);
export const addParent = (id: string, body: V & { person: PersonInput; relation?: string | null }) => post<FamilyDetail>(`${family(id)}/parents`, body);
export const addChild = (id: string, body: V & ChildInput) => post<FamilyDetail>(`${family(id)}/children`, body);
export const updatePlacement = (id: string, placementId: string, body: V & { arrivedOn?: string; leftOn?: string | null }) =>
  patch<FamilyDetail>(`${family(id)}/children/${enc(placementId)}`, body);
export const addHouseholdMember = (id: string, body: V & { person: PersonInput }) => post<FamilyDetail>(`${family(id)}/household-members`, body);
export interface PeriodInput {
  kind: 'adaptation' | 'needs_based';
  childPersonId?: string | null;
  startsOn: string;
  endsOn: string;
}
export const addPriorPeriod = (id: string, body: V & PeriodInput & { procurement: string; transitionalExtra?: boolean; note?: string | null }) =>
  post<FamilyDetail>(`${family(id)}/prior-periods`, body);
export const addAgencyGap = (id: string, body: V & PeriodInput & { reason: string }) => post<FamilyDetail>(`${family(id)}/agency-gaps`, body);

// Referrals
export const fetchReferral = (id: string, signal?: AbortSignal) => get<ReferralDetail>(referral(id), undefined, signal);
export const createReferral = (body: NewReferral) => post<ReferralDetail>(REFERRALS_PATH, body);
export interface ForwardInput {
  providerId: string;
  checks: { targetGroup?: boolean; earlierService?: boolean; justificationAndGoals?: boolean };
  checkNotes?: string | null;
}
export const forwardReferral = (id: string, body: V & ForwardInput) => post<ReferralDetail>(`${referral(id)}/forward`, body);
export const rejectReferral = (id: string, body: V & { reason: string }) => post<ReferralDetail>(`${referral(id)}/reject`, body);
export const withdrawReferral = (id: string, body: V & { reason: string }) => post<ReferralDetail>(`${referral(id)}/withdraw`, body);
export const recordFirstContact = (id: string, body: V & { contactedOn: string; channel: string; notes?: string | null }) =>
  post<ReferralDetail>(`${referral(id)}/first-contact`, body);
export const startEpisode = (id: string, body: V & { specialistId: string; startsOn: string }) => post<EpisodeDetail>(`${referral(id)}/episode`, body);

// Episodes
export const fetchEpisode = (id: string, signal?: AbortSignal) => get<EpisodeDetail>(episode(id), undefined, signal);
export const assignSpecialist = (id: string, body: V & { specialistId: string; reason: string }) => post<EpisodeDetail>(`${episode(id)}/assign`, body);
export interface AgreementInput {
  agreedOn: string;
  goals: string;
  activities: string;
  familyActivities?: string | null;
}
export const recordAgreement = (id: string, body: V & AgreementInput) => post<EpisodeDetail>(`${episode(id)}/agreement`, body);
export const logContact = (id: string, body: NewContact) => post<{ id: string; compliance: Compliance }>(`${episode(id)}/contacts`, body);
export const addGoal = (id: string, body: { text: string; addedOn?: string }) => post<EpisodeDetail>(`${episode(id)}/goals`, body);
export const updateGoal = (id: string, goalId: string, body: V & { text?: string; status?: GoalStatus }) =>
  patch<EpisodeDetail>(`${episode(id)}/goals/${enc(goalId)}`, body);
export interface OverviewInput {
  periodStart: string;
  periodEnd: string;
  progress: string;
  difficulties?: string | null;
  includePlan?: boolean;
}
export const sendKovOverview = (id: string, body: OverviewInput) => post<EpisodeDetail>(`${episode(id)}/kov-reports`, body);
export const endEpisode = (id: string, body: V & TerminationInput & { endsOn: string; reason: EndReason; continuedSupport?: boolean }) =>
  post<EpisodeDetail>(`${episode(id)}/end`, body);
export const switchToAdaptation = (id: string, body: V & TerminationInput & { childPersonId: string; switchOn: string; specialistId?: string }) =>
  post<{ endedEpisodeId: string; adaptation: EpisodeDetail }>(`${episode(id)}/switch-to-adaptation`, body);
export const sendNeedNotice = (id: string, body: { familyAgreed: boolean; text: string }) => post<EpisodeDetail>(`${episode(id)}/kov-need-notice`, body);
export const setContinuedSupport = (id: string, body: V & { continuedSupport: boolean }) => post<EpisodeDetail>(`${episode(id)}/continued-support`, body);

export type EpisodePdf = 'cooperation_agreement' | 'termination_agreement' | 'support_plan';
export const episodePdfUrl = (id: string, kind: EpisodePdf) => `${episode(id)}/pdf/${kind}`;
export const kovReportPdfUrl = (id: string, reportId: string) => `${episode(id)}/kov-reports/${enc(reportId)}/pdf`;

// Specialists
export const fetchSpecialist = (id: string, signal?: AbortSignal) => get<SpecialistDetail>(specialist(id), undefined, signal);
export interface SpecialistInput {
  roles: SpecialistRole[];
  languages: SpecialistLanguage[];
  officialPosts?: { kovOrganisationId: string; district: string | null }[];
  notes?: string | null;
}
export const createSpecialist = (body: SpecialistInput & { userId: string; person: PersonInput }) => post<Specialist>(SPECIALISTS_PATH, body);
export const updateSpecialist = (id: string, body: V & Partial<SpecialistInput> & { active?: boolean }) => patch<Specialist>(specialist(id), body);
export const approveSpecialist = (id: string, body: V & { approved: boolean; approvedOn?: string; reference?: string | null }) =>
  post<Specialist>(`${specialist(id)}/approval`, body);
export const uploadSpecialistDocument = (id: string, file: File, title: string) =>
  postFile<{ id: string }>(`${specialist(id)}/documents`, file, { filename: file.name, title });
export const addDocumentReference = (id: string, body: { title: string; reference: string }) => post<{ id: string }>(`${specialist(id)}/document-references`, body);
export const specialistDocumentUrl = (id: string, documentId: string) => `${specialist(id)}/documents/${enc(documentId)}`;
export const clearCoi = (body: { specialistId: string; familyId: string; decision: string; decidedOn?: string }) =>
  post<{ id: string }>(`${FAMILIES_PATH}/coi-clearances`, body);
