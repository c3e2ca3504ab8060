import type { ReactNode } from 'react';
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, todayInTallinn } from '../../../platform/format';
import { ComplianceBadge } from '../Badges';
import type { EpisodeDetail } from '../types';

const BORDER: Record<string, string> = { green: 'green', amber: 'orange', red: 'red' };

function Due({ label, date, testId }: { label: string; date: string | null; testId: string }) {
  const { t } = useTranslation();
  if (!date) return null;
  const overdue = date < todayInTallinn();
  return (
    <div data-testid={testId} data-date={date} data-overdue={overdue}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} c={overdue ? 'red.8' : undefined}>
        {formatDate(date)}{overdue ? ` — ${t('families.compliance.overdue')}` : ''}
      </Text>
    </div>
  );
}

/**
 * B-FREQ traffic light with the next due dates, first on the page; `action` is the
 * supporter's "log a contact" button, so it is in reach the moment the page opens.
 */
export function ComplianceCard({ e, action }: { e: EpisodeDetail; action?: ReactNode }) {
  const { t } = useTranslation();
  const c = e.compliance;
  const color = BORDER[c.status] ?? 'gray';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="episode-compliance-title" data-testid="episode-compliance"
      data-status={c.status} style={{ borderLeft: `6px solid var(--mantine-color-${color}-6)` }}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="sm">
            <Text component="h2" fw={700} fz="lg" m={0} id="episode-compliance-title">{t('families.compliance.title')}</Text>
            <ComplianceBadge status={c.status} size="lg" testId="episode-compliance-status" />
          </Group>
          {action}
        </Group>
        <Text size="sm" data-testid="episode-compliance-text">{t(`families.compliance.explain.${c.status}`)}</Text>
        {(c.status === 'green' || c.status === 'amber' || c.status === 'red') && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Due label={t('families.compliance.nextContact')} date={c.nextContactDue} testId="episode-next-contact" />
            <Due label={t('families.compliance.nextHomeVisit')} date={c.nextHomeVisitDue} testId="episode-next-home-visit" />
            <div>
              <Text size="sm" c="dimmed">{t('families.compliance.lastContact')}</Text>
              <Text>{formatDate(c.lastContactOn) || '—'}</Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">{t('families.compliance.phase')}</Text>
              <Text>{c.phase === 'weekly' ? t('families.compliance.weekly', { date: formatDate(c.weeklyUntil) }) : t('families.compliance.twiceMonthly')}</Text>
            </div>
          </SimpleGrid>
        )}
        {(c.contactGaps > 0 || c.homeVisitGaps > 0) && (
          <Text size="sm" c="dimmed" data-testid="episode-compliance-gaps">
            {t('families.compliance.gaps', { contacts: c.contactGaps, visits: c.homeVisitGaps })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
