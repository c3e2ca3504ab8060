import { Alert, Button } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Rule X-CONC: someone else saved first. The form keeps the user's edits;
 * "Load latest" refetches the record (the form then shows the saved values).
 */
export function VersionConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<IconGitMerge aria-hidden />} title={t('errors.versionConflict.title')} role="alert">
      {t('errors.versionConflict.text')}
      <div>
        <Button mt="sm" variant="light" color="orange" onClick={onReload} data-testid="version-reload">
          {t('errors.versionConflict.reload')}
        </Button>
      </div>
    </Alert>
  );
}
