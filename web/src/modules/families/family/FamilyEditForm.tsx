import { useState, type FormEvent } from 'react';
import { Alert, Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../platform/auth/roles';
import { useSession } from '../../../platform/auth/useSession';
import { updateFamily } from '../api';
import { familyLanguageOptions, optText } from '../options';
import { FormActions } from '../ui/FormActions';
import { Section } from '../ui/Section';
import type { FamilyDetail, FamilyFields, FamilyLanguage } from '../types';
import { useFamilyWrite } from './family-write';

type Text = 'district' | 'address' | 'contactPhone' | 'contactEmail' | 'notes';
type Flag = 'assessed' | 'kovInvolvementConsent' | 'adoptionSecrecy' | 'crisisOrSpecialFoster' | 'inServiceOn20221031';
interface Values extends Record<Text, string>, Record<Flag, boolean> {
  language: FamilyLanguage;
}

const valuesOf = (f: FamilyDetail): Values => ({
  district: f.district ?? '',
  address: f.address ?? '',
  contactPhone: f.contactPhone ?? '',
  contactEmail: f.contactEmail ?? '',
  notes: f.notes ?? '',
  language: f.language as FamilyLanguage,
  assessed: f.assessed,
  kovInvolvementConsent: f.kovInvolvementConsent,
  adoptionSecrecy: f.adoptionSecrecy,
  crisisOrSpecialFoster: f.crisisOrSpecialFoster,
  inServiceOn20221031: f.inServiceOn20221031,
});

/** The fields each role may change (server families-service: KOV_FIELDS, the supporter's contact fields). */
function editable(role: Role, f: FamilyDetail): (keyof Values)[] {
  if (role === 'provider_specialist') return ['address', 'contactPhone', 'contactEmail', 'language'];
  const kov: (keyof Values)[] = ['language', 'assessed', 'address', 'contactPhone', 'contactEmail', 'notes', ...(f.district !== null || f.kov.name.startsWith('Tallinn') ? ['district' as const] : [])];
  if (role === 'kov_worker') return kov;
  const adoptive: (keyof Values)[] = f.type === 'lapsendaja' ? ['kovInvolvementConsent', 'adoptionSecrecy'] : [];
  return [...kov, ...adoptive, 'crisisOrSpecialFoster', 'inServiceOn20221031'];
}

function changesOf(v: Values, f: FamilyDetail, fields: (keyof Values)[]): FamilyFields {
  const saved = valuesOf(f);
  const out: Record<string, unknown> = {};
  for (const k of fields) {
    if (v[k] === saved[k]) continue;
    out[k] = typeof v[k] === 'string' && k !== 'language' ? optText(v[k] as string) : v[k];
  }
  return out as FamilyFields;
}

/** The family's contact details and flags, as one form (X-CONC). */
export function FamilyEditForm({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const fields = editable(role, f);
  const [v, setV] = useState<Values>(() => valuesOf(f));
  const [notice, setNotice] = useState<'saved' | 'unchanged' | null>(null);
  // Untouched, the form follows the record; after a conflict the user's edits stay on top of the latest version.
  const [seen, setSeen] = useState({ version: f.version, touched: false });
  if (seen.version !== f.version) {
    setSeen({ version: f.version, touched: seen.touched });
    if (!seen.touched) setV(valuesOf(f));
  }
  const { mutation, reload } = useFamilyWrite(f, (version, changes: FamilyFields) => updateFamily(f.id, { version, ...changes }), () => {
    setNotice('saved');
    setSeen((s) => ({ ...s, touched: false }));
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setNotice(null);
    setSeen((s) => ({ ...s, touched: true }));
    setV((prev) => ({ ...prev, [key]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changes = changesOf(v, f, fields);
    if (Object.keys(changes).length === 0) setNotice('unchanged');
    else mutation.mutate(changes);
  };
  const has = (k: keyof Values) => fields.includes(k);
  const text = (k: Text, max: number, type = 'text') =>
    has(k) && <TextInput label={t(`families.fields.${k}`)} type={type} value={v[k]} onChange={(e) => set(k, e.currentTarget.value)} maxLength={max} data-testid={`family-edit-${k}`} />;
  const flag = (k: Flag) =>
    has(k) && <Checkbox label={t(`families.fields.${k}`)} description={t(`families.flagHint.${k}`)} checked={v[k]} onChange={(e) => set(k, e.currentTarget.checked)} data-testid={`family-edit-${k}`} />;
  return (
    <Section title={t('families.sections.details')} testId="family-details">
      <form onSubmit={submit} noValidate data-testid="family-edit-form">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {has('language') && (
              <Select label={t('families.fields.language')} data={familyLanguageOptions(t)} value={v.language} allowDeselect={false}
                onChange={(x) => set('language', (x ?? 'et') as FamilyLanguage)} data-testid="family-edit-language" />
            )}
            {text('district', 40)}
            {text('contactPhone', 50, 'tel')}
            {text('contactEmail', 200, 'email')}
            {text('address', 300)}
          </SimpleGrid>
          {has('notes') && <Textarea label={t('families.fields.notes')} value={v.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2} maxLength={10000} data-testid="family-edit-notes" />}
          {flag('assessed')}
          {flag('kovInvolvementConsent')}
          {flag('adoptionSecrecy')}
          {flag('crisisOrSpecialFoster')}
          {flag('inServiceOn20221031')}
          {notice === 'saved' && <Alert color="green" role="status" data-testid="family-saved">{t('common.saved')}</Alert>}
          {notice === 'unchanged' && <Alert color="gray" role="status">{t('families.nothingChanged')}</Alert>}
          <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('common.save')} testId="family-save"
            onReload={reload} />
        </Stack>
      </form>
    </Section>
  );
}
