import type { ReactNode } from 'react';
import { SimpleGrid } from '@mantine/core';

/** <dl> grid for read-only <Field>s. */
export function DetailList({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" m={0}>
      {children}
    </SimpleGrid>
  );
}
