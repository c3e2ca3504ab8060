import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../platform/api/errors';
import { BackLink } from '../../../platform/components/BackLink';
import { DetailList } from '../../../platform/components/DetailList';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { Field } from '../../../platform/components/Field';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { NotFoundPage } from '../../../platform/components/NotFoundPage';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDateTime } from '../../../platform/format';
import { fetchMail, mailKeys } from '../api';
import { MailStatusBadge } from './MailStatusBadge';

export function MailDetailPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const query = useQuery({ queryKey: mailKeys.one(id), queryFn: ({ signal }) => fetchMail(id, signal) });
  if (query.isPending) return <InlineLoader />;
  if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const mail = query.data;
  return (
    <>
      <BackLink to="/admin/mail" label={t('mail.backToList')} />
      <PageHeader title={mail.subject} documentTitle={t('mail.detailTitle')} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <DetailList>
            <Field label={t('mail.fields.to')}>{mail.to}</Field>
            <Field label={t('mail.fields.status')}><MailStatusBadge status={mail.status} /></Field>
            <Field label={t('mail.fields.attempts')}>{mail.attempts}</Field>
            <Field label={t('mail.fields.createdAt')}>{formatDateTime(mail.createdAt)}</Field>
            <Field label={t('mail.fields.sentAt')}>{mail.sentAt ? formatDateTime(mail.sentAt) : '—'}</Field>
          </DetailList>
        </Paper>
        {mail.lastError && (
          <Alert color="red" title={t('mail.fields.lastError')}>{mail.lastError}</Alert>
        )}
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mail-body-title">
          <Title order={2} size="h4" id="mail-body-title" mb="sm">{t('mail.fields.body')}</Title>
          <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, fontFamily: 'inherit' }} data-testid="mail-body">
            {mail.bodyText}
          </pre>
        </Paper>
      </Stack>
    </>
  );
}
