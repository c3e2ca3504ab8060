import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';

/** A read-only label/value pair for detail pages (rendered as dt/dd inside <DetailList>). */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children ?? '—'}
      </Text>
    </Stack>
  );
}
