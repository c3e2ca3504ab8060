import { Paper, Stack, Stepper, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import { STEPS, isFinal } from './workflow';
import type { CaseDetail } from './types';

/** The date a step was reached, where the case records it. */
function stepDate(c: CaseDetail, step: string): string | null {
  if (step === 'application' || step === 'preparatory') return c.receivedOn;
  if (step === 'active') return c.rv?.activeStartedOn ?? null;
  if (step === 'follow_up') return c.rv?.followUpStartedOn ?? null;
  if (step === 'opinion_issued') return c.opinionIssuedOn;
  if (step === 'closed') return c.closedOn;
  return null;
}

/** The case type's workflow as a stepper: done, current and coming states. */
export function CaseWorkflow({ c, children }: { c: CaseDetail; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const steps = STEPS[c.type];
  const current = steps.indexOf(c.status);
  // A final state counts as done: the stepper shows every step completed.
  const active = isFinal(c.status) ? steps.length : current;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-workflow-title" data-testid="case-workflow">
      <Stack gap="md">
        <Title order={2} size="h4" id="case-workflow-title">{t('cases.workflow.title')}</Title>
        {/* On a phone only the step circles; the current step is named in the text below. */}
        <Stepper active={active} size={isPhone ? 'xs' : 'sm'} allowNextStepsSelect={false} data-testid="case-stepper" aria-hidden>
          {steps.map((step, index) => {
            const date = stepDate(c, step);
            return (
              <Stepper.Step key={step} label={isPhone ? undefined : t(`cases.status.${step}`)} allowStepSelect={false}
                description={!isPhone && date && index <= current ? formatDate(date) : undefined} />
            );
          })}
        </Stepper>
        {/* The stepper's buttons are decorative; the same facts as text for screen readers. */}
        <VisuallyHidden>
          <ol>
            {steps.map((step, index) => (
              <li key={step} aria-current={index === current ? 'step' : undefined}>
                {t(`cases.status.${step}`)}: {t(index < active ? 'cases.workflow.done' : index === current ? 'cases.workflow.current' : 'cases.workflow.coming')}
              </li>
            ))}
          </ol>
        </VisuallyHidden>
        <Text size="sm" data-testid="case-workflow-current">
          {t('cases.workflow.now', { status: t(`cases.status.${c.status}`), step: current + 1, total: steps.length })}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
