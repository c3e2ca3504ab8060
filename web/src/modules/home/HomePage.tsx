import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/auth/useSession';
import { PageHeader } from '../../platform/components/PageHeader';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { useHomeItems, type HomeItem } from './api';
import { ClientLinks } from './ClientLinks';
import { HomeItemCard } from './HomeItemCard';

function DueItems({ items }: { items: HomeItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md" data-testid="home-empty">
        <Stack align="center" gap="xs">
          <IconCircleCheck size={36} aria-hidden color="var(--general-status-success-text)" />
          <Text>{t('home.empty')}</Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <HomeItemCard key={item.id} item={item} />
      ))}
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const query = useHomeItems();
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: user.name })}
        description={t(`home.intro.${user.role}`)}
        documentTitle={t('nav.home')}
      />
      {user.role === 'client' && <ClientLinks />}
      <section aria-labelledby="home-due-title" data-testid="home-items">
        <Title order={2} size="h3" id="home-due-title" mb="sm">
          {t('home.dueTitle')}
        </Title>
        {query.isPending && <InlineLoader />}
        {query.error && <ErrorAlert error={query.error} />}
        {query.data && <DueItems items={query.data.items} />}
      </section>
    </>
  );
}
