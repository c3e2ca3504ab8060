import type { ReactNode } from 'react';
import { DialogModal } from './DialogModal';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  size?: string;
}

/** Form dialog that fills the screen on phones. */
export function ResponsiveModal({ opened, onClose, title, children, size = 'lg' }: Props) {
  return (
    <DialogModal opened={opened} onClose={onClose} title={title} size={size} fullScreenOnPhone>
      {children}
    </DialogModal>
  );
}
