import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { formatDate } from '../../../platform/format';
import { familyCan } from '../permissions';
import { Section } from '../ui/Section';
import type { FamilyDetail } from '../types';
import { ChildCard } from './ChildCard';
import { AddChildButton, AddPersonButton, ChildLeaveButton } from './PeopleDialogs';

function PeopleTable({ caption, rows }: { caption: string; rows: { id: string; name: string; code: string | null; birthDate: string }[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Table>
      <caption className="visually-hidden-caption">{caption}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('families.fields.name')}</Table.Th>
          <Table.Th scope="col">{t('people.fields.personalCode')}</Table.Th>
          <Table.Th scope="col">{t('people.fields.birthDate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.code ?? '—'}</Table.Td>
            <Table.Td>{formatDate(r.birthDate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Parents and other household members; the children with their windows. */
export function FamilyPeople({ f }: { f: FamilyDetail }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const canAdd = familyCan.addPeople(role);
  const parents = f.parents.map((p) => ({ id: p.personId, name: `${p.firstName} ${p.lastName}`, code: p.personalCode, birthDate: p.birthDate }));
  const household = f.householdMembers.map((p) => ({ id: p.personId, name: `${p.firstName} ${p.lastName}`, code: null, birthDate: p.birthDate }));
  return (
    <>
      <Section title={t('families.sections.children')} intro={t('families.children.intro')} testId="family-children"
        actions={canAdd && <AddChildButton f={f} />}>
        {f.children.length === 0 ? (
          <Text c="dimmed">{t('families.children.none')}</Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {f.children.map((c) => <ChildCard key={c.placementId} c={c} actions={canAdd && <ChildLeaveButton f={f} c={c} />} />)}
          </Stack>
        )}
      </Section>
      <Section title={t('families.sections.household')} intro={t('families.people.intro')} testId="family-parents"
        actions={canAdd && <><AddPersonButton f={f} kind="parent" /><AddPersonButton f={f} kind="household" /></>}>
        <Text fw={700} size="sm">{t('families.fields.parents')}</Text>
        <PeopleTable caption={t('families.fields.parents')} rows={parents} />
        {household.length > 0 && <Text fw={700} size="sm">{t('families.people.household')}</Text>}
        <PeopleTable caption={t('families.people.household')} rows={household} />
      </Section>
    </>
  );
}
