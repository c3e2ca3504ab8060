import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../../platform/api/errors';
import { VersionConflictAlert } from '../../../platform/components/VersionConflictAlert';
import { RuleErrorAlert } from '../RuleErrorAlert';

interface Props {
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** data-testid of the submit button. */
  testId: string;
  onCancel?: () => void;
  /** Reloads the record after a version conflict (X-CONC). */
  onReload?: () => void;
  color?: string;
}

/** A form's answer from the server (rule, conflict) next to its cancel and submit buttons. */
export function FormActions({ error, pending, submitLabel, testId, onCancel, onReload, color }: Props) {
  const { t } = useTranslation();
  const conflict = hasCode(error, 'VERSION_CONFLICT');
  return (
    <>
      {conflict && onReload && <VersionConflictAlert onReload={onReload} />}
      {Boolean(error) && !(conflict && onReload) && <RuleErrorAlert error={error} testId={`${testId}-error`} />}
      <Group justify="flex-end">
        {onCancel && <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="submit" loading={pending} color={color} data-testid={testId}>{submitLabel}</Button>
      </Group>
    </>
  );
}
