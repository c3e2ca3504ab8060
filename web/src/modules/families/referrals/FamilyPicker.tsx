import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../../platform/api/client';
import type { Page } from '../../../platform/api/pagination';
import { FAMILIES_PATH, familyKeys } from '../api';
import type { FamilyListItem } from '../types';

interface Props {
  value: string;
  /** The chosen family's label, when it came from the page's address. */
  selectedLabel?: string;
  onChange: (id: string) => void;
  error?: string;
  label: string;
  description?: string;
  testId: string;
}

/** Finds a family in the user's scope by reference or a parent's name. */
export function FamilyPicker({ value, selectedLabel, onChange, error, label, description, testId }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const found = useQuery({
    queryKey: [...familyKeys.list, 'picker', q],
    queryFn: ({ signal }) => get<Page<FamilyListItem>>(FAMILIES_PATH, { q: q.includes(' · ') ? undefined : q || undefined, limit: 20 }, signal),
  });
  const data = useMemo(() => {
    const items = (found.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.reference} · ${f.parentNames}` }));
    const current = chosen?.value === value ? chosen.label : selectedLabel;
    if (value && current && !items.some((i) => i.value === value)) items.unshift({ value, label: current });
    return items;
  }, [found.data, value, selectedLabel, chosen]);
  const pick = (id: string | null) => {
    setChosen(id ? (data.find((d) => d.value === id) ?? null) : null);
    onChange(id ?? '');
  };
  return (
    <Select label={label} description={description} data={data} value={value || null} onChange={pick}
      searchable searchValue={search} onSearchChange={setSearch} filter={({ options }) => options} error={error} withAsterisk
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')} data-testid={testId} />
  );
}
