import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../platform/components/Field';
import { ageOn, formatDate, todayInTallinn } from '../../../platform/format';
import { TextBlock } from '../ui/Section';
import type { FamilyChild } from '../types';
import type { ReactNode } from 'react';

function AdaptationWindowText({ c }: { c: FamilyChild }) {
  const { t } = useTranslation();
  const w = c.adaptation;
  if (!w) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Text>{t('families.children.window', { from: formatDate(w.windowFrom), to: formatDate(w.windowTo) })}</Text>
      <Group gap={4}>
        <Badge color={w.open ? 'green' : 'gray'} variant="light" data-testid="child-window-state" data-open={w.open}>
          {w.open ? t('families.children.windowOpen', { count: w.daysLeft }) : t('families.children.windowClosed')}
        </Badge>
      </Group>
      {w.leaveLimit && <Text size="sm" c="dimmed">{t('families.children.leaveLimit', { date: formatDate(w.leaveLimit) })}</Text>}
    </Stack>
  );
}

function OriginText({ c }: { c: FamilyChild }) {
  const { t } = useTranslation();
  if (c.originMasked) {
    return (
      <Group gap={6} data-testid="child-origin-masked">
        <IconLock size={16} aria-hidden />
        <Text size="sm" c="dimmed">{t('families.origin.masked')}</Text>
      </Group>
    );
  }
  if (!c.origin) return null;
  return (
    <Stack gap="xs" data-testid="child-origin">
      <Text size="sm" fw={700}>{t('families.origin.title')}</Text>
      <TextBlock label={t('families.origin.birthName')} value={c.origin.birthName} />
      <TextBlock label={t('families.origin.birthParents')} value={c.origin.birthParents} />
      <TextBlock label={t('families.origin.previousPlacement')} value={c.origin.previousPlacement} />
      <TextBlock label={t('families.origin.notes')} value={c.origin.notes} />
    </Stack>
  );
}

/** A child in the family: arrival, the adaptation window (B-ADAPT-1) and from when needs-based support fits (B-NEED-1). */
export function ChildCard({ c, actions }: { c: FamilyChild; actions?: ReactNode }) {
  const { t } = useTranslation();
  const today = todayInTallinn();
  const eligible = c.needsBasedEligibleFrom <= today;
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="family-child" data-person-id={c.personId}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Text fw={700}>{c.firstName} {c.lastName}</Text>
        {c.leftOn ? <Badge color="gray" variant="light">{t('families.children.left', { date: formatDate(c.leftOn) })}</Badge> : actions}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" m={0}>
        <Field label={t('people.fields.birthDate')}>{`${formatDate(c.birthDate)} (${t('people.ageYears', { count: ageOn(c.birthDate, today) })})`}</Field>
        <Field label={t('families.fields.arrivedOn')}>{formatDate(c.arrivedOn)}</Field>
        <Field label={t('families.children.adaptation')}><AdaptationWindowText c={c} /></Field>
        <Field label={t('families.children.needsBased')}>
          <Badge color={eligible ? 'green' : 'gray'} variant="light" data-testid="child-needs-based" data-eligible={eligible}>
            {eligible ? t('families.children.eligibleNow') : t('families.children.eligibleFrom', { date: formatDate(c.needsBasedEligibleFrom) })}
          </Badge>
        </Field>
      </SimpleGrid>
      <OriginText c={c} />
    </Paper>
  );
}
