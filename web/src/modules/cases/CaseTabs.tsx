import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseDocuments } from './CaseDocuments';
import { CaseFacts } from './CaseFacts';
import { CaseSectionForm } from './CaseSectionForm';
import { CaseTimeline } from './CaseTimeline';
import { OpenLinkedButton } from './LinkedCase';
import { RvPanel } from './RvPanel';
import { sectionsOf, TABS, type CaseTab } from './sections';
import type { CasePermissions } from './workflow';
import type { CaseDetail } from './types';

interface Props {
  c: CaseDetail;
  tab: CaseTab;
  onTab: (tab: CaseTab) => void;
  can: CasePermissions;
  missing: readonly string[];
  activitySaved: boolean;
  onReload: () => Promise<CaseDetail | undefined>;
}

/** Overview (application), SKA work, timeline and documents. */
export function CaseTabs({ c, tab, onTab, can, missing, activitySaved, onReload }: Props) {
  const { t } = useTranslation();
  const sections = sectionsOf(c);
  const forms = (which: CaseTab) =>
    sections.filter((s) => s.tab === which).map((s) => (
      <CaseSectionForm key={`${c.id}-${s.id}`} id={s.id} c={c} fields={s.fields} missing={missing} onReload={onReload} />
    ));
  return (
    <Tabs value={tab} onChange={(v) => v && onTab(v as CaseTab)} keepMounted={false} data-testid="case-tabs">
      {/* One row that scrolls sideways on a narrow phone rather than wrapping. */}
      <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
        {TABS.map((id) => (
          <Tabs.Tab key={id} value={id} data-testid={`case-tab-${id}`} mih={44} px="sm" style={{ flexShrink: 0 }}>
            {t(`cases.tabs.${id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="overview">
        <Stack gap="lg">
          <CaseFacts c={c} />
          {can.openLinked && <OpenLinkedButton c={c} />}
          {forms('overview')}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="work">
        <Stack gap="lg">
          {c.type === 'rv' && <RvPanel c={c} canAdd={can.addRisk} missing={missing} />}
          {forms('work')}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="timeline">
        <CaseTimeline caseId={c.id} justSaved={activitySaved} />
      </Tabs.Panel>
      <Tabs.Panel value="documents">
        <CaseDocuments c={c} canUpload={can.upload} />
      </Tabs.Panel>
    </Tabs>
  );
}
