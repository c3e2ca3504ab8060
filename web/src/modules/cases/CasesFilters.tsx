import { useId, useState } from 'react';
import { Button, Checkbox, Collapse, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../platform/auth/roles';
import { SearchInput } from '../../platform/components/SearchInput';
import { CaseFilterSelects, SELECT_KEYS, type CaseFilterKey } from './CaseFilterSelects';
import { viewsFor, type CaseView } from './workflow';

export { CASE_FILTER_KEYS } from './CaseFilterSelects';

interface Props {
  role: Role;
  filters: Record<CaseFilterKey, string>;
  view: CaseView;
  onChange: (key: CaseFilterKey, value: string | null) => void;
}

function ViewSwitch({ role, view, onChange }: { role: Role; view: CaseView; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  const views = viewsFor(role);
  if (views.length < 2) return null;
  return (
    <Stack gap={4}>
      <Text id={labelId} size="sm" fw={500}>{t('cases.filters.view')}</Text>
      <SegmentedControl aria-labelledby={labelId} value={view} onChange={onChange} fullWidth data-testid="cases-filter-view"
        data={views.map((v) => ({ value: v, label: t(`cases.views.${role}.${v}`) }))} />
    </Stack>
  );
}

/** On a phone the selects fold away behind one button, so the list starts on the first screen. */
function PhoneSelects({ children, active }: { children: React.ReactNode; active: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(active > 0);
  const id = useId();
  return (
    <>
      <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />} onClick={() => setOpen((o) => !o)}
        aria-expanded={open} aria-controls={id} data-testid="cases-filter-more">
        {active ? t('cases.filters.moreActive', { count: active }) : t('cases.filters.more')}
      </Button>
      <Collapse expanded={open} id={id}>
        <Stack gap="md">{children}</Stack>
      </Collapse>
    </>
  );
}

/** The case list's filters, kept in the URL (X-FIND). KOV workers see only their municipality, so no area filters. */
export function CasesFilters({ role, filters, view, onChange }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const selects = <CaseFilterSelects ska={role !== 'kov_worker'} filters={filters} onChange={onChange} />;
  return (
    <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={t('common.filters')}>
      <Stack gap="md">
        <ViewSwitch role={role} view={view} onChange={(v) => onChange('view', v)} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <SearchInput label={t('cases.filters.q')} description={t('cases.filters.qHint')} value={filters.q}
            onChange={(v) => onChange('q', v)} testId="cases-filter-q" />
          {!isPhone && selects}
        </SimpleGrid>
        {isPhone && <PhoneSelects active={SELECT_KEYS.filter((k) => filters[k]).length}>{selects}</PhoneSelects>}
        <Checkbox label={t('cases.filters.overdue')} checked={filters.overdue === 'true'}
          onChange={(e) => onChange('overdue', e.currentTarget.checked ? 'true' : null)} data-testid="cases-filter-overdue" />
      </Stack>
    </Paper>
  );
}
