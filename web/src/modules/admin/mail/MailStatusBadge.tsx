import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailStatus } from '../types';

const COLORS: Record<MailStatus, string> = { pending: 'orange', sent: 'green', failed: 'red' };

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
      {t(`mail.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
