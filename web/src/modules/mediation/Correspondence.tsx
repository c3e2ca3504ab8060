import { useEffect, useState } from 'react';
import { Anchor, Badge, Button, FileInput, Grid, Group, NavLink, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconFileText, IconGavel, IconMessagePlus, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { formatDateTime, formatFileSize } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { FormActions } from '../families/ui/FormActions';
import { Section } from '../families/ui/Section';
import { actions, fileUrl, mediationKeys, useMediationWrite, useThread, useThreads } from './api';
import type { Message, Proceeding } from './types';

type Close = (done?: string) => void;

/** Uploads the chosen files first (each checked by the server for type and size), then sends with their ids. */
async function uploadAll(proceedingId: string, files: File[]): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) ids.push((await actions.upload(proceedingId, file)).id);
  return ids;
}

function Attachments({ value, onChange }: { value: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  return (
    <FileInput
      label={t('mediation.msg.attachments')}
      description={t('mediation.msg.attachmentsHint')}
      multiple
      clearable
      value={value}
      onChange={onChange}
      accept=".pdf,.png,.jpg,.jpeg,.docx,.asice,.bdoc,.sce"
      leftSection={<IconPaperclip size={16} aria-hidden />}
      data-testid="msg-files"
    />
  );
}

function NewThreadForm({ p, close, onStarted }: { p: Proceeding; close: Close; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const send = useMediationWrite(
    async () => actions.startThread(p.id, { subject: subject.trim(), body: body.trim(), attachmentIds: await uploadAll(p.id, files) }),
    (r) => {
      close(t('mediation.msg.sent'));
      onStarted(r.id);
    },
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); send.mutate(undefined); }}>
      <Stack gap="sm">
        <TextInput label={t('mediation.msg.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required data-testid="thread-subject" />
        <Textarea label={t('mediation.msg.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={4} required data-testid="thread-body" />
        <Attachments value={files} onChange={setFiles} />
        <FormActions error={send.error} pending={send.isPending} submitLabel={t('mediation.msg.send')} testId="thread-send" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function DecisionForm({ p, close, onSent }: { p: Proceeding; close: Close; onSent: (threadId: string) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const send = useMediationWrite(
    () => actions.decision(p.id, { number: number.trim(), title: title.trim(), body: body.trim() }),
    (r) => {
      close(t('mediation.msg.decisionSent'));
      onSent(r.threadId);
    },
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); send.mutate(undefined); }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('mediation.msg.decisionHint')}</Text>
        <Group grow>
          <TextInput label={t('mediation.msg.decisionNumber')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} required data-testid="decision-number" />
          <TextInput label={t('mediation.msg.decisionTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required data-testid="decision-title" />
        </Group>
        <Textarea label={t('mediation.msg.decisionBody')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={6} required data-testid="decision-body" />
        <FormActions error={send.error} pending={send.isPending} submitLabel={t('mediation.msg.sendDecision')} testId="decision-send" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function MessageCard({ m, myId }: { m: Message; myId: string }) {
  const { t } = useTranslation();
  const readers = m.readBy.filter((r) => r.userId !== m.author.id);
  return (
    <Paper withBorder radius="md" p="sm" component="li" bg={m.author.id === myId ? 'var(--mantine-color-gray-0)' : undefined} data-testid="message" data-kind={m.kind}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} size="sm">{m.author.name} · {t(`roles.${m.author.role}`)}</Text>
          <Text size="sm" c="dimmed">{formatDateTime(m.createdAt)}</Text>
        </Group>
        {m.kind === 'decision' && (
          <Badge color="grape" variant="light" leftSection={<IconGavel size={14} aria-hidden />} data-testid="decision-badge">
            {t('mediation.msg.decision', { number: m.decisionNumber })}
          </Badge>
        )}
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Text>
        {m.files.length > 0 && (
          <Stack gap={2}>
            {m.files.map((f) => (
              <Anchor key={f.id} href={fileUrl(f.id)} download={f.filename} size="sm" data-testid="message-file" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 32 }}>
                <IconFileText size={16} aria-hidden /> {f.filename} ({formatFileSize(f.size)})
              </Anchor>
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed" data-testid="read-receipts">
          {readers.length ? t('mediation.msg.readBy', { names: readers.map((r) => `${r.name} ${formatDateTime(r.readAt)}`).join(', ') }) : t('mediation.msg.unread')}
        </Text>
      </Stack>
    </Paper>
  );
}

function ThreadView({ threadId, myId, canWrite, proceedingId }: { threadId: string; myId: string; canWrite: boolean; proceedingId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const thread = useThread(threadId);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const unread = thread.data?.messages.some((m) => !m.readBy.some((r) => r.userId === myId)) ?? false;
  // E-MSG read receipt: shown means read; the server records it once per message.
  useEffect(() => {
    if (!unread) return;
    void actions.markRead(threadId).then(() => {
      void client.invalidateQueries({ queryKey: mediationKeys.thread(threadId) });
      void client.invalidateQueries({ queryKey: mediationKeys.threads(proceedingId) });
      void client.invalidateQueries({ queryKey: ['home'] });
    });
  }, [threadId, unread, client, proceedingId]);
  const send = useMediationWrite(
    async () => actions.reply(threadId, { body: body.trim(), attachmentIds: await uploadAll(proceedingId, files) }),
    () => {
      setBody('');
      setFiles([]);
    },
  );
  if (thread.isPending) return <InlineLoader />;
  if (thread.error) return <ErrorAlert error={thread.error} />;
  return (
    <Stack gap="sm" data-testid="thread">
      <Title order={3} size="h5">{thread.data.subject}</Title>
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={thread.data.subject}>
        {thread.data.messages.map((m) => <MessageCard key={m.id} m={m} myId={myId} />)}
      </Stack>
      {canWrite && (
        <form onSubmit={(e) => { e.preventDefault(); send.mutate(undefined); }}>
          <Stack gap="xs">
            <Textarea label={t('mediation.msg.reply')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} required data-testid="reply-body" />
            <Attachments value={files} onChange={setFiles} />
            <ErrorAlert error={send.error} />
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} loading={send.isPending} data-testid="reply-send">{t('mediation.msg.send')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** E-MSG: the proceeding's secure correspondence — threads, administrative decisions, attachments, read receipts. */
export function Correspondence({ p, myId, canDecide }: { p: Proceeding; myId: string; canDecide: boolean }) {
  const { t } = useTranslation();
  const threads = useThreads(p.id);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? threads.data?.[0]?.id ?? null;
  return (
    <Section
      title={t('mediation.msg.title')}
      intro={t('mediation.msg.intro')}
      testId="correspondence"
      actions={
        <>
          {p.can.write && (
            <ActionDialog label={t('mediation.msg.newThread')} title={t('mediation.msg.newThread')} icon={<IconMessagePlus size={16} aria-hidden />} variant="light" testId="thread-new">
              {(close) => <NewThreadForm p={p} close={close} onStarted={setSelected} />}
            </ActionDialog>
          )}
          {canDecide && (
            <ActionDialog label={t('mediation.msg.newDecision')} title={t('mediation.msg.newDecision')} icon={<IconGavel size={16} aria-hidden />} variant="light" testId="decision-new">
              {(close) => <DecisionForm p={p} close={close} onSent={setSelected} />}
            </ActionDialog>
          )}
        </>
      }
    >
      {threads.isPending ? <InlineLoader /> : threads.error ? <ErrorAlert error={threads.error} /> : threads.data.length === 0 ? (
        <Text c="dimmed">{t('mediation.msg.empty')}</Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <nav aria-label={t('mediation.msg.threads')} data-testid="threads">
              {threads.data.map((th) => (
                <NavLink
                  key={th.id}
                  component="button"
                  type="button"
                  active={th.id === current}
                  onClick={() => setSelected(th.id)}
                  label={th.subject}
                  description={`${formatDateTime(th.lastMessageAt)} · ${t('mediation.msg.count', { count: th.messages })}`}
                  leftSection={th.hasDecision ? <IconGavel size={18} aria-hidden /> : undefined}
                  rightSection={th.unread > 0 ? <Badge color="red" size="sm" aria-label={t('mediation.msg.unreadCount', { count: th.unread })}>{th.unread}</Badge> : undefined}
                  aria-current={th.id === current ? 'true' : undefined}
                  data-testid="thread-link"
                  data-decision={th.hasDecision}
                  style={{ minHeight: 44 }}
                />
              ))}
            </nav>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {current && <ThreadView key={current} threadId={current} myId={myId} canWrite={p.can.write} proceedingId={p.id} />}
          </Grid.Col>
        </Grid>
      )}
    </Section>
  );
}
