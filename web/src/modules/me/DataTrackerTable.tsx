import { Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import type { DataUse } from './api';

/** Role, action and record type in the UI language (the raw code when no text exists). */
function describe(item: DataUse, t: TFunction) {
  return {
    organisation: item.organisationName ?? t('dataTracker.unknownOrganisation'),
    role: item.actorRole ? t(`roles.${item.actorRole}`, { defaultValue: item.actorRole }) : '—',
    action: t(`audit.actions.${item.action}`, { defaultValue: item.action }),
    record: t(`audit.recordTypes.${item.recordType}`, { defaultValue: item.recordType }),
  };
}

function DataTrackerCards({ items }: { items: DataUse[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('dataTracker.caption')} data-testid="data-tracker-cards">
      {items.map((item, index) => {
        const d = describe(item, t);
        return (
          <Paper component="li" key={`${item.at}-${index}`} withBorder p="sm" radius="md">
            <Text fw={700}>{d.organisation}</Text>
            <Text size="sm">{d.role}</Text>
            <Text size="sm">{d.action} · {d.record}</Text>
            <Text size="sm" c="dimmed">{formatDateTime(item.at)}</Text>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Who used the client's data: a table, on phones one card per use; an empty state when nobody did. */
export function DataTrackerTable({ items }: { items: DataUse[] }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md" data-testid="data-tracker-empty">
        <Stack align="center" gap="xs">
          <IconShieldCheck size={36} aria-hidden color="var(--general-status-success-text)" />
          <Text ta="center">{t('dataTracker.empty')}</Text>
        </Stack>
      </Paper>
    );
  }
  if (isPhone) return <DataTrackerCards items={items} />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="data-tracker-table">
        <caption className="visually-hidden-caption">{t('dataTracker.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dataTracker.at')}</Table.Th>
            <Table.Th scope="col">{t('dataTracker.organisation')}</Table.Th>
            <Table.Th scope="col">{t('dataTracker.role')}</Table.Th>
            <Table.Th scope="col">{t('dataTracker.action')}</Table.Th>
            <Table.Th scope="col">{t('dataTracker.recordType')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => {
            const d = describe(item, t);
            return (
              <Table.Tr key={`${item.at}-${index}`}>
                <Table.Td className="nowrap">{formatDateTime(item.at)}</Table.Td>
                <Table.Td>{d.organisation}</Table.Td>
                <Table.Td>{d.role}</Table.Td>
                <Table.Td>{d.action}</Table.Td>
                <Table.Td>{d.record}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
