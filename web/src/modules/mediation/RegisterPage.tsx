import { Alert, Anchor, Button, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { LoadMore } from '../../platform/components/LoadMore';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { formatDate, formatDateTime } from '../../platform/format';
import { actions, useDeliveries, useMediationWrite } from './api';
import { DeliveryBadge } from './ui';

const KEYS = ['status'] as const;
const STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;

/**
 * /mediation/register — E-REG for SKA: each parenting agreement's delivery to the
 * population register, its status, attempts, the register's reference and the
 * last error; a failed delivery can be sent again.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const { role } = useSession().user;
  const [filters, setFilter] = useUrlFilters(KEYS);
  const list = useDeliveries({ status: filters.status || undefined });
  const retry = useMediationWrite((id: string) => actions.retry(id));
  return (
    <>
      <PageHeader title={t('mediation.register.title')} description={t('mediation.register.intro')} />
      <Stack gap="md">
        {list.endpoint && !list.endpoint.configured && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('mediation.register.notConfiguredTitle')} data-testid="register-not-configured">
            {t('mediation.register.notConfigured')}
          </Alert>
        )}
        {list.endpoint?.configured && <Text size="sm" c="dimmed">{t('mediation.register.endpoint', { client: list.endpoint.client, service: list.endpoint.service })}</Text>}
        <Select
          label={t('mediation.register.state')}
          data={[{ value: '', label: t('mediation.list.allStates') }, ...STATUSES.map((s) => ({ value: s, label: t(`mediation.register.status.${s}`) }))]}
          value={filters.status}
          onChange={(v) => setFilter('status', v)}
          allowDeselect={false}
          w={240}
        />
        <ErrorAlert error={retry.error} />
        {list.isPending ? <InlineLoader /> : list.error ? <ErrorAlert error={list.error} /> : list.items.length === 0 ? (
          <Text c="dimmed">{t('mediation.register.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={960} type="native" tabIndex={0} role="region" aria-label={t('mediation.register.title')}>
            <Table striped data-testid="deliveries-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('mediation.list.reference')}</Table.Th>
                  <Table.Th>{t('mediation.outcome.concludedOn')}</Table.Th>
                  <Table.Th>{t('mediation.outcome.custody')}</Table.Th>
                  <Table.Th>{t('mediation.register.state')}</Table.Th>
                  <Table.Th>{t('mediation.register.attemptsHeader')}</Table.Th>
                  <Table.Th>{t('mediation.register.result')}</Table.Th>
                  {role === 'ska_contact' && <Table.Th>{t('mediation.register.action')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((d) => (
                  <Table.Tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                    <Table.Td><Anchor component={Link} to={`/mediation/${d.proceedingId}`}>{d.reference}</Anchor></Table.Td>
                    <Table.Td>{formatDate(d.concludedOn)}</Table.Td>
                    <Table.Td>{t(`mediation.custody.${d.custody}`)}</Table.Td>
                    <Table.Td><DeliveryBadge status={d.status} /></Table.Td>
                    <Table.Td>
                      {d.attempts}
                      {d.lastAttemptAt && <Text size="xs" c="dimmed">{t('mediation.register.lastAttempt', { when: formatDateTime(d.lastAttemptAt) })}</Text>}
                      {d.nextAttemptAt && <Text size="xs" c="dimmed">{t('mediation.register.nextAttempt', { when: formatDateTime(d.nextAttemptAt) })}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {d.registerReference && <Text size="sm">{t('mediation.register.reference', { reference: d.registerReference })}{d.duplicate ? ` · ${t('mediation.register.duplicate')}` : ''}</Text>}
                      {d.deliveredAt && <Text size="xs" c="dimmed">{formatDateTime(d.deliveredAt)}</Text>}
                      {d.lastError && <Text size="sm" c="red.8" data-testid="delivery-error">{d.lastError}</Text>}
                    </Table.Td>
                    {role === 'ska_contact' && (
                      <Table.Td>
                        {d.status === 'failed' && <Button size="xs" variant="light" loading={retry.isPending} onClick={() => retry.mutate(d.id)} data-testid="delivery-retry">{t('mediation.register.retry')}</Button>}
                      </Table.Td>
                    )}
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
