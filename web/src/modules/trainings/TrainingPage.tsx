import { Alert, Badge, List, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../platform/components/BackLink';
import { DetailList } from '../../platform/components/DetailList';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { Field } from '../../platform/components/Field';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { formatDate } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { Section, TextBlock } from '../families/ui/Section';
import { useGroups, useTraining } from './api';
import { FeedbackSection } from './FeedbackSummary';
import { GroupForm } from './GroupForm';
import { GroupsTable } from './GroupsTable';
import { useTrainingRole } from './format';
import { TrainingForm } from './TrainingForm';

/** /trainings/:id — one training (C-1) and its groups (C-2), where KOV workers register (C-3). */
export function TrainingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { isManager, isKov, isSka, isTrainer } = useTrainingRole();
  const training = useTraining(id);
  const groups = useGroups({ trainingId: id });
  if (training.isPending) return <InlineLoader />;
  if (training.error) return <ErrorAlert error={training.error} />;
  const x = training.data;
  const mine = x.myRegistration;
  const myGroup = mine ? groups.data?.find((g) => g.id === mine.groupId) : undefined;
  return (
    <>
      <BackLink to="/trainings" label={t('trainings.training.back')} />
      <PageHeader
        title={x.title}
        description={`${x.reference} · ${x.provider.name}`}
        actions={
          isManager ? (
            <>
              <ActionDialog label={t('trainings.training.edit')} title={t('trainings.training.editTitle')} icon={<IconPencil size={16} aria-hidden />} variant="default" testId="training-edit">
                {(close) => <TrainingForm training={x} close={close} />}
              </ActionDialog>
              <ActionDialog label={t('trainings.group.add')} title={t('trainings.group.addTitle')} icon={<IconPlus size={16} aria-hidden />} testId="group-add">
                {(close) => <GroupForm training={x} close={close} />}
              </ActionDialog>
            </>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {isKov && mine && (
          <Alert color="green" icon={<IconInfoCircle aria-hidden />} data-testid="my-place">
            {t(mine.status === 'confirmed' ? 'trainings.register.youAre' : 'trainings.register.youWait', { number: myGroup?.number ?? '', date: myGroup ? formatDate(myGroup.startsOn) : '' })}
          </Alert>
        )}
        <Section title={t('trainings.training.about')} testId="training-about">
          <DetailList>
            <Field label={t('trainings.fields.status')}>
              <Badge color={x.status === 'published' ? 'green' : 'gray'} variant="light">{t(`trainings.status.${x.status}`)}</Badge>
            </Field>
            <Field label={t('trainings.fields.volume')}>{t('trainings.volume', { hours: x.academicHours, count: x.days })}</Field>
            <Field label={t('trainings.fields.form')}>{t(`trainings.form.${x.form}`)}</Field>
            <Field label={t('trainings.fields.window')}>{formatDate(x.windowStart)}–{formatDate(x.windowEnd)}</Field>
            <Field label={t('trainings.fields.provider')}>{x.provider.name}</Field>
            <Field label={t('trainings.fields.eligible')}>{x.eligibleOrganisations ? x.eligibleOrganisations.map((o) => o.name).join(', ') : t('trainings.fields.eligibleAll')}</Field>
          </DetailList>
          <TextBlock label={t('trainings.fields.targetGroup')} value={x.targetGroup} />
          <TextBlock label={t('trainings.fields.curriculum')} value={x.curriculum} />
          <div>
            <Text size="sm" c="dimmed">{t('trainings.fields.topics')}</Text>
            <List size="sm" data-testid="training-topics">{x.topics.map((topic) => <List.Item key={topic}>{topic}</List.Item>)}</List>
          </div>
        </Section>
        <Section title={t('trainings.fields.groups')} intro={isKov ? t('trainings.register.intro') : undefined} testId="training-groups">
          {groups.isPending ? <InlineLoader /> : groups.error ? <ErrorAlert error={groups.error} /> : <GroupsTable groups={groups.data} mine={mine} canRegister={isKov} />}
        </Section>
        {(isSka || isTrainer) && <FeedbackSection kind="training" id={x.id} />}
      </Stack>
    </>
  );
}
