import { Anchor, Badge, Card, Group as Row, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { formatDate } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { useTrainings } from './api';
import { thisYear, useTrainingRole } from './format';
import { TrainingForm } from './TrainingForm';
import type { Training } from './types';

const KEYS = ['year', 'q'] as const;

export function yearOptions(t: (k: string) => string, around = thisYear()) {
  return [{ value: '', label: t('trainings.allYears') }, ...Array.from({ length: around - 2024 + 3 }, (_, i) => String(2024 + i)).reverse().map((y) => ({ value: y, label: y }))];
}

function TrainingCard({ training }: { training: Training }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="li" data-testid="training-card" data-reference={training.reference}>
      <Stack gap={6}>
        <Row justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/trainings/${training.id}`} fw={700} data-testid="training-link">{training.title}</Anchor>
          {training.status === 'draft' && <Badge color="gray" variant="light">{t('trainings.status.draft')}</Badge>}
        </Row>
        <Text size="sm" c="dimmed">{training.reference} · {training.provider.name}</Text>
        <Text size="sm">{t('trainings.volume', { hours: training.academicHours, count: training.days })} · {t(`trainings.form.${training.form}`)}</Text>
        <Text size="sm">{t('trainings.fields.window')}: {formatDate(training.windowStart)}–{formatDate(training.windowEnd)}</Text>
        <Row gap="xs">
          <Badge variant="outline">{t('trainings.groupCount', { count: training.groupCount })}</Badge>
          {training.myRegistration && <Badge color="green" variant="light">{t(`trainings.registration.status.${training.myRegistration.status}`)}</Badge>}
          {training.eligibleOrganisations && <Badge color="grape" variant="light">{t('trainings.restricted')}</Badge>}
        </Row>
      </Stack>
    </Card>
  );
}

/** /trainings — C-1 the catalogue: KOV workers the published trainings, trainers theirs, SKA all (the manager adds new ones). */
export function TrainingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role, isManager } = useTrainingRole();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const trainings = useTrainings({ year: filters.year || undefined, q: filters.q || undefined });
  return (
    <>
      <PageHeader
        title={t('trainings.title')}
        description={t(`trainings.intro.${role}`, { defaultValue: '' }) || undefined}
        actions={
          isManager ? (
            <ActionDialog label={t('trainings.training.new')} title={t('trainings.training.newTitle')} icon={<IconPlus size={16} aria-hidden />} testId="training-new">
              {(close) => <TrainingForm close={close} onCreated={(created) => navigate(`/trainings/${created.id}`)} />}
            </ActionDialog>
          ) : undefined
        }
      />
      <Stack gap="md">
        <Row gap="md" align="flex-end" wrap="wrap">
          <Select label={t('trainings.year')} data={yearOptions(t)} value={filters.year} onChange={(v) => setFilter('year', v)} allowDeselect={false} w={180} data-testid="trainings-year" />
          <TextInput label={t('trainings.search')} value={filters.q} onChange={(e) => setFilter('q', e.currentTarget.value)} leftSection={<IconSearch size={16} aria-hidden />} w={280} data-testid="trainings-search" />
        </Row>
        {trainings.isPending ? <InlineLoader /> : trainings.error ? <ErrorAlert error={trainings.error} /> : trainings.data.length === 0 ? (
          <Text c="dimmed" data-testid="trainings-empty">{t('trainings.empty')}</Text>
        ) : (
          <>
            <Title order={2} size="h4">{t('trainings.count', { count: trainings.data.length })}</Title>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="trainings-list">
              {trainings.data.map((x) => <TrainingCard key={x.id} training={x} />)}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </>
  );
}
