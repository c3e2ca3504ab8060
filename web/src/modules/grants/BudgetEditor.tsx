import { ActionIcon, Alert, Badge, Button, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { useBudgetCheck } from './api';
import { centsToInput, euros, parseEuros } from './format';
import type { BudgetLine, Evaluation, LineInput, MeasureDef, PerepesaActivity } from './types';

/** A budget line as typed: money as text until it parses. */
export interface EditorLine {
  key: string;
  costType: string;
  projectYear: number;
  description: string;
  ftePercent: number | null;
  months: number | null;
  gross: string;
  employer: string;
  amount: string;
}

let nextKey = 0;
export const newKey = () => `line-${nextKey++}`;

export function fromLine(l: BudgetLine): EditorLine {
  return { key: newKey(), costType: l.costType, projectYear: l.projectYear, description: l.description, ftePercent: l.ftePercent, months: l.months, gross: centsToInput(l.grossMonthlyCents), employer: centsToInput(l.employerMonthlyCents), amount: centsToInput(l.amountCents) };
}

export function toLineInput(l: EditorLine, measure: MeasureDef): LineInput {
  const staff = Boolean(measure.costTypes.find((c) => c.key === l.costType)?.staff);
  return staff
    ? { costType: l.costType, projectYear: l.projectYear, description: l.description, ftePercent: l.ftePercent, months: l.months, grossMonthlyCents: parseEuros(l.gross), employerMonthlyCents: parseEuros(l.employer) }
    : { costType: l.costType, projectYear: l.projectYear, description: l.description, amountCents: parseEuros(l.amount) };
}

const moneyError = (text: string, t: (k: string) => string) => (text.trim() && parseEuros(text) === null ? t('grants.budget.badAmount') : undefined);

function LimitsPanel({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" data-testid="budget-limits" data-ok={evaluation.ok}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">{t('grants.budget.limits')}</Title>
        <Badge color={evaluation.ok ? 'green' : 'red'} variant="light" data-testid="budget-verdict">{evaluation.ok ? t('grants.budget.withinLimits') : t('grants.budget.overLimits')}</Badge>
      </Group>
      <List spacing={6} size="sm" center>
        {evaluation.limits.map((l) => (
          <List.Item key={l.key} data-testid="budget-limit" data-key={l.key} data-ok={l.ok}
            icon={<ThemeIcon color={l.ok ? 'green' : 'red'} size={20} radius="xl" aria-hidden>{l.ok ? <IconCheck size={14} /> : <IconX size={14} />}</ThemeIcon>}>
            <span className="visually-hidden-caption">{l.ok ? t('grants.budget.ok') : t('grants.budget.notOk')}: </span>{l.message}
          </List.Item>
        ))}
      </List>
      {evaluation.problems.filter((p) => p.line === undefined).length > 0 && (
        <Alert color="red" mt="sm" role="status" data-testid="budget-problems">
          <List size="sm">{evaluation.problems.filter((p) => p.line === undefined).map((p, i) => <List.Item key={`${p.code}-${i}`} data-code={p.code}>{p.message}</List.Item>)}</List>
        </Alert>
      )}
    </Paper>
  );
}

function Totals({ evaluation, measure }: { evaluation: Evaluation; measure: MeasureDef }) {
  const { t } = useTranslation();
  const tot = evaluation.totals;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="budget-totals">
      {measure.key === 'signs_of_safety' && <Figure label={t('grants.budget.model')} value={euros(tot.modelCents)} testId="total-model" />}
      {measure.key === 'signs_of_safety' && <Figure label={t('grants.budget.additional')} value={euros(tot.additionalCents)} testId="total-additional" />}
      {tot.byYear.map((c, i) => <Figure key={i} label={t('grants.budget.yearTotal', { year: i + 1 })} value={euros(c)} testId={`total-year-${i + 1}`} />)}
      <Figure label={t('grants.budget.total')} value={euros(tot.totalCents)} testId="total-all" strong />
    </SimpleGrid>
  );
}

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={strong ? 800 : 600} data-testid={testId}>{value}</Text>
    </div>
  );
}

/** The evaluation of saved lines (read-only views) or the live one (editor). */
export function BudgetSummary({ evaluation, measure }: { evaluation: Evaluation; measure: MeasureDef }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {evaluation.period && (
        <Text size="sm" data-testid="budget-period">
          {t('grants.budget.period', { start: formatDate(evaluation.period.start), end: formatDate(evaluation.period.end), months: evaluation.period.months })}
          {evaluation.period.shortened ? ` ${t('grants.budget.shortened', { date: formatDate(measure.latestEnd ?? '') })}` : ''}
        </Text>
      )}
      <Totals evaluation={evaluation} measure={measure} />
      <LimitsPanel evaluation={evaluation} />
    </Stack>
  );
}

/** Read-only budget lines as a table. */
export function BudgetTable({ lines, measure }: { lines: BudgetLine[]; measure: MeasureDef }) {
  const { t } = useTranslation();
  const isStaff = (k: string) => Boolean(measure.costTypes.find((c) => c.key === k)?.staff);
  return (
    <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('grants.budget.title')}>
      <Table striped data-testid="budget-table">
        <caption className="visually-hidden-caption">{t('grants.budget.title')}</caption>
        <Table.Thead><Table.Tr>
          <Table.Th scope="col">{t('grants.budget.costType')}</Table.Th><Table.Th scope="col">{t('grants.budget.year')}</Table.Th><Table.Th scope="col">{t('grants.budget.description')}</Table.Th>
          <Table.Th scope="col">{t('grants.budget.staffDetails')}</Table.Th><Table.Th scope="col" ta="right">{t('grants.budget.amount')}</Table.Th>
        </Table.Tr></Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>{t(`grants.costType.${l.costType}`)}</Table.Td>
              <Table.Td>{l.projectYear}</Table.Td>
              <Table.Td>{l.description}</Table.Td>
              <Table.Td>{isStaff(l.costType) ? t('grants.budget.staffLine', { fte: l.ftePercent, months: l.months, gross: euros(l.grossMonthlyCents), employer: euros(l.employerMonthlyCents) }) : ''}</Table.Td>
              <Table.Td ta="right" className="nowrap">{euros(l.amountCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface EditorProps {
  roundId: string;
  measure: MeasureDef;
  activity: PerepesaActivity | null;
  plannedStart: string | null;
  lines: EditorLine[];
  onChange: (lines: EditorLine[]) => void;
}

/**
 * D-SOS / D-PESA live budget editor: lines by cost type and project year (staff lines by FTE,
 * months, gross and employer's cost a month); every limit is evaluated by the server as you type.
 */
export function BudgetEditor({ roundId, measure, activity, plannedStart, lines, onChange }: EditorProps) {
  const { t } = useTranslation();
  const inputs = lines.map((l) => toLineInput(l, measure));
  const [debounced] = useDebouncedValue({ activity, plannedStart, lines: inputs }, 300);
  const check = useBudgetCheck(roundId, debounced, true);
  const years = Math.ceil(measure.projectMonths / 12);
  const types = measure.costTypes.filter((c) => !c.activities || !activity || c.activities.includes(activity));
  const typeOptions = [...new Set(types.map((c) => c.part))].map((part) => ({ group: t(`grants.part.${part}`), items: types.filter((c) => c.part === part).map((c) => ({ value: c.key, label: t(`grants.costType.${c.key}`) })) }));
  const set = (i: number, patch: Partial<EditorLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const isStaff = (k: string) => Boolean(measure.costTypes.find((c) => c.key === k)?.staff);
  const lineProblems = (i: number) => check.data?.problems.filter((p) => p.line === i) ?? [];
  const computed = check.data?.lines;
  return (
    <Stack gap="md" data-testid="budget-editor">
      <Text size="sm" c="dimmed">{t(`grants.budget.help.${measure.key}`)}</Text>
      {lines.map((l, i) => (
        <Paper key={l.key} withBorder p="sm" radius="md" data-testid="budget-line" component="fieldset" style={{ margin: 0 }}>
          <legend className="visually-hidden-caption">{t('grants.budget.lineN', { n: i + 1 })}</legend>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <Select label={t('grants.budget.costType')} w={260} data={typeOptions}
              value={l.costType} onChange={(v) => v && set(i, { costType: v })} allowDeselect={false} data-testid="line-cost-type" />
            <Select label={t('grants.budget.year')} w={80} data={Array.from({ length: years }, (_, y) => String(y + 1))} value={String(l.projectYear)}
              onChange={(v) => v && set(i, { projectYear: Number(v) })} allowDeselect={false} data-testid="line-year" />
            <TextInput label={t('grants.budget.description')} w={200} value={l.description} maxLength={500} onChange={(e) => set(i, { description: e.currentTarget.value })} data-testid="line-description" />
            {isStaff(l.costType) ? (
              <>
                <NumberInput label={t('grants.budget.fte')} w={90} min={1} max={100} suffix=" %" value={l.ftePercent ?? ''} onChange={(v) => set(i, { ftePercent: typeof v === 'number' ? v : null })} data-testid="line-fte" />
                <NumberInput label={t('grants.budget.months')} w={80} min={1} max={12} value={l.months ?? ''} onChange={(v) => set(i, { months: typeof v === 'number' ? v : null })} data-testid="line-months" />
                <TextInput label={t('grants.budget.gross')} w={140} inputMode="decimal" value={l.gross} onChange={(e) => set(i, { gross: e.currentTarget.value })} error={moneyError(l.gross, t)} data-testid="line-gross" />
                <TextInput label={t('grants.budget.employer')} w={140} inputMode="decimal" value={l.employer} onChange={(e) => set(i, { employer: e.currentTarget.value })} error={moneyError(l.employer, t)} data-testid="line-employer" />
              </>
            ) : (
              <TextInput label={t('grants.budget.amountEur')} w={140} inputMode="decimal" value={l.amount} onChange={(e) => set(i, { amount: e.currentTarget.value })} error={moneyError(l.amount, t)} data-testid="line-amount" />
            )}
            <div>
              <Text size="sm" fw={500}>{t('grants.budget.amount')}</Text>
              <Text fw={700} mt={8} data-testid="line-total">{euros(computed?.[i]?.amountCents ?? null)}</Text>
            </div>
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('grants.budget.remove', { n: i + 1 })} onClick={() => onChange(lines.filter((_, j) => j !== i))} data-testid="line-remove">
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
          {lineProblems(i).map((p, k) => <Text key={k} size="sm" c="red.8" mt={4} role="status" data-testid="line-problem" data-code={p.code}>{p.message}</Text>)}
        </Paper>
      ))}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} data-testid="budget-add-line"
          onClick={() => onChange([...lines, { key: newKey(), costType: types[0]!.key, projectYear: 1, description: '', ftePercent: 100, months: 12, gross: '', employer: '', amount: '' }])}>
          {t('grants.budget.addLine')}
        </Button>
      </Group>
      {check.data && <BudgetSummary evaluation={check.data} measure={measure} />}
    </Stack>
  );
}
