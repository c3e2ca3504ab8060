import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { EMPTY_PERSON, type PersonFormValues } from '../../people/person-form';
import { emptyChild, type ChildValues, type FamilyFormErrors } from './family-form';
import { OriginFields } from './OriginFields';
import { PersonFields } from './PersonFields';

const MAX_PARENTS = 4;
const MAX_CHILDREN = 20;

function RemoveButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Button variant="subtle" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

interface ParentsProps {
  parents: PersonFormValues[];
  errors: FamilyFormErrors['parents'];
  onChange: (parents: PersonFormValues[]) => void;
}

/** Foster parents, guardians or adoptive parents (1–4). */
export function ParentsFields({ parents, errors, onChange }: ParentsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={2} size="h4" component="legend" mb="xs">{t('families.form.parents')}</Title>
      {parents.map((p, i) => (
        <Paper key={i} withBorder p="sm" radius="md" data-testid={`family-form-parent-${i}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('families.form.parentN', { n: i + 1 })}</Text>
            {parents.length > 1 && (
              <RemoveButton label={t('families.form.remove')} testId={`family-form-parent-${i}-remove`}
                onClick={() => onChange(parents.filter((_, j) => j !== i))} />
            )}
          </Group>
          <PersonFields values={p} errors={errors[i] ?? {}} testId={`family-form-parent-${i}`}
            onChange={(next) => onChange(parents.map((x, j) => (j === i ? next : x)))} />
        </Paper>
      ))}
      {parents.length < MAX_PARENTS && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => onChange([...parents, { ...EMPTY_PERSON }])}
            data-testid="family-form-add-parent">
            {t('families.form.addParent')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface ChildProps {
  child: ChildValues;
  index: number;
  errors: FamilyFormErrors['children'][number];
  onChange: (child: ChildValues) => void;
  onRemove: () => void;
}

function ChildFields({ child, index, errors, onChange, onRemove }: ChildProps) {
  const { t } = useTranslation();
  const prefix = `family-form-child-${index}`;
  return (
    <Paper withBorder p="sm" radius="md" data-testid={prefix}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{t('families.form.childN', { n: index + 1 })}</Text>
          <RemoveButton label={t('families.form.remove')} testId={`${prefix}-remove`} onClick={onRemove} />
        </Group>
        <PersonFields values={child.person} errors={errors} testId={prefix} onChange={(person) => onChange({ ...child, person })} />
        <DateField label={t('families.fields.arrivedOn')} description={t('families.form.arrivedOnHint')} value={child.arrivedOn}
          onChange={(arrivedOn) => onChange({ ...child, arrivedOn })} error={errors.arrivedOn} required testId={`${prefix}-arrived`} />
        <Checkbox label={t('families.form.withOrigin')} description={t('families.form.withOriginHint')} checked={child.withOrigin}
          onChange={(e) => onChange({ ...child, withOrigin: e.currentTarget.checked })} data-testid={`${prefix}-with-origin`} />
        {child.withOrigin && <OriginFields values={child.origin} onChange={(origin) => onChange({ ...child, origin })} testId={`${prefix}-origin`} />}
      </Stack>
    </Paper>
  );
}

interface ChildrenProps {
  items: ChildValues[];
  errors: FamilyFormErrors['children'];
  onChange: (children: ChildValues[]) => void;
}

/** The children placed in the family, each with the day they arrived (B-ADAPT-1, B-NEED-1). */
export function ChildrenFields({ items, errors, onChange }: ChildrenProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={2} size="h4" component="legend" mb="xs">{t('families.form.children')}</Title>
      <Text size="sm" c="dimmed">{t('families.form.childrenHint')}</Text>
      {items.map((c, i) => (
        <ChildFields key={i} child={c} index={i} errors={errors[i] ?? {}} onChange={(next) => onChange(items.map((x, j) => (j === i ? next : x)))}
          onRemove={() => onChange(items.filter((_, j) => j !== i))} />
      ))}
      {items.length < MAX_CHILDREN && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} data-testid="family-form-add-child"
            onClick={() => onChange([...items, emptyChild()])}>
            {t('families.form.addChild')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
