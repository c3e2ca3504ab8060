import type { ReactNode } from 'react';
import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { statsExportUrl, useCaseStats } from '../api';
import type { StatsGroup, StatsRow } from '../types';

interface Props {
  year: number;
  groupBy: Exclude<StatsGroup, 'total'>;
  children: (rows: StatsRow[]) => ReactNode;
}

/** A titled block of the dashboard: one grouping, its export links and its content. */
export function StatsSection({ year, groupBy, children }: Props) {
  const { t } = useTranslation();
  const stats = useCaseStats(year, groupBy);
  const titleId = `stats-${groupBy}-title`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId} data-testid={`stats-${groupBy}`}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={2} size="h4" id={titleId}>{t(`cases.stats.by.${groupBy}`)}</Title>
          <Group gap="xs">
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button key={format} component="a" href={statsExportUrl(year, groupBy, format)} download variant="default" size="sm" mih={44}
                leftSection={format === 'csv' ? <IconFileTypeCsv size={18} aria-hidden /> : <IconFileSpreadsheet size={18} aria-hidden />}
                aria-label={t(`cases.stats.export.${format}`, { what: t(`cases.stats.by.${groupBy}`) })}
                data-testid={`stats-${groupBy}-export-${format}`}>
                {format.toUpperCase()}
              </Button>
            ))}
          </Group>
        </Group>
        {stats.isPending && <InlineLoader />}
        {stats.error && <ErrorAlert error={stats.error} />}
        {stats.data && children(stats.data.rows)}
      </Stack>
    </Paper>
  );
}
