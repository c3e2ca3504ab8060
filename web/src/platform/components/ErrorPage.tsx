import { useMemo } from 'react';
import { Button, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorReference } from './reference';
import { useDocumentTitle } from './useDocumentTitle';

/** Friendly "Something went wrong" page with a reference code; never shows a stack trace. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const reference = useMemo(() => {
    const ref = errorReference(error);
    console.error(`[Tugi] error reference ${ref}`, error);
    return ref;
  }, [error]);
  useDocumentTitle(t('errors.boundary.title'));
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" role="alert">
        <IconAlertTriangle size={48} aria-hidden color="var(--general-status-danger-text)" />
        <Title order={1}>{t('errors.boundary.title')}</Title>
        <Text>{t('errors.boundary.text')}</Text>
        <Text>
          {t('errors.boundary.reference')} <Code>{reference}</Code>
        </Text>
        <Group>
          <Button component="a" href="/">
            {t('errors.boundary.home')}
          </Button>
          <Button variant="default" onClick={() => window.location.reload()}>
            {t('errors.boundary.reload')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
