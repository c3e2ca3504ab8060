import { Alert, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../platform/auth/useSession';
import { ErrorAlert } from '../../../platform/components/ErrorAlert';
import { InlineLoader } from '../../../platform/components/FullPageLoader';
import { formatDate } from '../../../platform/format';
import { ActionDialog } from '../ui/ActionDialog';
import { Section } from '../ui/Section';
import { SESSION_READERS, SESSION_WRITERS, useFamilyLimits, useSessions, type FamilyLimits } from './api';
import { RecordSessionForm } from './RecordSessionForm';
import { RequestExtraForm } from './RequestExtraForm';
import { SessionList } from './SessionList';

/** Remaining mentoring (B-MENT-2) and counselling/supervision (B-PSY-1/2) of a family, each with its rule. */
export function LimitsSummary({ limits }: { limits: FamilyLimits }) {
  const { t } = useTranslation();
  const m = limits.mentoring;
  const c = limits.counselling;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="session-limits">
      <Stack gap={2} data-testid="limits-mentoring" data-remaining={m.remaining}>
        <Text fw={600}>{t('sessions.limits.mentoringTitle')}</Text>
        <Text size="lg">{t('sessions.limits.remaining', { count: m.remaining })}</Text>
        <Text size="sm" c="dimmed">
          {m.stage === 'with_child'
            ? t('sessions.limits.mentoringQuarter', { used: m.usedThisQuarter, limit: m.limit, quarter: m.quarter })
            : t('sessions.limits.mentoringBeforeChild', { used: m.usedTotal, limit: m.limit })}
        </Text>
        <Text size="xs" c="dimmed">{t('sessions.limits.ruleMentoring')}</Text>
      </Stack>
      <Stack gap={2} data-testid="limits-counselling" data-remaining={c.remaining}>
        <Text fw={600}>{t('sessions.limits.counsellingTitle')}</Text>
        <Text size="lg">{t('sessions.limits.remaining', { count: c.remaining })}</Text>
        <Text size="sm" c="dimmed">{t('sessions.limits.counsellingYear', { used: c.used, limit: c.limit, year: c.year })}</Text>
        <Text size="xs" c="dimmed">
          {[
            c.notAssessed ? t('sessions.limits.notAssessed') : t('sessions.limits.base'),
            c.childLeft ? t('sessions.limits.childLeft') : null,
            c.approvedExtra ? t('sessions.limits.approvedExtra', { count: c.approvedExtra }) : null,
          ].filter(Boolean).join(' · ')}
        </Text>
        {c.pendingExtra && (
          <Text size="sm" c="orange" data-testid="limits-pending-extra">
            {t('sessions.limits.pendingExtra', { count: c.pendingExtra.requestedSessions, date: formatDate(c.pendingExtra.requestedOn) })}
          </Text>
        )}
      </Stack>
    </SimpleGrid>
  );
}

/**
 * The "Sessions and limits" card of a family (or, with `episodeId`, of its
 * mentoring episode): what is left, the sessions, and recording one.
 */
export function SessionsCard({ familyId, episodeId }: { familyId: string; episodeId?: string }) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const readable = (SESSION_READERS as readonly string[]).includes(role);
  const canWrite = (SESSION_WRITERS as readonly string[]).includes(role);
  const limits = useFamilyLimits(familyId, readable);
  const sessions = useSessions(episodeId ? { episodeId } : { familyId }, readable);
  if (!readable) return null;
  const mentoringEpisodeId = episodeId ?? limits.data?.runningMentoringEpisodeId ?? null;
  const c = limits.data?.counselling;
  const actions = canWrite && (
    <Group gap="xs">
      <ActionDialog label={t('sessions.record')} title={t('sessions.recordTitle')} icon={<IconCalendarPlus size={18} aria-hidden />} testId="session-record">
        {(close) => <RecordSessionForm familyId={familyId} mentoringEpisodeId={mentoringEpisodeId} {...(episodeId ? { service: 'mentoring' as const } : {})} onDone={close} />}
      </ActionDialog>
      {!episodeId && c && c.extraAvailable > 0 && !c.notAssessed && (
        <ActionDialog label={t('sessions.extra.request')} title={t('sessions.extra.requestTitle', { year: c.year })} icon={<IconPlus size={18} aria-hidden />} variant="light" testId="extra-request">
          {(close) => <RequestExtraForm familyId={familyId} year={c.year} available={c.extraAvailable} onDone={close} />}
        </ActionDialog>
      )}
    </Group>
  );
  return (
    <Section title={episodeId ? t('sessions.episodeTitle') : t('sessions.title')} actions={actions} testId="sessions-card">
      {limits.isPending ? <InlineLoader /> : limits.error ? <ErrorAlert error={limits.error} /> : limits.data && <LimitsSummary limits={limits.data} />}
      {!episodeId && limits.data && !limits.data.runningMentoringEpisodeId && canWrite && (
        <Alert color="blue" variant="light">{t('sessions.noMentoringEpisode')}</Alert>
      )}
      {sessions.isPending ? <InlineLoader /> : sessions.error ? <ErrorAlert error={sessions.error} /> : <SessionList items={sessions.data?.items ?? []} canWrite={canWrite} />}
    </Section>
  );
}
