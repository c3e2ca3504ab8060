import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { saveDraft, submit, useApplicationWrite, type DraftBody } from './api';
import { BudgetEditor, fromLine, toLineInput, type EditorLine } from './BudgetEditor';
import { ProblemsAlert } from './ui';
import type { Application, MeasureDef, PerepesaActivity } from './types';

/** D-GRANT-2 for the KOV: the application's texts, the live budget editor, save and submit. */
export function DraftForm({ app, measure }: { app: Application; measure: MeasureDef }) {
  const { t } = useTranslation();
  const [contactName, setContactName] = useState(app.contactName);
  const [contactEmail, setContactEmail] = useState(app.contactEmail);
  const [activity, setActivity] = useState<PerepesaActivity | null>(app.activity);
  const [plannedStart, setPlannedStart] = useState(app.plannedStart ?? '');
  const [summary, setSummary] = useState(app.summary);
  const [explanation, setExplanation] = useState(app.explanation);
  const [sustainability, setSustainability] = useState(app.sustainability);
  const [lines, setLines] = useState<EditorLine[]>(() => app.evaluation.lines.map(fromLine));
  const [saved, setSaved] = useState(false);
  const body = (version: number): DraftBody => ({
    version, contactName, contactEmail, activity, plannedStart: plannedStart || null, summary, explanation, sustainability, lines: lines.map((l) => toLineInput(l, measure)),
  });
  const save = useApplicationWrite(app.id, (b: DraftBody) => saveDraft(app.id, b));
  const send = useApplicationWrite(app.id, async (version: number) => submit(app.id, version));
  const dirty = useMemo(() => JSON.stringify(body(0)) !== JSON.stringify({ version: 0, contactName: app.contactName, contactEmail: app.contactEmail, activity: app.activity, plannedStart: app.plannedStart, summary: app.summary, explanation: app.explanation, sustainability: app.sustainability, lines: app.evaluation.lines.map((l) => toLineInput(fromLine(l), measure)) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [contactName, contactEmail, activity, plannedStart, summary, explanation, sustainability, lines, app.version]);
  useEffect(() => { if (dirty) setSaved(false); }, [dirty]);
  const saveThen = async (then?: (version: number) => void) => {
    const result = await save.mutateAsync(body(app.version));
    setSaved(true);
    then?.(result.version);
  };
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="draft-title">
        <Title order={2} size="h4" id="draft-title" mb="sm">{t('grants.draft.title')}</Title>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label={t('grants.fields.contactName')} value={contactName} onChange={(e) => setContactName(e.currentTarget.value)} maxLength={200} withAsterisk data-testid="draft-contact-name" />
            <TextInput label={t('grants.fields.contactEmail')} description={t('grants.fields.contactEmailHelp')} type="email" value={contactEmail} onChange={(e) => setContactEmail(e.currentTarget.value)} maxLength={200} withAsterisk data-testid="draft-contact-email" />
          </Group>
          {measure.activities && (
            <div>
              <Text size="sm" fw={500} mb={4} id="activity-label">{t('grants.fields.activity')}</Text>
              <SegmentedControl aria-labelledby="activity-label" value={activity ?? ''} onChange={(v) => setActivity(v as PerepesaActivity)}
                data={measure.activities.map((a) => ({ value: a, label: t(`grants.activity.${a}`) }))} data-testid="draft-activity" />
            </div>
          )}
          <DateField label={t('grants.fields.plannedStart')} value={plannedStart} onChange={setPlannedStart} required description={t(`grants.fields.plannedStartHelp.${measure.key}`)} testId="draft-planned-start" />
          <Textarea label={t('grants.fields.summary')} autosize minRows={3} maxLength={8000} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} withAsterisk data-testid="draft-summary" />
          {measure.key === 'signs_of_safety' && (
            <Textarea label={t('grants.fields.sustainability')} autosize minRows={2} maxLength={8000} value={sustainability} onChange={(e) => setSustainability(e.currentTarget.value)} withAsterisk data-testid="draft-sustainability" />
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-title">
        <Title order={2} size="h4" id="budget-title" mb="sm">{t('grants.budget.title')}</Title>
        <BudgetEditor roundId={app.roundId} measure={measure} activity={activity} plannedStart={plannedStart || null} lines={lines} onChange={setLines} />
        <Textarea mt="md" label={t('grants.fields.explanation')} autosize minRows={3} maxLength={8000} value={explanation} onChange={(e) => setExplanation(e.currentTarget.value)} withAsterisk data-testid="draft-explanation" />
      </Paper>
      <ProblemsAlert error={save.error ?? send.error} testId="draft-error" />
      {saved && !dirty && <Alert color="green" role="status" data-testid="draft-saved">{t('grants.draft.saved')}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={save.isPending} onClick={() => void saveThen()} data-testid="draft-save">{t('grants.draft.save')}</Button>
        <Button leftSection={<IconSend size={18} aria-hidden />} loading={send.isPending} data-testid="draft-submit"
          onClick={() => void (dirty ? saveThen((v) => send.mutate(v)) : send.mutate(app.version))}>
          {t('grants.draft.submit')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">{t('grants.draft.submitHelp')}</Text>
    </Stack>
  );
}
