import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../../platform/api/errors';
import { formatDate } from '../../../platform/format';
import { addGoal, familyKeys, updateGoal } from '../api';
import { RuleErrorAlert } from '../RuleErrorAlert';
import { Section } from '../ui/Section';
import type { EpisodeDetail, Goal, GoalStatus } from '../types';

const STATUS_COLOR: Record<GoalStatus, string> = { open: 'tedi', reached: 'green', dropped: 'gray' };

function useGoalWrite<T>(e: EpisodeDetail, send: (input: T) => Promise<EpisodeDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (next) => client.setQueryData(familyKeys.episode(e.id), next),
    onError: (error) => { if (hasCode(error, 'VERSION_CONFLICT')) void client.invalidateQueries({ queryKey: familyKeys.episode(e.id) }); },
  });
}

function GoalRow({ e, g, index, canEdit }: { e: EpisodeDetail; g: Goal; index: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const mutation = useGoalWrite(e, (status: GoalStatus) => updateGoal(e.id, g.id, { version: g.version, status }));
  const contacts = e.contacts.filter((c) => c.goalNotes.some((n) => n.goalId === g.id)).length;
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="goal-item" data-status={g.status}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
          <Text fw={700}>{g.text}</Text>
          <Text size="sm" c="dimmed">
            {t(`families.plan.origin.${g.origin}`, { date: formatDate(g.addedOn) })} · {t('families.plan.notesCount', { count: contacts })}
          </Text>
        </Stack>
        <Badge color={STATUS_COLOR[g.status]} variant="light">{t(`families.plan.status.${g.status}`)}</Badge>
      </Group>
      {canEdit && (
        <Group gap="xs" mt="xs">
          {g.status !== 'reached' && (
            <Button size="sm" mih={44} variant="light" color="green" leftSection={<IconCheck size={16} aria-hidden />} loading={mutation.isPending && mutation.variables === 'reached'}
              onClick={() => mutation.mutate('reached')} data-testid={`goal-${index}-reached`} aria-label={`${t('families.plan.markReached')}: ${g.text}`}>
              {t('families.plan.markReached')}
            </Button>
          )}
          {g.status !== 'dropped' && (
            <Button size="sm" mih={44} variant="default" leftSection={<IconX size={16} aria-hidden />} loading={mutation.isPending && mutation.variables === 'dropped'}
              onClick={() => mutation.mutate('dropped')} data-testid={`goal-${index}-dropped`} aria-label={`${t('families.plan.markDropped')}: ${g.text}`}>
              {t('families.plan.markDropped')}
            </Button>
          )}
          {g.status !== 'open' && (
            <Button size="sm" mih={44} variant="subtle" onClick={() => mutation.mutate('open')} data-testid={`goal-${index}-open`}
              aria-label={`${t('families.plan.reopen')}: ${g.text}`}>
              {t('families.plan.reopen')}
            </Button>
          )}
        </Group>
      )}
      {mutation.error && <RuleErrorAlert error={mutation.error} />}
    </Paper>
  );
}

function AddGoalForm({ e }: { e: EpisodeDetail }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const mutation = useGoalWrite(e, (goal: string) => addGoal(e.id, { text: goal }));
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setError(text.trim() ? undefined : t('validation.required'));
    if (text.trim()) mutation.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="goal-form">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput label={t('families.plan.newGoal')} value={text} onChange={(ev) => setText(ev.currentTarget.value)} error={error} maxLength={2000}
          style={{ flex: 1, minWidth: 220 }} data-testid="goal-form-text" />
        <Button type="submit" variant="light" leftSection={<IconPlus size={18} aria-hidden />} loading={mutation.isPending} data-testid="goal-form-submit">
          {t('families.plan.add')}
        </Button>
      </Group>
      {mutation.error && <RuleErrorAlert error={mutation.error} />}
    </form>
  );
}

/** B-PLAN: the support plan (tugiplaan) of needs-based support — goals, their progress notes, reached or dropped. */
export function SupportPlan({ e, canEdit }: { e: EpisodeDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('families.plan.title')} intro={t('families.plan.intro')} testId="episode-plan">
      {e.goals.length === 0 ? (
        <Text c="dimmed">{t('families.plan.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('families.plan.title')} data-testid="goal-list">
          {e.goals.map((g, i) => <GoalRow key={g.id} e={e} g={g} index={i} canEdit={canEdit} />)}
        </Stack>
      )}
      {canEdit && <AddGoalForm e={e} />}
    </Section>
  );
}
