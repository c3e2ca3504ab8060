import { useId } from 'react';
import { ActionIcon, Drawer, Indicator, Popover, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLatestNotifications } from './api';
import { NotificationsPanel } from './NotificationsPanel';

function BellIcon({ count }: { count: number }) {
  return (
    <Indicator label={count > 99 ? '99+' : count} disabled={count === 0} size={18} offset={2} color="red">
      <IconBell size={22} aria-hidden />
    </Indicator>
  );
}

/** Header bell with the unread count; a popover on wide screens, a drawer on phones. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [opened, { toggle, close, open }] = useDisclosure(false);
  const titleId = useId();
  const count = useLatestNotifications().data?.unreadCount ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  const bell = (
    <ActionIcon variant="default" size="md" radius="xl" onClick={toggle} aria-label={label}
      data-testid="notifications-bell" data-unread-count={count}>
      <BellIcon count={count} />
    </ActionIcon>
  );

  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer.Root opened={opened} onClose={close} position="right" size="100%">
          <Drawer.Overlay />
          <Drawer.Content data-testid="notifications-drawer">
            <Drawer.Header {...({ component: 'div' } as object)}>
              <Drawer.Title fw={700} fz="lg">{t('notifications.title')}</Drawer.Title>
              <Drawer.CloseButton aria-label={t('common.close')} size="xl" />
            </Drawer.Header>
            <Drawer.Body>{opened && <NotificationsPanel onClose={close} maxHeight="calc(100dvh - 220px)" />}</Drawer.Body>
          </Drawer.Content>
        </Drawer.Root>
      </>
    );
  }
  return (
    <Popover opened={opened} onChange={(o) => (o ? open() : close())} position="bottom-end" width={380}
      trapFocus returnFocus shadow="md" radius="md">
      <Popover.Target>{bell}</Popover.Target>
      <Popover.Dropdown aria-labelledby={titleId} data-testid="notifications-popover">
        <Text id={titleId} fw={700} fz="lg" mb="xs">{t('notifications.title')}</Text>
        <NotificationsPanel onClose={close} maxHeight="60vh" />
      </Popover.Dropdown>
    </Popover>
  );
}
