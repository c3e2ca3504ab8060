import { useId, useState } from 'react';
import { Button, Collapse, Paper, Table, Text, Title, Group } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconEye } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { isApiError } from '../api/errors';
import { formatDateTime } from '../format';
import { ErrorAlert } from './ErrorAlert';
import { InlineLoader } from './FullPageLoader';

export interface AccessEntry {
  at: string;
  actorName: string | null;
  actorRole: string | null;
  organisationName: string | null;
  action: string;
}

function AccessTable({ items }: { items: AccessEntry[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('accessHistory.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped captionSide="top">
        <caption className="visually-hidden-caption">{t('accessHistory.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('accessHistory.at')}</Table.Th>
            <Table.Th scope="col">{t('accessHistory.actor')}</Table.Th>
            <Table.Th scope="col">{t('accessHistory.organisation')}</Table.Th>
            <Table.Th scope="col">{t('accessHistory.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => (
            <Table.Tr key={`${item.at}-${index}`}>
              <Table.Td className="nowrap">{formatDateTime(item.at)}</Table.Td>
              <Table.Td>
                {item.actorName ?? '—'}
                {item.actorRole && (
                  <Text size="xs" c="dimmed">
                    {t(`roles.${item.actorRole}`, { defaultValue: item.actorRole })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{item.organisationName ?? '—'}</Table.Td>
              <Table.Td>{t(`audit.actions.${item.action}`, { defaultValue: item.action })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AccessBody({ recordType, recordId }: { recordType: string; recordId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['access-history', recordType, recordId],
    queryFn: ({ signal }) =>
      get<{ items: AccessEntry[] }>(
        `/api/audit/access/${encodeURIComponent(recordType)}/${encodeURIComponent(recordId)}`,
        undefined,
        signal,
      ),
  });
  if (query.isPending) return <InlineLoader />;
  if (query.error) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Text c="dimmed">{t('accessHistory.notAvailable')}</Text>;
    }
    return <ErrorAlert error={query.error} />;
  }
  return <AccessTable items={query.data.items} />;
}

/** X-AUDIT "who accessed this record": a collapsible panel, loaded when opened. */
export function AccessHistory({ recordType, recordId }: { recordType: string; recordId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${panelId}-title`} data-testid="access-history">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <IconEye size={20} aria-hidden />
          <Title order={2} size="h4" id={`${panelId}-title`}>
            {t('accessHistory.title')}
          </Title>
        </Group>
        <Button
          variant="subtle"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={panelId}
          rightSection={open ? <IconChevronUp size={18} aria-hidden /> : <IconChevronDown size={18} aria-hidden />}
          data-testid="access-history-toggle"
        >
          {open ? t('accessHistory.hide') : t('accessHistory.show')}
        </Button>
      </Group>
      <Collapse expanded={open} id={panelId}>
        {open && (
          <div style={{ paddingTop: 'var(--mantine-spacing-md)' }}>
            <AccessBody recordType={recordType} recordId={recordId} />
          </div>
        )}
      </Collapse>
    </Paper>
  );
}
