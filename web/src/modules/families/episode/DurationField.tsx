import { useId } from 'react';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PRESETS = [15, 30, 45, 60, 90];

/** Minutes, with one-tap presets (toggle buttons); any other length can be typed. */
export function DurationField({ value, onChange, error }: { value: number | ''; onChange: (v: number | '') => void; error?: string }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={6}>
      <Text id={labelId} size="sm" fw={500}>
        {t('families.contact.duration')} <Text span c="red.8" aria-hidden>*</Text>
      </Text>
      <Group gap="xs" role="group" aria-labelledby={labelId}>
        {PRESETS.map((m) => (
          <Button key={m} variant={value === m ? 'filled' : 'default'} aria-pressed={value === m} onClick={() => onChange(m)} px="sm"
            data-testid={`contact-form-duration-${m}`}>
            {t('families.contact.minutes', { count: m })}
          </Button>
        ))}
      </Group>
      <NumberInput label={t('families.contact.durationOther')} value={value} onChange={(v) => onChange(typeof v === 'number' ? v : '')} min={0} max={1440}
        allowDecimal={false} allowNegative={false} inputMode="numeric" error={error} maw={220} data-testid="contact-form-duration" />
    </Stack>
  );
}
