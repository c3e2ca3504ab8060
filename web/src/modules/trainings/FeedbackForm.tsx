import { useState, type FormEvent } from 'react';
import { Fieldset, Group as Row, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { submitFeedback, useTrainingWrite } from './api';
import { FEEDBACK_QUESTIONS, type FeedbackQuestion, type Registration } from './types';
import { FormButtons } from './ui';

/** C-5: the questionnaire after the training (1–5 per question, a recommendation, two open questions); answers are only shown summarised. */
export function FeedbackForm({ registration, close }: { registration: Registration; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Partial<Record<FeedbackQuestion, number>>>({});
  const [recommend, setRecommend] = useState<string | null>(null);
  const [mostUseful, setMostUseful] = useState('');
  const [improve, setImprove] = useState('');
  const [missing, setMissing] = useState(false);
  const mutation = useTrainingWrite((_: null) =>
    submitFeedback(registration.id, {
      overall: scores.overall!, content: scores.content!, trainer: scores.trainer!, usefulness: scores.usefulness!, organisation: scores.organisation!,
      recommend: recommend === 'yes', mostUseful: mostUseful.trim() || null, improve: improve.trim() || null,
    }), () => close(t('trainings.feedback.sent')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const incomplete = FEEDBACK_QUESTIONS.some((q) => !scores[q]) || !recommend;
    setMissing(incomplete);
    if (!incomplete) mutation.mutate(null);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="feedback-form">
      <Stack gap="md">
        <Text size="sm">{t('trainings.feedback.intro')}</Text>
        <Text size="sm" c="dimmed">{t('trainings.feedback.scale')}</Text>
        {FEEDBACK_QUESTIONS.map((q) => (
          <Fieldset key={q} variant="unstyled" legend={<Text fw={600} component="span">{t(`trainings.feedback.questions.${q}`)}</Text>} data-testid={`feedback-${q}`}>
            <SegmentedControl fullWidth size="md" value={scores[q] ? String(scores[q]) : ''} onChange={(v) => setScores((old) => ({ ...old, [q]: Number(v) }))}
              data={['1', '2', '3', '4', '5']} />
            {missing && !scores[q] && <Text size="sm" c="red.8" role="alert">{t('validation.required')}</Text>}
          </Fieldset>
        ))}
        <Radio.Group label={t('trainings.feedback.recommend')} value={recommend} onChange={setRecommend} withAsterisk error={missing && !recommend ? t('validation.required') : undefined} data-testid="feedback-recommend">
          <Row gap="lg" mt="xs">
            <Radio value="yes" label={t('common.yes')} />
            <Radio value="no" label={t('common.no')} />
          </Row>
        </Radio.Group>
        <Textarea label={t('trainings.feedback.mostUseful')} value={mostUseful} onChange={(e) => setMostUseful(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <Textarea label={t('trainings.feedback.improve')} value={improve} onChange={(e) => setImprove(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <FormButtons error={mutation.error} pending={mutation.isPending} submitLabel={t('trainings.feedback.submit')} testId="feedback-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}
