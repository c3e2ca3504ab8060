import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingStatus, DeliveryStatus, MediationStatus } from './types';

const STATUS_COLOR: Record<MediationStatus, string> = {
  referred: 'gray',
  first_meeting_booked: 'blue',
  in_mediation: 'violet',
  agreement: 'green',
  ended_without_agreement: 'orange',
};

/** E-PROVIDER: the state of a proceeding, in words (not colour alone). */
export function StatusBadge({ status }: { status: MediationStatus }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status]} variant="light" data-testid="proceeding-status" data-status={status}>{t(`mediation.status.${status}`)}</Badge>;
}

const BOOKING_COLOR: Record<BookingStatus, string> = { booked: 'blue', held: 'green', no_show: 'orange', cancelled: 'gray', rescheduled: 'gray' };

export function BookingBadge({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return <Badge color={BOOKING_COLOR[status]} variant="light">{t(`mediation.booking.status.${status}`)}</Badge>;
}

const DELIVERY_COLOR: Record<DeliveryStatus, string> = { pending: 'yellow', sending: 'blue', delivered: 'green', failed: 'red' };

export function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return <Badge color={DELIVERY_COLOR[status]} variant="light" data-testid="delivery-status" data-status={status}>{t(`mediation.register.status.${status}`)}</Badge>;
}
