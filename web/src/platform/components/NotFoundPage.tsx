import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFound.title'));
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <IconMapSearch size={48} aria-hidden color="var(--general-text-brand)" />
        <Title order={1}>{t('errors.notFound.title')}</Title>
        <Text>{t('errors.notFound.text')}</Text>
        <div>
          <Button component={Link} to="/">
            {t('errors.notFound.home')}
          </Button>
        </div>
      </Stack>
    </Container>
  );
}
