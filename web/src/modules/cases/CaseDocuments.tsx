import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { useCaseDocuments } from './api';
import { DocumentList } from './DocumentList';
import { DocumentUpload } from './DocumentUpload';
import { PdfLinks } from './PdfLinks';
import type { CaseDetail } from './types';

/** The documents tab: generated PDFs, uploaded files and signed containers. */
export function CaseDocuments({ c, canUpload }: { c: CaseDetail; canUpload: boolean }) {
  const { t } = useTranslation();
  const documents = useCaseDocuments(c.id);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-pdf-title">
        <Title order={2} size="h4" id="case-pdf-title" mb="sm">{t('cases.pdf.title')}</Title>
        <PdfLinks c={c} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-documents-title" data-testid="case-documents">
        <Stack gap="md">
          <Title order={2} size="h4" id="case-documents-title">{t('cases.documents.title')}</Title>
          {canUpload && <DocumentUpload caseId={c.id} />}
          {documents.isPending && <InlineLoader />}
          {documents.error && <ErrorAlert error={documents.error} />}
          {documents.data && <DocumentList caseId={c.id} items={documents.data} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
