import { Alert, Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Rule X-CONC, after "Load latest": the user's edits are kept on top of the
 * newest version; they can save them or discard them for the saved values.
 */
export function ReloadedAlert({ onDiscard, text, children }: { onDiscard: () => void; text?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Alert color="tedi" role="status" title={t('errors.versionConflict.reloadedTitle')} data-testid="version-reloaded">
      {text ?? t('errors.versionConflict.reloaded')}
      {children}
      <div>
        <Button mt="sm" variant="light" onClick={onDiscard}>
          {t('errors.versionConflict.discard')}
        </Button>
      </div>
    </Alert>
  );
}
