import { useState, type FormEvent } from 'react';
import { Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { isRealDate } from '../../../platform/format';
import { addAgencyGap, addPriorPeriod } from '../api';
import { optText, supportKindOptions } from '../options';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { FamilyDetail } from '../types';
import { useFamilyWrite } from './family-write';

type What = 'prior' | 'gap';
interface Values {
  kind: 'adaptation' | 'needs_based';
  childPersonId: string;
  startsOn: string;
  endsOn: string;
  text: string;
  note: string;
  transitionalExtra: boolean;
}

function PeriodForm({ f, what, close }: { f: FamilyDetail; what: What; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>({ kind: 'needs_based', childPersonId: '', startsOn: '', endsOn: '', text: '', note: '', transitionalExtra: false });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((p) => ({ ...p, [k]: value }));
  const { mutation, reload } = useFamilyWrite(f, (version, x: Values) => {
    const base = { version, kind: x.kind, childPersonId: x.childPersonId || null, startsOn: x.startsOn, endsOn: x.endsOn };
    return what === 'prior'
      ? addPriorPeriod(f.id, { ...base, procurement: x.text.trim(), transitionalExtra: x.transitionalExtra, note: optText(x.note) })
      : addAgencyGap(f.id, { ...base, reason: x.text.trim() });
  }, () => close(t('families.carry.added')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    const date = (k: 'startsOn' | 'endsOn') => { if (!v[k]) found[k] = t('validation.required'); else if (!isRealDate(v[k])) found[k] = t('validation.date'); };
    date('startsOn');
    date('endsOn');
    if (!found.endsOn && !found.startsOn && v.endsOn < v.startsOn) found.endsOn = t('families.carry.endBeforeStart');
    if (!v.text.trim()) found.text = t('validation.required');
    if (v.kind === 'adaptation' && !v.childPersonId) found.childPersonId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(v);
  };
  return (
    <form onSubmit={submit} noValidate data-testid={`period-form-${what}`}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('families.fields.kind')} data={supportKindOptions(t, ['adaptation', 'needs_based'])} value={v.kind} allowDeselect={false}
            onChange={(x) => set('kind', (x ?? 'needs_based') as Values['kind'])} data-testid="period-form-kind" />
          <Select label={t('families.fields.child')} data={f.children.map((c) => ({ value: c.personId, label: `${c.firstName} ${c.lastName}` }))}
            value={v.childPersonId || null} onChange={(x) => set('childPersonId', x ?? '')} error={errors.childPersonId} clearable
            withAsterisk={v.kind === 'adaptation'} clearButtonProps={{ 'aria-label': t('common.clear') }} data-testid="period-form-child" />
          <DateField label={t('families.carry.startsOn')} value={v.startsOn} onChange={(x) => set('startsOn', x)} error={errors.startsOn} required testId="period-form-start" />
          <DateField label={t('families.carry.endsOn')} value={v.endsOn} onChange={(x) => set('endsOn', x)} error={errors.endsOn} required testId="period-form-end" />
        </SimpleGrid>
        {what === 'prior' ? (
          <>
            <TextInput label={t('families.carry.procurement')} description={t('families.carry.procurementHint')} value={v.text}
              onChange={(e) => set('text', e.currentTarget.value)} error={errors.text} withAsterisk maxLength={100} data-testid="period-form-procurement" />
            <Checkbox label={t('families.carry.transitionalExtra')} description={t('families.carry.transitionalExtraHint')} checked={v.transitionalExtra}
              onChange={(e) => set('transitionalExtra', e.currentTarget.checked)} data-testid="period-form-extra" />
            <Textarea label={t('families.carry.note')} value={v.note} onChange={(e) => set('note', e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
          </>
        ) : (
          <Textarea label={t('families.carry.reason')} value={v.text} onChange={(e) => set('text', e.currentTarget.value)} error={errors.text}
            withAsterisk autosize minRows={2} maxLength={2000} data-testid="period-form-reason" />
        )}
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('common.save')} testId="period-form-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** B-CARRY: service under an earlier procurement (SKA, provider) or an agency-caused gap (SKA). */
export function AddPeriodButton({ f, what }: { f: FamilyDetail; what: What }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t(`families.carry.add_${what}`)} title={t(`families.carry.addTitle_${what}`)} icon={<IconPlus size={18} aria-hidden />}
      variant="default" testId={`period-add-${what}`}>
      {(close) => <PeriodForm f={f} what={what} close={close} />}
    </ActionDialog>
  );
}
