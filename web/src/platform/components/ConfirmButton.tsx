import { useState, type ReactNode } from 'react';
import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { DialogModal } from './DialogModal';
import { useTranslation } from 'react-i18next';

interface Props extends Omit<ButtonProps, 'children' | 'onClick'> {
  label: string;
  confirmTitle: string;
  confirmText: ReactNode;
  onConfirm: () => void;
  testId?: string;
}

/** A button that asks for confirmation in a dialog before acting. */
export function ConfirmButton({ label, confirmTitle, confirmText, onConfirm, testId, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const confirm = () => {
    setOpen(false);
    onConfirm();
  };
  return (
    <>
      <Button {...buttonProps} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <DialogModal opened={open} onClose={() => setOpen(false)} title={confirmTitle} centered size="md">
        <Text mb="md">{confirmText}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button color={buttonProps.color} onClick={confirm} data-testid={testId ? `${testId}-confirm` : undefined}>
            {label}
          </Button>
        </Group>
      </DialogModal>
    </>
  );
}
