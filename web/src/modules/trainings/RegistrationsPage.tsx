import { Anchor, Checkbox, Group as Row, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconMessage2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ExportButtons } from '../../platform/components/ExportButtons';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { LoadMore } from '../../platform/components/LoadMore';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { todayInTallinn } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { Section } from '../families/ui/Section';
import { KOV_SUMMARY_PATH, REGISTRATIONS_PATH, useKovSummary, useRegistrations } from './api';
import { datesText, useTrainingRole } from './format';
import { FeedbackForm } from './FeedbackForm';
import { CancelRegistrationButton } from './GroupActions';
import { CertificateLink } from './ParticipantsTable';
import type { Registration } from './types';
import { StatusBadge } from './ui';
import { yearOptions } from './TrainingsPage';

const KEYS = ['mine', 'year', 'status'] as const;
const STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'released'] as const;

function Actions({ r }: { r: Registration }) {
  const { t } = useTranslation();
  const { isKov, isManager } = useTrainingRole();
  const before = r.group.startsOn > todayInTallinn();
  return (
    <Stack gap={4} align="flex-start">
      {r.certificateAvailable && <CertificateLink registrationId={r.id} name={r.participant.name} />}
      {r.feedbackOpen && (
        <ActionDialog label={t('trainings.registration.feedback')} title={t('trainings.feedback.formTitle', { training: r.training.title })} icon={<IconMessage2 size={16} aria-hidden />} size="md" testId="feedback-open">
          {(close) => <FeedbackForm registration={r} close={close} />}
        </ActionDialog>
      )}
      {r.feedbackGiven && r.own && <Text size="xs" c="dimmed">{t('trainings.registration.feedbackGiven')}</Text>}
      {before && (r.status === 'confirmed' || r.status === 'waitlisted') && (isKov || isManager) && <CancelRegistrationButton registration={r} />}
    </Stack>
  );
}

function KovSummary({ year }: { year: string }) {
  const { t } = useTranslation();
  const filters = { year: year || undefined };
  const rows = useKovSummary(filters);
  return (
    <Section title={t('trainings.registrations.kovSummary')} intro={t('trainings.registrations.kovSummaryIntro')} actions={<ExportButtons listPath={KOV_SUMMARY_PATH} filters={filters} testIdPrefix="kov-summary" />} testId="kov-summary">
      {rows.isPending ? <InlineLoader /> : rows.error ? <ErrorAlert error={rows.error} /> : rows.data.length === 0 ? <Text c="dimmed">{t('trainings.registrations.empty')}</Text> : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="kov-summary-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainings.participants.kov')}</Table.Th>
                <Table.Th>{t('trainings.registrations.workers')}</Table.Th>
                <Table.Th>{t('trainings.registrations.registered')}</Table.Th>
                <Table.Th>{t('trainings.registrations.waitlisted')}</Table.Th>
                <Table.Th>{t('trainings.registrations.trained')}</Table.Th>
                <Table.Th>{t('trainings.registrations.certificates')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data.map((r) => (
                <Table.Tr key={r.organisation.id}>
                  <Table.Td>{r.organisation.name}</Table.Td>
                  <Table.Td>{r.workers}</Table.Td>
                  <Table.Td>{r.registered}</Table.Td>
                  <Table.Td>{r.waitlisted}</Table.Td>
                  <Table.Td>{r.peopleTrained}</Table.Td>
                  <Table.Td>{r.certificates}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/**
 * /trainings/registrations — a KOV worker's own and colleagues' registrations
 * (certificates, the questionnaire, cancelling), SKA's participants; both
 * export them (X-EXPORT) and see how many of each municipality's workers are trained.
 */
export function RegistrationsPage() {
  const { t } = useTranslation();
  const { role, isKov } = useTrainingRole();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const query = { mine: isKov && filters.mine === 'true' ? 'true' : undefined, year: filters.year || undefined, status: filters.status || undefined };
  const list = useRegistrations(query);
  return (
    <>
      <PageHeader title={t(isKov ? 'trainings.registrations.title' : 'trainings.registrations.titleSka')} description={t(`trainings.registrations.intro.${role}`, { defaultValue: '' }) || undefined}
        actions={<ExportButtons listPath={REGISTRATIONS_PATH} filters={query} testIdPrefix="registrations" />} />
      <Stack gap="lg">
        <Row gap="lg" align="flex-end" wrap="wrap">
          <Select label={t('trainings.year')} data={yearOptions(t)} value={filters.year} onChange={(v) => setFilter('year', v)} allowDeselect={false} w={180} data-testid="registrations-year" />
          <Select label={t('trainings.participants.status')} data={[{ value: '', label: t('common.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`trainings.registration.status.${s}`) }))]}
            value={filters.status} onChange={(v) => setFilter('status', v)} allowDeselect={false} w={220} data-testid="registrations-status" />
          {isKov && <Checkbox label={t('trainings.registrations.mine')} checked={filters.mine === 'true'} onChange={(e) => setFilter('mine', e.currentTarget.checked ? 'true' : null)} data-testid="registrations-mine" />}
        </Row>
        <section aria-labelledby="registrations-list">
          <Title order={2} size="h4" id="registrations-list" mb="sm">{t('trainings.registrations.list')}</Title>
          {list.isPending ? <InlineLoader /> : list.error ? <ErrorAlert error={list.error} /> : list.items.length === 0 ? <Text c="dimmed" data-testid="registrations-empty">{t('trainings.registrations.empty')}</Text> : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped verticalSpacing="sm" data-testid="registrations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('trainings.participants.name')}</Table.Th>
                    <Table.Th>{t('trainings.fields.training')}</Table.Th>
                    <Table.Th>{t('trainings.group.when')}</Table.Th>
                    <Table.Th>{t('trainings.participants.status')}</Table.Th>
                    <Table.Th>{t('trainings.participants.attendance')}</Table.Th>
                    <Table.Th>{t('trainings.participants.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((r) => (
                    <Table.Tr key={r.id} data-testid="registration-row" data-own={r.own} data-training={r.training.title}>
                      <Table.Td miw={150}>
                        <Text size="sm" fw={500}>{r.participant.name}</Text>
                        <Text size="xs" c="dimmed">{r.organisation.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/trainings/groups/${r.group.id}`} size="sm">{r.training.title}</Anchor>
                        <Text size="xs" c="dimmed">{t('trainings.group.title', { number: r.group.number })}{r.group.city ? `, ${r.group.city}` : ''}</Text>
                      </Table.Td>
                      <Table.Td><Text size="sm">{datesText(r.group)}</Text></Table.Td>
                      <Table.Td><StatusBadge status={r.status} position={r.waitlistPosition} /></Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.fullAttendance ? t('trainings.participants.full') : r.attendedAny ? t('trainings.participants.partial') : '—'}</Text>
                      </Table.Td>
                      <Table.Td><Actions r={r} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <LoadMore shown={list.items.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </section>
        <KovSummary year={filters.year} />
      </Stack>
    </>
  );
}
