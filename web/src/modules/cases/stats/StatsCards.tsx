import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatsRow } from '../types';

export const MEASURES = ['applications', 'handled', 'international', 'klatOpinions'] as const;
export type Measure = (typeof MEASURES)[number];

/** "2024 in numbers": the four yearly totals. */
export function StatsCards({ total, year }: { total: StatsRow | undefined; year: number }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <SimpleGrid component="ul" cols={{ base: 2, md: 4 }} spacing="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="stats-cards"
      aria-label={t('cases.stats.cardsLabel', { year })}>
      {MEASURES.map((m) => (
        <Paper component="li" key={m} withBorder p="md" radius="md" data-testid={`stats-card-${m}`}>
          <Text fz={{ base: 28, sm: 36 }} fw={700} lh={1.2} c="tedi.6">{number.format(total?.[m] ?? 0)}</Text>
          <Text fw={700}>{t(`cases.stats.measures.${m}`)}</Text>
          <Text size="sm" c="dimmed">{t(`cases.stats.hints.${m}`)}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
