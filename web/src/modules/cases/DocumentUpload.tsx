import { useRef, useState } from 'react';
import { Alert, Button, FileButton, Group, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { caseKeys, uploadDocument } from './api';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Upload an attachment or a signed container (.asice/.bdoc), up to 10 MB. */
export function DocumentUpload({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const resetRef = useRef<() => void>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => uploadDocument(caseId, file),
    onSuccess: (_doc, file) => {
      setDone(file.name);
      void client.invalidateQueries({ queryKey: caseKeys.documents(caseId) });
      void client.invalidateQueries({ queryKey: caseKeys.timeline(caseId) });
    },
    onSettled: () => resetRef.current?.(),
  });
  const pick = (file: File | null) => {
    setDone(null);
    setTooLarge(null);
    mutation.reset();
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setTooLarge(file.name);
      resetRef.current?.();
      return;
    }
    mutation.mutate(file);
  };
  return (
    <>
      <Group gap="sm" wrap="wrap">
        <FileButton onChange={pick} resetRef={resetRef}>
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={18} aria-hidden />} loading={mutation.isPending} data-testid="document-upload">
              {t('cases.documents.upload')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">{t('cases.documents.uploadHint')}</Text>
      </Group>
      {tooLarge && <Alert color="red" role="alert">{t('cases.documents.tooLarge', { name: tooLarge })}</Alert>}
      {mutation.error && <ErrorAlert error={mutation.error} />}
      {done && <Alert color="green" role="status" data-testid="document-uploaded">{t('cases.documents.uploaded', { name: done })}</Alert>}
    </>
  );
}
