import { ActionIcon, Button, Group } from '@mantine/core';
import { IconCheck, IconFilter, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SavedFilter } from '../api/saved-filters';

interface Props {
  filter: SavedFilter;
  /** The page's filters are exactly this saved filter. */
  active: boolean;
  deleting: boolean;
  onApply: () => void;
  onDelete: () => void;
}

/** A saved filter in the list: apply it (its name) or delete it (trash icon). */
export function SavedFilterRow({ filter, active, deleting, onApply, onDelete }: Props) {
  const { t } = useTranslation();
  const Icon = active ? IconCheck : IconFilter;
  return (
    <Group component="li" wrap="nowrap" gap={4} data-testid="saved-filter-item" data-name={filter.name}>
      <Button
        variant={active ? 'light' : 'subtle'}
        justify="flex-start"
        leftSection={<Icon size={18} aria-hidden />}
        onClick={onApply}
        aria-current={active ? 'true' : undefined}
        data-testid="saved-filter-apply"
        style={{ flex: 1, minWidth: 0 }}
        h="auto"
        mih={44}
        py={6}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
      >
        {filter.name}
      </Button>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={onDelete}
        loading={deleting}
        aria-label={t('savedFilters.delete', { name: filter.name })}
        data-testid="saved-filter-delete"
      >
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
