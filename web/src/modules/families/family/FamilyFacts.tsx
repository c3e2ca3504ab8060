import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../../platform/components/DetailList';
import { Field } from '../../../platform/components/Field';
import type { FamilyDetail } from '../types';

/** Municipality, provider(s) and the family's contacts at a glance. */
export function FamilyFacts({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <Paper withBorder p="md" radius="md" data-testid="family-facts">
      <DetailList>
        <Field label={t('families.fields.kov')}>{f.district ? `${f.kov.name}, ${f.district}` : f.kov.name}</Field>
        {f.guardianKov && <Field label={t('families.fields.guardianKov')}>{f.guardianKov.name}</Field>}
        <Field label={t('families.fields.providers')}>{f.providers.map((p) => p.name).join(', ') || t('families.noProvider')}</Field>
        <Field label={t('families.fields.contactPhone')}>{f.contactPhone}</Field>
        <Field label={t('families.fields.contactEmail')}>{f.contactEmail}</Field>
        <Field label={t('families.fields.address')}>{f.address}</Field>
        <Field label={t('families.fields.assessed')}>{yes(f.assessed)}</Field>
        {f.type === 'lapsendaja' && <Field label={t('families.fields.kovInvolvementConsent')}>{yes(f.kovInvolvementConsent)}</Field>}
      </DetailList>
    </Paper>
  );
}
