import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldProblems, isApiError } from '../api/errors';

/** Shows an API error's localised message (and field problems), never a stack trace. */
export function ErrorAlert({ error, title, withFields = true }: { error: unknown; title?: string; withFields?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('errors.generic');
  const fields = withFields ? fieldProblems(error) : [];
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={title ?? t('errors.title')} role="alert">
      {message}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((f) => (
            <List.Item key={`${f.path}:${f.message}`}>{f.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
