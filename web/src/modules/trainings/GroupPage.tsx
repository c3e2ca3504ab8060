import { useState } from 'react';
import { Alert, Button, List, Stack } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../platform/components/BackLink';
import { DetailList } from '../../platform/components/DetailList';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ExportButtons } from '../../platform/components/ExportButtons';
import { Field } from '../../platform/components/Field';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { formatDate, todayInTallinn } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { Section } from '../families/ui/Section';
import { REGISTRATIONS_PATH, useGroup, useTraining } from './api';
import type { GroupDetail } from './types';
import { AttendancePanel } from './AttendancePanel';
import { FeedbackSection } from './FeedbackSummary';
import { datesText, placeText, sessionText, useTrainingRole } from './format';
import { GroupActions } from './GroupActions';
import { GroupForm } from './GroupForm';
import { ParticipantsTable } from './ParticipantsTable';
import { RegisterButtons } from './RegisterButtons';
import { PlacesText, StateBadge, UnderfilledBadge } from './ui';

/** The attendance panel: open while attendance is due, behind a button once it is taken (to correct it). */
function AttendanceToggle({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(group.attendanceDue);
  if (!open) {
    return (
      <Button variant="default" leftSection={<IconChecklist size={16} aria-hidden />} onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }} data-testid="attendance-correct">
        {t('trainings.attendance.correct')}
      </Button>
    );
  }
  return <AttendancePanel key={group.id} group={group} />;
}

/** The group form needs its training's window and provider. */
function EditGroup({ group, close }: { group: GroupDetail; close: (done?: string) => void }) {
  const training = useTraining(group.training.id);
  if (training.isPending) return <InlineLoader />;
  if (training.error) return <ErrorAlert error={training.error} />;
  return <GroupForm training={training.data} group={group} close={close} />;
}

/** /trainings/groups/:id — one group: days and places, participants, attendance (the trainer), C-4 actions (SKA), feedback. */
export function GroupPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { isManager, isKov, isSka, isTrainer } = useTrainingRole();
  const group = useGroup(id);
  if (group.isPending) return <InlineLoader />;
  if (group.error) return <ErrorAlert error={group.error} />;
  const g = group.data;
  const today = todayInTallinn();
  const title = t('trainings.group.heading', { training: g.training.title, number: g.number });
  return (
    <>
      <BackLink to={`/trainings/${g.training.id}`} label={t('trainings.group.back')} />
      <PageHeader
        title={title}
        description={[placeText(g), datesText(g)].filter(Boolean).join(' · ')}
        actions={
          isManager && g.status === 'scheduled' ? (
            <>
              <ActionDialog label={t('trainings.group.edit')} title={t('trainings.group.editTitle')} icon={<IconPencil size={16} aria-hidden />} variant="default" testId="group-edit">
                {(close) => <EditGroup group={g} close={close} />}
              </ActionDialog>
              <GroupActions group={g} />
            </>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {g.underfilled && isSka && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t('trainings.group.underfilledTitle')} data-testid="underfilled-alert">
            {t('trainings.group.underfilledText', { confirmed: g.confirmed, min: g.capacityMin, date: formatDate(g.registrationClosesOn) })}
          </Alert>
        )}
        {g.status === 'cancelled' && <Alert color="red" icon={<IconInfoCircle aria-hidden />}>{t('trainings.group.cancelledText', { date: formatDate(g.cancelledOn), reason: g.cancelReason ?? '' })}</Alert>}
        {g.mergedInto && <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>{t('trainings.group.mergedInto', { number: g.mergedInto.number })}</Alert>}
        {isKov && <RegisterButtons group={g} mine={g.myRegistration} />}
        <Section title={t('trainings.group.about')} testId="group-about">
          <DetailList>
            <Field label={t('trainings.group.registration')}><StateBadge g={g} /> <UnderfilledBadge g={g} /></Field>
            <Field label={t('trainings.group.places')}><PlacesText g={g} /></Field>
            <Field label={t('trainings.group.capacity')}>{t('trainings.group.capacityText', { min: g.capacityMin, max: g.capacityMax })}</Field>
            <Field label={t('trainings.group.cutoff')}>{formatDate(g.registrationClosesOn)}</Field>
            <Field label={t('trainings.group.venue')}>{placeText(g) || t('trainings.group.venueLater')}</Field>
            <Field label={t('trainings.group.trainer')}>{g.trainer ? `${g.trainer.name} (${g.training.provider})` : t('trainings.group.noTrainer')}</Field>
            <Field label={t('trainings.fields.volume')}>{t('trainings.volume', { hours: g.training.academicHours, count: g.training.days })}</Field>
            <Field label={t('trainings.group.days')}>
              <List size="sm" data-testid="group-sessions">{g.sessions.map((s) => <List.Item key={s.id}>{sessionText(s)}</List.Item>)}</List>
            </Field>
          </DetailList>
        </Section>
        {g.canTakeAttendance && g.status === 'scheduled' && g.startsOn <= today && (
          <Section title={t('trainings.attendance.title')} intro={t('trainings.attendance.intro')} testId="attendance-section">
            <AttendanceToggle group={g} />
          </Section>
        )}
        <Section
          title={t('trainings.participants.title')}
          intro={isKov ? t('trainings.participants.onlyOwnKov') : undefined}
          actions={g.registrations.length > 0 ? <ExportButtons listPath={REGISTRATIONS_PATH} filters={{ groupId: g.id }} testIdPrefix="participants" /> : undefined}
          testId="participants-section"
        >
          <ParticipantsTable group={g} />
        </Section>
        {(isSka || isTrainer) && g.endsOn <= today && <FeedbackSection kind="group" id={g.id} />}
      </Stack>
    </>
  );
}
