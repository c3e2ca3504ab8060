import { Button, Stack } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMarkAllRead } from './api';

/**
 * "Mark all read". With nothing unread it looks disabled but stays focusable (aria-disabled, no
 * `disabled` or `loading`), so keyboard focus is not lost when it has been used.
 */
export function ReadAllButton({ unread, variant = 'subtle' }: { unread: number; variant?: 'subtle' | 'default' }) {
  const { t } = useTranslation();
  const markAll = useMarkAllRead();
  const none = unread === 0;
  return (
    <Stack gap="xs" align="flex-end">
      <Button
        variant={variant}
        leftSection={<IconChecks size={18} aria-hidden />}
        onClick={() => !none && !markAll.isPending && markAll.mutate()}
        aria-disabled={none || undefined}
        data-disabled={none || undefined}
        data-testid="notifications-read-all"
      >
        {t('notifications.readAll')}
      </Button>
      {markAll.error && <ErrorAlert error={markAll.error} />}
    </Stack>
  );
}
