import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api/errors';
import { BackLink } from '../../../platform/components/BackLink';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../../platform/components/NotFoundPage';
import { PageHeader } from '../../../platform/components/PageHeader';
import { fetchOrganisation, orgKeys } from '../api';
import { OrganisationEditForm } from './OrganisationEditForm';
import { OrganisationStatusActions } from './OrganisationStatusActions';
import { RegionalSpecialist } from './RegionalSpecialist';

export function OrganisationPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const query = useQuery({ queryKey: orgKeys.one(id), queryFn: ({ signal }) => fetchOrganisation(id, signal) });
  const reload = async () => (await query.refetch()).data;

  if (query.isPending) return <InlineLoader />;
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const org = query.data;
  return (
    <>
      <BackLink to="/admin/organisations" label={t('organisations.backToList')} />
      <PageHeader title={org.name} description={t(`orgKinds.${org.kind}`)} />
      <Stack gap="lg">
        {org.kind === 'kov' && <RegionalSpecialist org={org} onReload={() => void reload()} />}
        <OrganisationEditForm key={org.id} org={org} onReload={reload} />
        <OrganisationStatusActions org={org} onReload={() => void reload()} />
      </Stack>
    </>
  );
}
