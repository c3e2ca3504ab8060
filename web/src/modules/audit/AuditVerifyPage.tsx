import { Alert, Button, Code, Paper, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../platform/api/client';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { PageHeader } from '../../platform/components/PageHeader';
import type { VerifyResult } from './types';

function VerifyOutcome({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="green" icon={<IconShieldCheck aria-hidden />} title={t('audit.verify.ok')} data-testid="audit-verify-ok">
        <Text>{t('audit.verify.checked', { count: result.checked })}</Text>
        {result.lastVerifiedId != null && <Text>{t('audit.verify.lastVerifiedId')}: <Code>{result.lastVerifiedId}</Code></Text>}
      </Alert>
    );
  }
  return (
    <Alert color="red" icon={<IconShieldX aria-hidden />} title={t('audit.verify.broken')} data-testid="audit-verify-broken">
      <Text>{t('audit.verify.checked', { count: result.checked })}</Text>
      {result.firstBroken && (
        <Text>
          {t('audit.verify.firstBroken')}: <Code>{result.firstBroken.id}</Code> — {result.firstBroken.reason}
        </Text>
      )}
      {result.lastVerifiedId != null && <Text>{t('audit.verify.lastVerifiedId')}: <Code>{result.lastVerifiedId}</Code></Text>}
    </Alert>
  );
}

export function AuditVerifyPage() {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: () => get<VerifyResult>('/api/audit/verify') });
  return (
    <>
      <PageHeader title={t('audit.verify.title')} description={t('audit.verify.intro')} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="md" align="flex-start">
          <Button onClick={() => mutation.mutate()} loading={mutation.isPending} leftSection={<IconShieldCheck size={18} aria-hidden />}
            data-testid="audit-verify">
            {t('audit.verify.button')}
          </Button>
          <div aria-live="polite" style={{ width: '100%' }}>
            {mutation.isPending && <Text c="dimmed">{t('audit.verify.running')}</Text>}
            {mutation.error && <ErrorAlert error={mutation.error} />}
            {mutation.data && <VerifyOutcome result={mutation.data} />}
          </div>
        </Stack>
      </Paper>
    </>
  );
}
