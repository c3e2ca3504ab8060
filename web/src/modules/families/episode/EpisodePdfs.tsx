import { Button, Group, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { episodePdfUrl, type EpisodePdf } from '../api';
import { Section } from '../ui/Section';
import type { EpisodeDetail } from '../types';

/** X-DOC: the documents that exist for the episode in its state (server documents.ts documentAvailable). */
export function availablePdfs(e: EpisodeDetail): EpisodePdf[] {
  const out: EpisodePdf[] = [];
  if (e.agreement) out.push('cooperation_agreement');
  if (e.kind === 'needs_based') out.push('support_plan');
  if (e.status === 'ended') out.push('termination_agreement');
  return out;
}

const TEST_ID: Record<EpisodePdf, string> = {
  cooperation_agreement: 'pdf-cooperation-agreement',
  termination_agreement: 'pdf-termination-agreement',
  support_plan: 'pdf-support-plan',
};

/** Cooperation agreement, support plan and termination agreement as PDFs, in the family's language. */
export function EpisodePdfs({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  const kinds = availablePdfs(e);
  return (
    <Section title={t('families.pdf.title')} intro={t('families.pdf.intro')} testId="episode-pdfs">
      {kinds.length === 0 ? (
        <Text size="sm" c="dimmed">{t('families.pdf.none')}</Text>
      ) : (
        <Group gap="sm">
          {kinds.map((kind) => (
            <Button key={kind} component="a" href={episodePdfUrl(e.id, kind)} download variant="default" leftSection={<IconFileTypePdf size={18} aria-hidden />}
              data-testid={TEST_ID[kind]}>
              {t(`families.pdf.${kind}`)}
            </Button>
          ))}
        </Group>
      )}
    </Section>
  );
}
