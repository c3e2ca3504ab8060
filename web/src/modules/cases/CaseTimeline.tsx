import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { InlineLoader } from '../../platform/components/FullPageLoader';
import { useCaseTimeline } from './api';
import { TimelineList } from './TimelineList';

/** The timeline tab: what was done and what happened to the case. */
export function CaseTimeline({ caseId, justSaved }: { caseId: string; justSaved: boolean }) {
  const { t } = useTranslation();
  const timeline = useCaseTimeline(caseId);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-timeline-title" data-testid="case-timeline">
      <Stack gap="md">
        <Title order={2} size="h4" id="case-timeline-title">{t('cases.timeline.title')}</Title>
        <Text size="sm" c="dimmed">{t('cases.timeline.intro')}</Text>
        {justSaved && <Alert color="green" role="status" data-testid="activity-saved-notice">{t('cases.activity.saved')}</Alert>}
        {timeline.isPending && <InlineLoader />}
        {timeline.error && <ErrorAlert error={timeline.error} />}
        {timeline.data && <TimelineList items={timeline.data} />}
      </Stack>
    </Paper>
  );
}
