import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, SegmentedControl, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate, formatDateTime } from '../../../platform/format';
import { InvoiceButtons } from './InvoiceButtons';
import { euros, MONTHLY_PATH, reportActions, useMonthlyHistory, useMonthlyReport, useReportAction, type ReportDetail, type Signature } from './MonthlyApi';
import { MonthlyLines } from './MonthlyLines';
import { StatusBadge } from './MonthlyReportsPage';

/** /families/monthly-reports/:id — review, signatures, submission, SKA decision and history (B-REP-1). */
export function MonthlyReportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [revision, setRevision] = useState<number | undefined>(undefined);
  const query = useMonthlyReport(id, revision);
  const history = useMonthlyHistory(id);
  if (query.isPending) return <InlineLoader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const r = query.data;
  const current = r.viewRevision === r.revision;
  return (
    <>
      <PageHeader title={`${t('monthlyReports.reportTitle', { month: r.month })} · ${r.reference}`} description={r.provider.name} />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <StatusBadge report={r} />
          <Text size="sm">{t('monthlyReports.dueOn', { date: formatDate(r.dueOn) })}{r.submittedOn ? ` · ${t('monthlyReports.submittedOn', { date: formatDate(r.submittedOn) })}` : ''}</Text>
        </Group>
        {history.data && history.data.revisions.length > 1 && (
          <SegmentedControl
            aria-label={t('monthlyReports.revisionPicker')}
            value={String(r.viewRevision)}
            onChange={(v) => setRevision(Number(v) === r.revision ? undefined : Number(v))}
            data={history.data.revisions.map((n) => ({ value: String(n), label: t('monthlyReports.revision', { n }) }))}
          />
        )}
        {r.status === 'approved' && (
          <Paper withBorder p="sm">
            <Title order={2} size="h4" mb="xs">{t('invoices.issueTitle')}</Title>
            <InvoiceButtons reportId={r.id} />
          </Paper>
        )}
        {r.returnComment && <Alert color="orange" title={t('monthlyReports.returned')}>{r.returnComment}</Alert>}
        <Paper withBorder p="sm">
          <Group gap="xl">
            <Text fw={700} data-testid="monthly-total">{t('monthlyReports.total')}: {euros(r.totalCents, i18n.language)}</Text>
            <Text c="dimmed">{t('monthlyReports.excluded')}: {euros(r.excludedCents, i18n.language)}</Text>
          </Group>
          <Table mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monthlyReports.col.specialist')}</Table.Th>
                <Table.Th>{t('monthlyReports.col.lines')}</Table.Th>
                <Table.Th>{t('monthlyReports.col.billable')}</Table.Th>
                <Table.Th>{t('monthlyReports.col.document')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.bySpecialist.map((s) => (
                <Table.Tr key={s.specialistId ?? '-'}>
                  <Table.Td>{s.name ?? '—'}</Table.Td>
                  <Table.Td>{s.lines}</Table.Td>
                  <Table.Td>{euros(s.billableCents, i18n.language)}</Table.Td>
                  <Table.Td>
                    {s.specialistId && (
                      <Anchor href={`${MONTHLY_PATH}/${r.id}/specialists/${s.specialistId}/pdf?revision=${r.viewRevision}`}>{t('monthlyReports.specialistPdf')}</Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {current ? <Actions report={r} /> : <MonthlyLines lines={r.lines} />}
        {current && !r.actions.decide && <MonthlyLines lines={r.lines} />}
        {r.endings.length > 0 && (
          <div>
            <Title order={2} size="h4">{t('monthlyReports.endings')}</Title>
            {r.endings.map((e) => (
              <Text key={e.episodeId} size="sm">
                {formatDate(e.endsOn)} · {e.family.reference} {e.family.parentNames ?? ''} · {t(`monthlyReports.kind.${e.kind}`)} · {e.endReason ? t(`monthlyReports.endReason.${e.endReason}`) : ''} ·{' '}
                {e.sentToKovOn ? t('monthlyReports.sentToKov', { date: formatDate(e.sentToKovOn) }) : t('monthlyReports.notSentToKov')}
              </Text>
            ))}
          </div>
        )}
        <Signatures report={r} readOnly={!current} />
        {history.data && (
          <div>
            <Title order={2} size="h4">{t('monthlyReports.history')}</Title>
            <Timeline bulletSize={14} lineWidth={2} mt="xs">
              {history.data.events.map((e) => (
                <Timeline.Item key={e.id} title={`${t(`monthlyReports.event.${e.kind}`, { defaultValue: e.kind })} · ${t('monthlyReports.revision', { n: e.revision })}`}>
                  <Text size="xs" c="dimmed">{formatDateTime(e.at)} · {e.actorName ?? 'Tugi'}{e.totalCents !== null ? ` · ${euros(e.totalCents, i18n.language)}` : ''}</Text>
                  {e.comment && <Text size="sm">{e.comment}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        )}
      </Stack>
    </>
  );
}

function Actions({ report: r }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(r.providerNote ?? '');
  const [comment, setComment] = useState('');
  const [lineComments, setLineComments] = useState<Record<string, string>>({});
  const save = useReportAction(() => reportActions.note(r.id, r.version, note || null));
  const redraft = useReportAction(() => reportActions.redraft(r.id, r.version));
  const submit = useReportAction(() => reportActions.submit(r.id, r.version));
  const decide = useReportAction((decision: 'approve' | 'return') =>
    reportActions.decide(r.id, {
      version: r.version,
      decision,
      comment: comment || null,
      ...(decision === 'return' ? { lineComments: Object.entries(lineComments).filter(([, c]) => c.trim()).map(([lineId, c]) => ({ lineId, comment: c.trim() })) } : {}),
    }),
  );
  const error = save.error ?? redraft.error ?? submit.error ?? decide.error;
  return (
    <Stack gap="sm">
      {error && <ErrorAlert error={error} />}
      {r.actions.edit && (
        <Group align="flex-end">
          <Textarea label={t('monthlyReports.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} style={{ flex: 1 }} />
          <Button variant="default" onClick={() => save.mutate(undefined)} loading={save.isPending}>{t('monthlyReports.saveNote')}</Button>
        </Group>
      )}
      {!r.actions.edit && r.providerNote && <Text size="sm">{t('monthlyReports.note')}: {r.providerNote}</Text>}
      <Group>
        {r.actions.redraft && <Button variant="default" onClick={() => redraft.mutate(undefined)} loading={redraft.isPending} data-testid="monthly-redraft">{t('monthlyReports.redraft')}</Button>}
        {r.actions.edit && (
          <Button onClick={() => submit.mutate(undefined)} loading={submit.isPending} disabled={!r.actions.submit} data-testid="monthly-submit">
            {t('monthlyReports.submit')}
          </Button>
        )}
        {r.actions.edit && !r.actions.submit && <Text size="sm" c="dimmed">{t('monthlyReports.missingSignatures', { count: r.missingSignatures })}</Text>}
      </Group>
      {r.actions.decide && (
        <>
          <MonthlyLines lines={r.lines} comments={lineComments} onComment={(lineId, text) => setLineComments((c) => ({ ...c, [lineId]: text }))} />
          <Textarea label={t('monthlyReports.decisionComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button color="green" onClick={() => decide.mutate('approve')} loading={decide.isPending} data-testid="monthly-approve">{t('monthlyReports.approve')}</Button>
            <Button color="orange" variant="light" onClick={() => decide.mutate('return')} loading={decide.isPending} data-testid="monthly-return">{t('monthlyReports.return')}</Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function Signatures({ report: r, readOnly }: { report: ReportDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const confirm = useReportAction(() => reportActions.confirm(r.id, r.revision));
  const upload = useReportAction((v: { file: File; s: Signature }) => reportActions.upload(r.id, v.file, { revision: r.revision, signer: v.s.signer, specialistId: v.s.specialistId, familyId: v.s.familyId }));
  if (r.signatures.length === 0) return null;
  return (
    <div>
      <Title order={2} size="h4">{t('monthlyReports.signatures')}</Title>
      {(confirm.error ?? upload.error) && <ErrorAlert error={(confirm.error ?? upload.error)!} />}
      {!readOnly && r.actions.confirm && (
        <Button my="xs" onClick={() => confirm.mutate(undefined)} loading={confirm.isPending} data-testid="monthly-confirm-own">{t('monthlyReports.confirmOwn')}</Button>
      )}
      <Table data-testid="monthly-signatures">
        <Table.Tbody>
          {r.signatures.map((s) => (
            <Table.Tr key={`${s.signer}-${s.specialistId}-${s.familyId ?? ''}`} data-testid="monthly-signature" data-signer={s.signer} data-signed={s.signed ? 'true' : 'false'}>
              <Table.Td>{s.signer === 'specialist' ? t('monthlyReports.signer.specialist', { name: s.specialistName }) : t('monthlyReports.signer.recipient', { family: s.familyLabel ?? '', name: s.specialistName })}</Table.Td>
              <Table.Td>
                {s.signed ? (
                  <Badge color="green" variant="light">
                    {t(`monthlyReports.method.${s.signed.method}`)} · {s.signed.confirmedByName} · {formatDateTime(s.signed.confirmedAt)}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">{t('monthlyReports.unsigned')}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                {s.signed?.fileId && <Anchor href={`${MONTHLY_PATH}/${r.id}/signatures/files/${s.signed.fileId}`}>{s.signed.filename}</Anchor>}
                {!s.signed && !readOnly && r.actions.edit && (
                  <FileButton onChange={(file) => file && upload.mutate({ file, s })} accept="application/pdf,.pdf,.asice,.bdoc">
                    {(props) => <Button size="xs" variant="default" {...props} data-testid="monthly-signature-upload">{t('monthlyReports.uploadSigned')}</Button>}
                  </FileButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
