import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from './useDocumentTitle';

interface Props {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** <title> text when it should differ from the heading. */
  documentTitle?: string;
}

/** The page's single h1, optional intro text and action buttons; also sets <title>. */
export function PageHeader({ title, description, actions, documentTitle }: Props) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
