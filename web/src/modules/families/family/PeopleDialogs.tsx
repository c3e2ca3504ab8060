import { useState, type FormEvent } from 'react';
import { Checkbox, Stack } from '@mantine/core';
import { IconDoorExit, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { isRealDate, todayInTallinn } from '../../../platform/format';
import { EMPTY_PERSON, validatePerson, type PersonFormErrors } from '../../people/person-form';
import { addChild, addHouseholdMember, addParent, updatePlacement } from '../api';
import { emptyChild, toOrigin, validateArrival, type ChildValues } from '../form/family-form';
import { OriginFields } from '../form/OriginFields';
import { PersonFields, toPersonInput } from '../form/PersonFields';
import { ActionDialog } from '../ui/ActionDialog';
import { FormActions } from '../ui/FormActions';
import type { FamilyChild, FamilyDetail } from '../types';
import { useFamilyWrite } from './family-write';

type Close = (done?: string) => void;

function ChildForm({ f, close }: { f: FamilyDetail; close: Close }) {
  const { t } = useTranslation();
  const [v, setV] = useState<ChildValues>(emptyChild());
  const [errors, setErrors] = useState<PersonFormErrors & { arrivedOn?: string }>({});
  const { mutation, reload } = useFamilyWrite(f, (version, c: ChildValues) =>
    addChild(f.id, { version, person: toPersonInput(c.person), arrivedOn: c.arrivedOn, origin: c.withOrigin ? toOrigin(c.origin) : null }),
  () => close(t('families.children.added')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const arrivedOn = validateArrival(v.arrivedOn, t);
    const found = { ...validatePerson(v.person, t), ...(arrivedOn ? { arrivedOn } : {}) };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(v);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="child-form">
      <Stack gap="md">
        <PersonFields values={v.person} errors={errors} testId="child-form" onChange={(person) => setV({ ...v, person })} />
        <DateField label={t('families.fields.arrivedOn')} description={t('families.form.arrivedOnHint')} value={v.arrivedOn}
          onChange={(arrivedOn) => setV({ ...v, arrivedOn })} error={errors.arrivedOn} required testId="child-form-arrived" />
        <Checkbox label={t('families.form.withOrigin')} description={t('families.form.withOriginHint')} checked={v.withOrigin}
          onChange={(e) => setV({ ...v, withOrigin: e.currentTarget.checked })} data-testid="child-form-with-origin" />
        {v.withOrigin && <OriginFields values={v.origin} onChange={(origin) => setV({ ...v, origin })} testId="child-form-origin" />}
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.children.add')} testId="child-form-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

export function AddChildButton({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.children.add')} title={t('families.children.addTitle')} icon={<IconPlus size={18} aria-hidden />}
      variant="light" testId="child-add">
      {(close) => <ChildForm f={f} close={close} />}
    </ActionDialog>
  );
}

function LeaveForm({ f, c, close }: { f: FamilyDetail; c: FamilyChild; close: Close }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const [leftOn, setLeftOn] = useState(today);
  const [error, setError] = useState<string>();
  const { mutation, reload } = useFamilyWrite(f, (version, day: string) => updatePlacement(f.id, c.placementId, { version: c.version, leftOn: day }),
    () => close(t('families.children.leaveSaved')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = !leftOn ? t('validation.required') : !isRealDate(leftOn) ? t('validation.date') : leftOn < c.arrivedOn ? t('families.children.leaveBeforeArrival') : undefined;
    setError(problem);
    if (!problem) mutation.mutate(leftOn);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <DateField label={t('families.fields.leftOn')} description={t('families.children.leaveHint')} value={leftOn} onChange={setLeftOn}
          error={error} required testId="child-leave-date" />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('common.save')} testId="child-leave-submit"
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** B-LEAVE: the child left the family (support may go on for a month). */
export function ChildLeaveButton({ f, c }: { f: FamilyDetail; c: FamilyChild }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t('families.children.leave')} title={t('families.children.leaveTitle', { name: `${c.firstName} ${c.lastName}` })}
      icon={<IconDoorExit size={18} aria-hidden />} variant="subtle" size="md" testId="child-leave">
      {(close) => <LeaveForm f={f} c={c} close={close} />}
    </ActionDialog>
  );
}

function PersonForm({ f, kind, close }: { f: FamilyDetail; kind: 'parent' | 'household'; close: Close }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ ...EMPTY_PERSON });
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const send = (version: number, person: typeof v) =>
    kind === 'parent' ? addParent(f.id, { version, person: toPersonInput(person) }) : addHouseholdMember(f.id, { version, person: toPersonInput(person) });
  const { mutation, reload } = useFamilyWrite(f, send, () => close(t('families.people.added')));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validatePerson(v, t);
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate(v);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PersonFields values={v} errors={errors} testId={`${kind}-form`} onChange={setV} />
        <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('families.people.add')} testId={`${kind}-form-submit`}
          onCancel={() => close()} onReload={reload} />
      </Stack>
    </form>
  );
}

/** Another parent, or another member of the household (for the B-COI household rules). */
export function AddPersonButton({ f, kind }: { f: FamilyDetail; kind: 'parent' | 'household' }) {
  const { t } = useTranslation();
  return (
    <ActionDialog label={t(`families.people.add_${kind}`)} title={t(`families.people.addTitle_${kind}`)} icon={<IconPlus size={18} aria-hidden />}
      variant="light" testId={`${kind}-add`}>
      {(close) => <PersonForm f={f} kind={kind} close={close} />}
    </ActionDialog>
  );
}
