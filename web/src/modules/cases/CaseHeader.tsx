import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../platform/components/BackLink';
import { useDocumentTitle } from '../../platform/components/useDocumentTitle';
import { CaseStatusBadge, DeadlineBadge } from './CaseBadges';
import type { CaseDetail } from './types';

/** Reference as the h1; type, child, state and deadline under it; page actions on the right. */
export function CaseHeader({ c, actions }: { c: CaseDetail; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${c.reference} · ${t('cases.title')}`);
  const type = c.internationalSubtype ? `${t(`cases.type.${c.type}`)} — ${t(`cases.subtype.${c.internationalSubtype}`)}` : t(`cases.type.${c.type}`);
  return (
    <>
      <BackLink to="/cases" label={t('cases.backToList')} />
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Title order={1}>{c.reference}</Title>
          <Text data-testid="case-type">
            {type} · {`${c.child.firstName} ${c.child.lastName}`}
          </Text>
          <Group gap="xs">
            <CaseStatusBadge status={c.status} />
            <DeadlineBadge deadline={c.deadline} />
          </Group>
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </>
  );
}
