import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { deriveFromPersonalCode, parsePersonalCode } from '../../platform/personal-code';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId?: string;
}

/** Personal code input that shows the derived birth date, age and sex as the user types (X-ID). */
export function PersonalCodeInput({ value, onChange, error, testId = 'person-form-personal-code' }: Props) {
  const { t } = useTranslation();
  const code = value.trim();
  const derived = deriveFromPersonalCode(code);
  const live = code.length === 11 && !derived ? parsePersonalCode(code) : null;
  const liveError = live && !live.valid ? t(`personalCode.problems.${live.problem}`) : undefined;
  const description = derived
    ? t('personalCode.derived', { date: formatDate(derived.birthDate), count: derived.age, sex: t(`people.sex.${derived.sex}`) })
    : t('people.form.personalCodeHint');
  return (
    <TextInput
      label={t('people.fields.personalCode')}
      description={<span aria-live="polite" data-testid="personal-code-derived">{description}</span>}
      inputMode="numeric"
      autoComplete="off"
      maxLength={11}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, ''))}
      error={error ?? liveError}
      data-testid={testId}
    />
  );
}
