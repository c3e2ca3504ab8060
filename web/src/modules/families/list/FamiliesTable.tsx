import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FamilyListItem } from '../types';

export const familyLink = (id: string) => `/families/${encodeURIComponent(id)}`;

function Flags({ f }: { f: FamilyListItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {f.adoptionSecrecy && <Badge color="gray" variant="light" leftSection={<IconLock size={12} aria-hidden />}>{t('families.fields.adoptionSecrecy')}</Badge>}
      {!f.kovInvolved && <Badge color="gray" variant="light">{t('families.kovNotInvolved')}</Badge>}
      {!f.assessed && <Badge color="orange" variant="light">{t('families.notAssessed')}</Badge>}
    </Group>
  );
}

function Row({ f }: { f: FamilyListItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="family-row" data-reference={f.reference}>
      <Table.Td className="nowrap"><Anchor component={Link} to={familyLink(f.id)} fw={700}>{f.reference}</Anchor></Table.Td>
      <Table.Td>{t(`families.type.${f.type}`)}<Flags f={f} /></Table.Td>
      <Table.Td>{f.parentNames}</Table.Td>
      <Table.Td>{f.childrenInFamily}</Table.Td>
      <Table.Td>
        {f.kovName}
        {f.district && <Text size="xs" c="dimmed">{f.district}</Text>}
      </Table.Td>
      <Table.Td>{t(`families.language.${f.language}`, { defaultValue: f.language })}</Table.Td>
      <Table.Td>{f.runningEpisodes}</Table.Td>
    </Table.Tr>
  );
}

function Cards({ items }: { items: FamilyListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.table.caption')} data-testid="families-table">
      {items.map((f) => (
        <Paper component="li" key={f.id} withBorder p="sm" radius="md" data-testid="family-row" data-reference={f.reference}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={familyLink(f.id)} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }}>{f.reference}</Anchor>
            <Text size="sm">{t(`families.type.${f.type}`)}</Text>
          </Group>
          <Text>{f.parentNames}</Text>
          <Text size="sm" c="dimmed">
            {f.kovName} · {t('families.table.childrenCount', { count: f.childrenInFamily })} · {t('families.table.runningCount', { count: f.runningEpisodes })}
          </Text>
          <Flags f={f} />
        </Paper>
      ))}
    </Stack>
  );
}

export function FamiliesTable({ items }: { items: FamilyListItem[] }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (items.length === 0) return <Text c="dimmed" py="md" data-testid="families-empty">{t('families.empty')}</Text>;
  if (isPhone) return <Cards items={items} />;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover data-testid="families-table">
        <caption className="visually-hidden-caption">{t('families.table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('families.fields.reference')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.type')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.parents')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.childrenInFamily')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.kov')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.language')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.runningEpisodes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((f) => <Row key={f.id} f={f} />)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
