import type { ReactNode } from 'react';
import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../layout/LanguageSwitcher';
import { MAIN_CONTENT_ID, SkipLink } from '../layout/SkipLink';

/** The frame of the pages before login (login, password reset): header with the language switcher, one card, an optional line under it. */
export function AuthFrame({ title, subtitle, footer, children }: { title: string; subtitle?: string; footer?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box bg="var(--general-surface-tertiary)" mih="100dvh">
      <SkipLink />
      <Box component="header" px="md" py="sm" bg="white" style={{ borderBottom: '1px solid var(--general-border-primary)' }}>
        <Group justify="space-between">
          <Text fw={700} fz="xl" c="var(--general-text-brand)">
            {t('app.name')}
          </Text>
          <LanguageSwitcher />
        </Group>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size={460} py="xl" px="sm">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <div>
              <Title order={1}>{title}</Title>
              {subtitle && (
                <Text c="dimmed" mt={4}>
                  {subtitle}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
        {footer}
      </Container>
    </Box>
  );
}
