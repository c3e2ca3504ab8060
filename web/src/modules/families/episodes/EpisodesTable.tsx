import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format';
import { ComplianceBadge, EpisodeStatusBadge } from '../Badges';
import type { EpisodeListItem } from '../types';

export const episodeLink = (id: string) => `/families/episodes/${encodeURIComponent(id)}`;

function Next({ e }: { e: EpisodeListItem }) {
  const { t } = useTranslation();
  if (e.status === 'ended') return <>{e.endsOn ? t('families.episodes.endedOn', { date: formatDate(e.endsOn) }) : '—'}</>;
  return (
    <Stack gap={0}>
      {e.nextContactDue && <Text size="sm">{t('families.due.contact', { date: formatDate(e.nextContactDue) })}</Text>}
      {e.nextHomeVisitDue && <Text size="sm">{t('families.due.home_visit', { date: formatDate(e.nextHomeVisitDue) })}</Text>}
      {!e.nextContactDue && !e.nextHomeVisitDue && <Text size="sm" c="dimmed">—</Text>}
    </Stack>
  );
}

function Row({ e }: { e: EpisodeListItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="episode-row" data-family={e.familyReference} data-compliance={e.compliance}>
      <Table.Td>
        <Anchor component={Link} to={episodeLink(e.id)} fw={700}>{e.familyReference}</Anchor>
        <Text size="xs" c="dimmed">{e.parentNames}</Text>
      </Table.Td>
      <Table.Td>{t(`families.kind.${e.kind}`)}{e.childName && <Text size="xs" c="dimmed">{e.childName}</Text>}</Table.Td>
      <Table.Td><EpisodeStatusBadge status={e.status} /></Table.Td>
      <Table.Td>{e.specialistName ?? '—'}<Text size="xs" c="dimmed">{e.providerName}</Text></Table.Td>
      <Table.Td className="nowrap">{formatDate(e.lastContactOn) || '—'}</Table.Td>
      <Table.Td className="nowrap"><Next e={e} /></Table.Td>
      <Table.Td><ComplianceBadge status={e.compliance} /></Table.Td>
    </Table.Tr>
  );
}

function Cards({ items }: { items: EpisodeListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.episodes.caption')} data-testid="episodes-table">
      {items.map((e) => (
        <Paper component="li" key={e.id} withBorder p="sm" radius="md" data-testid="episode-row" data-family={e.familyReference} data-compliance={e.compliance}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={episodeLink(e.id)} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }}>{e.familyReference}</Anchor>
            <ComplianceBadge status={e.compliance} />
          </Group>
          <Text>{e.parentNames}</Text>
          <Text size="sm" c="dimmed">{t(`families.kind.${e.kind}`)} · {e.specialistName ?? '—'}</Text>
          <Next e={e} />
        </Paper>
      ))}
    </Stack>
  );
}

export function EpisodesTable({ items }: { items: EpisodeListItem[] }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (items.length === 0) return <Text c="dimmed" py="md" data-testid="episodes-empty">{t('families.episodes.empty')}</Text>;
  if (isPhone) return <Cards items={items} />;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover data-testid="episodes-table">
        <caption className="visually-hidden-caption">{t('families.episodes.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('families.fields.family')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.kind')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.specialist')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.lastContact')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.nextDue')}</Table.Th>
            <Table.Th scope="col">{t('families.fields.compliance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((e) => <Row key={e.id} e={e} />)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
