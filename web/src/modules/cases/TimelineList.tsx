import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../platform/format';
import type { TimelineEntry } from './types';

function eventText(e: TimelineEntry, t: TFunction): string {
  const status = (s: string | null) => (s ? t(`cases.status.${s}`, { defaultValue: s }) : '—');
  switch (e.kind) {
    case 'status_changed':
      return t('cases.timeline.statusChanged', { from: status(e.fromStatus), to: status(e.toStatus) });
    case 'reassigned':
      return t('cases.timeline.reassigned', { from: e.fromUser ?? t('cases.unassigned'), to: e.toUser ?? t('cases.unassigned') });
    case 'received':
      return e.toUser ? t('cases.timeline.receivedBy', { name: e.toUser }) : t('cases.timeline.receivedUnassigned');
    default:
      return t(`cases.eventKinds.${e.kind}`, { defaultValue: e.kind });
  }
}

function Line({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <Text span fw={700} size="sm">{label}: </Text>
      {value}
    </Text>
  );
}

function Entry({ e }: { e: TimelineEntry }) {
  const { t } = useTranslation();
  const activity = e.source === 'activity';
  const title = activity ? t(`cases.activityKinds.${e.kind}`, { defaultValue: e.kind }) : t(`cases.eventKinds.${e.kind}`, { defaultValue: e.kind });
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="timeline-item" data-source={e.source} data-kind={e.kind}
      style={{ borderLeft: `4px solid var(--mantine-color-${activity ? 'tedi' : 'gray'}-6)` }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">
          <Text fw={700}>{title}</Text>
          <Badge variant="light" color={activity ? 'tedi' : 'gray'} size="sm">{t(`cases.timeline.${e.source}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          <time dateTime={e.date}>{formatDate(e.date)}</time>
          {e.author && ` · ${e.author}`}
        </Text>
      </Group>
      {!activity && e.kind !== 'opinion_issued' && e.kind !== 'document_added' && e.kind !== 'feedback' && (
        <Text size="sm">{eventText(e, t)}</Text>
      )}
      <Line label={t('cases.activity.participants')} value={e.participants} />
      <Line label={t('cases.activity.country')} value={e.country} />
      <Line label={t('cases.activity.authority')} value={e.authority} />
      <Line label={t('cases.activity.foreignReference')} value={e.foreignReference} />
      <Line label={t('cases.transition.reason')} value={e.reason} />
      <Line label={t('cases.activity.notes')} value={e.notes} />
      {activity && <Text size="xs" c="dimmed">{t('cases.timeline.recordedAt', { at: formatDateTime(e.at) })}</Text>}
    </Paper>
  );
}

/** Activities and events, newest first. */
export function TimelineList({ items }: { items: TimelineEntry[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('cases.timeline.empty')}</Text>;
  const newestFirst = [...items].reverse();
  return (
    <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('cases.timeline.title')} data-testid="timeline-list">
      {newestFirst.map((e) => <Entry key={`${e.source}-${e.id}`} e={e} />)}
    </Stack>
  );
}
