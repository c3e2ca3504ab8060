import { useNavigate } from 'react-router';
import { useMarkRead, type AppNotification } from './api';
import { linkTarget } from './notification-text';

/** Opening a notification: mark it read (if it is not) and follow its link, if it has one. */
export function useOpenNotification(onOpened?: () => void) {
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (n: AppNotification) => {
    if (!n.read) markRead.mutate(n.id);
    const target = linkTarget(n.link);
    if (target) onOpened?.();
    if (target?.kind === 'route') void navigate(target.to);
    else if (target?.kind === 'href') window.location.assign(target.to);
  };
}
