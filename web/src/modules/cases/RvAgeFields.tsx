import { Alert, Checkbox, Stack, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RvAgeGroup } from './case-form';

interface Props {
  age: number | null;
  group: RvAgeGroup;
  note: string;
  consent: boolean;
  onNote: (value: string) => void;
  onConsent: (value: boolean) => void;
  errors: { rvAgeNote?: string; rvConsentOver18?: string };
}

/** A-RV age rule, shown as the child's code or birth date is typed: note under 12, consent from 18. */
export function RvAgeFields({ age, group, note, consent, onNote, onConsent, errors }: Props) {
  const { t } = useTranslation();
  if (group === null || age === null) {
    return <Alert color="gray" role="note" icon={<IconInfoCircle aria-hidden />} data-testid="case-form-rv-age-hint">{t('cases.form.rvAgeUnknown')}</Alert>;
  }
  return (
    <Stack gap="sm">
      <Alert color={group === 'target' ? 'green' : 'orange'} role="status" icon={<IconInfoCircle aria-hidden />} data-testid="case-form-rv-age-hint"
        data-group={group} >
        {t(`cases.form.rvAge.${group}`, { count: age })}
      </Alert>
      {group === 'young' && (
        <Textarea label={t('cases.fields.rvAgeNote')} description={t('cases.form.rvAgeNoteHint')} value={note} autosize minRows={2}
          onChange={(e) => onNote(e.currentTarget.value)} error={errors.rvAgeNote} withAsterisk maxLength={2000}
          data-testid="case-form-rv-age-note" />
      )}
      {group === 'adult' && (
        <Checkbox label={t('cases.fields.rvConsentOver18')} checked={consent} onChange={(e) => onConsent(e.currentTarget.checked)}
          error={errors.rvConsentOver18} data-testid="case-form-rv-consent" />
      )}
    </Stack>
  );
}
