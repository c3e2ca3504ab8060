import { useId, type ReactNode } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';

interface Props {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A titled part of a detail page (its heading names the region). */
export function Section({ title, intro, actions, children, testId }: Props) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} size="h4" id={id}>{title}</Title>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {intro && <Text size="sm" c="dimmed">{intro}</Text>}
        {children}
      </Stack>
    </Paper>
  );
}

/** A longer free text (notes, goals) with its label, line breaks kept. */
export function TextBlock({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</Text>
    </div>
  );
}
