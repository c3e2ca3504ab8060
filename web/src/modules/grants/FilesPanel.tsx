import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileCertificate, IconUpload, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format';
import { fileUrl, grantKeys, removeFile, uploadFile } from './api';
import { ProblemsAlert } from './ui';
import type { Application, GrantFile } from './types';

/** Who signed a container, as read from it — the signatures themselves are not verified by Tugi. */
export function Signers({ file }: { file: GrantFile }) {
  const { t } = useTranslation();
  if (!file.signers) return null;
  return (
    <Stack gap={2} data-testid="signers">
      {file.signers.map((s) => (
        <Text key={s.id} size="sm" data-testid="signer">
          {t('grants.files.signer', { name: s.signerName ?? t('grants.files.unknownSigner'), at: s.signedAt ? formatDateTime(s.signedAt) : '—' })}
        </Text>
      ))}
      <Badge color={file.validation?.status === 'valid' ? 'green' : 'gray'} variant="light" w="fit-content" data-testid="signature-validation">
        {file.validation?.status === 'valid' ? t('grants.files.validated') : t('grants.files.notVerified')}
      </Badge>
    </Stack>
  );
}

function FileRow({ app, file, canRemove }: { app: Application; file: GrantFile; canRemove: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({ mutationFn: () => removeFile(app.id, file.id), onSuccess: () => client.invalidateQueries({ queryKey: grantKeys.one(app.id) }) });
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" data-testid="grant-file" data-kind={file.kind}>
      <IconFileCertificate size={20} aria-hidden />
      <Stack gap={2}>
        <Anchor href={fileUrl(app.id, file.id)} download>{file.filename}</Anchor>
        <Text size="xs" c="dimmed">{formatDateTime(file.uploadedAt)}{file.uploadedBy ? ` · ${file.uploadedBy}` : ''}</Text>
        <Signers file={file} />
      </Stack>
      {canRemove && (
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => remove.mutate()} loading={remove.isPending}>{t('grants.files.remove')}</Button>
      )}
    </Group>
  );
}

function UploadButton({ app, kind, condition, label, testId, accept }: { app: Application; kind: 'evidence' | 'signed_application'; condition?: string; label: string; testId: string; accept?: string }) {
  const client = useQueryClient();
  const upload = useMutation({ mutationFn: (file: File) => uploadFile(app.id, file, kind, condition), onSuccess: () => client.invalidateQueries({ queryKey: grantKeys.one(app.id) }) });
  return (
    <Stack gap={4}>
      <Group>
        <FileButton onChange={(f) => f && upload.mutate(f)} accept={accept}>
          {(props) => <Button {...props} variant="light" size="sm" leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending} data-testid={testId}>{label}</Button>}
        </FileButton>
      </Group>
      <ProblemsAlert error={upload.error} testId={`${testId}-error`} />
    </Stack>
  );
}

/** D-GRANT-2: evidence of each condition that needs a document, and the digitally signed application. */
export function FilesPanel({ app, editable }: { app: Application; editable: boolean }) {
  const { t } = useTranslation();
  const evidence = app.conditions.filter((c) => c.evidence);
  const signed = app.files.filter((f) => f.kind === 'signed_application');
  const contract = app.files.filter((f) => f.kind === 'signed_contract');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="grant-files-title">
      <Title order={2} size="h4" id="grant-files-title" mb="sm">{t('grants.files.title')}</Title>
      <Stack gap="md">
        {evidence.map((c) => {
          const files = app.files.filter((f) => f.kind === 'evidence' && f.conditionKey === c.key);
          return (
            <div key={c.key} data-testid="evidence-condition" data-condition={c.key}>
              <Text fw={600}>{t(`grants.condition.${c.key}`)}</Text>
              <Text size="xs" c="dimmed" mb={4}>{c.source}</Text>
              <Stack gap={6}>
                {files.map((f) => <FileRow key={f.id} app={app} file={f} canRemove={editable} />)}
                {files.length === 0 && <Text size="sm" c={editable ? 'orange.8' : 'dimmed'}>{t('grants.files.none')}</Text>}
                {editable && <UploadButton app={app} kind="evidence" condition={c.key} label={t('grants.files.addEvidence')} testId={`upload-${c.key}`} />}
              </Stack>
            </div>
          );
        })}
        <div data-testid="signed-application">
          <Text fw={600}>{t('grants.files.signedApplication')}</Text>
          <Stack gap={6}>
            {signed.map((f) => <FileRow key={f.id} app={app} file={f} canRemove={editable} />)}
            {signed.length === 0 && <Text size="sm" c={editable ? 'orange.8' : 'dimmed'}>{t('grants.files.none')}</Text>}
            {editable && <UploadButton app={app} kind="signed_application" label={t('grants.files.addSigned')} testId="upload-signed" accept=".asice,.sce,.bdoc" />}
          </Stack>
        </div>
        {contract.length > 0 && (
          <div data-testid="signed-contract">
            <Text fw={600}>{t('grants.files.signedContract')}</Text>
            {contract.map((f) => <FileRow key={f.id} app={app} file={f} canRemove={false} />)}
          </div>
        )}
        <Alert color="gray" variant="light" data-testid="signatures-note">{t('grants.files.verificationNote')}</Alert>
      </Stack>
    </Paper>
  );
}
