import { FIELDS, type FieldSpec } from './case-fields';
import { isFinal } from './workflow';
import { CLOSING_ASSESSMENTS, type CaseDetail } from './types';

export type CaseTab = 'overview' | 'work' | 'timeline' | 'documents';
export const TABS: readonly CaseTab[] = ['overview', 'work', 'timeline', 'documents'];

export interface Section {
  id: string;
  tab: CaseTab;
  fields: FieldSpec[];
}

const pick = (...names: string[]) => names.map((n) => FIELDS[n]!);

function workSections(c: CaseDetail): Section[] {
  switch (c.type) {
    case 'domestic':
      return [
        { id: 'actionPlan', tab: 'work', fields: pick('actionPlan') },
        // The closing part appears once work has started (or when something is already written in it).
        ...(['in_progress', 'closing', 'closed'].includes(c.status) || c.summary || Object.keys(c.assessments).length
          ? [{ id: 'closing', tab: 'work' as const, fields: pick(...CLOSING_ASSESSMENTS.map((k) => `assessments.${k}`), 'summary', 'recommendations') }]
          : []),
      ];
    case 'klat_opinion':
      return [{ id: 'opinion', tab: 'work', fields: pick('opinion', 'opinionRecommendations', 'alternativeMeasures') }];
    case 'international':
    case 'rv':
      return [{ id: 'summary', tab: 'work', fields: pick('summary', 'recommendations') }];
  }
}

/** The case's editable parts, in page order. */
export function sectionsOf(c: CaseDetail): Section[] {
  const application: Section = {
    id: 'application',
    tab: 'overview',
    fields: pick('question', 'starReference', 'courtDate', 'childResidence', 'language', 'internationalSubtype', 'rvAgeNote', 'rvConsentOver18'),
  };
  const feedback: Section[] = isFinal(c.status) || c.kovFeedback ? [{ id: 'feedback', tab: 'work', fields: pick('kovFeedback') }] : [];
  return [application, ...workSections(c), ...feedback];
}

/** Which tab holds a field that a transition names as missing. */
export function tabOfField(c: CaseDetail, name: string): CaseTab {
  if (name === 'riskAssessments' || name === 'assessedOn') return 'work';
  if (name === 'reason') return 'overview';
  return sectionsOf(c).find((s) => s.fields.some((f) => f.name === name))?.tab ?? 'work';
}
