import './i18n';
import { useState } from 'react';
import { Accordion, Alert, Button, Checkbox, Group, List, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconChartBar, IconCalendarMonth, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { ExportButtons } from '../../platform/components/ExportButtons';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { PageHeader } from '../../platform/components/PageHeader';
import { useUrlFilters } from '../../platform/components/useUrlFilters';
import { formatDate } from '../../platform/format';
import { PLANS_PATH, useImportBundled, usePlan, usePlans } from './api';
import { GanttChart } from './GanttChart';
import { MonthList } from './MonthList';
import { SubactivityDialog } from './SubactivityDialog';
import { IMPLEMENTERS, SUBACTIVITY_STATUSES, type PlanFilters } from './types';

const KEYS = ['year', 'view', 'implementer', 'activity', 'status', 'overdue', 'month'] as const;

/** /programme — D-PLAN: the programme plan as a Gantt chart by activity and implementer, what runs in a month, status and notes, export. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canEdit = user.role === 'ministry_officer';
  const [filters, setFilter] = useUrlFilters(KEYS);
  const [open, setOpen] = useState<string | null>(null);
  const plans = usePlans();
  const importBundled = useImportBundled();
  const years = plans.data?.items.map((p) => p.year) ?? [];
  const year = filters.year ? Number(filters.year) : (years[0] ?? null);
  const planFilters: PlanFilters = { implementer: filters.implementer || undefined, activity: filters.activity || undefined, status: filters.status || undefined, overdue: filters.overdue || undefined };
  const plan = usePlan(year, planFilters);
  const view = filters.view === 'month' ? 'month' : 'gantt';
  const missing = plans.data?.bundled.filter((b) => !b.imported) ?? [];
  return (
    <>
      <PageHeader
        title={plan.data ? t('programme.titleYear', { year: plan.data.plan.year }) : t('programme.title')}
        description={plan.data?.plan.title ?? t('programme.intro')}
        actions={year !== null && <ExportButtons listPath={`${PLANS_PATH}/${year}`} filters={{ ...planFilters, month: view === 'month' ? filters.month || undefined : undefined }} testIdPrefix="programme" />}
      />
      <ErrorAlert error={plans.error ?? importBundled.error} />
      {canEdit && missing.map((b) => (
        <Alert key={b.year} color="tedi" mb="md" title={t('programme.import.title', { year: b.year })}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('programme.import.text', { year: b.year })}</Text>
            <Button leftSection={<IconDownload size={18} aria-hidden />} loading={importBundled.isPending} onClick={() => importBundled.mutate(b.year)} data-testid={`programme-import-${b.year}`}>
              {t('programme.import.button', { year: b.year })}
            </Button>
          </Stack>
        </Alert>
      ))}
      {plans.data && years.length === 0 && <Text c="dimmed">{t('programme.noPlans')}</Text>}
      {year !== null && (
        <Group align="flex-end" gap="md" mb="md" wrap="wrap">
          {years.length > 1 && (
            <Select label={t('programme.filters.year')} data={years.map(String)} value={String(year)} onChange={(v) => setFilter('year', v)} allowDeselect={false} w={110} data-testid="programme-year" />
          )}
          <Select label={t('programme.filters.implementer')} data={[{ value: '', label: t('programme.filters.all') }, ...IMPLEMENTERS.map((i) => ({ value: i, label: t(`programme.implementer.${i}`) }))]}
            value={filters.implementer} onChange={(v) => setFilter('implementer', v)} w={260} data-testid="programme-implementer" />
          <Select label={t('programme.filters.activity')} data={[{ value: '', label: t('programme.filters.all') }, ...(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7'].map((c) => ({ value: c, label: c })))]}
            value={filters.activity} onChange={(v) => setFilter('activity', v)} w={140} data-testid="programme-activity" />
          <Select label={t('programme.filters.status')} data={[{ value: '', label: t('programme.filters.all') }, ...SUBACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`programme.status.${s}`) }))]}
            value={filters.status} onChange={(v) => setFilter('status', v)} w={180} data-testid="programme-status" />
          <Checkbox label={t('programme.filters.overdue')} checked={filters.overdue === 'true'} onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : null)} mb={8} data-testid="programme-overdue" />
        </Group>
      )}
      {plan.isPending && year !== null && <InlineLoader />}
      <ErrorAlert error={plan.error} />
      {plan.data && (
        <>
          <Text size="sm" mb="sm" data-testid="programme-counts">
            {t('programme.counts', { shown: plan.data.counts.shown, total: plan.data.counts.total, done: plan.data.counts.done, overdue: plan.data.counts.overdue })}
            {' · '}{t('programme.today', { date: formatDate(plan.data.today) })}
          </Text>
          <Tabs value={view} onChange={(v) => setFilter('view', v === 'month' ? 'month' : null)} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="gantt" leftSection={<IconChartBar size={18} aria-hidden />} data-testid="programme-tab-gantt">{t('programme.tabs.gantt')}</Tabs.Tab>
              <Tabs.Tab value="month" leftSection={<IconCalendarMonth size={18} aria-hidden />} data-testid="programme-tab-month">{t('programme.tabs.month')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="gantt">
              {plan.data.counts.shown === 0 ? <Text c="dimmed">{t('programme.noMatches')}</Text> : <GanttChart plan={plan.data} onOpen={setOpen} />}
            </Tabs.Panel>
            <Tabs.Panel value="month">
              <MonthList year={plan.data.plan.year} month={filters.month} onMonth={(m) => setFilter('month', m)} filters={planFilters} onOpen={setOpen} />
            </Tabs.Panel>
          </Tabs>
          <Accordion mt="lg" variant="contained">
            <Accordion.Item value="about">
              <Accordion.Control>{t('programme.about')}</Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" mb="xs">{plan.data.plan.source}</Text>
                <List size="sm">{plan.data.plan.notes.map((n) => <List.Item key={n}>{n}</List.Item>)}</List>
                <Text size="sm" mt="xs" c="dimmed">{t('programme.asterisk')}</Text>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </>
      )}
      <SubactivityDialog id={open} canEdit={canEdit} onClose={() => setOpen(null)} />
    </>
  );
}
