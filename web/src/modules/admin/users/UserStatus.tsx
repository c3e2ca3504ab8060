import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActiveBadge } from '../../../platform/components/StatusBadge';
import { formatDateTime } from '../../../platform/format';
import type { AdminUser } from '../types';

export function isLocked(user: AdminUser, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}

/** Active/inactive, plus "Locked until …" while a lockout lasts. */
export function UserStatus({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <ActiveBadge active={user.active} />
      {isLocked(user) && (
        <Badge color="red" variant="light">
          {t('users.status.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
        </Badge>
      )}
    </Group>
  );
}
