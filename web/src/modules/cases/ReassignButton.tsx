import { useState, type FormEvent } from 'react';
import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { IconUserShare } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../platform/api/errors';
import { DialogModal } from '../../platform/components/DialogModal';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../platform/components/VersionConflictAlert';
import { assignCase, useSpecialists } from './api';
import { useCaseSaves } from './case-cache';
import type { CaseDetail } from './types';

function ReassignForm({ c, onDone, onReload }: { c: CaseDetail; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const saves = useCaseSaves();
  const specialists = useSpecialists();
  const [specialistId, setSpecialistId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ specialist?: string; reason?: string }>({});
  const mutation = useMutation({
    mutationFn: () => assignCase(c.id, { version: c.version, specialistId: specialistId!, reason: reason.trim() }),
    onSuccess: (next) => {
      saves.saved(c.version, next);
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...(specialistId ? {} : { specialist: t('validation.required') }),
      ...(reason.trim() ? {} : { reason: t('validation.required') }),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  const conflict = hasCode(mutation.error, 'VERSION_CONFLICT');
  const options = (specialists.data ?? []).filter((s) => s.id !== c.specialist?.id).map((s) => ({ value: s.id, label: s.name }));
  return (
    <form onSubmit={submit} noValidate data-testid="case-reassign-form">
      <Stack gap="md">
        {conflict && <VersionConflictAlert onReload={() => { mutation.reset(); onReload(); }} />}
        {mutation.error && !conflict && <ErrorAlert error={mutation.error} />}
        {specialists.error && <ErrorAlert error={specialists.error} />}
        <Select label={t('cases.reassign.specialist')} description={c.specialist?.name ? t('cases.reassign.current', { name: c.specialist.name }) : undefined}
          data={options} value={specialistId} onChange={setSpecialistId} error={errors.specialist} searchable withAsterisk
          nothingFoundMessage={t('common.nothingFound')} data-testid="case-reassign-specialist" />
        <Textarea label={t('cases.reassign.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason}
          withAsterisk autosize minRows={2} maxLength={2000} data-testid="case-reassign-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={mutation.isPending} data-testid="case-reassign-submit">{t('cases.reassign.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A-ASSIGN: the manager hands the case to another chief specialist, with a reason. */
export function ReassignButton({ c, onReload }: { c: CaseDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconUserShare size={18} aria-hidden />} onClick={() => setOpen(true)} data-testid="case-reassign">
        {t('cases.reassign.button')}
      </Button>
      <DialogModal opened={open} onClose={() => setOpen(false)} title={t('cases.reassign.title', { reference: c.reference })} size="md"
        fullScreenOnPhone testId="case-reassign-dialog">
        <ReassignForm c={c} onDone={() => setOpen(false)} onReload={onReload} />
      </DialogModal>
    </>
  );
}
