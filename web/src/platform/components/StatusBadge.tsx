import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Active / inactive as text (not colour alone). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light">
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
