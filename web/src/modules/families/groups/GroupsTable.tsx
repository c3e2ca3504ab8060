import { useState, type FormEvent, type ReactNode } from 'react';
import { Badge, Group as Row, Radio, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { IconChecklist, IconGavel, IconPencil, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../platform/components/ConfirmButton';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { formatDate, todayInTallinn } from '../../../platform/format';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import { approveSmallGroup, cancelGroup, decideGroup, deleteGroup, useGroupWrite } from './api';
import { AttendanceForm } from './AttendanceForm';
import { minutesText } from './format';
import { GroupForm } from './GroupForm';
import { GroupStatusBadge } from './GroupStatusBadge';
import { PayText } from './PayText';
import type { Group } from './types';

type Close = (done?: string) => void;

function DecisionForm({ g, close }: { g: Group; close: Close }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'approve' | 'reject'>(g.status === 'approved' ? 'reject' : 'approve');
  const [reason, setReason] = useState(g.decisionReason ?? '');
  const [error, setError] = useState<string>();
  const mutation = useGroupWrite((_: null) => decideGroup(g.id, { version: g.version, decision, reason: reason.trim() || null }),
    () => close(t(decision === 'approve' ? 'groups.decision.approved' : 'groups.decision.rejected')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = decision === 'reject' && !reason.trim();
    setError(missing ? t('groups.decision.reasonRequired') : undefined);
    if (!missing) mutation.mutate(null);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="decision-form">
      <Stack gap="md">
        <Text size="sm">{t('groups.decision.intro', { topic: g.topic, date: formatDate(g.plannedOn), provider: g.provider.name })}</Text>
        <Radio.Group label={t('groups.decision.label')} value={decision} onChange={(v) => setDecision(v as 'approve' | 'reject')}>
          <Row gap="lg" mt="xs">
            <Radio value="approve" label={t('groups.decision.approve')} data-testid="decision-approve" />
            <Radio value="reject" label={t('groups.decision.reject')} data-testid="decision-reject" />
          </Row>
        </Radio.Group>
        <Textarea label={t('groups.decision.reason')} description={t('groups.decision.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          error={error} withAsterisk={decision === 'reject'} autosize minRows={2} maxLength={2000} data-testid="decision-reason" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('groups.decision.save')} testId="decision-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function SmallGroupForm({ g, close }: { g: Group; close: Close }) {
  const { t } = useTranslation();
  const approve = !g.smallGroupApproved;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const mutation = useGroupWrite((_: null) => approveSmallGroup(g.id, { version: g.version, approved: approve, reason: reason.trim() || null }),
    () => close(t(approve ? 'groups.smallGroup.done' : 'groups.smallGroup.withdrawn')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = approve && !reason.trim();
    setError(missing ? t('validation.required') : undefined);
    if (!missing) mutation.mutate(null);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="small-group-form">
      <Stack gap="md">
        <Text size="sm">{t(approve ? 'groups.smallGroup.intro' : 'groups.smallGroup.withdrawIntro')}</Text>
        <Textarea label={t('groups.smallGroup.reason')} description={t('groups.smallGroup.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          error={error} withAsterisk={approve} autosize minRows={2} maxLength={2000} data-testid="small-group-reason" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t(approve ? 'groups.smallGroup.approve' : 'groups.smallGroup.withdraw')}
          testId="small-group-submit" color={approve ? undefined : 'red'} onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function RemoveButton({ g }: { g: Group }) {
  const { t } = useTranslation();
  const draft = g.planStatus === 'draft';
  const mutation = useGroupWrite(async (_: null): Promise<unknown> => (draft ? deleteGroup(g.id, g.version) : cancelGroup(g.id, { version: g.version })));
  return (
    <>
      <ConfirmButton label={t(draft ? 'groups.actions.delete' : 'groups.actions.cancel')} confirmTitle={t(draft ? 'groups.actions.deleteTitle' : 'groups.actions.cancelTitle')}
        confirmText={t(draft ? 'groups.actions.deleteText' : 'groups.actions.cancelText', { topic: g.topic })} onConfirm={() => mutation.mutate(null)}
        variant="subtle" color="red" size="xs" loading={mutation.isPending} testId="group-remove" />
      <ErrorAlert error={mutation.error} />
    </>
  );
}

export interface TableMode {
  /** provider_admin: edit and remove while the plan is open. */
  canEdit: boolean;
  /** provider_admin or the leading specialist. */
  canRecord: boolean;
  /** ska_contact: approve or reject, small-group approval. */
  canDecide: boolean;
  showProvider: boolean;
}

function Actions({ g, mode, planOpen }: { g: Group; mode: TableMode; planOpen: boolean }) {
  const { t } = useTranslation();
  const out: ReactNode[] = [];
  if (mode.canEdit && planOpen && ['planned', 'approved', 'rejected'].includes(g.status)) {
    out.push(
      <ActionDialog key="edit" label={t('groups.actions.edit')} title={t('groups.form.editTitle')} icon={<IconPencil size={16} aria-hidden />} variant="default" testId="group-edit">
        {(close) => <GroupForm planId={g.planId} month={g.month} group={g} close={close} />}
      </ActionDialog>,
    );
  }
  if (mode.canEdit && (['planned', 'approved'].includes(g.status) || (g.planStatus === 'draft' && g.status !== 'held'))) out.push(<RemoveButton key="remove" g={g} />);
  if (mode.canRecord && ['approved', 'held'].includes(g.status)) {
    out.push(
      <ActionDialog key="attendance" label={t(g.status === 'held' ? 'groups.actions.attendanceEdit' : 'groups.actions.attendance')} title={t('groups.attendance.title', { topic: g.topic })}
        icon={<IconChecklist size={16} aria-hidden />} variant={g.status === 'held' ? 'default' : 'filled'} testId="group-attendance">
        {(close) => <AttendanceForm groupId={g.id} close={close} />}
      </ActionDialog>,
    );
  }
  if (mode.canDecide && ['planned', 'approved', 'rejected'].includes(g.status)) {
    out.push(
      <ActionDialog key="decide" label={t('groups.actions.decide')} title={t('groups.decision.title')} icon={<IconGavel size={16} aria-hidden />} variant={g.status === 'planned' ? 'filled' : 'default'} testId="group-decide">
        {(close) => <DecisionForm g={g} close={close} />}
      </ActionDialog>,
    );
  }
  if (mode.canDecide && ['planned', 'approved'].includes(g.status)) {
    out.push(
      <ActionDialog key="small" label={t(g.smallGroupApproved ? 'groups.smallGroup.withdraw' : 'groups.smallGroup.button')} title={t('groups.smallGroup.title')}
        icon={<IconUsersGroup size={16} aria-hidden />} variant="default" testId="group-small">
        {(close) => <SmallGroupForm g={g} close={close} />}
      </ActionDialog>,
    );
  }
  return <Stack gap={4} align="flex-start">{out}</Stack>;
}

/** Groups of a month or plan with their state, SKA's reasons, attendance and pay, and what the user may do with each. */
export function GroupsTable({ items, mode, planOpen = false, testId = 'groups-table' }: { items: Group[]; mode: TableMode; planOpen?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed" data-testid={`${testId}-empty`}>{t('groups.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('groups.fields.when')}</Table.Th>
            {mode.showProvider && <Table.Th>{t('groups.fields.provider')}</Table.Th>}
            <Table.Th>{t('groups.fields.where')}</Table.Th>
            <Table.Th>{t('groups.fields.topic')}</Table.Th>
            <Table.Th>{t('groups.fields.status')}</Table.Th>
            <Table.Th>{t('groups.fields.attendance')}</Table.Th>
            <Table.Th><VisuallyHidden>{t('groups.fields.actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((g) => (
            <Table.Tr key={g.id} data-testid="group-row" data-status={g.status}>
              <Table.Td>
                <Text size="sm" fw={500}>{formatDate(g.plannedOn)} {g.startsAt}</Text>
                <Text size="xs" c="dimmed">{minutesText(g.plannedMinutes)}</Text>
              </Table.Td>
              {mode.showProvider && <Table.Td>{g.provider.name}</Table.Td>}
              <Table.Td>
                {g.online ? <Badge variant="outline">{t('groups.online')}</Badge> : <Text size="sm">{[g.place, g.municipality?.name].filter(Boolean).join(', ')}</Text>}
                {g.island && <Badge color="cyan" c="cyan.9" variant="light" mt={4}>{t('groups.island')}</Badge>}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>{g.topic}</Text>
                <Text size="xs" c="dimmed">{t(`groups.familyType.${g.familyType}`)} · {g.leaderName}</Text>
              </Table.Td>
              <Table.Td>
                <GroupStatusBadge status={g.status} />
                {g.decisionReason && <Text size="xs" mt={4} data-testid="group-decision-reason">{t('groups.decision.reasonShown', { reason: g.decisionReason })}</Text>}
                {g.smallGroupApproved && <Text size="xs" mt={4} c="teal.9">{t('groups.smallGroup.shown', { reason: g.smallGroupReason ?? '' })}</Text>}
              </Table.Td>
              <Table.Td>
                {g.status === 'held' ? (
                  <Stack gap={4}>
                    <Text size="sm">{t('groups.attendance.summary', { date: formatDate(g.heldOn), minutes: minutesText(g.actualMinutes ?? 0), count: g.participantCount })}</Text>
                    {g.pay && <PayText pay={g.pay} compact />}
                  </Stack>
                ) : g.status === 'approved' && g.plannedOn < todayInTallinn() ? (
                  <Text size="sm" c="orange.8">{t('groups.attendance.due')}</Text>
                ) : null}
              </Table.Td>
              <Table.Td><Actions g={g} mode={mode} planOpen={planOpen} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
