import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { euros, units } from './format';
import type { GroupPay } from './types';

/** B-GRP-2..5: a held group's units and price, or why it is not paid. */
export function PayText({ pay, compact = false }: { pay: GroupPay; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const amount = t('groups.pay.amount', { units: units(pay.units, i18n.language), price: euros(pay.unitCents, i18n.language), amount: euros(pay.amountCents, i18n.language) });
  return (
    <Group gap="xs" wrap="wrap" data-testid="group-pay">
      <Badge color={pay.billable ? 'green' : 'red'} variant="light">{pay.billable ? t('groups.pay.paid') : t('groups.pay.notPaid')}</Badge>
      <Text size="sm">{amount}</Text>
      {!pay.billable && pay.excludedReason && (
        <Text size="sm" c="red.8" data-testid="group-pay-reason">{t(`groups.exclusion.${pay.excludedReason}`)}</Text>
      )}
      {!compact && pay.problems.length > 1 && (
        <Text size="sm" c="dimmed">{pay.problems.slice(1).map((p) => t(`groups.exclusion.${p}`)).join(' ')}</Text>
      )}
    </Group>
  );
}
