import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconRefresh, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../platform/components/BackLink';
import { ConfirmButton } from '../../../platform/components/ConfirmButton';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate, todayInTallinn } from '../../../platform/format';
import { FormActions } from '../ui/FormActions';
import { Section } from '../ui/Section';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { euros } from './InvoiceApi';
import {
  FIGURE_KEYS,
  TEXT_PARTS,
  fetchProviderReport,
  providerReportFileUrl,
  providerReportKeys,
  submitProviderReport,
  updateProviderReport,
  type ProviderReport,
  type TextInput,
} from './ProviderReportApi';
import { ProviderReportStatus } from './ProviderReportsPage';

function Figures({ r }: { r: ProviderReport }) {
  const { t } = useTranslation();
  const value = (key: string) => {
    const v = r.figures[key];
    if (v === undefined) return '—';
    return key === 'approvedCents' ? euros(Number(v)) : String(v).replace('.', ',');
  };
  return (
    <Table.ScrollContainer minWidth={320} type="native">
      <Table striped data-testid="provider-report-figures">
        <Table.Tbody>
          {FIGURE_KEYS.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={500}>{t(`providerReports.figures.${key}`)}</Table.Th>
              <Table.Td ta="right" data-testid={`figure-${key}`}>{value(key)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TextParts({ r, onSaved, reload }: { r: ProviderReport; onSaved: (r: ProviderReport) => void; reload: () => void }) {
  const { t } = useTranslation();
  const initial = () => Object.fromEntries(TEXT_PARTS.map((p) => [p, r[p] ?? ''])) as Record<(typeof TEXT_PARTS)[number], string>;
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState('');
  // A reload after a version conflict brings the saved text in.
  useEffect(() => setValues(initial()), [r.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const mutation = useMutation({
    mutationFn: (extra: { refreshFigures?: boolean }) => updateProviderReport(r.id, { version: r.version, ...(values as TextInput), ...extra }),
    onSuccess: (next) => {
      onSaved(next);
      setSaved(t('providerReports.saved'));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    mutation.mutate({});
  };
  if (!r.canEdit) {
    return (
      <Stack gap="md">
        {TEXT_PARTS.map((p) => (
          <div key={p}>
            <Text fw={700} size="sm">{t(`providerReports.text.${p}`)}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`provider-report-${p}`}>{r[p] || '—'}</Text>
          </div>
        ))}
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {TEXT_PARTS.map((p) => (
          <Textarea key={p} label={t(`providerReports.text.${p}`)} description={t(`providerReports.hint.${p}`)} value={values[p]} autosize minRows={3} maxLength={20_000}
            required={p === 'overview' || p === 'assessment'}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setValues((v) => ({ ...v, [p]: text }));
            }}
            data-testid={`provider-report-${p}`} />
        ))}
        <Text role="status" size="sm" c="green.8">{saved}</Text>
        <Group justify="space-between">
          <Button variant="subtle" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => mutation.mutate({ refreshFigures: true })} data-testid="provider-report-refresh">
            {t('providerReports.refreshFigures')}
          </Button>
        </Group>
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('common.save')} testId="provider-report-save" onReload={reload} />
      </Stack>
    </form>
  );
}

/** /families/provider-reports/:id — one monitoring or final report on the Lisa 12 form (B-REP-3). */
export function ProviderReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ queryKey: providerReportKeys.one(id), queryFn: ({ signal }) => fetchProviderReport(id, signal) });
  const setReport = (r: ProviderReport) => {
    client.setQueryData(providerReportKeys.one(id), r);
    void client.invalidateQueries({ queryKey: ['providerReports', 'list'] });
  };
  const submit = useMutation({ mutationFn: (r: ProviderReport) => submitProviderReport(r.id, r.version), onSuccess: setReport });
  if (query.isPending) return <InlineLoader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const r = query.data;
  return (
    <>
      <BackLink to="/families/provider-reports" label={t('providerReports.pageTitle')} />
      <PageHeader
        title={`${t(`providerReports.kind.${r.kind}`)} · ${r.contractReference}`}
        description={t('providerReports.headline', { provider: r.providerName, start: formatDate(r.periodStart), end: formatDate(r.periodEnd), due: formatDate(r.dueOn) })}
      />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <ProviderReportStatus item={{ status: r.status, overdue: r.status !== 'submitted' && r.dueOn < todayInTallinn() }} />
          <Group gap="sm">
            <Button component="a" href={providerReportFileUrl(r.id, 'pdf')} download variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />} data-testid="provider-report-pdf">
              PDF
            </Button>
            <Button component="a" href={providerReportFileUrl(r.id, 'docx')} download variant="default" leftSection={<IconFileTypeDocx size={18} aria-hidden />} data-testid="provider-report-docx">
              {t('providerReports.docx')}
            </Button>
            {r.canEdit && (
              <ConfirmButton label={t('providerReports.submit')} leftSection={<IconSend size={18} aria-hidden />} confirmTitle={t('providerReports.submitTitle')}
                confirmText={t('providerReports.submitText')} onConfirm={() => submit.mutate(r)} loading={submit.isPending} testId="provider-report-submit" />
            )}
          </Group>
        </Group>
        {submit.error && <RuleErrorAlert error={submit.error} testId="provider-report-submit-error" />}
        {r.submittedOn && <Text size="sm">{t('providerReports.submittedText', { date: formatDate(r.submittedOn), name: r.submittedBy ?? '' })}</Text>}
        <Section title={t('providerReports.figuresTitle')} intro={t('providerReports.figuresIntro')} testId="provider-report-figures-section">
          <Figures r={r} />
        </Section>
        <Section title={t('providerReports.textTitle')} testId="provider-report-text-section">
          <TextParts r={r} onSaved={setReport} reload={() => void query.refetch()} />
        </Section>
      </Stack>
    </>
  );
}
