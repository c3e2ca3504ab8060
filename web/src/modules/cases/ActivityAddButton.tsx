import { useState } from 'react';
import { Button, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../platform/components/ResponsiveModal';
import { ActivityForm } from './ActivityForm';
import type { CaseDetail } from './types';

/** "Add activity": opens the quick form (full screen on a phone). */
export function ActivityAddButton({ c, onSaved }: { c: CaseDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [announce, setAnnounce] = useState('');
  const close = (saved: boolean) => {
    setOpen(false);
    if (!saved) return;
    setAnnounce(t('cases.activity.saved'));
    onSaved();
  };
  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => { setAnnounce(''); setOpen(true); }} data-testid="activity-add">
        {t('cases.activity.add')}
      </Button>
      <VisuallyHidden role="status" aria-live="polite" data-testid="activity-saved">{announce}</VisuallyHidden>
      <ResponsiveModal opened={open} onClose={() => setOpen(false)} title={t('cases.activity.title')}>
        <ActivityForm c={c} onDone={close} />
      </ResponsiveModal>
    </>
  );
}
