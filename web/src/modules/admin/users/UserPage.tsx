import { Alert, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api/errors';
import { BackLink } from '../../../platform/components/BackLink';
import { AccessHistory } from '../../../platform/components/AccessHistory';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../../platform/components/NotFoundPage';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDateTime } from '../../../platform/format';
import { fetchUser, userKeys } from '../api';
import { SetPasswordForm } from './SetPasswordForm';
import { UserEditForm } from './UserEditForm';
import { UserStatusActions } from './UserStatusActions';

export function UserPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const query = useQuery({ queryKey: userKeys.one(id), queryFn: ({ signal }) => fetchUser(id, signal) });
  const reload = async () => (await query.refetch()).data;

  if (query.isPending) return <InlineLoader />;
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const user = query.data;
  return (
    <>
      <BackLink to="/admin/users" label={t('users.backToList')} />
      <PageHeader
        title={user.name}
        description={
          <Text span c="dimmed">
            {user.email} · {t(`roles.${user.role}`)} · {user.organisationName}
            {user.lastLoginAt && ` · ${t('users.fields.lastLogin')}: ${formatDateTime(user.lastLoginAt)}`}
          </Text>
        }
      />
      <Stack gap="lg">
        {created && <Alert color="green" role="status" data-testid="user-created">{t('users.created')}</Alert>}
        <UserEditForm key={user.id} user={user} onReload={reload} />
        <UserStatusActions user={user} onReload={() => void reload()} />
        <SetPasswordForm user={user} onReload={() => void reload()} />
        <AccessHistory recordType="user" recordId={user.id} />
      </Stack>
    </>
  );
}
