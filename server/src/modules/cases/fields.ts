import type { Role } from '../../platform/db/schema.js';
import { isFinal } from './rules.js';
import type { Assessments, CaseType, InternationalSubtype } from './tables.js';

/** The editable fields of a case, as the API names them. */
export interface CaseChanges {
  question?: string | undefined;
  starReference?: string | null | undefined;
  courtDate?: string | null | undefined;
  childResidence?: string | null | undefined;
  language?: 'et' | 'en' | 'ru' | undefined;
  internationalSubtype?: InternationalSubtype | undefined;
  actionPlan?: string | null | undefined;
  assessments?: Assessments | undefined;
  summary?: string | null | undefined;
  recommendations?: string | null | undefined;
  opinion?: 'supporting' | 'not_supporting' | null | undefined;
  opinionRecommendations?: string | null | undefined;
  alternativeMeasures?: string | null | undefined;
  kovFeedback?: string | null | undefined;
  rvAgeNote?: string | null | undefined;
  rvConsentOver18?: boolean | undefined;
}

export type CaseField = keyof CaseChanges;

/** Who writes what: the KOV owns its application and feedback, SKA its analysis and opinion. */
const WRITABLE: Partial<Record<Role, readonly CaseField[]>> = {
  kov_worker: ['question', 'starReference', 'courtDate', 'childResidence', 'kovFeedback', 'rvAgeNote', 'rvConsentOver18'],
  ska_specialist: ['childResidence', 'language', 'internationalSubtype', 'actionPlan', 'assessments', 'summary', 'recommendations', 'opinion', 'opinionRecommendations', 'alternativeMeasures'],
};

/** Fields that only mean something for one case type, or in some states. */
function applies(field: CaseField, type: CaseType, status: string): boolean {
  switch (field) {
    case 'courtDate':
    case 'opinion':
    case 'opinionRecommendations':
    case 'alternativeMeasures':
      return type === 'klat_opinion' && !isFinal(status);
    case 'internationalSubtype':
      return type === 'international';
    case 'actionPlan':
    case 'assessments':
      return type === 'domestic' && status !== 'closed';
    case 'rvAgeNote':
    case 'rvConsentOver18':
      return type === 'rv' && status === 'preparatory';
    case 'kovFeedback':
      return isFinal(status);
    case 'question':
    case 'starReference':
      return !isFinal(status);
    default:
      return !isFinal(status);
  }
}

export function fieldProblems(role: Role, type: CaseType, status: string, changes: CaseChanges): { notAllowed: CaseField[]; notApplicable: CaseField[] } {
  const present = (Object.keys(changes) as CaseField[]).filter((f) => changes[f] !== undefined);
  const writable = WRITABLE[role] ?? [];
  return {
    notAllowed: present.filter((f) => !writable.includes(f)),
    notApplicable: present.filter((f) => writable.includes(f) && !applies(f, type, status)),
  };
}

/** API field → column. */
export const COLUMN_OF: Record<CaseField, string> = {
  question: 'question',
  starReference: 'star_reference',
  courtDate: 'court_date',
  childResidence: 'child_residence',
  language: 'language',
  internationalSubtype: 'international_subtype',
  actionPlan: 'action_plan',
  assessments: 'assessments',
  summary: 'summary',
  recommendations: 'recommendations',
  opinion: 'opinion',
  opinionRecommendations: 'opinion_recommendations',
  alternativeMeasures: 'alternative_measures',
  kovFeedback: 'kov_feedback',
  rvAgeNote: 'rv_age_note',
  rvConsentOver18: 'rv_consent_over_18',
};
