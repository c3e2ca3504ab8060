import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../platform/components/DialogModal';
import type { CaseDetail, CaseTransition } from './types';

interface Props {
  c: CaseDetail;
  transition: CaseTransition | null;
  pending: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}

function DialogBody({ c, transition, pending, onClose, onConfirm }: Props & { transition: CaseTransition }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const needsReason = transition.missing.includes('reason');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsReason && !reason.trim()) {
      setError(t('validation.required'));
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t('cases.transition.confirmText', { from: t(`cases.status.${c.status}`), to: t(`cases.status.${transition.to}`) })}</Text>
        {needsReason && transition.problem && (
          <Alert color="orange" role="note" data-testid="transition-early">{t(`cases.problems.${transition.problem}`)}</Alert>
        )}
        <Textarea label={t('cases.transition.reason')} description={t(needsReason ? 'cases.transition.reasonRequired' : 'cases.transition.reasonHint')}
          value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} withAsterisk={needsReason} autosize minRows={2}
          maxLength={2000} data-testid="transition-reason" data-autofocus={needsReason || undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" loading={pending} data-testid="transition-confirm">
            {t(`cases.transition.to.${transition.to}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Confirms a move to the next state, with a reason (required to end an RV phase early). */
export function TransitionDialog(props: Props) {
  const { t } = useTranslation();
  const { transition, onClose } = props;
  return (
    <DialogModal opened={transition !== null} onClose={onClose} centered size="md" testId="transition-dialog"
      title={transition ? t(`cases.transition.to.${transition.to}`) : ''}>
      {transition && <DialogBody {...props} transition={transition} />}
    </DialogModal>
  );
}
