import { Button, Group, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pdfUrl, type PdfKind } from './api';
import type { CaseDetail } from './types';

/** X-DOC: the generated documents that exist for the case in its current state. */
export function availablePdfs(c: CaseDetail): PdfKind[] {
  const out: PdfKind[] = [];
  if (c.type === 'domestic' && c.actionPlan) out.push('action_plan');
  if (c.status === 'closing' || c.status === 'closed') out.push('summary');
  if (c.type === 'klat_opinion' && c.opinion) out.push('klat_opinion');
  return out;
}

const TEST_ID: Record<PdfKind, string> = { action_plan: 'pdf-action-plan', summary: 'pdf-summary', klat_opinion: 'pdf-klat-opinion' };

export function PdfLinks({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const kinds = availablePdfs(c);
  if (kinds.length === 0) return <Text size="sm" c="dimmed">{t('cases.pdf.none')}</Text>;
  return (
    <Group gap="sm">
      {kinds.map((kind) => (
        <Button key={kind} component="a" href={pdfUrl(c.id, kind)} download variant="default"
          leftSection={<IconFileTypePdf size={18} aria-hidden />} data-testid={TEST_ID[kind]}>
          {t(`cases.pdf.${kind}`)}
        </Button>
      ))}
    </Group>
  );
}
