import { Checkbox, Group as Row, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { useGroups } from './api';
import { useTrainingRole } from './format';
import { GroupsTable } from './GroupsTable';
import { yearOptions } from './TrainingsPage';

const KEYS = ['year', 'underfilled', 'upcoming', 'attendance'] as const;

/**
 * /trainings/groups — a trainer's own groups (where attendance is due), or
 * for SKA every group, with the C-4 warnings (under the minimum after the cut-off).
 */
export function GroupsPage() {
  const { t } = useTranslation();
  const { role, isTrainer } = useTrainingRole();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const groups = useGroups({
    year: filters.year || undefined,
    underfilled: filters.underfilled === 'true' ? 'true' : undefined,
    upcoming: filters.upcoming === 'true' ? 'true' : undefined,
    attendance: filters.attendance === 'due' ? 'due' : undefined,
  });
  return (
    <>
      <PageHeader title={t(isTrainer ? 'trainings.groups.mine' : 'trainings.groups.title')} description={t(`trainings.groups.intro.${role}`, { defaultValue: '' }) || undefined} />
      <Stack gap="md">
        <Row gap="lg" align="flex-end" wrap="wrap">
          <Select label={t('trainings.year')} data={yearOptions(t)} value={filters.year} onChange={(v) => setFilter('year', v)} allowDeselect={false} w={180} data-testid="groups-year" />
          {!isTrainer && (
            <Checkbox label={t('trainings.groups.underfilledOnly')} checked={filters.underfilled === 'true'} onChange={(e) => setFilter('underfilled', e.currentTarget.checked ? 'true' : null)} data-testid="groups-underfilled" />
          )}
          <Checkbox label={t('trainings.groups.upcomingOnly')} checked={filters.upcoming === 'true'} onChange={(e) => setFilter('upcoming', e.currentTarget.checked ? 'true' : null)} data-testid="groups-upcoming" />
          <Checkbox label={t('trainings.groups.attendanceDueOnly')} checked={filters.attendance === 'due'} onChange={(e) => setFilter('attendance', e.currentTarget.checked ? 'due' : null)} data-testid="groups-attendance-due" />
        </Row>
        {groups.isPending ? <InlineLoader /> : groups.error ? <ErrorAlert error={groups.error} /> : <GroupsTable groups={groups.data} showTraining />}
      </Stack>
    </>
  );
}
