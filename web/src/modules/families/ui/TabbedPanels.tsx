import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';

export interface Panel {
  id: string;
  label: string;
  content: ReactNode;
}

/** The open tab lives in `?tab=` so reload and back keep it. */
export function useTabParam(ids: readonly string[], fallback: string): [string, (tab: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('tab') ?? '';
  const tab = ids.includes(value) ? value : fallback;
  const setTab = (next: string) => {
    const copy = new URLSearchParams(params);
    if (next === fallback) copy.delete('tab');
    else copy.set('tab', next);
    setParams(copy, { replace: true });
  };
  return [tab, setTab];
}

/** Tabs in one row that scrolls sideways on a narrow phone; testids `<prefix>-tab-<id>`. */
export function TabbedPanels({ panels, tab, onTab, testId }: { panels: Panel[]; tab: string; onTab: (tab: string) => void; testId: string }) {
  return (
    <Tabs value={tab} onChange={(v) => v && onTab(v)} keepMounted={false} data-testid={`${testId}-tabs`}>
      <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
        {panels.map((p) => (
          <Tabs.Tab key={p.id} value={p.id} data-testid={`${testId}-tab-${p.id}`} mih={44} px="sm" style={{ flexShrink: 0 }}>
            {p.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {panels.map((p) => <Tabs.Panel key={p.id} value={p.id}>{p.content}</Tabs.Panel>)}
    </Tabs>
  );
}
