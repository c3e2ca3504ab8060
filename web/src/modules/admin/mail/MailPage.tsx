import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../platform/api/pagination';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { LoadMore } from '../../../platform/components/LoadMore';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDateTime } from '../../../platform/format';
import { MAIL_PATH, mailKeys } from '../api';
import type { MailItem } from '../types';
import { MailStatusBadge } from './MailStatusBadge';

function MailRow({ mail }: { mail: MailItem }) {
  return (
    <Table.Tr>
      <Table.Td className="nowrap">{formatDateTime(mail.createdAt)}</Table.Td>
      <Table.Td>{mail.to}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/admin/mail/${encodeURIComponent(mail.id)}`}>
          {mail.subject}
        </Anchor>
      </Table.Td>
      <Table.Td><MailStatusBadge status={mail.status} /></Table.Td>
      <Table.Td ta="right">{mail.attempts}</Table.Td>
      <Table.Td className="nowrap">{mail.sentAt ? formatDateTime(mail.sentAt) : '—'}</Table.Td>
    </Table.Tr>
  );
}

function MailTable({ items }: { items: MailItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed" py="md">{t('mail.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover data-testid="mail-table" aria-label={t('mail.table.caption')}>
        <caption className="visually-hidden-caption">{t('mail.table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('mail.fields.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('mail.fields.to')}</Table.Th>
            <Table.Th scope="col">{t('mail.fields.subject')}</Table.Th>
            <Table.Th scope="col">{t('mail.fields.status')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('mail.fields.attempts')}</Table.Th>
            <Table.Th scope="col">{t('mail.fields.sentAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((m) => <MailRow key={m.id} mail={m} />)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function MailPage() {
  const { t } = useTranslation();
  const list = useCursorList<MailItem>(mailKeys.all, MAIL_PATH, {});
  return (
    <>
      <PageHeader title={t('mail.title')} description={t('mail.intro')} />
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <MailTable items={list.items} />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}
