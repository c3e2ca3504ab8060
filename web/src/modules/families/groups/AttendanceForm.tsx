import { useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, Checkbox, FileInput, Group as Row, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../platform/components/DateField';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { isRealDate, todayInTallinn } from '../../../platform/format';
import { FormActions } from '../ui/FormActions';
import { groupFileUrl, recordAttendance, uploadGroupFile, useGroup, useGroupWrite, type FileKind } from './api';
import { PayText } from './PayText';
import type { GroupDetail, Participant, Signature } from './types';

const SIGNATURES: Signature[] = ['signed', 'digital', 'screenshot', 'none'];

function FileRow({ g, kind }: { g: GroupDetail; kind: FileKind }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useGroupWrite((f: File) => uploadGroupFile(g.id, kind, f), () => setFile(null));
  const current = kind === 'attendance-list' ? g.attendanceFile : g.screenshotFile;
  return (
    <Stack gap={4}>
      <Row align="flex-end" gap="sm">
        <FileInput label={t(`groups.attendance.file.${kind}`)} description={t(`groups.attendance.fileHint.${kind}`)} value={file} onChange={setFile} clearable
          accept={kind === 'screenshot' ? 'image/*,application/pdf' : 'application/pdf,image/*'} leftSection={<IconPaperclip size={16} aria-hidden />} style={{ flex: 1 }}
          data-testid={`attendance-file-${kind}`} />
        <Button variant="default" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)} data-testid={`attendance-upload-${kind}`}>
          {t('groups.attendance.upload')}
        </Button>
      </Row>
      {current && (
        <Text size="sm">
          {t('groups.attendance.current')}: <Anchor href={groupFileUrl(g.id, kind)} data-testid={`attendance-download-${kind}`}>{current.filename}</Anchor>
        </Text>
      )}
      <ErrorAlert error={upload.error} />
    </Stack>
  );
}

function Form({ g, close }: { g: GroupDetail; close: (done?: string) => void }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const [heldOn, setHeldOn] = useState(g.heldOn ?? (g.plannedOn <= today ? g.plannedOn : today));
  const [minutes, setMinutes] = useState<number>(g.actualMinutes ?? g.plannedMinutes);
  const [leaderSigned, setLeaderSigned] = useState(g.leaderSigned);
  const defaultSignature: Signature = g.online ? 'screenshot' : 'signed';
  const [people, setPeople] = useState<Participant[]>(() => (g.participants.length ? g.participants.map((p) => ({ name: p.name, familyId: p.familyId ?? null, signature: p.signature })) : [{ name: '', signature: defaultSignature }]));
  const [errors, setErrors] = useState<{ heldOn?: string; names?: string }>({});
  const mutation = useGroupWrite(
    (body: { heldOn: string; actualMinutes: number; leaderSigned: boolean; participants: Participant[] }) => recordAttendance(g.id, { version: g.version, ...body }),
    () => close(t('groups.attendance.saved')),
  );
  const setPerson = (i: number, p: Partial<Participant>) => setPeople((old) => old.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!heldOn || !isRealDate(heldOn)) found.heldOn = t('validation.date');
    else if (heldOn > today) found.heldOn = t('families.dateInFuture');
    const participants = people.filter((p) => p.name.trim()).map((p) => ({ ...p, name: p.name.trim() }));
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate({ heldOn, actualMinutes: minutes, leaderSigned, participants });
  };
  const counted = people.filter((p) => p.name.trim() && p.signature !== 'none').length;
  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate data-testid="attendance-form">
        <Stack gap="md">
          <Text size="sm">{t(g.online ? 'groups.attendance.introOnline' : 'groups.attendance.introInPerson')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('groups.fields.heldOn')} value={heldOn} onChange={setHeldOn} error={errors.heldOn} required maxDate={today} testId="attendance-held-on" />
            <NumberInput label={t('groups.fields.actualMinutes')} description={t('groups.attendance.minutesHint')} value={minutes} onChange={(x) => setMinutes(Number(x) || 0)}
              min={1} max={600} withAsterisk data-testid="attendance-minutes" />
          </SimpleGrid>
          <Checkbox label={t('groups.fields.leaderSigned')} checked={leaderSigned} onChange={(e) => setLeaderSigned(e.currentTarget.checked)} data-testid="attendance-leader-signed" />
          <Title order={3} size="h5">{t('groups.attendance.participants', { count: counted })}</Title>
          <Stack gap="xs" data-testid="attendance-participants">
            {people.map((p, i) => (
              <Row key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput label={t('groups.attendance.name')} value={p.name} onChange={(e) => setPerson(i, { name: e.currentTarget.value })} maxLength={200} style={{ flex: 3 }}
                  data-testid={`attendance-name-${i}`} />
                <Select label={t('groups.attendance.signature')} data={SIGNATURES.map((s) => ({ value: s, label: t(`groups.signature.${s}`) }))} value={p.signature}
                  onChange={(x) => x && setPerson(i, { signature: x as Signature })} allowDeselect={false} style={{ flex: 2, minWidth: 200 }} data-testid={`attendance-signature-${i}`} />
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('groups.attendance.remove', { name: p.name || i + 1 })} onClick={() => setPeople((old) => old.filter((_, j) => j !== i))}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Row>
            ))}
          </Stack>
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setPeople((old) => [...old, { name: '', signature: defaultSignature }])}
            style={{ alignSelf: 'flex-start' }} data-testid="attendance-add-participant">
            {t('groups.attendance.addParticipant')}
          </Button>
          {g.pay && <PayText pay={g.pay} />}
          <FormActions error={mutation.error} pending={mutation.isPending} submitLabel={t('groups.attendance.save')} testId="attendance-submit" onCancel={() => close()} />
        </Stack>
      </form>
      <Stack gap="sm">
        <Title order={3} size="h5">{t('groups.attendance.files')}</Title>
        <FileRow g={g} kind="attendance-list" />
        {g.online && <FileRow g={g} kind="screenshot" />}
      </Stack>
    </Stack>
  );
}

/** B-GRP-5: after the meeting — day, minutes, participants with signatures, the leader's signature, the list and (online) the screenshot. */
export function AttendanceForm({ groupId, close }: { groupId: string; close: (done?: string) => void }) {
  const group = useGroup(groupId);
  if (group.isPending) return <InlineLoader />;
  if (group.error) return <ErrorAlert error={group.error} />;
  return <Form key={group.data.id} g={group.data} close={close} />;
}
