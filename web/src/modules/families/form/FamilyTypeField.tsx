import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FAMILY_TYPES, type FamilyType } from '../types';

interface Props {
  value: FamilyType | '';
  onChange: (value: FamilyType) => void;
  error?: string;
}

/** Foster, guardianship or adoptive family, as large radio cards. */
export function FamilyTypeField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('families.fields.type')} value={value} onChange={(v) => onChange(v as FamilyType)} error={error} withAsterisk
      data-testid="family-form-type">
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
        {FAMILY_TYPES.map((type) => (
          <Radio.Card key={type} value={type} radius="md" p="sm" withBorder data-testid={`family-form-type-${type}`}
            style={{ borderColor: `var(--mantine-color-${value === type ? 'tedi-6' : 'gray-4'})`, borderWidth: value === type ? 2 : 1 }}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator aria-hidden />
              <Stack gap={2}>
                <Text fw={700}>{t(`families.type.${type}`)}</Text>
                <Text size="sm" c="dimmed">{t(`families.typeHint.${type}`)}</Text>
              </Stack>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
