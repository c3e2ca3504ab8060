import type { ReactNode } from 'react';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../platform/components/BackLink';
import { useDocumentTitle } from '../../../platform/components/useDocumentTitle';
import type { FamilyDetail } from '../types';

/** Reference as the h1; type, parents and municipality under it; flags as text badges. */
export function FamilyHeader({ f, actions }: { f: FamilyDetail; actions?: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${f.reference} · ${t('families.title')}`);
  const parents = f.parents.map((p) => `${p.firstName} ${p.lastName}`).join(', ');
  return (
    <>
      <BackLink to="/families" label={t('families.backToList')} />
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Title order={1}>{f.reference}</Title>
          <Text data-testid="family-type">{t(`families.type.${f.type}`)} · {parents}</Text>
          <Group gap="xs">
            <Badge variant="light" color="tedi">{f.kov.name}{f.district ? `, ${f.district}` : ''}</Badge>
            <Badge variant="light" color="gray">{t(`families.language.${f.language}`, { defaultValue: f.language })}</Badge>
            {f.adoptionSecrecy && <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />}>{t('families.fields.adoptionSecrecy')}</Badge>}
            {!f.kovInvolved && <Badge variant="light" color="gray" data-testid="family-kov-not-involved">{t('families.kovNotInvolved')}</Badge>}
            {!f.assessed && <Badge variant="light" color="orange">{t('families.notAssessed')}</Badge>}
            {f.crisisOrSpecialFoster && <Badge variant="light" color="red">{t('families.fields.crisisOrSpecialFoster')}</Badge>}
          </Group>
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </>
  );
}
