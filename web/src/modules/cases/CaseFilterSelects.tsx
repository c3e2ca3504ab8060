import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countyOptions } from '../../platform/options';
import { useOrganisationOptions } from '../admin/api';
import { useSpecialists } from './api';
import { statusOptions, typeOptions } from './workflow';
import type { CaseType } from './types';

export const CASE_FILTER_KEYS = ['view', 'q', 'type', 'status', 'county', 'kovId', 'specialistId', 'overdue'] as const;
export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];
/** The selects (those folded away on a phone). */
export const SELECT_KEYS = ['type', 'status', 'county', 'kovId', 'specialistId'] as const;

const TEST_ID: Partial<Record<CaseFilterKey, string>> = { kovId: 'kov', specialistId: 'specialist' };

interface Props {
  /** SKA users also filter by county, municipality and specialist. */
  ska: boolean;
  filters: Record<CaseFilterKey, string>;
  onChange: (key: CaseFilterKey, value: string | null) => void;
}

/** Type, status and (for SKA) area and specialist selects of the case list. */
export function CaseFilterSelects({ ska, filters, onChange }: Props) {
  const { t } = useTranslation();
  const kovs = useOrganisationOptions('kov');
  const specialists = useSpecialists(ska);
  const select = (key: CaseFilterKey) => ({
    value: filters[key] || null,
    onChange: (v: string | null) => onChange(key, v),
    placeholder: t('common.all'),
    clearable: true,
    searchable: key !== 'type' && key !== 'status',
    nothingFoundMessage: t('common.nothingFound'),
    'data-testid': `cases-filter-${TEST_ID[key] ?? key}`,
    clearButtonProps: { 'aria-label': t('common.clear') },
  });
  return (
    <>
      <Select label={t('cases.fields.type')} data={typeOptions(t)} {...select('type')} />
      <Select label={t('cases.fields.status')} data={statusOptions(t, filters.type as CaseType | '')} {...select('status')} />
      {ska && <Select label={t('cases.fields.county')} data={countyOptions(t)} {...select('county')} />}
      {ska && <Select label={t('cases.fields.kov')} data={(kovs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} {...select('kovId')} />}
      {ska && (
        <Select label={t('cases.fields.specialist')} data={(specialists.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          {...select('specialistId')} />
      )}
    </>
  );
}
