import { useState, type FormEvent } from 'react';
import { MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Group as Row, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { isRealDate } from '../../platform/format';
import { createTraining, updateTraining, useTrainingOptions, useTrainingWrite } from './api';
import type { Training, TrainingForm as Form, TrainingInput } from './types';
import { FormButtons } from './ui';

type Errors = Partial<Record<'title' | 'curriculum' | 'topics' | 'targetGroup' | 'providerId' | 'windowStart' | 'windowEnd', string>>;

/** C-1: a training of the catalogue — new, or changed (with its version, X-CONC). */
export function TrainingForm({ training, close, onCreated }: { training?: Training; close: (done?: string) => void; onCreated?: (t: Training) => void }) {
  const { t } = useTranslation();
  const options = useTrainingOptions();
  const [title, setTitle] = useState(training?.title ?? '');
  const [curriculum, setCurriculum] = useState(training?.curriculum ?? '');
  const [topics, setTopics] = useState(training?.topics.join('\n') ?? '');
  const [targetGroup, setTargetGroup] = useState(training?.targetGroup ?? t('trainings.training.defaultTarget'));
  const [eligible, setEligible] = useState<string[]>(training?.eligibleOrganisations?.map((o) => o.id) ?? []);
  const [hours, setHours] = useState<number>(training?.academicHours ?? 8);
  const [days, setDays] = useState<number>(training?.days ?? 1);
  const [form, setForm] = useState<Form>(training?.form ?? 'in_person');
  const [providerId, setProviderId] = useState<string | null>(training?.provider.id ?? null);
  const [windowStart, setWindowStart] = useState(training?.windowStart ?? '');
  const [windowEnd, setWindowEnd] = useState(training?.windowEnd ?? '');
  const [published, setPublished] = useState(training ? training.status === 'published' : false);
  const [errors, setErrors] = useState<Errors>({});
  const mutation = useTrainingWrite(
    (body: TrainingInput) => (training ? updateTraining(training.id, { ...body, version: training.version }) : createTraining(body)),
    (saved) => {
      close(t(training ? 'trainings.training.saved' : 'trainings.training.created'));
      if (!training) onCreated?.(saved);
    },
  );
  if (options.isPending) return <InlineLoader />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    const required = t('validation.required');
    if (!title.trim()) found.title = required;
    if (!curriculum.trim()) found.curriculum = required;
    const topicList = topics.split('\n').map((x) => x.trim()).filter(Boolean);
    if (topicList.length === 0) found.topics = required;
    if (!targetGroup.trim()) found.targetGroup = required;
    if (!providerId) found.providerId = required;
    if (!isRealDate(windowStart)) found.windowStart = t('validation.date');
    if (!isRealDate(windowEnd)) found.windowEnd = t('validation.date');
    else if (isRealDate(windowStart) && windowEnd < windowStart) found.windowEnd = t('trainings.training.windowOrder');
    setErrors(found);
    if (Object.keys(found).length) return;
    mutation.mutate({
      title: title.trim(),
      curriculum: curriculum.trim(),
      topics: topicList,
      targetGroup: targetGroup.trim(),
      eligibleOrganisationIds: eligible.length ? eligible : null,
      academicHours: hours,
      days,
      form,
      providerId: providerId!,
      windowStart,
      windowEnd,
      status: published ? 'published' : 'draft',
    });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="training-form">
      <Stack gap="md">
        <TextInput label={t('trainings.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} withAsterisk maxLength={300} data-testid="training-form-title" />
        <Textarea label={t('trainings.fields.curriculum')} value={curriculum} onChange={(e) => setCurriculum(e.currentTarget.value)} error={errors.curriculum} withAsterisk autosize minRows={3} maxLength={20000} />
        <Textarea label={t('trainings.fields.topics')} description={t('trainings.training.topicsHint')} value={topics} onChange={(e) => setTopics(e.currentTarget.value)} error={errors.topics} withAsterisk autosize minRows={3} />
        <Textarea label={t('trainings.fields.targetGroup')} value={targetGroup} onChange={(e) => setTargetGroup(e.currentTarget.value)} error={errors.targetGroup} withAsterisk autosize minRows={2} maxLength={2000} />
        <MultiSelect label={t('trainings.fields.eligible')} description={t('trainings.training.eligibleHint')} data={(options.data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={eligible} onChange={setEligible} searchable clearable clearButtonProps={{ 'aria-label': t('common.clear') }} placeholder={t('trainings.fields.eligibleAll')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('trainings.training.hours')} value={hours} onChange={(v) => setHours(Number(v) || 1)} min={1} max={1000} withAsterisk />
          <NumberInput label={t('trainings.training.days')} value={days} onChange={(v) => setDays(Number(v) || 1)} min={1} max={60} withAsterisk />
        </SimpleGrid>
        <Radio.Group label={t('trainings.fields.form')} value={form} onChange={(v) => setForm(v as Form)} withAsterisk>
          <Row gap="lg" mt="xs">
            <Radio value="in_person" label={t('trainings.form.in_person')} />
            <Radio value="online" label={t('trainings.form.online')} />
          </Row>
        </Radio.Group>
        <Select label={t('trainings.training.providerField')} data={(options.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))} value={providerId} onChange={setProviderId}
          error={errors.providerId} withAsterisk allowDeselect={false} data-testid="training-form-provider" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('trainings.training.windowStart')} value={windowStart} onChange={setWindowStart} error={errors.windowStart} required testId="training-form-start" />
          <DateField label={t('trainings.training.windowEnd')} value={windowEnd} onChange={setWindowEnd} error={errors.windowEnd} required testId="training-form-end" />
        </SimpleGrid>
        <Switch label={t('trainings.training.publish')} description={t('trainings.training.publishHint')} checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} data-testid="training-form-publish" />
        <FormButtons error={mutation.error} pending={mutation.isPending} submitLabel={t('common.save')} testId="training-form-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}
