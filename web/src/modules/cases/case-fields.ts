import type { TFunction } from 'i18next';
import type { Role } from '../../platform/auth/roles';
import { ageOn } from '../../platform/format';
import type { Option } from '../../platform/options';
import { RV_ADULT_AGE, RV_MIN_AGE } from './case-form';
import { isFinal, languageOptions, subtypeOptions } from './workflow';
import { CLOSING_ASSESSMENTS, type CaseChanges, type CaseDetail } from './types';

export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'radio' | 'checkbox';
export type FieldValue = string | boolean;
export type FieldValues = Record<string, FieldValue>;

/** One editable case field: its API name (`assessments.kov_active`), input, owner and when it applies. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  owner: 'kov' | 'ska' | 'both';
  maxLength?: number;
  /** Height of a textarea in rows (default 3). */
  rows?: number;
  /** Cannot be emptied. */
  required?: boolean;
  options?: (t: TFunction) => Option[];
  /** i18n key of the label when it is not `cases.fields.<name>`. */
  labelKey?: (c: CaseDetail) => string;
  /** Whether the field is part of this case at all. */
  shown?: (c: CaseDetail, values: FieldValues) => boolean;
  /** Whether it may be changed in the case's current state (server fields.ts). */
  applies?: (c: CaseDetail) => boolean;
}

const notFinal = (c: CaseDetail) => !isFinal(c.status);
const childAgeOnReceipt = (c: CaseDetail) => ageOn(c.child.birthDate, c.receivedOn);

export const FIELDS: Record<string, FieldSpec> = {
  question: { name: 'question', kind: 'textarea', owner: 'kov', required: true, maxLength: 10000, labelKey: (c) => `cases.question.${c.type}` },
  starReference: { name: 'starReference', kind: 'text', owner: 'kov', maxLength: 100 },
  courtDate: { name: 'courtDate', kind: 'date', owner: 'kov', shown: (c) => c.type === 'klat_opinion' },
  childResidence: { name: 'childResidence', kind: 'text', owner: 'both', maxLength: 300 },
  language: { name: 'language', kind: 'select', owner: 'ska', required: true, options: languageOptions },
  internationalSubtype: {
    name: 'internationalSubtype', kind: 'select', owner: 'ska', required: true, options: subtypeOptions,
    shown: (c) => c.type === 'international',
  },
  rvAgeNote: {
    name: 'rvAgeNote', kind: 'textarea', owner: 'kov', maxLength: 2000,
    shown: (c) => c.type === 'rv' && (Boolean(c.rv?.ageNote) || childAgeOnReceipt(c) < RV_MIN_AGE),
    applies: (c) => c.status === 'preparatory',
  },
  rvConsentOver18: {
    name: 'rvConsentOver18', kind: 'checkbox', owner: 'kov',
    shown: (c) => c.type === 'rv' && (Boolean(c.rv?.consentOver18) || childAgeOnReceipt(c) >= RV_ADULT_AGE),
    applies: (c) => c.status === 'preparatory',
  },
  actionPlan: { name: 'actionPlan', kind: 'textarea', owner: 'ska', maxLength: 20000, applies: (c) => c.status !== 'closed' },
  ...Object.fromEntries(
    CLOSING_ASSESSMENTS.map((key) => [
      `assessments.${key}`,
      { name: `assessments.${key}`, kind: 'textarea', owner: 'ska', maxLength: 5000, rows: 2, labelKey: () => `cases.assessments.${key}` } satisfies FieldSpec,
    ]),
  ),
  summary: { name: 'summary', kind: 'textarea', owner: 'ska', maxLength: 20000 },
  recommendations: { name: 'recommendations', kind: 'textarea', owner: 'ska', maxLength: 20000 },
  opinion: {
    name: 'opinion', kind: 'radio', owner: 'ska',
    options: (t) => (['supporting', 'not_supporting'] as const).map((v) => ({ value: v, label: t(`cases.opinion.${v}`) })),
  },
  opinionRecommendations: { name: 'opinionRecommendations', kind: 'textarea', owner: 'ska', maxLength: 20000 },
  alternativeMeasures: {
    name: 'alternativeMeasures', kind: 'textarea', owner: 'ska', maxLength: 20000,
    shown: (c, v) => v.opinion === 'not_supporting' || Boolean(c.alternativeMeasures),
  },
  kovFeedback: { name: 'kovFeedback', kind: 'textarea', owner: 'kov', maxLength: 10000, applies: (c) => isFinal(c.status) },
};

export function labelKey(spec: FieldSpec, c: CaseDetail): string {
  if (spec.labelKey) return spec.labelKey(c);
  return `cases.fields.${spec.name}`;
}

/** id and data-testid of a field's input: `case-field-summary`, `case-field-assessments-kov_active`. */
export const fieldId = (name: string) => `case-field-${name.replace(/\./g, '-')}`;

export function readField(c: CaseDetail, name: string): FieldValue {
  if (name.startsWith('assessments.')) return c.assessments[name.slice(12) as keyof CaseDetail['assessments']] ?? '';
  if (name === 'rvAgeNote') return c.rv?.ageNote ?? '';
  if (name === 'rvConsentOver18') return c.rv?.consentOver18 ?? false;
  const value = (c as unknown as Record<string, unknown>)[name];
  return typeof value === 'boolean' ? value : typeof value === 'string' ? value : '';
}

export function valuesOf(c: CaseDetail, specs: FieldSpec[]): FieldValues {
  return Object.fromEntries(specs.map((s) => [s.name, readField(c, s.name)]));
}

/** Whether this user may change the field now. */
export function canEdit(spec: FieldSpec, c: CaseDetail, role: Role): boolean {
  const side = role === 'kov_worker' ? 'kov' : role === 'ska_specialist' ? 'ska' : null;
  if (!side || (spec.owner !== 'both' && spec.owner !== side)) return false;
  return (spec.applies ?? notFinal)(c);
}

const text = (v: FieldValue) => (typeof v === 'string' ? v.trim() : '');

/** PATCH body with only the fields that differ from the saved case. */
export function changesOf(values: FieldValues, c: CaseDetail, specs: FieldSpec[], version: number): CaseChanges {
  const changes: Record<string, unknown> = { version };
  const assessments: Record<string, string> = {};
  for (const spec of specs) {
    const next = values[spec.name];
    const saved = readField(c, spec.name);
    if (spec.kind === 'checkbox') {
      if (next !== saved) changes[spec.name] = Boolean(next);
      continue;
    }
    if (text(next ?? '') === text(saved)) continue;
    if (spec.name.startsWith('assessments.')) assessments[spec.name.slice(12)] = text(next ?? '');
    else changes[spec.name] = text(next ?? '') || (spec.required ? undefined : null);
  }
  if (Object.keys(assessments).length) changes.assessments = assessments;
  return changes as unknown as CaseChanges;
}

export const hasChanges = (changes: CaseChanges) => Object.keys(changes).some((k) => k !== 'version');
