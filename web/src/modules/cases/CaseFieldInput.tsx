import { Checkbox, Group, Radio, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { formatDate } from '../../platform/format';
import { fieldId, labelKey, type FieldSpec, type FieldValue } from './case-fields';
import type { CaseDetail } from './types';

interface Props {
  spec: FieldSpec;
  c: CaseDetail;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  error?: string;
}

function hintOf(spec: FieldSpec, t: ReturnType<typeof useTranslation>['t'], exists: (key: string) => boolean) {
  const key = `cases.hints.${spec.name.replace('assessments.', 'assessments_')}`;
  return exists(key) ? t(key) : undefined;
}

/** One case field as an input, by its kind. */
export function CaseFieldInput({ spec, c, value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const label = t(labelKey(spec, c));
  const description = hintOf(spec, t, (k) => i18n.exists(k));
  const id = fieldId(spec.name);
  const common = { label, description, error, id, 'data-testid': id };
  const str = typeof value === 'string' ? value : '';
  switch (spec.kind) {
    case 'textarea':
      return <Textarea {...common} value={str} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={spec.rows ?? 3} maxRows={16}
        maxLength={spec.maxLength} withAsterisk={spec.required} />;
    case 'text':
      return <TextInput {...common} value={str} onChange={(e) => onChange(e.currentTarget.value)} maxLength={spec.maxLength} />;
    case 'date':
      return <DateField label={label} description={description} value={str} onChange={onChange} error={error} testId={id} />;
    case 'select':
      return <Select {...common} data={spec.options?.(t) ?? []} value={str || null} onChange={(v) => onChange(v ?? '')}
        allowDeselect={!spec.required} withAsterisk={spec.required} />;
    case 'checkbox':
      return <Checkbox label={label} description={description} error={error} id={id} data-testid={id} checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'radio':
      return (
        <Radio.Group label={label} description={description} error={error} value={str} onChange={onChange} id={id} data-testid={id}>
          <Group mt="xs" gap="lg">
            {(spec.options?.(t) ?? []).map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} data-testid={`${id}-${o.value}`} />
            ))}
          </Group>
        </Radio.Group>
      );
  }
}

/** The same field read-only (other side's fields, or after the case is closed). */
export function CaseFieldValue({ spec, c, value }: Omit<Props, 'onChange' | 'error'>) {
  const { t } = useTranslation();
  let shown: string;
  if (spec.kind === 'checkbox') shown = value ? t('common.yes') : t('common.no');
  else if (typeof value !== 'string' || !value) shown = '';
  else if (spec.kind === 'date') shown = formatDate(value);
  else if (spec.kind === 'select' || spec.kind === 'radio') shown = spec.options?.(t).find((o) => o.value === value)?.label ?? value;
  else shown = value;
  return (
    <div data-testid={`${fieldId(spec.name)}-value`}>
      <Text component="dt" size="sm" c="dimmed">{t(labelKey(spec, c))}</Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {shown || <Text span c="dimmed" fs="italic">{t('cases.notFilled')}</Text>}
      </Text>
    </div>
  );
}
