import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconFileTypePdf, IconMessageReport, IconReportAnalytics } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { formatDate, isRealDate, todayInTallinn } from '../../../platform/format';
import { kovReportPdfUrl, sendKovOverview, sendNeedNotice, type OverviewInput } from '../api';
import { optText } from '../options';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import { Section, TextBlock } from '../ui/Section';
import type { EpisodeDetail } from '../types';
import { useEpisodeWrite } from './episode-write';

type Close = (done?: string) => void;

function OverviewForm({ e, close }: { e: EpisodeDetail; close: Close }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const [v, setV] = useState({ periodStart: e.kovReporting.lastOverviewOn ?? e.agreement?.agreedOn ?? e.startsOn, periodEnd: today, progress: '', difficulties: '', includePlan: e.kind === 'needs_based' });
  const [errors, setErrors] = useState<Partial<Record<'periodStart' | 'periodEnd' | 'progress', string>>>({});
  const { mutation, reload } = useEpisodeWrite(e, (_v, body: OverviewInput) => sendKovOverview(e.id, body), () => close(t('families.kov.sent')));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found: typeof errors = {};
    for (const k of ['periodStart', 'periodEnd'] as const) if (!v[k]) found[k] = t('validation.required'); else if (!isRealDate(v[k])) found[k] = t('validation.date');
    if (!found.periodEnd && !found.periodStart && v.periodEnd < v.periodStart) found.periodEnd = t('families.carry.endBeforeStart');
    if (!v.progress.trim()) found.progress = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate({ periodStart: v.periodStart, periodEnd: v.periodEnd, progress: v.progress.trim(), difficulties: optText(v.difficulties), includePlan: v.includePlan });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="kov-report-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('families.kov.periodStart')} value={v.periodStart} onChange={(x) => setV({ ...v, periodStart: x })} error={errors.periodStart} required testId="kov-report-form-start" />
          <DateField label={t('families.kov.periodEnd')} value={v.periodEnd} onChange={(x) => setV({ ...v, periodEnd: x })} error={errors.periodEnd} required testId="kov-report-form-end" />
        </SimpleGrid>
        <Textarea label={t('families.kov.progress')} value={v.progress} onChange={(x) => setV({ ...v, progress: x.currentTarget.value })} error={errors.progress}
          withAsterisk autosize minRows={3} maxLength={20000} data-testid="kov-report-form-progress" />
        <Textarea label={t('families.kov.difficulties')} value={v.difficulties} onChange={(x) => setV({ ...v, difficulties: x.currentTarget.value })}
          autosize minRows={2} maxLength={20000} data-testid="kov-report-form-difficulties" />
        {e.kind === 'needs_based' && (
          <Checkbox label={t('families.kov.includePlan')} checked={v.includePlan} onChange={(x) => setV({ ...v, includePlan: x.currentTarget.checked })}
            data-testid="kov-report-form-plan" />
        )}
        <Text size="sm" c="dimmed">{t('families.kov.sendInfo', { kov: e.family.kovName })}</Text>
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.kov.send')} testId="kov-report-form-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

function NeedNoticeForm({ e, close }: { e: EpisodeDetail; close: Close }) {
  const { t } = useTranslation();
  const [agreed, setAgreed] = useState(false);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ agreed?: string; text?: string }>({});
  const { mutation, reload } = useEpisodeWrite(e, (_v, body: { familyAgreed: boolean; text: string }) => sendNeedNotice(e.id, body), () => close(t('families.kov.sent')));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const found = { ...(agreed ? {} : { agreed: t('families.kov.agreementRequired') }), ...(text.trim() ? {} : { text: t('validation.required') }) };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate({ familyAgreed: true, text: text.trim() });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="need-notice-form">
      <Stack gap="md">
        <Textarea label={t('families.kov.needText')} value={text} onChange={(x) => setText(x.currentTarget.value)} error={errors.text} withAsterisk autosize minRows={4}
          maxLength={20000} data-testid="need-notice-form-text" />
        <Checkbox label={t(e.family.kovInvolved ? 'families.kov.familyAgreed' : 'families.kov.familyConsentOnce')} checked={agreed}
          onChange={(x) => setAgreed(x.currentTarget.checked)} error={errors.agreed} data-testid="need-notice-form-agreed" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.kov.send')} testId="need-notice-form-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** B-KOV: what was sent to the municipality (start notice, quarterly overviews, termination, need notices) as PDFs. */
export function KovReports({ e, canOverview, canNeedNotice }: { e: EpisodeDetail; canOverview: boolean; canNeedNotice: boolean }) {
  const { t } = useTranslation();
  const r = e.kovReporting;
  return (
    <Section title={t('families.kov.title')} testId="episode-kov-reports"
      actions={<>
        {canOverview && (
          <ActionDialog label={t('families.kov.addOverview')} title={t('families.kov.overviewTitle')} icon={<IconReportAnalytics size={18} aria-hidden />}
            variant="light" testId="kov-report-add">
            {(close) => <OverviewForm e={e} close={close} />}
          </ActionDialog>
        )}
        {canNeedNotice && (
          <ActionDialog label={t('families.kov.needNotice')} title={t('families.kov.needNoticeTitle')} icon={<IconMessageReport size={18} aria-hidden />}
            variant="default" testId="kov-need-notice">
            {(close) => <NeedNoticeForm e={e} close={close} />}
          </ActionDialog>
        )}
      </>}>
      {!r.involved && <Alert color="gray" data-testid="kov-not-involved">{t('families.kov.notInvolved')}</Alert>}
      {r.involved && r.nextOverviewDue && (
        <Text data-testid="kov-next-overview">{t('families.kov.nextDue', { date: formatDate(r.nextOverviewDue) })}</Text>
      )}
      {e.kovReports.length === 0 ? (
        <Text size="sm" c="dimmed">{t('families.kov.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.kov.title')}>
          {[...e.kovReports].reverse().map((k) => (
            <Paper component="li" key={k.id} withBorder p="sm" radius="md" data-testid="kov-report" data-kind={k.kind}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Stack gap={0}>
                  <Text fw={700}>{t(`families.kov.kind.${k.kind}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t('families.kov.sentOn', { date: formatDate(k.sentOn), kov: k.kovName })}
                    {k.periodStart && ` · ${formatDate(k.periodStart)}–${formatDate(k.periodEnd)}`}
                  </Text>
                </Stack>
                <Button component="a" href={kovReportPdfUrl(e.id, k.id)} download variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />}
                  data-testid="kov-report-pdf" aria-label={`${t('families.pdf.download')}: ${t(`families.kov.kind.${k.kind}`)} ${formatDate(k.sentOn)}`}>
                  {t('families.pdf.download')}
                </Button>
              </Group>
              <TextBlock label={t('families.kov.progress')} value={k.progress} />
              <TextBlock label={t('families.kov.difficulties')} value={k.difficulties} />
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
