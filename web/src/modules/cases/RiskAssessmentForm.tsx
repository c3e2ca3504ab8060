import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Radio, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { formatDate, isRealDate, todayInTallinn } from '../../platform/format';
import { addRiskAssessment, caseKeys } from './api';
import { RISK_LEVELS, type CaseDetail, type RiskLevel } from './types';

/** A-RV: record a PACT risk assessment (a new one no earlier than 6 months after the last). */
export function RiskAssessmentForm({ c, highlighted }: { c: CaseDetail; highlighted: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = todayInTallinn();
  const [assessedOn, setAssessedOn] = useState(today);
  const [level, setLevel] = useState<RiskLevel | ''>('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<{ assessedOn?: string; level?: string }>({});
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () => addRiskAssessment(c.id, { assessedOn, level: level as RiskLevel, ...(notes.trim() ? { notes: notes.trim() } : {}) }),
    onSuccess: () => {
      setSaved(true);
      setLevel('');
      setNotes('');
      void client.invalidateQueries({ queryKey: caseKeys.one(c.id) });
      void client.invalidateQueries({ queryKey: caseKeys.timeline(c.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found: typeof errors = {};
    if (!assessedOn) found.assessedOn = t('validation.required');
    else if (!isRealDate(assessedOn)) found.assessedOn = t('validation.date');
    if (!level) found.level = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  const next = c.rv?.nextAssessmentFrom;
  return (
    <form onSubmit={submit} noValidate id="case-risk-form" data-testid="risk-form">
      <Stack gap="sm">
        <Title order={3} size="h5">{t('cases.rv.addTitle')}</Title>
        {highlighted && <Alert color="orange" role="note">{t('cases.problems.RV_PACT_REQUIRED')}</Alert>}
        {next && <Alert color="gray" role="note" data-testid="risk-next">{t('cases.rv.nextFrom', { date: formatDate(next) })}</Alert>}
        {mutation.error && <ErrorAlert error={mutation.error} withFields={false} />}
        {saved && <Alert color="green" role="status" data-testid="risk-saved">{t('cases.rv.saved')}</Alert>}
        <DateField label={t('cases.rv.assessedOn')} value={assessedOn} onChange={setAssessedOn} error={errors.assessedOn} required
          maxDate={today} testId="risk-form-date" />
        <Radio.Group label={t('cases.rv.level')} value={level} onChange={(v) => setLevel(v as RiskLevel)} error={errors.level} withAsterisk
          data-testid="risk-form-level">
          <Group mt="xs" gap="lg">
            {RISK_LEVELS.map((l) => <Radio key={l} value={l} label={t(`cases.risk.${l}`)} data-testid={`risk-form-level-${l}`} />)}
          </Group>
        </Radio.Group>
        <Textarea label={t('cases.rv.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2}
          maxLength={5000} data-testid="risk-form-notes" />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending} data-testid="risk-form-submit">{t('cases.rv.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
