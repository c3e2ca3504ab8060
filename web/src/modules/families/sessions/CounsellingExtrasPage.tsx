import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Card, Group, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate } from '../../../platform/format';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import { decideExtra, useExtras, useSessionWrite, type ExtraRequest } from './api';

const STATUS_COLOR = { requested: 'orange', approved: 'green', rejected: 'red' } as const;

function DecisionForm({ r, approve, onDone }: { r: ExtraRequest; approve: boolean; onDone: (message?: string) => void }) {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<number | ''>(r.requestedSessions);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const save = useSessionWrite(decideExtra);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!approve && !reason.trim()) return setError(t('validation.required'));
    if (approve && (sessions === '' || sessions < 1)) return setError(t('validation.required'));
    save.mutate(
      { id: r.id, version: r.version, approved: approve, ...(approve && sessions !== '' ? { approvedSessions: sessions } : {}), reason: reason.trim() || null },
      { onSuccess: () => onDone(approve ? t('sessions.extra.approvedDone') : t('sessions.extra.rejectedDone')) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.justification}</Text>
        {approve && (
          <NumberInput label={t('sessions.extra.approvedSessions')} value={sessions} onChange={(v) => setSessions(typeof v === 'number' ? v : '')} min={1} max={r.requestedSessions}
            error={approve ? error || undefined : undefined} withAsterisk data-testid="extra-decision-sessions" />
        )}
        <Textarea label={approve ? t('sessions.extra.note') : t('sessions.extra.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk={!approve}
          error={!approve ? error || undefined : undefined} maxLength={5000} data-testid="extra-decision-reason" />
        <FormActions error={save.error} pending={save.isPending} submitLabel={approve ? t('sessions.extra.approve') : t('sessions.extra.reject')} color={approve ? undefined : 'red'}
          testId="extra-decision-submit" onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}

/** /families/counselling-extras — B-PSY-1 requests: the SKA contact approves or rejects (awaiting first); a provider follows its own. */
export function CounsellingExtrasPage() {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = useExtras(status ? { status } : {});
  const decides = role === 'ska_contact';
  return (
    <Stack gap="lg">
      <PageHeader title={t('sessions.extrasPage.title')} description={t('sessions.extrasPage.intro')} />
      <SegmentedControl value={status || 'all'} onChange={(v) => setParams(v === 'all' ? {} : { status: v })} data-testid="extras-status"
        data={['all', 'requested', 'approved', 'rejected'].map((s) => ({ value: s, label: t(`sessions.extrasPage.status.${s}`) }))} />
      {list.isPending ? <InlineLoader /> : list.error ? <ErrorAlert error={list.error} /> : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('sessions.extrasPage.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="extras-list">
          {list.data.items.map((r) => (
            <Card key={r.id} withBorder data-testid={`extra-${r.id}`} data-status={r.status}>
              <Group justify="space-between" wrap="wrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/families/${r.family.id}`}>{r.family.reference}</Anchor>
                    <Badge color={STATUS_COLOR[r.status]} variant="light">{t(`sessions.extrasPage.status.${r.status}`)}</Badge>
                  </Group>
                  <Text size="sm">{t('sessions.extrasPage.line', { count: r.requestedSessions, year: r.year, provider: r.provider.name, by: r.requestedBy, date: formatDate(r.requestedOn) })}</Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{r.justification}</Text>
                  {r.status !== 'requested' && (
                    <Text size="sm">
                      {r.status === 'approved' ? t('sessions.extrasPage.approvedLine', { count: r.approvedSessions ?? 0, by: r.decidedBy ?? '', date: formatDate(r.decidedOn) }) : t('sessions.extrasPage.rejectedLine', { by: r.decidedBy ?? '', date: formatDate(r.decidedOn) })}
                      {r.decisionReason ? ` — ${r.decisionReason}` : ''}
                    </Text>
                  )}
                </Stack>
                {decides && r.status === 'requested' && (
                  <Group gap="xs">
                    <ActionDialog label={t('sessions.extra.approve')} title={t('sessions.extra.approveTitle', { reference: r.family.reference })} size="md" testId={`extra-approve-${r.id}`}>
                      {(close) => <DecisionForm r={r} approve onDone={close} />}
                    </ActionDialog>
                    <ActionDialog label={t('sessions.extra.reject')} title={t('sessions.extra.rejectTitle', { reference: r.family.reference })} size="md" color="red" variant="light" testId={`extra-reject-${r.id}`}>
                      {(close) => <DecisionForm r={r} approve={false} onDone={close} />}
                    </ActionDialog>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
