import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format';
import type { EpisodeDetail } from '../types';

/** The contact log (kontaktilogi), newest first, with notes against the support plan's goals. */
export function ContactLog({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  if (e.contacts.length === 0) return <Text c="dimmed" data-testid="contact-list-empty">{t('families.contact.none')}</Text>;
  const goal = (id: string) => e.goals.find((g) => g.id === id)?.text ?? '';
  const items = [...e.contacts].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.contact.log')} data-testid="contact-list">
      {items.map((c) => (
        <Paper component="li" key={c.id} withBorder p="sm" radius="md" data-testid="contact-item" data-kind={c.kind}
          style={{ borderLeft: `4px solid var(--mantine-color-${c.kind === 'home_visit' ? 'green' : 'tedi'}-6)` }}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs">
              <Text fw={700}>{t(`families.contactKind.${c.kind}`)}</Text>
              <Badge variant="light" color="gray">{t('families.contact.minutes', { count: c.durationMinutes })}</Badge>
            </Group>
            <Text size="sm" c="dimmed"><time dateTime={c.occurredOn}>{formatDate(c.occurredOn)}</time> · {c.author}</Text>
          </Group>
          {c.notes && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.notes}</Text>}
          {c.goalNotes.length > 0 && (
            <List size="sm" mt={4}>
              {c.goalNotes.map((n) => (
                <List.Item key={n.goalId}><Text span fw={700} size="sm">{goal(n.goalId)}: </Text>{n.note}</List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
