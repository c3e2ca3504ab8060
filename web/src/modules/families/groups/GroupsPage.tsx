import { Alert, Badge, Button, Card, Code, CopyButton, Group as Row, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { ConfirmButton } from '../../../platform/components/ConfirmButton';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { useUrlFilters } from '../../../platform/components/useUrlFilters';
import { formatDate } from '../../../platform/format';
import { useProviders } from '../queries';
import { ActionDialog } from '../ui/ActionDialog';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { createPlan, submitPlan, useGroupWrite, useGroups, usePlans, useQuarterCounts } from './api';
import { addMonth, firstOpenPlanMonth, monthLabel, monthOptions, quarterOf, thisMonth } from './format';
import { GroupForm } from './GroupForm';
import { GroupsTable } from './GroupsTable';
import { DeadlineBadge } from './GroupStatusBadge';
import type { Plan } from './types';

const KEYS = ['month', 'providerId', 'status'] as const;

function MonthSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Select label={t('groups.month')} data={monthOptions(i18n.language, 12, 3)} value={value} onChange={(v) => v && onChange(v)} allowDeselect={false}
      w={220} data-testid="groups-month" />
  );
}

/** B-GRP-4: per provider in a quarter — planned, approved, held, paid of 12, over the cap, below the minimum of 1. */
function QuarterCounts({ quarter }: { quarter: string }) {
  const { t } = useTranslation();
  const counts = useQuarterCounts(quarter);
  if (counts.isPending) return <InlineLoader />;
  if (counts.error) return <ErrorAlert error={counts.error} />;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('groups.quarter.title', { quarter })}</Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="groups-quarter">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('groups.fields.provider')}</Table.Th>
              <Table.Th>{t('groups.quarter.planned')}</Table.Th>
              <Table.Th>{t('groups.quarter.approved')}</Table.Th>
              <Table.Th>{t('groups.quarter.held')}</Table.Th>
              <Table.Th>{t('groups.quarter.paid')}</Table.Th>
              <Table.Th>{t('groups.quarter.notPaid')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counts.data.map((c) => (
              <Table.Tr key={c.provider.id} data-testid="groups-quarter-row">
                <Table.Td>{c.provider.name}</Table.Td>
                <Table.Td>{c.planned}</Table.Td>
                <Table.Td>{c.approved}</Table.Td>
                <Table.Td>
                  {c.held} {c.belowMinimum && <Badge color="red" variant="light" ml={4}>{t('groups.quarter.belowMinimum')}</Badge>}
                  {c.minimumAtRisk && <Badge color="orange" variant="light" ml={4}>{t('groups.quarter.minimumAtRisk')}</Badge>}
                </Table.Td>
                <Table.Td>{t('groups.quarter.paidOf', { paid: c.paid })}</Table.Td>
                <Table.Td>{t('groups.quarter.notPaidText', { overCap: c.overCap, notPayable: c.notPayable })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** §2.8.2.2: the snippet a provider puts on its website; the widget lists approved upcoming groups. */
function EmbedSnippet({ providerId }: { providerId: string }) {
  const { t, i18n } = useTranslation();
  const url = `${window.location.origin}/api/public/support-groups/widget?providerId=${providerId}&lang=${i18n.language}`;
  const snippet = `<iframe src="${url}" title="${t('groups.embed.iframeTitle')}" style="width:100%;min-height:480px;border:0" loading="lazy"></iframe>`;
  return (
    <Card withBorder data-testid="groups-embed">
      <Stack gap="xs">
        <Title order={2} size="h4">{t('groups.embed.title')}</Title>
        <Text size="sm">{t('groups.embed.intro')}</Text>
        <Code block tabIndex={0} role="region" aria-label={t('groups.embed.title')}>{snippet}</Code>
        <Row gap="sm">
          <CopyButton value={snippet}>
            {({ copied, copy }) => <Button variant="default" size="xs" onClick={copy} data-testid="groups-embed-copy">{copied ? t('groups.embed.copied') : t('groups.embed.copy')}</Button>}
          </CopyButton>
          <Button component="a" href={url} target="_blank" rel="noopener" variant="subtle" size="xs">{t('groups.embed.preview')}</Button>
        </Row>
      </Stack>
    </Card>
  );
}

function SubmitButton({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const mutation = useGroupWrite((_: null) => submitPlan(plan.id, { version: plan.version }));
  const active = plan.groups.filter((g) => g.status !== 'cancelled').length;
  return (
    <Stack gap="xs">
      <ConfirmButton label={t('groups.plan.submit')} confirmTitle={t('groups.plan.submitTitle')} confirmText={t('groups.plan.submitText', { count: active, deadline: formatDate(plan.deadline) })}
        onConfirm={() => mutation.mutate(null)} leftSection={<IconSend size={16} aria-hidden />} loading={mutation.isPending} disabled={active === 0} testId="plan-submit" />
      {mutation.error ? <RuleErrorAlert error={mutation.error} testId="plan-submit-error" /> : null}
    </Stack>
  );
}

function ProviderPlan({ month }: { month: string }) {
  const { t, i18n } = useTranslation();
  const plans = usePlans(month);
  const create = useGroupWrite((_: null) => createPlan(month));
  if (plans.isPending) return <InlineLoader />;
  if (plans.error) return <ErrorAlert error={plans.error} />;
  const plan = plans.data[0];
  if (!plan) {
    return (
      <Card withBorder data-testid="plan-missing">
        <Stack gap="sm" align="flex-start">
          <Text>{t('groups.plan.none', { month: monthLabel(month, i18n.language) })}</Text>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => create.mutate(null)} loading={create.isPending} data-testid="plan-create">{t('groups.plan.create')}</Button>
          {create.error ? <RuleErrorAlert error={create.error} testId="plan-create-error" /> : null}
        </Stack>
      </Card>
    );
  }
  const open = plan.deadlineState !== 'late';
  return (
    <Stack gap="md" data-testid="plan">
      <Row justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2} size="h3">{t('groups.plan.title', { month: monthLabel(month, i18n.language) })}</Title>
          <Row gap="xs">
            <Text size="sm">{t('groups.plan.deadline', { deadline: formatDate(plan.deadline) })}</Text>
            <DeadlineBadge state={plan.deadlineState} daysLeft={plan.daysLeft} deadline={formatDate(plan.deadline)} submitted={plan.status === 'submitted'} />
          </Row>
          {plan.submittedOn && <Text size="sm" c="dimmed">{t('groups.plan.submittedOn', { date: formatDate(plan.submittedOn) })}</Text>}
        </Stack>
        <Row gap="sm">
          {open && (
            <ActionDialog label={t('groups.form.add')} title={t('groups.form.addTitle')} icon={<IconPlus size={16} aria-hidden />} variant="default" testId="group-add">
              {(close) => <GroupForm planId={plan.id} month={month} close={close} />}
            </ActionDialog>
          )}
          {open && plan.status === 'draft' && <SubmitButton plan={plan} />}
        </Row>
      </Row>
      {!open && plan.status === 'draft' && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} data-testid="plan-late">{t('groups.plan.lateText', { deadline: formatDate(plan.deadline) })}</Alert>
      )}
      <GroupsTable items={plan.groups} mode={{ canEdit: true, canRecord: true, canDecide: false, showProvider: false }} planOpen={open} />
    </Stack>
  );
}

function SkaReview({ month, filters, setFilter }: { month: string; filters: Record<(typeof KEYS)[number], string>; setFilter: (k: (typeof KEYS)[number], v: string | null) => void }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const providers = useProviders();
  const groups = useGroups({ month, providerId: filters.providerId || undefined, status: filters.status || undefined });
  const statuses = ['planned', 'approved', 'rejected', 'held', 'cancelled'].map((s) => ({ value: s, label: t(`groups.status.${s}`) }));
  return (
    <Stack gap="md">
      <Row gap="md" align="flex-end" wrap="wrap">
        <Select label={t('groups.fields.provider')} data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={filters.providerId || null}
          onChange={(v) => setFilter('providerId', v)} clearable placeholder={t('common.all')} clearButtonProps={{ 'aria-label': t('common.clear') }} w={260} data-testid="groups-provider" />
        <Select label={t('groups.fields.status')} data={statuses} value={filters.status || null} onChange={(v) => setFilter('status', v)} clearable placeholder={t('common.all')}
          clearButtonProps={{ 'aria-label': t('common.clear') }} w={200} data-testid="groups-status" />
      </Row>
      {groups.isPending ? <InlineLoader /> : groups.error ? <ErrorAlert error={groups.error} /> : (
        <GroupsTable items={groups.data} mode={{ canEdit: false, canRecord: false, canDecide: role === 'ska_contact', showProvider: true }} />
      )}
    </Stack>
  );
}

function LeaderGroups({ month }: { month: string }) {
  const groups = useGroups({ month });
  if (groups.isPending) return <InlineLoader />;
  if (groups.error) return <ErrorAlert error={groups.error} />;
  return <GroupsTable items={groups.data} mode={{ canEdit: false, canRecord: true, canDecide: false, showProvider: false }} />;
}

/** /families/groups — support groups (B-GRP-1..5): the provider's monthly plan and attendance, SKA's review and quarterly counts, a leader's own groups. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [filters, setFilter] = useUrlFilters(KEYS);
  const provider = user.role === 'provider_admin';
  const month = /^\d{4}-\d{2}$/.test(filters.month) ? filters.month : provider ? firstOpenPlanMonth() : thisMonth();
  return (
    <>
      <PageHeader title={t('groups.title')} description={t(`groups.intro.${user.role}`, { defaultValue: '' }) || undefined} />
      <Stack gap="lg">
        <Row gap="sm" align="flex-end">
          <MonthSelect value={month} onChange={(v) => setFilter('month', v)} />
          <Button variant="subtle" onClick={() => setFilter('month', addMonth(month, -1))} data-testid="groups-month-prev">{t('groups.previousMonth')}</Button>
          <Button variant="subtle" onClick={() => setFilter('month', addMonth(month, 1))} data-testid="groups-month-next">{t('groups.nextMonth')}</Button>
        </Row>
        {provider && <ProviderPlan month={month} />}
        {(user.role === 'ska_contact' || user.role === 'ska_manager') && <SkaReview month={month} filters={filters} setFilter={setFilter} />}
        {user.role === 'provider_specialist' && <LeaderGroups month={month} />}
        {user.role !== 'provider_specialist' && <QuarterCounts quarter={quarterOf(month)} />}
        {provider && <EmbedSnippet providerId={user.organisation.id} />}
      </Stack>
    </>
  );
}
