import { Anchor, Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconFileCertificate, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFileSize } from '../../platform/format';
import { documentUrl } from './api';
import type { CaseDocument } from './types';

const VALIDATION_COLOR = { valid: 'green', invalid: 'red', unchecked: 'gray', error: 'orange' } as const;

function Signers({ doc }: { doc: CaseDocument }) {
  const { t } = useTranslation();
  if (doc.kind !== 'signed_container') return null;
  const status = doc.validation?.status ?? 'unchecked';
  return (
    <Stack gap={4} mt={4}>
      <Group gap="xs">
        <Text size="sm" fw={700}>{t('cases.documents.signers')}</Text>
        <Badge color={VALIDATION_COLOR[status]} variant="light" data-testid="document-validation">{t(`cases.documents.validation.${status}`)}</Badge>
      </Group>
      {doc.signers && doc.signers.length > 0 ? (
        <List size="sm" data-testid="document-signers">
          {doc.signers.map((s, i) => (
            <List.Item key={`${s.signerName}-${i}`}>
              {s.signerName}
              {s.personalCode && ` (${s.personalCode}${s.country ? `, ${s.country}` : ''})`}
              {s.signedAt && ` · ${formatDateTime(s.signedAt)}`}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">{t('cases.documents.noSigners')}</Text>
      )}
    </Stack>
  );
}

/** The case's files; each name downloads it. */
export function DocumentList({ caseId, items }: { caseId: string; items: CaseDocument[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Text c="dimmed" data-testid="document-list">{t('cases.documents.empty')}</Text>;
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('cases.documents.title')} data-testid="document-list">
      {items.map((d) => {
        const Icon = d.kind === 'signed_container' ? IconFileCertificate : IconPaperclip;
        return (
          <Paper component="li" key={d.id} withBorder p="sm" radius="md" data-testid="document-item" data-kind={d.kind}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Icon size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor href={documentUrl(caseId, d.id)} download={d.filename} fw={700} style={{ overflowWrap: 'anywhere' }}
                  data-testid="document-download">
                  {d.filename}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`cases.documents.kind.${d.kind}`)} · {formatFileSize(d.size)} · {d.uploadedBy} · {formatDateTime(d.createdAt)}
                </Text>
                <Signers doc={d} />
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
