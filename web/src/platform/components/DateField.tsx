import { DateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useTranslation } from 'react-i18next';
import { parseEstonianDate } from '../format';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
  required?: boolean;
  maxDate?: string;
  testId?: string;
}

/** Date input shown and typed as dd.mm.yyyy; the value is 'YYYY-MM-DD' (or ''). */
export function DateField({ label, value, onChange, error, description, required, maxDate, testId }: Props) {
  const { t, i18n } = useTranslation();
  return (
    // Calendar follows the UI language; weeks start on Monday in Estonia.
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
    <DateInput
      label={label}
      description={description ?? t('common.dateFormatHint')}
      placeholder={t('common.datePlaceholder')}
      valueFormat="DD.MM.YYYY"
      dateParser={(text) => parseEstonianDate(text)}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      withAsterisk={required}
      clearable
      maxDate={maxDate}
      data-testid={testId}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
    />
    </DatesProvider>
  );
}
