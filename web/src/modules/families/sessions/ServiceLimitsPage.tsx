import { useState } from 'react';
import { Anchor, Select, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { SearchInput } from '../../../platform/components/SearchInput';
import { useProviders } from '../queries';
import { useLimitsList } from './api';

/** /families/service-limits — limits per family: remaining mentoring (B-MENT-2) and counselling (B-PSY-1/2) of the families a provider serves. */
export function ServiceLimitsPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const ska = role === 'ska_contact' || role === 'ska_manager';
  const providers = useProviders(ska);
  const [providerId, setProviderId] = useState('');
  const [q, setQ] = useState('');
  const list = useLimitsList({ ...(providerId ? { providerId } : {}), ...(q ? { q } : {}) });
  return (
    <Stack gap="lg">
      <PageHeader title={t('sessions.limitsPage.title')} description={t('sessions.limitsPage.intro')} />
      {ska && (
        <Select label={t('sessions.limitsPage.provider')} data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={providerId || null}
          onChange={(v) => setProviderId(v ?? '')} clearable data-testid="limits-provider" />
      )}
      <SearchInput label={t('sessions.limitsPage.search')} value={q} onChange={setQ} />
      {list.isPending ? <InlineLoader /> : list.error ? <ErrorAlert error={list.error} /> : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('sessions.limitsPage.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="limits-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.limitsPage.family')}</Table.Th>
                <Table.Th>{t('sessions.limitsPage.kov')}</Table.Th>
                <Table.Th>{t('sessions.limits.mentoringTitle')}</Table.Th>
                <Table.Th>{t('sessions.limits.counsellingTitle')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((f) => (
                <Table.Tr key={f.familyId} data-testid={`limits-row-${f.familyId}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/families/${f.familyId}`}>{f.reference}</Anchor>
                    {f.parentNames && <Text size="xs" c="dimmed">{f.parentNames}</Text>}
                  </Table.Td>
                  <Table.Td>{f.kovName}</Table.Td>
                  <Table.Td>
                    {t('sessions.limits.remaining', { count: f.mentoring.remaining })}
                    <Text size="xs" c="dimmed">
                      {f.mentoring.stage === 'with_child'
                        ? t('sessions.limits.mentoringQuarter', { used: f.mentoring.usedThisQuarter, limit: f.mentoring.limit, quarter: f.mentoring.quarter })
                        : t('sessions.limits.mentoringBeforeChild', { used: f.mentoring.usedTotal, limit: f.mentoring.limit })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t('sessions.limits.remaining', { count: f.counselling.remaining })}
                    <Text size="xs" c="dimmed">{t('sessions.limits.counsellingYear', { used: f.counselling.used, limit: f.counselling.limit, year: f.counselling.year })}</Text>
                    {f.counselling.pendingExtra && <Text size="xs" c="orange">{t('sessions.limits.pendingExtraShort', { count: f.counselling.pendingExtra.requestedSessions })}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
