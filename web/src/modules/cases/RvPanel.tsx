import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../platform/components/DetailList';
import { Field } from '../../platform/components/Field';
import { formatDate } from '../../platform/format';
import { RiskAssessmentForm } from './RiskAssessmentForm';
import { RiskChart } from './RiskChart';
import type { CaseDetail } from './types';

/** A-RV: "Ringist välja" phases, PACT risk history and a new assessment. */
export function RvPanel({ c, canAdd, missing }: { c: CaseDetail; canAdd: boolean; missing: readonly string[] }) {
  const { t } = useTranslation();
  const rv = c.rv;
  if (!rv) return null;
  const date = (d: string | null) => (d ? formatDate(d) : '—');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-rv-title" data-testid="case-rv">
      <Stack gap="md">
        <Title order={2} size="h4" id="case-rv-title">{t('cases.rv.title')}</Title>
        <Text size="sm" c="dimmed">{t('cases.rv.intro')}</Text>
        <DetailList>
          <Field label={t('cases.rv.activeStartedOn')}>{date(rv.activeStartedOn)}</Field>
          <Field label={t('cases.rv.followUpStartedOn')}>{date(rv.followUpStartedOn)}</Field>
          {rv.earlyCloseReason && <Field label={t('cases.rv.earlyCloseReason')}>{rv.earlyCloseReason}</Field>}
        </DetailList>
        <RiskChart items={rv.riskAssessments} />
        {canAdd && <RiskAssessmentForm c={c} highlighted={missing.includes('riskAssessments')} />}
      </Stack>
    </Paper>
  );
}
