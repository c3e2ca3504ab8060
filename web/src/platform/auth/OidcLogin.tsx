import { Button, Divider, Text } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { useLanguage } from '../i18n/useLanguage';
import { fetchOidcConfig } from './session-api';

/** TARA-style login (ID card / Mobile-ID / Smart-ID): a full-page navigation, not a fetch. */
export function OidcLogin() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { data } = useQuery({ queryKey: ['oidc-config'], queryFn: fetchOidcConfig, staleTime: Infinity });
  if (!data?.enabled) return null;
  const href = withQuery('/api/auth/oidc/start', { locale: language });
  return (
    <>
      <Button
        component="a"
        href={href}
        fullWidth
        variant="outline"
        leftSection={<IconId size={20} aria-hidden />}
        data-testid="oidc-login"
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        h="auto"
        mih={44}
        py={8}
      >
        {t('auth.login.oidc')}
      </Button>
      <Text size="sm" c="dimmed" ta="center">
        {t('auth.login.oidcHint')}
      </Text>
      <Divider label={t('auth.login.or')} labelPosition="center" />
    </>
  );
}
