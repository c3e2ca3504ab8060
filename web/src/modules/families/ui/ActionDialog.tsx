import { useState, type ReactNode } from 'react';
import { Button, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { DialogModal } from '../../../platform/components/DialogModal';

interface Props extends Omit<ButtonProps, 'children' | 'onClick'> {
  label: string;
  title: string;
  icon?: ReactNode;
  /** data-testid of the button; the dialog gets `<testId>-dialog`. */
  testId: string;
  /** The form; `close(message)` closes the dialog and announces what was done. */
  children: (close: (done?: string) => void) => ReactNode;
  size?: string;
}

/** A button that opens a form in a dialog (full screen on a phone) and announces the result. */
export function ActionDialog({ label, title, icon, testId, children, size = 'lg', ...buttonProps }: Props) {
  const [open, setOpen] = useState(false);
  const [announce, setAnnounce] = useState('');
  const close = (done?: string) => {
    setOpen(false);
    if (done) setAnnounce(done);
  };
  return (
    <>
      <Button leftSection={icon} {...buttonProps} onClick={() => { setAnnounce(''); setOpen(true); }} data-testid={testId}>
        {label}
      </Button>
      <VisuallyHidden role="status" aria-live="polite">{announce}</VisuallyHidden>
      <DialogModal opened={open} onClose={() => setOpen(false)} title={title} size={size} fullScreenOnPhone testId={`${testId}-dialog`}>
        {children(close)}
      </DialogModal>
    </>
  );
}
