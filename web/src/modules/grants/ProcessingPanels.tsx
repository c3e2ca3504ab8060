import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileButton, Group, List, Paper, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconCheck, IconFileCertificate, IconSignature, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { formatDate, formatDateTime } from '../../platform/format';
import { checkCondition, decideEligibility, decideFunding, sendContract, signContract, useApplicationWrite, useRanking } from './api';
import { centsToInput, euros, parseEuros } from './format';
import { ProblemsAlert } from './ui';
import type { Application } from './types';

/** D-GRANT-3: the officer's checklist of the measure's conditions (read-only for the KOV and after the eligibility decision). */
export function ChecklistPanel({ app, editable }: { app: Application; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="checklist-title" data-testid="checklist">
      <Title order={2} size="h4" id="checklist-title" mb="sm">{t('grants.checklist.title')}</Title>
      <Stack gap="md">
        {app.conditions.map((c) => <ConditionRow key={c.key} app={app} condition={c} editable={editable} />)}
      </Stack>
      {editable && <EligibilityForm app={app} />}
    </Paper>
  );
}

function ConditionRow({ app, condition, editable }: { app: Application; condition: Application['conditions'][number]; editable: boolean }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(condition.check?.note ?? '');
  const write = useApplicationWrite(app.id, (met: boolean) => checkCondition(app.id, condition.key, { met, note: note.trim() || null }));
  const hint = conditionHint(app, condition.key, t);
  return (
    <div data-testid="condition" data-condition={condition.key} data-met={condition.check ? String(condition.check.met) : 'unchecked'}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{t(`grants.condition.${condition.key}`)}</Text>
        {condition.check ? (
          <Badge color={condition.check.met ? 'green' : 'red'} variant="light" leftSection={condition.check.met ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}>
            {condition.check.met ? t('grants.checklist.met') : t('grants.checklist.notMet')}
          </Badge>
        ) : <Badge color="gray" variant="outline">{t('grants.checklist.unchecked')}</Badge>}
      </Group>
      <Text size="xs" c="dimmed">{condition.source}</Text>
      {hint && <Text size="sm" mt={2}>{hint}</Text>}
      {condition.check && (
        <Text size="xs" c="dimmed" mt={2}>{formatDateTime(condition.check.checkedAt)}{condition.check.checkedBy ? ` · ${condition.check.checkedBy}` : ''}{condition.check.note ? ` — ${condition.check.note}` : ''}</Text>
      )}
      {editable && (
        <Group gap="xs" mt={6} align="flex-end" wrap="wrap">
          <TextInput size="xs" w={320} label={t('grants.checklist.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={4000} data-testid="condition-note" />
          <Button size="xs" color="green" variant="light" onClick={() => write.mutate(true)} loading={write.isPending} data-testid="condition-met">{t('grants.checklist.markMet')}</Button>
          <Button size="xs" color="red" variant="light" onClick={() => write.mutate(false)} loading={write.isPending} data-testid="condition-not-met">{t('grants.checklist.markNotMet')}</Button>
        </Group>
      )}
      <ProblemsAlert error={write.error} testId="condition-error" />
    </div>
  );
}

/** What Tugi already knows about a condition, to help the officer. */
function conditionHint(app: Application, key: string, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  if (key === 'signed_application') {
    const f = app.files.find((x) => x.kind === 'signed_application');
    return f ? t('grants.checklist.hintSigned', { names: f.signers?.map((s) => s.signerName ?? '?').join(', ') ?? '—' }) : t('grants.checklist.hintNoSigned');
  }
  if (key === 'budget_documents' || key === 'eligible_costs') return app.evaluation.ok ? t('grants.checklist.hintBudgetOk') : t('grants.checklist.hintBudgetNotOk');
  const evidence = app.files.filter((f) => f.kind === 'evidence' && f.conditionKey === key);
  if (app.conditions.find((c) => c.key === key)?.evidence) return evidence.length ? t('grants.checklist.hintEvidence', { files: evidence.map((f) => f.filename).join(', ') }) : t('grants.checklist.hintNoEvidence');
  return null;
}

function EligibilityForm({ app }: { app: Application }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const write = useApplicationWrite(app.id, (eligible: boolean) => decideEligibility(app.id, { version: app.version, eligible, reason: reason.trim() || null }));
  return (
    <Stack gap="xs" mt="lg" data-testid="eligibility">
      <Title order={3} size="h5">{t('grants.checklist.decide')}</Title>
      <Textarea label={t('grants.checklist.reason')} description={t('grants.checklist.reasonHelp')} autosize minRows={2} maxLength={4000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="eligibility-reason" />
      <Group>
        <Button color="green" onClick={() => write.mutate(true)} loading={write.isPending} data-testid="eligibility-eligible">{t('grants.checklist.eligible')}</Button>
        <Button color="red" variant="light" onClick={() => write.mutate(false)} loading={write.isPending} data-testid="eligibility-reject">{t('grants.checklist.reject')}</Button>
      </Group>
      <ProblemsAlert error={write.error} testId="eligibility-error" />
    </Stack>
  );
}

/** D-SOS-ORDER decision: the application's place in the ranking, explained, then grant (or partial funding with a note) or not fund. */
export function DecisionPanel({ app }: { app: Application }) {
  const { t } = useTranslation();
  const ranking = useRanking(app.roundId, true);
  const row = ranking.data?.rows.find((r) => r.application.id === app.id);
  const [outcome, setOutcome] = useState<'granted' | 'not_funded'>('granted');
  const [reason, setReason] = useState('');
  const [partial, setPartial] = useState(false);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const write = useApplicationWrite(app.id, () =>
    decideFunding(app.id, { version: app.version, outcome, reason: reason.trim(), grantedCents: outcome === 'granted' && partial ? parseEuros(amount) : null, partialFundingNote: outcome === 'granted' && partial ? note.trim() || null : null }),
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="decision-title" data-testid="decision">
      <Title order={2} size="h4" id="decision-title" mb="sm">{t('grants.decision.title')}</Title>
      {row && (
        <Alert color={row.fundable ? 'green' : 'orange'} mb="sm" title={row.fundable ? t('grants.decision.fundable') : t('grants.decision.notFundable')} data-testid="decision-ranking" data-fundable={row.fundable}>
          <List size="sm">{row.explanation.map((e, i) => <List.Item key={i}>{e.message}</List.Item>)}</List>
        </Alert>
      )}
      {ranking.data && !row && <Alert color="gray" mb="sm">{t('grants.decision.notRanked')}</Alert>}
      <Stack gap="sm">
        <SegmentedControl value={outcome} onChange={(v) => setOutcome(v as 'granted' | 'not_funded')} data={[{ value: 'granted', label: t('grants.decision.grant') }, { value: 'not_funded', label: t('grants.decision.notFund') }]} data-testid="decision-outcome" />
        {outcome === 'granted' && (
          <>
            <Checkbox label={t('grants.decision.partial')} checked={partial} onChange={(e) => { setPartial(e.currentTarget.checked); if (!amount && row?.partialPossibleCents) setAmount(centsToInput(row.partialPossibleCents)); }} data-testid="decision-partial" />
            {partial && (
              <Group grow align="flex-start">
                <TextInput label={t('grants.decision.amount')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} data-testid="decision-amount" />
                <TextInput label={t('grants.decision.partialNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={4000} data-testid="decision-partial-note" />
              </Group>
            )}
          </>
        )}
        <Textarea label={t('grants.decision.reason')} autosize minRows={2} maxLength={4000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk data-testid="decision-reason" />
        <ProblemsAlert error={write.error} testId="decision-error" />
        <Group><Button onClick={() => write.mutate(undefined)} loading={write.isPending} disabled={!reason.trim()} data-testid="decision-submit">{t('grants.decision.submit')}</Button></Group>
      </Stack>
    </Paper>
  );
}

/** D-CONTRACT: the officer sends the contract; the KOV signs it (a signed container) by the 10th working day. */
export function ContractPanel({ app, role }: { app: Application; role: 'ministry_officer' | 'kov_worker' }) {
  const { t } = useTranslation();
  const [start, setStart] = useState('');
  const send = useApplicationWrite(app.id, () => sendContract(app.id, { version: app.version, projectStart: start || null }));
  const sign = useApplicationWrite(app.id, (file: File) => signContract(app.id, file));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="contract-title" data-testid="contract">
      <Title order={2} size="h4" id="contract-title" mb="sm">{t('grants.contract.title')}</Title>
      {app.status === 'granted' && role === 'ministry_officer' && (
        <Stack gap="sm">
          <Text size="sm">{t('grants.contract.sendHelp')}</Text>
          <DateField label={t('grants.contract.projectStart')} description={t('grants.contract.projectStartHelp')} value={start} onChange={setStart} testId="contract-start" />
          <Group><Button leftSection={<IconFileCertificate size={18} aria-hidden />} onClick={() => send.mutate(undefined)} loading={send.isPending} data-testid="contract-send">{t('grants.contract.send')}</Button></Group>
        </Stack>
      )}
      {app.status === 'granted' && role === 'kov_worker' && <Text size="sm">{t('grants.contract.comingSoon')}</Text>}
      {app.status === 'contract_sent' && (
        <Stack gap="sm">
          <Alert color="orange" data-testid="contract-due">{t('grants.contract.due', { sent: formatDate(app.contractSentOn), due: formatDate(app.contractSignDueOn) })}</Alert>
          {role === 'kov_worker' && (
            <Group>
              <FileButton onChange={(f) => f && sign.mutate(f)} accept=".asice,.sce,.bdoc">
                {(props) => <Button {...props} leftSection={<IconSignature size={18} aria-hidden />} loading={sign.isPending} data-testid="contract-sign">{t('grants.contract.sign')}</Button>}
              </FileButton>
            </Group>
          )}
        </Stack>
      )}
      {app.status === 'contract_signed' && (
        <Text size="sm" data-testid="contract-signed">{t('grants.contract.signed', { on: formatDate(app.contractSignedOn), start: formatDate(app.projectStart), end: formatDate(app.projectEnd) })}</Text>
      )}
      {app.status === 'lapsed' && <Alert color="red" data-testid="contract-lapsed">{t('grants.contract.lapsed', { due: formatDate(app.contractSignDueOn), on: formatDate(app.contractLapsedOn) })}</Alert>}
      <ProblemsAlert error={send.error ?? sign.error} testId="contract-error" />
      {app.grantedCents !== null && <Text size="sm" mt="sm">{t('grants.contract.amount', { amount: euros(app.grantedCents) })}</Text>}
    </Paper>
  );
}
