import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES, type CaseType } from './types';

interface Props {
  value: CaseType | '';
  onChange: (value: CaseType) => void;
  error?: string;
}

/** The kind of application, as large radio cards (easy to hit on a phone). */
export function CaseTypeField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('cases.form.type')} value={value} onChange={(v) => onChange(v as CaseType)} error={error}
      withAsterisk data-testid="case-form-type">
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        {CASE_TYPES.map((type) => (
          <Radio.Card key={type} value={type} radius="md" p="sm" withBorder data-testid={`case-form-type-${type}`}
            style={{ borderColor: `var(--mantine-color-${value === type ? 'tedi-6' : 'gray-4'})`, borderWidth: value === type ? 2 : 1 }}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator aria-hidden />
              <Stack gap={2}>
                <Text fw={700}>{t(`cases.type.${type}`)}</Text>
                <Text size="sm" c="dimmed">{t(`cases.typeHint.${type}`)}</Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
