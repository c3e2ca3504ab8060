import type { TFunction } from 'i18next';
import { ORGANISATION_KINDS, ROLES } from './auth/roles';

export interface Option {
  value: string;
  label: string;
}

export function roleOptions(t: TFunction): Option[] {
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

export function kindOptions(t: TFunction): Option[] {
  return ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }));
}

export function activeOptions(t: TFunction): Option[] {
  return [
    { value: 'true', label: t('common.active') },
    { value: 'false', label: t('common.inactive') },
  ];
}

/** Estonia's 15 counties as stored in the reference data (municipalities.csv). */
export const COUNTIES = [
  'Harju', 'Hiiu', 'Ida-Viru', 'Järva', 'Jõgeva', 'Lääne', 'Lääne-Viru', 'Põlva',
  'Pärnu', 'Rapla', 'Saare', 'Tartu', 'Valga', 'Viljandi', 'Võru',
] as const;

export function countyOptions(t: TFunction): Option[] {
  return COUNTIES.map((c) => ({ value: c, label: t(`counties.${c}`, { defaultValue: c }) }));
}
