import { useState } from 'react';
import { Button, VisuallyHidden, type ButtonProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../../platform/components/ResponsiveModal';
import type { Compliance, EpisodeDetail } from '../types';
import { ContactForm } from './ContactForm';

interface Props extends Omit<ButtonProps, 'children' | 'onClick'> {
  e: EpisodeDetail;
  continued?: boolean;
  testId?: string;
  onSaved?: (compliance: Compliance) => void;
}

/** "Log a contact": the quick form, full screen on a phone; says the new traffic light when saved. */
export function ContactAddButton({ e, continued = false, testId = 'contact-add', onSaved, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [announce, setAnnounce] = useState('');
  const close = (compliance: Compliance | null) => {
    setOpen(false);
    if (!compliance) return;
    setAnnounce(t('families.contact.saved', { status: t(`families.compliance.status.${compliance.status}`) }));
    onSaved?.(compliance);
  };
  const title = continued ? t('families.contact.addContinued') : t('families.contact.add');
  return (
    <>
      <Button size="md" leftSection={<IconPlus size={20} aria-hidden />} {...buttonProps} onClick={() => { setAnnounce(''); setOpen(true); }} data-testid={testId}>
        {title}
      </Button>
      <VisuallyHidden role="status" aria-live="polite" data-testid="contact-saved-announce">{announce}</VisuallyHidden>
      <ResponsiveModal opened={open} onClose={() => setOpen(false)} title={`${title} · ${e.family.reference}`}>
        <ContactForm e={e} continued={continued} onDone={close} />
      </ResponsiveModal>
    </>
  );
}
