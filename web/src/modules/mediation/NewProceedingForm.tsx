import { useState } from 'react';
import { Button, Checkbox, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../platform/components/DateField';
import { todayInTallinn } from '../../platform/format';
import { useOrganisationOptions } from '../admin/api';
import { FormActions } from '../families/ui/FormActions';
import { post } from '../../platform/api/client';
import { PROCEEDINGS_PATH, useMediationWrite, useMediators } from './api';
import { REFERRERS, TOPICS, type Proceeding } from './types';

interface PersonValues {
  firstName: string;
  lastName: string;
  personalCode: string;
}
interface ParentValues extends PersonValues {
  kovOrganisationId: string;
  address: string;
  phone: string;
  email: string;
  consented: boolean;
}

const person = (): PersonValues => ({ firstName: '', lastName: '', personalCode: '' });
const parent = (): ParentValues => ({ ...person(), kovOrganisationId: '', address: '', phone: '', email: '', consented: false });
const orNull = (s: string) => s.trim() || null;
const personBody = (p: PersonValues) => ({ firstName: p.firstName.trim(), lastName: p.lastName.trim(), personalCode: orNull(p.personalCode) });

/** E-PROFILE: SKA registers proceedings from the parents' applications (the server checks every rule). */
export function NewProceedingForm({ close, onCreated }: { close: (done?: string) => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const kovs = useOrganisationOptions('kov');
  const mediators = useMediators(true);
  const [referredBy, setReferredBy] = useState<string>('court');
  const [referrerName, setReferrerName] = useState('');
  const [referredOn, setReferredOn] = useState(todayInTallinn());
  const [topics, setTopics] = useState<string[]>(['contact']);
  const [language, setLanguage] = useState('et');
  const [description, setDescription] = useState('');
  const [preferred, setPreferred] = useState<string | null>(null);
  const [parents, setParents] = useState<ParentValues[]>([parent(), parent()]);
  const [children, setChildren] = useState<PersonValues[]>([person()]);
  const create = useMediationWrite(
    () =>
      post<Proceeding>(PROCEEDINGS_PATH, {
        referredBy,
        referrerName: orNull(referrerName),
        referredOn,
        topics,
        language,
        description: description.trim(),
        parents: parents.map((p, i) => ({
          person: personBody(p),
          kovOrganisationId: p.kovOrganisationId || null,
          address: orNull(p.address),
          phone: orNull(p.phone),
          email: orNull(p.email),
          consented: p.consented,
          preferredMediatorId: i === 0 ? preferred : null,
        })),
        children: children.map(personBody),
      }),
    (created) => {
      close(t('mediation.create.done', { reference: created.reference }));
      onCreated(created.id);
    },
  );
  const setParent = (i: number, patch: Partial<ParentValues>) => setParents((all) => all.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const setChild = (i: number, patch: Partial<PersonValues>) => setChildren((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const personFields = (p: PersonValues, set: (patch: Partial<PersonValues>) => void, prefix: string) => (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput label={t('mediation.fields.firstName')} value={p.firstName} onChange={(e) => set({ firstName: e.currentTarget.value })} required data-testid={`${prefix}-first`} />
      <TextInput label={t('mediation.fields.lastName')} value={p.lastName} onChange={(e) => set({ lastName: e.currentTarget.value })} required data-testid={`${prefix}-last`} />
      <TextInput label={t('mediation.fields.personalCode')} value={p.personalCode} onChange={(e) => set({ personalCode: e.currentTarget.value })} inputMode="numeric" data-testid={`${prefix}-code`} />
    </SimpleGrid>
  );
  return (
    <form onSubmit={(e) => { e.preventDefault(); create.mutate(undefined); }} data-testid="proceeding-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('mediation.fields.referredBy')} data={REFERRERS.map((r) => ({ value: r, label: t(`mediation.referrer.${r}`) }))} value={referredBy} onChange={(v) => setReferredBy(v ?? 'court')} allowDeselect={false} />
          <TextInput label={t('mediation.fields.referrerName')} value={referrerName} onChange={(e) => setReferrerName(e.currentTarget.value)} />
          <DateField label={t('mediation.fields.referredOn')} value={referredOn} onChange={setReferredOn} required />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MultiSelect label={t('mediation.fields.topics')} data={TOPICS.map((x) => ({ value: x, label: t(`mediation.topic.${x}`) }))} value={topics} onChange={setTopics} required />
          <Select label={t('mediation.fields.language')} data={['et', 'ru', 'en'].map((l) => ({ value: l, label: t(`languages.${l}`) }))} value={language} onChange={(v) => setLanguage(v ?? 'et')} allowDeselect={false} />
          <Select label={t('mediation.fields.preferredMediator')} data={(mediators.data ?? []).map((m) => ({ value: m.id, label: m.name }))} value={preferred} onChange={setPreferred} clearable placeholder={t('mediation.fields.automatic')} />
        </SimpleGrid>
        <Textarea label={t('mediation.fields.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} required />
        {parents.map((p, i) => (
          <Fieldset key={i} legend={t('mediation.create.parent', { n: i + 1 })}>
            <Stack gap="sm">
              {personFields(p, (patch) => setParent(i, patch), `parent-${i}`)}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('mediation.fields.kov')} data={(kovs.data ?? []).map((k) => ({ value: k.id, label: k.name }))} value={p.kovOrganisationId || null} onChange={(v) => setParent(i, { kovOrganisationId: v ?? '' })} searchable clearable />
                <TextInput label={t('mediation.fields.address')} value={p.address} onChange={(e) => setParent(i, { address: e.currentTarget.value })} />
                <TextInput label={t('mediation.fields.phone')} value={p.phone} onChange={(e) => setParent(i, { phone: e.currentTarget.value })} type="tel" />
                <TextInput label={t('mediation.fields.email')} value={p.email} onChange={(e) => setParent(i, { email: e.currentTarget.value })} type="email" />
              </SimpleGrid>
              <Checkbox label={t('mediation.create.consented')} checked={p.consented} onChange={(e) => setParent(i, { consented: e.currentTarget.checked })} />
            </Stack>
          </Fieldset>
        ))}
        {children.map((c, i) => (
          <Fieldset key={i} legend={t('mediation.create.child', { n: i + 1 })}>
            {personFields(c, (patch) => setChild(i, patch), `child-${i}`)}
          </Fieldset>
        ))}
        <Group>
          <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setChildren((all) => [...all, person()])} disabled={children.length >= 10}>
            {t('mediation.create.addChild')}
          </Button>
        </Group>
        <FormActions error={create.error} pending={create.isPending} submitLabel={t('mediation.create.submit')} testId="proceeding-submit" onCancel={() => close()} />
      </Stack>
    </form>
  );
}
