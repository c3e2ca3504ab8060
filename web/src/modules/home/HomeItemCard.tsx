import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconClockExclamation, IconInfoCircle, IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import type { HomeItem, Severity } from './api';

const SEVERITY: Record<Severity, { color: string; Icon: typeof IconInfoCircle }> = {
  info: { color: 'tedi', Icon: IconInfoCircle },
  warning: { color: 'orange', Icon: IconAlertTriangle },
  overdue: { color: 'red', Icon: IconClockExclamation },
};

function ItemLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const internal = link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/api/');
  const common = { variant: 'light', rightSection: <IconArrowRight size={18} aria-hidden /> } as const;
  return internal ? (
    <Button component={Link} to={link} {...common}>
      {t('home.open')}
    </Button>
  ) : (
    <Button component="a" href={link} {...common}>
      {t('home.open')}
    </Button>
  );
}

export function HomeItemCard({ item }: { item: HomeItem }) {
  const { t } = useTranslation();
  const { color, Icon } = SEVERITY[item.severity] ?? SEVERITY.info;
  const title = t(item.titleKey, {
    ...item.params,
    count: item.count,
    defaultValue: t('home.items.fallback'),
  });
  return (
    <Paper withBorder radius="md" p="md" component="li" data-severity={item.severity}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Icon size={24} aria-hidden color={`var(--mantine-color-${color}-6)`} />
          <Stack gap={4}>
            <Text fw={700}>{title}</Text>
            <Group gap="xs">
              {item.severity !== 'info' && (
                <Badge color={color} variant="light">{t(`home.severity.${item.severity}`)}</Badge>
              )}
              {item.dueDate && <Text size="sm">{t('home.dueDate', { date: formatDate(item.dueDate) })}</Text>}
            </Group>
          </Stack>
        </Group>
        {item.link && <ItemLink link={item.link} />}
      </Group>
    </Paper>
  );
}
