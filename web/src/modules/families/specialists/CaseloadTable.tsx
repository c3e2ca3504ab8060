import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { useCaseload } from '../queries';
import { specialistLink } from './SpecialistsTable';

/** Running services per specialist by kind and B-FREQ colour (a provider: its own team). */
export function CaseloadTable({ providerId }: { providerId?: string }) {
  const { t } = useTranslation();
  const query = useCaseload(true, providerId);
  if (query.isPending) return <InlineLoader />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (query.data.length === 0) return <Text c="dimmed">{t('families.specialists.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="caseload-table">
        <caption className="visually-hidden-caption">{t('families.caseload.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('families.caseload.specialist')}</Table.Th>
            <Table.Th scope="col">{t('families.caseload.running')}</Table.Th>
            <Table.Th scope="col">{t('families.kind.adaptation')}</Table.Th>
            <Table.Th scope="col">{t('families.kind.needs_based')}</Table.Th>
            <Table.Th scope="col">{t('families.kind.mentoring')}</Table.Th>
            <Table.Th scope="col">{t('families.compliance.status.red')}</Table.Th>
            <Table.Th scope="col">{t('families.compliance.status.amber')}</Table.Th>
            <Table.Th scope="col">{t('families.compliance.status.not_started')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((r) => (
            <Table.Tr key={r.specialistId} data-testid="caseload-row">
              <Table.Td>
                <Anchor component={Link} to={specialistLink(r.specialistId)}>{r.name}</Anchor>
                <Text size="xs" c="dimmed">{r.providerName}{r.approved ? '' : ` · ${t('families.specialists.notApproved')}`}</Text>
              </Table.Td>
              <Table.Td fw={700}>{r.running}</Table.Td>
              <Table.Td>{r.adaptation}</Table.Td>
              <Table.Td>{r.needsBased}</Table.Td>
              <Table.Td>{r.mentoring}</Table.Td>
              <Table.Td c={r.red ? 'red.8' : undefined} fw={r.red ? 700 : undefined}>{r.red}</Table.Td>
              <Table.Td>{r.amber}</Table.Td>
              <Table.Td>{r.notStarted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
