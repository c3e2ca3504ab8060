import { Alert, Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api/errors';
import { useSession } from '../../platform/auth/useSession';
import { AccessHistory } from '../../platform/components/AccessHistory';
import { BackLink } from '../../platform/components/BackLink';
import { DetailList } from '../../platform/components/DetailList';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { Field } from '../../platform/components/Field';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../platform/components/NotFoundPage';
import { PageHeader } from '../../platform/components/PageHeader';
import { formatDate } from '../../platform/format';
import { fetchPerson, peopleKeys } from './api';
import { DuplicatesAlert } from './DuplicatesAlert';
import { OwnDataNotice } from './OwnDataNotice';
import { PersonEditForm } from './PersonEditForm';
import type { PersonDetail } from './types';

function PersonFacts({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <DetailList>
        <Field label={t('people.fields.personalCode')}>{person.personalCode ?? t('people.noCode')}</Field>
        <Field label={t('people.fields.birthDate')}>{formatDate(person.birthDate)}</Field>
        <Field label={t('people.fields.age')}>{t('people.ageYears', { count: person.age })}</Field>
        <Field label={t('people.fields.sex')}>{t(`people.sex.${person.sex ?? 'unknown'}`)}</Field>
      </DetailList>
    </Paper>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  // A self-service client sees only their own record, read-only.
  const own = useSession().user.role === 'client';
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const query = useQuery({ queryKey: peopleKeys.one(id), queryFn: ({ signal }) => fetchPerson(id, signal) });
  const reload = async () => (await query.refetch()).data;

  if (query.isPending) return <InlineLoader />;
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const person = query.data;
  return (
    <>
      {own ? <BackLink to="/" label={t('people.backToHome')} /> : <BackLink to="/people" label={t('people.backToList')} />}
      <PageHeader title={`${person.firstName} ${person.lastName}`} />
      <Stack gap="lg">
        {created && <Alert color="green" role="status" data-testid="person-created">{t('people.created')}</Alert>}
        <DuplicatesAlert items={person.possibleDuplicates ?? []} />
        <PersonFacts person={person} />
        {own ? (
          <OwnDataNotice />
        ) : (
          <>
            <PersonEditForm key={person.id} person={person} onReload={reload} />
            <AccessHistory recordType="person" recordId={person.id} />
          </>
        )}
      </Stack>
    </>
  );
}
