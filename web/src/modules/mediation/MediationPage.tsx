import { Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { LoadMore } from '../../platform/components/LoadMore';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { formatDate, formatDateTime } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { useProceedings } from './api';
import { NewProceedingForm } from './NewProceedingForm';
import { MEDIATION_STATUSES, type ProceedingListItem } from './types';
import { StatusBadge } from './ui';

const KEYS = ['status'] as const;

/** A client's own proceedings, as cards. */
function ClientCard({ p }: { p: ProceedingListItem }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="li" data-testid="proceeding-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/mediation/${p.id}`} fw={700} data-testid="proceeding-link">{t('mediation.list.cardTitle', { reference: p.reference })}</Anchor>
          <StatusBadge status={p.status} />
        </Group>
        <Text size="sm">{t('mediation.list.parents')}: {p.parents.join(', ')}</Text>
        <Text size="sm">{t('mediation.list.children')}: {p.children.join(', ')}</Text>
        <Text size="sm">{t('mediation.list.mediator')}: {p.mediator?.name ?? t('mediation.list.noMediator')}</Text>
        <Text size="sm" fw={p.nextSessionAt ? 700 : undefined}>
          {p.nextSessionAt ? t('mediation.list.nextSession', { when: formatDateTime(p.nextSessionAt) }) : t('mediation.list.noSession')}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * /mediation — E-PROVIDER: the persons referred to the service and the state of
 * each (a mediator their own, SKA all, with a state filter); a client's own
 * proceedings. SKA registers new ones.
 */
export function MediationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useSession().user;
  const client = role === 'client';
  const [filters, setFilter] = useUrlFilters(KEYS);
  const list = useProceedings({ status: filters.status || undefined });
  const statusOptions = [{ value: '', label: t('mediation.list.allStates') }, { value: 'open', label: t('mediation.list.open') }, ...MEDIATION_STATUSES.map((s) => ({ value: s, label: t(`mediation.status.${s}`) }))];
  return (
    <>
      <PageHeader
        title={client ? t('mediation.list.myTitle') : t('mediation.list.title')}
        description={t(`mediation.list.intro.${role}`, { defaultValue: '' }) || undefined}
        actions={
          role === 'ska_contact' ? (
            <ActionDialog label={t('mediation.create.button')} title={t('mediation.create.title')} icon={<IconPlus size={16} aria-hidden />} testId="proceeding-new" size="xl">
              {(close) => <NewProceedingForm close={close} onCreated={(id) => navigate(`/mediation/${id}`)} />}
            </ActionDialog>
          ) : undefined
        }
      />
      <Stack gap="md">
        {!client && (
          <Select label={t('mediation.list.state')} data={statusOptions} value={filters.status} onChange={(v) => setFilter('status', v)} allowDeselect={false} w={260} data-testid="proceedings-status" />
        )}
        {list.isPending ? <InlineLoader /> : list.error ? <ErrorAlert error={list.error} /> : list.items.length === 0 ? (
          <Text c="dimmed" data-testid="proceedings-empty">{client ? t('mediation.list.emptyClient') : t('mediation.list.empty')}</Text>
        ) : client ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="proceedings-list">
            {list.items.map((p) => <ClientCard key={p.id} p={p} />)}
          </SimpleGrid>
        ) : (
          <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={t('mediation.list.title')}>
            <Table striped highlightOnHover data-testid="proceedings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mediation.list.reference')}</Table.Th>
                  <Table.Th>{t('mediation.list.parents')}</Table.Th>
                  <Table.Th>{t('mediation.list.children')}</Table.Th>
                  <Table.Th>{t('mediation.list.state')}</Table.Th>
                  <Table.Th>{t('mediation.list.referred')}</Table.Th>
                  {role !== 'mediator' && <Table.Th>{t('mediation.list.mediator')}</Table.Th>}
                  <Table.Th>{t('mediation.list.next')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((p) => (
                  <Table.Tr key={p.id} data-testid="proceeding-row" data-status={p.status}>
                    <Table.Td><Anchor component={Link} to={`/mediation/${p.id}`} data-testid="proceeding-link">{p.reference}</Anchor></Table.Td>
                    <Table.Td>{p.parents.join(', ')}</Table.Td>
                    <Table.Td>{p.children.join(', ')}</Table.Td>
                    <Table.Td><StatusBadge status={p.status} /></Table.Td>
                    <Table.Td>{formatDate(p.referredOn)} · {t(`mediation.referrer.${p.referredBy}`)}</Table.Td>
                    {role !== 'mediator' && <Table.Td>{p.mediator?.name ?? <Text span c="orange.8" size="sm">{t('mediation.list.noMediator')}</Text>}</Table.Td>}
                    <Table.Td>{p.nextSessionAt ? formatDateTime(p.nextSessionAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore shown={list.items.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      </Stack>
    </>
  );
}
