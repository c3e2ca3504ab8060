import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasCode, isApiError } from '../../platform/api/errors';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { caseKeys, openLinkedDomestic } from './api';
import type { CaseDetail } from './types';

const caseUrl = (id: string) => `/cases/${encodeURIComponent(id)}`;

function existingId(error: unknown): string | null {
  if (!hasCode(error, 'LINKED_CASE_EXISTS') || !isApiError(error)) return null;
  const id = (error.details as { caseId?: unknown } | undefined)?.caseId;
  return typeof id === 'string' ? id : null;
}

/** A-KLAT: the KOV opens the consultation case that the KLAT application includes. */
export function OpenLinkedButton({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: () => openLinkedDomestic(c.id),
    onSuccess: (created) => {
      client.setQueryData(caseKeys.one(created.id), created);
      void client.invalidateQueries({ queryKey: caseKeys.list });
      void navigate(caseUrl(created.id), { state: { created: true } });
    },
  });
  const existing = existingId(mutation.error);
  return (
    <Alert color="tedi" role="note" icon={<IconLink aria-hidden />} title={t('cases.linked.title')} data-testid="case-linked">
      <Text size="sm" mb="sm">{t('cases.linked.text')}</Text>
      {existing ? (
        <Anchor component={Link} to={caseUrl(existing)} data-testid="case-linked-open">{t('cases.linked.exists')}</Anchor>
      ) : (
        <>
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group mt="xs">
            <Button variant="light" onClick={() => mutation.mutate()} loading={mutation.isPending} data-testid="case-open-linked">
              {t('cases.linked.open')}
            </Button>
          </Group>
        </>
      )}
    </Alert>
  );
}

/** On a domestic case opened from a KLAT case: the way back. */
export function LinkedFrom({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  if (!c.linkedCaseId) return null;
  return (
    <Anchor component={Link} to={caseUrl(c.linkedCaseId)} data-testid="case-linked-from">{t('cases.linked.from')}</Anchor>
  );
}
