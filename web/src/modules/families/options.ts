import type { TFunction } from 'i18next';
import type { Option } from '../../platform/options';
import {
  CONTACT_KINDS,
  END_REASONS,
  EPISODE_STATUSES,
  FAMILY_LANGUAGES,
  FAMILY_TYPES,
  REFERRAL_STATUSES,
  SPECIALIST_LANGUAGES,
  SPECIALIST_ROLES,
  SUPPORT_KINDS,
} from './types';

const of = (values: readonly string[], t: TFunction, prefix: string): Option[] => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

export const familyTypeOptions = (t: TFunction) => of(FAMILY_TYPES, t, 'families.type');
export const familyLanguageOptions = (t: TFunction) => of(FAMILY_LANGUAGES, t, 'families.language');
export const supportKindOptions = (t: TFunction, kinds: readonly string[] = SUPPORT_KINDS) => of(kinds, t, 'families.kind');
export const referralStatusOptions = (t: TFunction) => of(REFERRAL_STATUSES, t, 'families.referralStatus');
export const episodeStatusOptions = (t: TFunction) => [{ value: 'running', label: t('families.episodeStatus.running') }, ...of(EPISODE_STATUSES, t, 'families.episodeStatus')];
export const complianceOptions = (t: TFunction) => of(['red', 'amber', 'green'], t, 'families.compliance.status');
export const contactKindOptions = (t: TFunction) => of(CONTACT_KINDS, t, 'families.contactKind');
export const endReasonOptions = (t: TFunction) => of(END_REASONS, t, 'families.endReason');
export const specialistRoleOptions = (t: TFunction) => of(SPECIALIST_ROLES, t, 'families.specialistRole');
export const specialistLanguageOptions = (t: TFunction) => of(SPECIALIST_LANGUAGES, t, 'families.language');

/** "Anne Ilves" or the masked/absent placeholder. */
export const fullName = (p: { firstName: string; lastName: string } | null | undefined) => (p ? `${p.firstName} ${p.lastName}` : '');

/** Trimmed text, or null when empty (optional API fields). */
export const optText = (value: string) => (value.trim() ? value.trim() : null);
