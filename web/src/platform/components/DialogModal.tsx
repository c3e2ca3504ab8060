import type { ReactNode } from 'react';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  size?: string;
  /** Fill the screen on phones (forms). */
  fullScreenOnPhone?: boolean;
  centered?: boolean;
  closeOnClickOutside?: boolean;
  testId?: string;
}

/**
 * Mantine Modal built from its parts so the header is a <div>: a <header> inside the
 * dialog would be announced as a second "banner" landmark next to the page header.
 */
export function DialogModal(props: Props) {
  const { opened, onClose, title, children, size = 'lg', fullScreenOnPhone, centered, closeOnClickOutside, testId } = props;
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal.Root
      opened={opened}
      onClose={onClose}
      size={size}
      fullScreen={Boolean(fullScreenOnPhone) && isPhone}
      centered={centered}
      closeOnClickOutside={closeOnClickOutside}
    >
      <Modal.Overlay />
      <Modal.Content data-testid={testId}>
        <Modal.Header {...({ component: 'div' } as object)}>
          <Modal.Title fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{opened && children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
