import { useState } from 'react';
import { Alert, Checkbox, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { DetailList } from '../../platform/components/DetailList';
import { Field } from '../../platform/components/Field';
import { formatDate, formatDateTime, todayInTallinn } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { FormActions } from '../families/ui/FormActions';
import { Section, TextBlock } from '../families/ui/Section';
import { actions, useMediationWrite } from './api';
import { CUSTODY, type Custody, type Proceeding } from './types';
import { DeliveryBadge } from './ui';

type Close = (done?: string) => void;

function AgreementForm({ p, close }: { p: Proceeding; close: Close }) {
  const { t } = useTranslation();
  const [concludedOn, setConcludedOn] = useState(todayInTallinn());
  const [custody, setCustody] = useState<Custody>('unchanged');
  const [children, setChildren] = useState<string[]>(p.children.map((c) => c.personId));
  const [summary, setSummary] = useState('');
  const save = useMediationWrite(() => actions.agreement(p.id, { concludedOn, custody, childPersonIds: children, summary: summary.trim() }), () => close(t('mediation.outcome.agreementSaved')));
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
      <Stack gap="sm">
        <DateField label={t('mediation.outcome.concludedOn')} value={concludedOn} onChange={setConcludedOn} required />
        <Select
          label={t('mediation.outcome.custody')}
          description={t('mediation.outcome.custodyHint')}
          data={CUSTODY.map((c) => ({ value: c, label: t(`mediation.custody.${c}`) }))}
          value={custody}
          onChange={(v) => setCustody((v as Custody) ?? 'unchanged')}
          allowDeselect={false}
          data-testid="agreement-custody"
        />
        <Checkbox.Group label={t('mediation.outcome.children')} value={children} onChange={setChildren} required>
          <Stack gap={4} mt={4}>{p.children.map((c) => <Checkbox key={c.personId} value={c.personId} label={`${c.firstName} ${c.lastName}`} />)}</Stack>
        </Checkbox.Group>
        <Textarea label={t('mediation.outcome.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={4} required data-testid="agreement-summary" />
        <FormActions error={save.error} pending={save.isPending} submitLabel={t('mediation.outcome.saveAgreement')} testId="agreement-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function EndForm({ p, close }: { p: Proceeding; close: Close }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const end = useMediationWrite(() => actions.end(p.id, { version: p.version, reason: reason.trim() }), () => close(t('mediation.outcome.ended')));
  return (
    <form onSubmit={(e) => { e.preventDefault(); end.mutate(undefined); }}>
      <Stack gap="sm">
        <Textarea label={t('mediation.outcome.endReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} required data-testid="end-reason" />
        <FormActions error={end.error} pending={end.isPending} submitLabel={t('mediation.outcome.end')} color="red" testId="end-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

/** The end of the proceedings: the parenting agreement and its delivery to the population register (E-REG), or an end without agreement. */
export function Outcome({ p }: { p: Proceeding }) {
  const { t } = useTranslation();
  const a = p.agreement;
  const d = a?.delivery;
  if (!a && !p.can.recordOutcome && !p.can.end) return null;
  return (
    <Section
      title={t('mediation.outcome.title')}
      testId="outcome"
      actions={
        <>
          {p.can.recordOutcome && !a && (
            <ActionDialog label={t('mediation.outcome.recordAgreement')} title={t('mediation.outcome.recordAgreement')} icon={<IconCircleCheck size={16} aria-hidden />} testId="agreement">
              {(close) => <AgreementForm p={p} close={close} />}
            </ActionDialog>
          )}
          {p.can.end && (
            <ActionDialog label={t('mediation.outcome.end')} title={t('mediation.outcome.endTitle')} icon={<IconCircleX size={16} aria-hidden />} variant="default" color="red" size="md" testId="end">
              {(close) => <EndForm p={p} close={close} />}
            </ActionDialog>
          )}
        </>
      }
    >
      {a ? (
        <Stack gap="sm" data-testid="agreement-view">
          <DetailList>
            <Field label={t('mediation.outcome.concludedOn')}>{formatDate(a.concludedOn)}</Field>
            <Field label={t('mediation.outcome.custody')}>{t(`mediation.custody.${a.custody}`)}</Field>
            <Field label={t('mediation.outcome.children')}>{p.children.filter((c) => a.childPersonIds.includes(c.personId)).map((c) => `${c.firstName} ${c.lastName}`).join(', ')}</Field>
          </DetailList>
          <TextBlock label={t('mediation.outcome.summary')} value={a.summary} />
          {d ? (
            <Alert color={d.status === 'failed' ? 'red' : d.status === 'delivered' ? 'green' : 'blue'} title={t('mediation.register.toRegister')} data-testid="agreement-delivery">
              <Group gap="xs" wrap="wrap">
                <DeliveryBadge status={d.status} />
                {d.registerReference && <Text size="sm">{t('mediation.register.reference', { reference: d.registerReference })}</Text>}
                {d.deliveredAt && <Text size="sm">{formatDateTime(d.deliveredAt)}</Text>}
                <Text size="sm" c="dimmed">{t('mediation.register.attempts', { count: d.attempts })}</Text>
              </Group>
              {d.lastError && <Text size="sm" mt={4}>{t('mediation.register.lastError', { error: d.lastError })}</Text>}
            </Alert>
          ) : a.custody === 'unchanged' ? (
            <Text size="sm" c="dimmed">{t('mediation.register.notNeeded')}</Text>
          ) : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">{t('mediation.outcome.none')}</Text>
      )}
    </Section>
  );
}
