import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { CaseStatusBadge, DeadlineBadge } from './CaseBadges';
import type { CaseListItem } from './types';

const caseLink = (c: CaseListItem) => `/cases/${encodeURIComponent(c.id)}`;

function TypeText({ item }: { item: CaseListItem }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`cases.type.${item.type}`)}
      {item.internationalSubtype && <Text size="xs" c="dimmed">{t(`cases.subtype.${item.internationalSubtype}`)}</Text>}
    </>
  );
}

function CaseRow({ item }: { item: CaseListItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="case-row" data-reference={item.reference}>
      <Table.Td className="nowrap">
        <Anchor component={Link} to={caseLink(item)} fw={700}>{item.reference}</Anchor>
      </Table.Td>
      <Table.Td>
        {item.childName}
        <Text size="xs" c="dimmed">{formatDate(item.childBirthDate)}</Text>
      </Table.Td>
      <Table.Td><TypeText item={item} /></Table.Td>
      <Table.Td><CaseStatusBadge status={item.status} /></Table.Td>
      <Table.Td className="nowrap">{formatDate(item.receivedOn)}</Table.Td>
      <Table.Td>
        {item.kovName}
        {item.county && <Text size="xs" c="dimmed">{t(`counties.${item.county}`, { defaultValue: item.county })}</Text>}
      </Table.Td>
      <Table.Td>{item.specialistName ?? <Text span c="dimmed" size="sm">{t('cases.unassigned')}</Text>}</Table.Td>
      <Table.Td><DeadlineBadge deadline={item.deadline} /></Table.Td>
    </Table.Tr>
  );
}

/** Phones (X-MOBILE): a card per case. */
function CaseCards({ items }: { items: CaseListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('cases.table.caption')} data-testid="cases-table">
      {items.map((c) => (
        <Paper component="li" key={c.id} withBorder p="sm" radius="md" data-testid="case-row" data-reference={c.reference}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Anchor component={Link} to={caseLink(c)} fw={700} mih={32} display="inline-flex" style={{ alignItems: 'center' }}>
              {c.reference}
            </Anchor>
            <CaseStatusBadge status={c.status} />
          </Group>
          <Text>{c.childName}</Text>
          <Text size="sm" c="dimmed">
            {t(`cases.type.${c.type}`)} · {c.kovName} · {formatDate(c.receivedOn)}
          </Text>
          {c.deadline && <Group mt={4}><DeadlineBadge deadline={c.deadline} /></Group>}
        </Paper>
      ))}
    </Stack>
  );
}

export function CasesTable({ items }: { items: CaseListItem[] }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (items.length === 0) return <Text c="dimmed" py="md" data-testid="cases-empty">{t('cases.empty')}</Text>;
  if (isPhone) return <CaseCards items={items} />;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover data-testid="cases-table" aria-label={t('cases.table.caption')}>
        <caption className="visually-hidden-caption">{t('cases.table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.fields.reference')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.child')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.type')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.receivedOn')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.kov')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.specialist')}</Table.Th>
            <Table.Th scope="col">{t('cases.fields.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((c) => <CaseRow key={c.id} item={c} />)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
