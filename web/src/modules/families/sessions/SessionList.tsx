import { useState, type FormEvent } from 'react';
import { Badge, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/format';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import { cancelSession, useSessionWrite, type Session } from './api';

function CancelForm({ s, onDone }: { s: Session; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const save = useSessionWrite(cancelSession);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('validation.required'));
    save.mutate({ id: s.id, version: s.version, reason: reason.trim() }, { onSuccess: () => onDone(t('sessions.list.cancelled')) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea label={t('sessions.list.cancelReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error || undefined} withAsterisk
          maxLength={2000} data-testid="session-cancel-reason" />
        <FormActions error={save.error} pending={save.isPending} submitLabel={t('sessions.list.cancel')} color="red" testId="session-cancel-submit" onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}

/** The sessions, newest first: service, day (quarter), who, how, and cancelling a wrong record. */
export function SessionList({ items, canWrite }: { items: Session[]; canWrite: boolean }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed" size="sm" data-testid="sessions-empty">{t('sessions.list.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="sessions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sessions.fields.heldOn')}</Table.Th>
            <Table.Th>{t('sessions.fields.service')}</Table.Th>
            <Table.Th>{t('sessions.fields.specialist')}</Table.Th>
            <Table.Th>{t('sessions.fields.mode')}</Table.Th>
            <Table.Th>{t('sessions.fields.minutes')}</Table.Th>
            {canWrite && <Table.Th><VisuallyHidden>{t('sessions.list.actions')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid={`session-${s.id}`} data-status={s.status}>
              <Table.Td>{formatDate(s.heldOn)} <Text span size="xs" c="dimmed">{s.quarter}</Text></Table.Td>
              <Table.Td>
                {t(`sessions.service.${s.service}`)}
                {s.status === 'cancelled' && <Badge ml="xs" color="gray" variant="light">{t('sessions.status.cancelled')}</Badge>}
              </Table.Td>
              <Table.Td>{s.specialist.name}</Table.Td>
              <Table.Td>{t(`sessions.mode.${s.mode}`)}{s.remoteAgreedOn ? ` (${t('sessions.list.agreedOn', { date: formatDate(s.remoteAgreedOn) })})` : ''}</Table.Td>
              <Table.Td>{s.minutes}</Table.Td>
              {canWrite && (
                <Table.Td>
                  {s.status === 'held' && (
                    <ActionDialog label={t('sessions.list.cancel')} title={t('sessions.list.cancelTitle', { date: formatDate(s.heldOn) })} variant="subtle" color="red" size="md"
                      testId={`session-cancel-${s.id}`}>
                      {(close) => <CancelForm s={s} onDone={close} />}
                    </ActionDialog>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
