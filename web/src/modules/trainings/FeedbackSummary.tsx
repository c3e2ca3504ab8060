import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Group as Row, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { Section } from '../families/ui/Section';
import { useFeedbackSummary } from './api';
import type { FeedbackSummary } from './types';

const RATING_COLORS = ['red.6', 'orange.6', 'yellow.6', 'teal.5', 'green.7'];

/** The charts: the mean per question, and how the answers 1–5 spread (the table below carries the same numbers). */
function Charts({ s }: { s: FeedbackSummary }) {
  const { t } = useTranslation();
  const label = (q: string) => t(`trainings.feedback.short.${q}`);
  const averages = s.questions.map((q) => ({ question: label(q.question), average: q.average ?? 0 }));
  const spread = s.questions.map((q) => ({ question: label(q.question), ...Object.fromEntries(q.counts.map((n, i) => [`r${i + 1}`, n])) }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} aria-hidden data-testid="feedback-charts">
      <Stack gap={4}>
        <Text size="sm" fw={600}>{t('trainings.feedback.average')}</Text>
        <BarChart h={260} data={averages} dataKey="question" series={[{ name: 'average', label: t('trainings.feedback.average'), color: 'tedi.6' }]} yAxisProps={{ domain: [0, 5] }}
          tickLine="y" withBarValueLabel accessibilityLayer={false} />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>{t('trainings.feedback.distribution')}</Text>
        <BarChart h={260} data={spread} dataKey="question" type="stacked" withLegend legendProps={{ verticalAlign: 'top', height: 32 }}
          series={RATING_COLORS.map((color, i) => ({ name: `r${i + 1}`, label: String(i + 1), color }))} tickLine="y" accessibilityLayer={false} />
      </Stack>
    </SimpleGrid>
  );
}

export function FeedbackView({ s }: { s: FeedbackSummary }) {
  const { t } = useTranslation();
  if (s.responses === 0) return <Text c="dimmed" data-testid="feedback-none">{t('trainings.feedback.none')}</Text>;
  return (
    <Stack gap="md" data-testid="feedback-summary">
      <Row gap="xl" wrap="wrap">
        <Text fw={600} data-testid="feedback-responses">{t('trainings.feedback.responses', { responses: s.responses, participants: s.participants })}</Text>
        {s.recommendPercent !== null && <Text fw={600}>{t('trainings.feedback.recommendPercent', { percent: s.recommendPercent })}</Text>}
      </Row>
      <Charts s={s} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="feedback-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainings.feedback.question')}</Table.Th>
              <Table.Th>{t('trainings.feedback.average')}</Table.Th>
              {[1, 2, 3, 4, 5].map((n) => <Table.Th key={n}>{n}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.questions.map((q) => (
              <Table.Tr key={q.question}>
                <Table.Td>{t(`trainings.feedback.questions.${q.question}`)}</Table.Td>
                <Table.Td>{q.average === null ? '—' : q.average.toLocaleString('et-EE')}</Table.Td>
                {q.counts.map((n, i) => <Table.Td key={i}>{n}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(['mostUseful', 'improve'] as const).map((k) => (
          <Stack key={k} gap={4}>
            <Title order={3} size="h5">{t(`trainings.feedback.${k}`)}</Title>
            {s[k].length ? <List size="sm">{s[k].map((c, i) => <List.Item key={i}>{c}</List.Item>)}</List> : <Text size="sm" c="dimmed">—</Text>}
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** C-5: the questionnaire's summary for a group or a whole training (SKA, the trainer); answers without names. */
export function FeedbackSection({ kind, id }: { kind: 'group' | 'training'; id: string }) {
  const { t } = useTranslation();
  const summary = useFeedbackSummary(kind, id);
  return (
    <Section title={t('trainings.feedback.summary')} intro={t('trainings.feedback.anonymous')} testId="feedback-section">
      {summary.isPending ? <InlineLoader /> : summary.error ? <ErrorAlert error={summary.error} /> : <FeedbackView s={summary.data} />}
    </Section>
  );
}
