import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../platform/format';
import type { FamilyTimelineEntry } from '../types';

/** The event's detail as text: an end reason, a contact channel or a date are translated or formatted. */
function reasonText(e: FamilyTimelineEntry, t: TFunction): string | null {
  if (!e.reason || e.kind === 'switched_to_adaptation') return null;
  if (e.kind === 'episode_ended') return t(`families.endReason.${e.reason}`, { defaultValue: e.reason });
  if (e.kind === 'first_contact') return t(`families.contactKind.${e.reason}`, { defaultValue: e.reason });
  return /^\d{4}-\d{2}-\d{2}$/.test(e.reason) ? formatDate(e.reason) : e.reason;
}

function Entry({ e }: { e: FamilyTimelineEntry }) {
  const { t } = useTranslation();
  const status = (s: string | null) => (s ? t(`families.anyStatus.${s}`, { defaultValue: s }) : '');
  const link = e.episodeId ? `/families/episodes/${encodeURIComponent(e.episodeId)}` : e.referralId ? `/families/referrals/${encodeURIComponent(e.referralId)}` : null;
  const reason = reasonText(e, t);
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="timeline-item" data-kind={e.kind}
      style={{ borderLeft: '4px solid var(--mantine-color-tedi-6)' }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={700}>{t(`families.timeline.kinds.${e.kind}`, { defaultValue: e.kind })}</Text>
        <Text size="sm" c="dimmed"><time dateTime={e.at}>{formatDateTime(e.at)}</time>{e.author && ` · ${e.author}`}</Text>
      </Group>
      {e.toStatus && e.fromStatus && <Text size="sm">{t('families.timeline.statusChanged', { from: status(e.fromStatus), to: status(e.toStatus) })}</Text>}
      {reason && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{reason}</Text>}
      {link && <Anchor component={Link} to={link} size="sm">{t(e.episodeId ? 'families.timeline.openEpisode' : 'families.timeline.openReferral')}</Anchor>}
    </Paper>
  );
}

/** What happened to the family: arrivals, referrals, services, reports — newest first. */
export function FamilyTimeline({ items }: { items: FamilyTimelineEntry[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed">{t('families.timeline.empty')}</Text>;
  return (
    <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.tabs.timeline')} data-testid="family-timeline">
      {[...items].reverse().map((e) => <Entry key={e.id} e={e} />)}
    </Stack>
  );
}
