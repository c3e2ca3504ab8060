import { SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OriginValues } from './family-form';

interface Props {
  values: OriginValues;
  onChange: (values: OriginValues) => void;
  testId: string;
}

/** X-SECRET: the child's origin (birth name, birth parents, previous placement), stored encrypted. */
export function OriginFields({ values, onChange, testId }: Props) {
  const { t } = useTranslation();
  const set = (key: keyof OriginValues, value: string) => onChange({ ...values, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('families.origin.birthName')} value={values.birthName} onChange={(e) => set('birthName', e.currentTarget.value)}
        maxLength={200} autoComplete="off" data-testid={`${testId}-birth-name`} />
      <TextInput label={t('families.origin.previousPlacement')} value={values.previousPlacement}
        onChange={(e) => set('previousPlacement', e.currentTarget.value)} maxLength={500} autoComplete="off" data-testid={`${testId}-previous-placement`} />
      <Textarea label={t('families.origin.birthParents')} value={values.birthParents} onChange={(e) => set('birthParents', e.currentTarget.value)}
        autosize minRows={2} maxLength={1000} data-testid={`${testId}-birth-parents`} />
      <Textarea label={t('families.origin.notes')} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)}
        autosize minRows={2} maxLength={5000} data-testid={`${testId}-notes`} />
    </SimpleGrid>
  );
}
