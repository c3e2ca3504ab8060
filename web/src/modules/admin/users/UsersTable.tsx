import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../platform/format';
import type { AdminUser } from '../types';
import { UserStatus } from './UserStatus';

function UserRow({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/admin/users/${encodeURIComponent(user.id)}`} fw={700}>
          {user.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
      <Table.Td>{user.organisationName}</Table.Td>
      <Table.Td>
        <UserStatus user={user} />
      </Table.Td>
      <Table.Td className="nowrap">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '—'}</Table.Td>
    </Table.Tr>
  );
}

export function UsersTable({ users }: { users: AdminUser[] }) {
  const { t } = useTranslation();
  if (users.length === 0) return <Text c="dimmed" py="md">{t('users.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover data-testid="users-table" aria-label={t('users.table.caption')}>
        <caption className="visually-hidden-caption">{t('users.table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.email')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.role')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.organisation')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('users.fields.lastLogin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
