import { Badge, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../platform/api/pagination';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { LoadMore } from '../../../platform/components/LoadMore';
import { REFERRALS_PATH, familyKeys } from '../api';
import { Section } from '../ui/Section';
import type { ReferralListItem } from '../types';
import { ReferralsTable } from './ReferralsTable';

function QueuePart({ part, filters }: { part: 'overdue' | 'toCheck'; filters: Record<string, string> }) {
  const { t } = useTranslation();
  const list = useCursorList<ReferralListItem>([...familyKeys.referrals, 'queue', part], REFERRALS_PATH, filters, 20);
  const count = list.data ? list.items.length + (list.hasNextPage ? '+' : '') : '';
  return (
    <Section title={t(`families.queue.${part}`)} intro={t(`families.queue.${part}Hint`)} testId={`referral-queue-${part}`}
      actions={list.data && <Badge color={part === 'overdue' && list.items.length ? 'red' : 'gray'} variant="light">{count}</Badge>}>
      {list.isPending && <InlineLoader />}
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <ReferralsTable items={list.items} label={t(`families.queue.${part}`)} emptyText={t(`families.queue.${part}Empty`)} compact />
          <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </Section>
  );
}

/** The SKA contact's work: overdue first contacts first (B-START), then referrals to check (B-NEED-2). */
export function ReferralQueue() {
  return (
    <Stack gap="lg" data-testid="referral-queue">
      <QueuePart part="overdue" filters={{ overdueFirstContact: 'true' }} />
      <QueuePart part="toCheck" filters={{ status: 'submitted' }} />
    </Stack>
  );
}
