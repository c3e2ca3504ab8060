import { useState } from 'react';
import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPencil, IconUserCheck, IconUserOff, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../platform/components/DetailList';
import { Field } from '../../platform/components/Field';
import { formatDate } from '../../platform/format';
import { ActionDialog } from '../families/ui/ActionDialog';
import { FormActions } from '../families/ui/FormActions';
import { Section, TextBlock } from '../families/ui/Section';
import { actions, useMediationWrite, useMediators } from './api';
import type { Parent, Party, Proceeding } from './types';
import { StatusBadge } from './ui';

type Close = (done?: string) => void;

/** E-PROFILE, proceedings data: who referred, when, the subject, language, mediator. */
export function ProceedingData({ p }: { p: Proceeding }) {
  const { t } = useTranslation();
  return (
    <Section title={t('mediation.profile.proceedings')} testId="proceeding-data">
      <DetailList>
        <Field label={t('mediation.list.state')}><StatusBadge status={p.status} /></Field>
        <Field label={t('mediation.fields.referredBy')}>{t(`mediation.referrer.${p.referredBy}`)}{p.referrerName ? ` (${p.referrerName})` : ''}</Field>
        <Field label={t('mediation.fields.referredOn')}>{formatDate(p.referredOn)}</Field>
        <Field label={t('mediation.fields.topics')}>{p.topics.map((x) => t(`mediation.topic.${x}`)).join(', ')}</Field>
        <Field label={t('mediation.fields.language')}>{t(`languages.${p.language}`)}</Field>
        <Field label={t('mediation.list.mediator')}>
          <span data-testid="proceeding-mediator">{p.mediator ? p.mediator.name : t('mediation.list.noMediator')}</span>
          {p.assignmentReason && <Text span size="sm" c="dimmed"> · {t(`mediation.assign.reason.${p.assignmentReason}`)}</Text>}
        </Field>
        {p.endedOn && <Field label={t('mediation.profile.endedOn')}>{formatDate(p.endedOn)}</Field>}
      </DetailList>
      <TextBlock label={t('mediation.fields.description')} value={p.description} />
      <TextBlock label={t('mediation.profile.endReason')} value={p.endReason} />
      <TextBlock label={t('mediation.fields.notes')} value={p.notes} />
    </Section>
  );
}

function ContactForm({ p, parent, close }: { p: Proceeding; parent: Parent; close: Close }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(parent.contact?.address ?? '');
  const [phone, setPhone] = useState(parent.contact?.phone ?? '');
  const [email, setEmail] = useState(parent.contact?.email ?? '');
  const save = useMediationWrite(
    () => actions.contact(p.id, parent.partyId, { version: parent.version, address: address.trim() || null, phone: phone.trim() || null, email: email.trim() || null }),
    () => close(t('mediation.profile.contactSaved')),
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(undefined); }}>
      <Stack gap="sm">
        <TextInput label={t('mediation.fields.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} data-testid="contact-address" />
        <TextInput label={t('mediation.fields.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} type="tel" data-testid="contact-phone" />
        <TextInput label={t('mediation.fields.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} type="email" data-testid="contact-email" />
        <FormActions error={save.error} pending={save.isPending} submitLabel={t('common.save')} testId="contact-save" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function PersonLine({ person }: { person: Party }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {person.personalCode ? `${t('mediation.fields.personalCode')} ${person.personalCode} · ` : ''}
      {t('mediation.profile.born', { date: formatDate(person.birthDate) })}
    </Text>
  );
}

/** E-PROFILE, general, residence and contact data of both parents, and the children concerned. */
export function Parties({ p, canEditAll }: { p: Proceeding; canEditAll: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('mediation.profile.parties')} testId="parties">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {p.parents.map((parent) => (
          <Card key={parent.partyId} withBorder radius="md" padding="md" data-testid="parent-card" data-me={parent.isMe}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={3} size="h5">{parent.firstName} {parent.lastName}{parent.isMe ? ` (${t('mediation.profile.you')})` : ''}</Title>
                {parent.consentedAt ? (
                  <Badge color="green" variant="light" leftSection={<IconUserCheck size={14} aria-hidden />}>{t('mediation.profile.consented')}</Badge>
                ) : (
                  <Badge color="yellow" variant="light">{t('mediation.profile.notConsented')}</Badge>
                )}
              </Group>
              <PersonLine person={parent} />
              {parent.contact ? (
                <Stack gap={2} data-testid="parent-contact">
                  <Text size="sm">{t('mediation.fields.address')}: {parent.contact.address ?? '—'}{parent.contact.kovName ? ` (${parent.contact.kovName})` : ''}</Text>
                  <Text size="sm">{t('mediation.fields.phone')}: {parent.contact.phone ?? '—'}</Text>
                  <Text size="sm">{t('mediation.fields.email')}: {parent.contact.email ?? '—'}</Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">{t('mediation.profile.contactHidden')}</Text>
              )}
              {parent.contact && (parent.isMe || canEditAll) && (
                <Group>
                  <ActionDialog label={t('mediation.profile.editContact')} title={t('mediation.profile.editContactTitle')} icon={<IconPencil size={16} aria-hidden />} variant="light" size="md" testId="contact-edit">
                    {(close) => <ContactForm p={p} parent={parent} close={close} />}
                  </ActionDialog>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <div>
        <Title order={3} size="h5" mb={4}>{t('mediation.list.children')}</Title>
        <Stack gap={4} data-testid="children">
          {p.children.map((c) => (
            <div key={c.partyId}>
              <Text>{c.firstName} {c.lastName}</Text>
              <PersonLine person={c} />
            </div>
          ))}
        </Stack>
      </div>
    </Section>
  );
}

function ConsentForm({ p, close }: { p: Proceeding; close: Close }) {
  const { t } = useTranslation();
  const mediators = useMediators(true);
  const [preferred, setPreferred] = useState<string | null>(null);
  const send = useMediationWrite(() => actions.consent(p.id, { preferredMediatorId: preferred }), () => close(t('mediation.assign.consentDone')));
  return (
    <form onSubmit={(e) => { e.preventDefault(); send.mutate(undefined); }}>
      <Stack gap="sm">
        <Text size="sm">{t('mediation.assign.consentText')}</Text>
        <Select
          label={t('mediation.fields.preferredMediator')}
          description={t('mediation.assign.preferredHint')}
          data={(mediators.data ?? []).filter((m) => m.languages.includes(p.language)).map((m) => ({ value: m.id, label: m.name }))}
          value={preferred}
          onChange={setPreferred}
          clearable
          placeholder={t('mediation.fields.automatic')}
          data-testid="consent-preferred"
        />
        <FormActions error={send.error} pending={send.isPending} submitLabel={t('mediation.assign.consent')} testId="consent-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function RefuseForm({ p, close }: { p: Proceeding; close: Close }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const send = useMediationWrite(() => actions.refuse(p.id, { reason: reason.trim() || null }), () => close(t('mediation.assign.refuseDone')));
  return (
    <form onSubmit={(e) => { e.preventDefault(); send.mutate(undefined); }}>
      <Stack gap="sm">
        <Text size="sm">{t('mediation.assign.refuseText', { mediator: p.mediator?.name ?? '' })}</Text>
        <Textarea label={t('mediation.assign.refuseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        <FormActions error={send.error} pending={send.isPending} submitLabel={t('mediation.assign.refuse')} color="red" testId="refuse-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

function AssignForm({ p, close }: { p: Proceeding; close: Close }) {
  const { t } = useTranslation();
  const mediators = useMediators(true);
  const [mediator, setMediator] = useState<string | null>(null);
  const send = useMediationWrite(() => actions.assign(p.id, { version: p.version, ...(mediator ? { mediatorId: mediator } : {}) }), () => close(t('mediation.assign.assignDone')));
  return (
    <form onSubmit={(e) => { e.preventDefault(); send.mutate(undefined); }}>
      <Stack gap="sm">
        <Select
          label={t('mediation.list.mediator')}
          description={t('mediation.assign.assignHint')}
          data={(mediators.data ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.languages.join(', ')} · ${t('mediation.assign.workload', { count: m.openProceedings ?? 0 })}` }))}
          value={mediator}
          onChange={setMediator}
          clearable
          placeholder={t('mediation.fields.automatic')}
          data-testid="assign-mediator"
        />
        <FormActions error={send.error} pending={send.isPending} submitLabel={t('mediation.assign.assign')} testId="assign-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}

/** E-ASSIGN actions: a parent applies and consents or refuses a mediator they know; SKA assigns. */
export function AssignmentActions({ p }: { p: Proceeding }) {
  const { t } = useTranslation();
  const me = p.parents.find((x) => x.isMe);
  return (
    <Group gap="sm">
      {p.can.consent && me && !me.consentedAt && (
        <ActionDialog label={t('mediation.assign.consent')} title={t('mediation.assign.consentTitle')} icon={<IconUserCheck size={16} aria-hidden />} size="md" testId="consent">
          {(close) => <ConsentForm p={p} close={close} />}
        </ActionDialog>
      )}
      {p.can.refuse && me && (
        <ActionDialog label={t('mediation.assign.refuse')} title={t('mediation.assign.refuseTitle')} icon={<IconUserOff size={16} aria-hidden />} variant="default" size="md" testId="refuse">
          {(close) => <RefuseForm p={p} close={close} />}
        </ActionDialog>
      )}
      {p.can.assign && (
        <ActionDialog label={p.mediator ? t('mediation.assign.change') : t('mediation.assign.assign')} title={t('mediation.assign.assignTitle')} icon={<IconUsers size={16} aria-hidden />} variant={p.mediator ? 'default' : 'filled'} size="md" testId="assign">
          {(close) => <AssignForm p={p} close={close} />}
        </ActionDialog>
      )}
    </Group>
  );
}

