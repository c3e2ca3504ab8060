import { useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, FileButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconLink, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFileSize } from '../../../platform/format';
import { addDocumentReference, familyKeys, specialistDocumentUrl, uploadSpecialistDocument } from '../api';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { Section } from '../ui/Section';
import type { SpecialistDetail } from '../types';

const MAX_BYTES = 10 * 1024 * 1024;

function AddDocument({ s }: { s: SpecialistDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const resetRef = useRef<() => void>(null);
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string | null>(null);
  const refresh = (name: string) => {
    setDone(name);
    setTitle('');
    setReference('');
    void client.invalidateQueries({ queryKey: familyKeys.specialist(s.id) });
  };
  const upload = useMutation({ mutationFn: (file: File) => uploadSpecialistDocument(s.id, file, title.trim()), onSuccess: (_d, file) => refresh(file.name), onSettled: () => resetRef.current?.() });
  const byReference = useMutation({ mutationFn: () => addDocumentReference(s.id, { title: title.trim(), reference: reference.trim() }), onSuccess: () => refresh(title.trim()) });
  const pick = (file: File | null) => {
    setDone(null);
    setError(undefined);
    if (!file) return;
    if (!title.trim()) { setError(t('families.documents.titleFirst')); resetRef.current?.(); return; }
    if (file.size > MAX_BYTES) { setError(t('families.documents.tooLarge', { name: file.name })); resetRef.current?.(); return; }
    upload.mutate(file);
  };
  const submitReference = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!title.trim() || !reference.trim()) { setError(t('families.documents.titleAndReference')); return; }
    setError(undefined);
    byReference.mutate();
  };
  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={submitReference} noValidate>
        <Stack gap="sm">
          <TextInput label={t('families.documents.docTitle')} description={t('families.documents.docTitleHint')} value={title} onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200} data-testid="specialist-document-title" />
          <Group gap="sm" wrap="wrap">
            <FileButton onChange={pick} resetRef={resetRef}>
              {(props) => (
                <Button {...props} leftSection={<IconUpload size={18} aria-hidden />} loading={upload.isPending} data-testid="specialist-document-upload">
                  {t('families.documents.upload')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed">{t('families.documents.uploadHint')}</Text>
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label={t('families.documents.reference')} description={t('families.documents.referenceHint')} value={reference}
              onChange={(e) => setReference(e.currentTarget.value)} maxLength={1000} style={{ flex: 1, minWidth: 220 }} data-testid="specialist-document-reference" />
            <Button type="submit" variant="light" leftSection={<IconLink size={18} aria-hidden />} loading={byReference.isPending} data-testid="specialist-document-reference-submit">
              {t('families.documents.addReference')}
            </Button>
          </Group>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          {upload.error && <RuleErrorAlert error={upload.error} />}
          {byReference.error && <RuleErrorAlert error={byReference.error} />}
          {done && <Alert color="green" role="status" data-testid="specialist-document-added">{t('families.documents.added', { name: done })}</Alert>}
        </Stack>
      </form>
    </Paper>
  );
}

/** Qualification documents: uploads (raw bytes) or references to a diploma or register entry. */
export function SpecialistDocuments({ s, canAdd }: { s: SpecialistDetail; canAdd: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('families.documents.title')} testId="specialist-documents">
      {s.documents.length === 0 ? (
        <Text c="dimmed">{t('families.documents.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.documents.title')}>
          {s.documents.map((d) => (
            <Paper component="li" key={d.id} withBorder p="sm" radius="md" data-testid="specialist-document">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Stack gap={0}>
                  {d.kind === 'upload' ? (
                    <Anchor href={specialistDocumentUrl(s.id, d.id)} download fw={700}>{d.title}</Anchor>
                  ) : (
                    <Text fw={700}>{d.title}</Text>
                  )}
                  <Text size="sm" c="dimmed">{d.kind === 'upload' ? `${d.filename ?? ''}${d.size ? ` · ${formatFileSize(d.size)}` : ''}` : d.reference}</Text>
                </Stack>
                <Text size="sm" c="dimmed">{d.uploadedBy} · {formatDateTime(d.createdAt)}</Text>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {canAdd && <AddDocument s={s} />}
    </Section>
  );
}
