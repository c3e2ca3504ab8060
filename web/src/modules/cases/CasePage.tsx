import { useState } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api/errors';
import { useSession } from '../../platform/auth/useSession';
import { AccessHistory } from '../../platform/components/AccessHistory';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../platform/components/NotFoundPage';
import { ActivityAddButton } from './ActivityAddButton';
import { caseKeys, fetchCase } from './api';
import { CaseSavesContext, useCaseSavesValue } from './case-cache';
import { fieldId } from './case-fields';
import { CaseHeader } from './CaseHeader';
import { CaseTabs } from './CaseTabs';
import { CaseWorkflow } from './CaseWorkflow';
import { ReassignButton } from './ReassignButton';
import { TABS, tabOfField, type CaseTab } from './sections';
import { TransitionActions } from './TransitionActions';
import { permissions } from './workflow';
import type { CaseDetail } from './types';

/** Focuses a field once its tab has rendered. */
function focusField(name: string) {
  const id = name === 'riskAssessments' || name === 'assessedOn' ? 'case-risk-form' : fieldId(name);
  window.setTimeout(() => {
    const el = document.getElementById(id);
    const target = el?.matches('input, textarea, button') ? el : el?.querySelector<HTMLElement>('input, textarea, button');
    target?.focus();
    el?.scrollIntoView({ block: 'center' });
  }, 80);
}

function useTab(): [CaseTab, (tab: CaseTab) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('tab');
  const tab = (TABS as readonly string[]).includes(value ?? '') ? (value as CaseTab) : 'overview';
  const setTab = (next: CaseTab) => setParams(next === 'overview' ? {} : { tab: next }, { replace: true });
  return [tab, setTab];
}

function CaseView({ c, onReload }: { c: CaseDetail; onReload: () => Promise<CaseDetail | undefined> }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const [tab, setTab] = useTab();
  const [missing, setMissing] = useState<string[]>([]);
  const [activitySaved, setActivitySaved] = useState(false);
  const can = permissions(role, c);
  const goTo = (field: string) => {
    setMissing((m) => (m.includes(field) ? m : [...m, field]));
    setTab(tabOfField(c, field));
    focusField(field);
  };
  const actions = (
    <>
      {can.addActivity && <ActivityAddButton c={c} onSaved={() => { setActivitySaved(true); setTab('timeline'); }} />}
      {can.reassign && <ReassignButton c={c} onReload={() => void onReload()} />}
    </>
  );
  return (
    <>
      <CaseHeader c={c} actions={actions} />
      <Stack gap="lg">
        {created && <Alert color="green" role="status" data-testid="case-created">{t('cases.created', { reference: c.reference })}</Alert>}
        <CaseWorkflow c={c}>
          {can.transition && <TransitionActions c={c} onMissing={setMissing} onGoTo={goTo} onReload={() => void onReload()} />}
        </CaseWorkflow>
        <CaseTabs c={c} tab={tab} onTab={setTab} can={can} missing={missing} activitySaved={activitySaved} onReload={onReload} />
        <AccessHistory recordType="case" recordId={c.id} />
      </Stack>
    </>
  );
}

/** /cases/:id — one case: header, workflow, tabs, who accessed it. */
export function CasePage() {
  const id = useParams().id ?? '';
  const saves = useCaseSavesValue(id);
  const query = useQuery({ queryKey: caseKeys.one(id), queryFn: ({ signal }) => fetchCase(id, signal) });
  const reload = async () => (await query.refetch()).data;
  if (query.isPending) return <InlineLoader />;
  if (!query.data) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
    return missing ? <NotFoundPage /> : <ErrorAlert error={query.error} />;
  }
  return (
    <CaseSavesContext.Provider value={saves}>
      <CaseView key={id} c={query.data} onReload={reload} />
    </CaseSavesContext.Provider>
  );
}
