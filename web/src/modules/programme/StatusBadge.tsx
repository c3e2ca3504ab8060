import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR } from './format';
import type { Subactivity } from './types';

/** Status in words (not colour alone), and the overdue flag beside it. */
export function SubactivityBadges({ s }: { s: Pick<Subactivity, 'status' | 'overdue' | 'progress'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLOR[s.status]} variant="light" data-testid="subactivity-status">{t(`programme.status.${s.status}`)}{s.status === 'in_progress' ? ` ${s.progress}%` : ''}</Badge>
      {s.overdue && <Badge color="red" variant="filled" data-testid="subactivity-overdue">{t('programme.overdue')}</Badge>}
    </Group>
  );
}
