import type { TFunction } from 'i18next';
import { isApiError } from '../../platform/api/errors';
import { FIELDS, labelKey } from './case-fields';
import type { CaseDetail } from './types';

/** `details.missing` of a refused transition (409), e.g. ['actionPlan', 'assessments.kov_active']. */
export function missingOf(error: unknown): string[] {
  if (!isApiError(error)) return [];
  const details = error.details as { missing?: unknown } | undefined;
  return Array.isArray(details?.missing) ? details.missing.filter((m): m is string => typeof m === 'string') : [];
}

/** A missing item's name for people: the field's label. */
export function missingLabel(name: string, c: CaseDetail, t: TFunction): string {
  const spec = FIELDS[name];
  if (spec) return t(labelKey(spec, c));
  return t(`cases.fields.${name}`, { defaultValue: name });
}
