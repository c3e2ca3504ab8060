import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayInTallinn } from '../../../platform/format';
import type { Specialist, SupportKind } from '../types';

interface Props {
  items: Specialist[];
  kind: SupportKind;
  language: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  testId: string;
  exceptId?: string | null;
  label?: string;
}

/** Why a specialist cannot take this family (§2.8.6 approval, role, §2.8.9 language); conflicts of interest are the server's to check. */
export function unsuitable(s: Specialist, kind: SupportKind, language: string, today = todayInTallinn()): 'notApproved' | 'role' | 'language' | null {
  if (!s.skaApprovedOn || s.skaApprovedOn > today) return 'notApproved';
  if (!s.roles.includes(kind === 'mentoring' ? 'mentor' : 'family_supporter')) return 'role';
  if (!(s.languages as string[]).includes(language)) return 'language';
  return null;
}

/** The provider's specialists, the unsuitable ones shown but not choosable, with their current caseload. */
export function SpecialistSelect({ items, kind, language, value, onChange, error, testId, exceptId, label }: Props) {
  const { t } = useTranslation();
  const data = items
    .filter((s) => s.active && s.id !== exceptId)
    .map((s) => {
      const problem = unsuitable(s, kind, language);
      const load = t('families.specialists.families', { count: s.runningEpisodes });
      return { value: s.id, label: problem ? `${s.name} — ${t(`families.specialists.unsuitable.${problem}`)}` : `${s.name} (${load})`, disabled: Boolean(problem) };
    })
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));
  return (
    <Select label={label ?? t('families.fields.specialist')} description={t('families.specialists.selectHint')} data={data} value={value || null}
      onChange={(v) => onChange(v ?? '')} error={error} withAsterisk searchable nothingFoundMessage={t('common.nothingFound')} data-testid={testId} />
  );
}
