import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../../platform/components/DetailList';
import { Field } from '../../../platform/components/Field';
import { formatDate } from '../../../platform/format';
import { setContinuedSupport } from '../api';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { Section, TextBlock } from '../ui/Section';
import type { EpisodeDetail } from '../types';
import { useEpisodeWrite } from './episode-write';

/** The termination agreement as recorded, and B-CONT: whether the family stays on the continued-support list. */
export function TerminationSection({ e, canEdit }: { e: EpisodeDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { mutation } = useEpisodeWrite(e, (version, on: boolean) => setContinuedSupport(e.id, { version, continuedSupport: on }));
  const x = e.termination;
  if (!x) return null;
  return (
    <Section title={t('families.end.sectionTitle')} testId="episode-termination">
      <DetailList>
        <Field label={t('families.end.endsOn')}>{formatDate(x.endsOn)}</Field>
        <Field label={t('families.end.reason')}>{x.reason ? t(`families.endReason.${x.reason}`) : null}</Field>
        <Field label={t('families.end.sentToKov')}>{x.sentToKovOn ? formatDate(x.sentToKovOn) : t('families.end.notSent')}</Field>
      </DetailList>
      <TextBlock label={t('families.end.activities')} value={x.activities} />
      <TextBlock label={t('families.end.goalsReached')} value={x.goalsReached} />
      <TextBlock label={t('families.end.furtherNeeds')} value={x.furtherNeeds} />
      <TextBlock label={t('families.end.kovRecommendations')} value={x.kovRecommendations} />
      {e.switchedToEpisodeId === null && e.kind !== 'mentoring' && (
        <Alert color={e.continuedSupport ? 'green' : 'gray'} title={t('families.cont.title')} data-testid="episode-continued" data-on={e.continuedSupport}>
          <Text size="sm">{t(e.continuedSupport ? 'families.cont.on' : 'families.cont.off')}</Text>
          {canEdit && (
            <Group mt="sm">
              <Button variant="light" loading={mutation.isPending} onClick={() => mutation.mutate(!e.continuedSupport)} data-testid="episode-continued-toggle">
                {t(e.continuedSupport ? 'families.cont.stop' : 'families.cont.start')}
              </Button>
            </Group>
          )}
        </Alert>
      )}
      {mutation.error && <RuleErrorAlert error={mutation.error} />}
    </Section>
  );
}
