import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { ResponsiveModal } from '../../../platform/components/ResponsiveModal';
import { ContactForm } from '../episode/ContactForm';
import { useEpisode } from '../queries';
import type { Compliance, EpisodeListItem } from '../types';

function Body({ id, onDone }: { id: string; onDone: (c: Compliance | null) => void }) {
  const episode = useEpisode(id);
  if (episode.isPending) return <InlineLoader />;
  if (!episode.data) return <ErrorAlert error={episode.error} />;
  return <ContactForm e={episode.data} continued={false} onDone={onDone} />;
}

/** X-MOBILE: log a contact straight from "my families", without opening the family first. */
export function QuickContactButton({ item, onSaved }: { item: EpisodeListItem; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = (c: Compliance | null) => {
    setOpen(false);
    if (c) onSaved(t('families.contact.savedFor', { reference: item.familyReference, status: t(`families.compliance.status.${c.status}`) }));
  };
  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setOpen(true)} data-testid="my-family-contact-add"
        aria-label={`${t('families.contact.add')}: ${item.familyReference}`}>
        {t('families.contact.add')}
      </Button>
      <ResponsiveModal opened={open} onClose={() => setOpen(false)} title={`${t('families.contact.add')} · ${item.familyReference}`}>
        <Body id={item.id} onDone={close} />
      </ResponsiveModal>
    </>
  );
}
