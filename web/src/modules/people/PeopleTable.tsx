import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import type { Person } from './types';

function PersonRow({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/people/${encodeURIComponent(person.id)}`} fw={700}>
          {person.lastName}, {person.firstName}
        </Anchor>
      </Table.Td>
      <Table.Td>{person.personalCode ?? '—'}</Table.Td>
      <Table.Td className="nowrap">{formatDate(person.birthDate)}</Table.Td>
      <Table.Td ta="right">{person.age}</Table.Td>
      <Table.Td>{t(`people.sex.${person.sex ?? 'unknown'}`)}</Table.Td>
    </Table.Tr>
  );
}

/** Phones (X-MOBILE): one card per person instead of a wide table. */
function PeopleCards({ items }: { items: Person[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('people.table.caption')} data-testid="people-cards">
      {items.map((p) => (
        <Paper component="li" key={p.id} withBorder p="sm" radius="md">
          <Anchor component={Link} to={`/people/${encodeURIComponent(p.id)}`} fw={700} display="block" mih={32}>
            {p.lastName}, {p.firstName}
          </Anchor>
          <Text size="sm">
            {p.personalCode ?? t('people.noCode')} · {formatDate(p.birthDate)} · {t('people.ageYears', { count: p.age })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

export function PeopleTable({ items }: { items: Person[] }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (items.length === 0) return <Text c="dimmed" py="md" data-testid="people-empty">{t('people.empty')}</Text>;
  if (isPhone) return <PeopleCards items={items} />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="people-table" aria-label={t('people.table.caption')}>
        <caption className="visually-hidden-caption">{t('people.table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('people.fields.personalCode')}</Table.Th>
            <Table.Th scope="col">{t('people.fields.birthDate')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('people.fields.age')}</Table.Th>
            <Table.Th scope="col">{t('people.fields.sex')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((p) => <PersonRow key={p.id} person={p} />)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
