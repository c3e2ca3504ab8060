import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { ExportButtons } from '../../../platform/components/ExportButtons';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { PageHeader } from '../../../platform/components/PageHeader';
import { formatDate } from '../../../platform/format';
import { CONTINUED_PATH } from '../api';
import { KindBadge } from '../Badges';
import { episodeLink } from '../episodes/EpisodesTable';
import { useContinuedSupport } from '../queries';

/** /families/continued-support — B-CONT (järeltugi): families after the end with whom the provider keeps contact. */
export function ContinuedSupportPage() {
  const { t } = useTranslation();
  const query = useContinuedSupport();
  return (
    <>
      <PageHeader title={t('families.cont.pageTitle')} description={t('families.cont.intro')} />
      <Group justify="flex-end" mb="sm"><ExportButtons listPath={CONTINUED_PATH} filters={{}} testIdPrefix="continued" /></Group>
      {query.isPending && <InlineLoader />}
      {query.error && <ErrorAlert error={query.error} />}
      {query.data && query.data.length === 0 && <Text c="dimmed" data-testid="continued-empty">{t('families.cont.empty')}</Text>}
      {query.data && query.data.length > 0 && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.cont.pageTitle')} data-testid="continued-list">
          {query.data.map((e) => (
            <Paper component="li" key={e.id} withBorder p="sm" radius="md" data-testid="continued-row" data-family={e.familyReference}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor component={Link} to={episodeLink(e.id)} fw={700} mih={44} display="inline-flex" style={{ alignItems: 'center' }}>
                  {e.familyReference} · {e.parentNames}
                </Anchor>
                <KindBadge kind={e.kind} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('families.cont.endedOn', { date: formatDate(e.endsOn) })} · {e.providerName}{e.specialistName ? ` · ${e.specialistName}` : ''}
              </Text>
              <Text size="sm">
                {e.lastContinuedContactOn ? t('families.cont.lastContact', { date: formatDate(e.lastContinuedContactOn) }) : t('families.cont.noContact')}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
