import { useId, useState, type ReactNode } from 'react';
import { Button, Collapse, Paper, SimpleGrid, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Always shown (the search box). */
  lead?: ReactNode;
  /** The selects, folded away behind one button on a phone so the list starts on the first screen. */
  selects: ReactNode;
  /** How many of the folded filters are set (shown on the button). */
  active: number;
  /** Below the grid (checkboxes). */
  footer?: ReactNode;
  cols: number;
  testId: string;
}

/** A list page's filter panel (X-FIND), compact on a phone (X-MOBILE). */
export function FilterPanel({ lead, selects, active, footer, cols, testId }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [open, setOpen] = useState(active > 0);
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" mb="md" role="search" aria-label={t('common.filters')}>
      <Stack gap="md">
        {isPhone ? (
          <>
            {lead}
            <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />} onClick={() => setOpen((o) => !o)}
              aria-expanded={open} aria-controls={id} data-testid={`${testId}-filter-more`}>
              {active ? t('families.filters.moreActive', { count: active }) : t('families.filters.more')}
            </Button>
            <Collapse expanded={open} id={id}>
              <Stack gap="md">{selects}</Stack>
            </Collapse>
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: cols }}>
            {lead}
            {selects}
          </SimpleGrid>
        )}
        {footer}
      </Stack>
    </Paper>
  );
}
