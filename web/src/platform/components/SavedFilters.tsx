import { useId, useRef, useState } from 'react';
import { Button, Divider, Popover, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconDeviceFloppy, IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { compactQuery, sameQuery, useDeleteFilter, useSavedFilters, type SavedFilter } from '../api/saved-filters';
import { ErrorAlert } from './ErrorAlert';
import { InlineLoader } from './FullPageLoader';
import { SavedFilterRow } from './SavedFilterRow';
import { SaveFilterModal } from './SaveFilterModal';

interface Props {
  /** List name for the server, e.g. `people`, `admin-users` (/^[a-z][a-z0-9-]{1,40}$/). */
  list: string;
  /** The page's current filters (its query string); empty values are ignored. */
  current: Record<string, string>;
  /** Apply a saved filter: the page sets its query string to exactly this. */
  onApply: (query: Record<string, string>) => void;
}

/** X-FIND: the user's saved filters of a list page — apply, delete, or save the current filter. */
export function SavedFilters({ list, current, onApply }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [naming, setNaming] = useState(false);
  const [announce, setAnnounce] = useState('');
  const targetRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const saved = useSavedFilters(list, opened);
  const remove = useDeleteFilter(list);
  const query = compactQuery(current);
  const hasFilters = Object.keys(query).length > 0;

  const apply = (filter: SavedFilter) => {
    setOpened(false);
    onApply(filter.query);
    setAnnounce(t('savedFilters.applied', { name: filter.name }));
  };
  const closeNaming = (done: boolean) => {
    setNaming(false);
    if (done) setAnnounce(t('savedFilters.saved'));
    targetRef.current?.focus();
  };

  return (
    <>
      <Popover opened={opened} onChange={setOpened} position="bottom-start" width={320} trapFocus returnFocus shadow="md" radius="md">
        <Popover.Target>
          <Button ref={targetRef} variant="default" leftSection={<IconStar size={18} aria-hidden />}
            rightSection={<IconChevronDown size={16} aria-hidden />} onClick={() => setOpened((o) => !o)} data-testid="saved-filters">
            {t('savedFilters.button')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown aria-labelledby={titleId} data-testid="saved-filters-menu" maw="calc(100vw - 16px)">
          <Stack gap="xs">
            <Text id={titleId} fw={700}>{t('savedFilters.title')}</Text>
            {saved.isPending && <InlineLoader />}
            {saved.error && <ErrorAlert error={saved.error} />}
            {remove.error && <ErrorAlert error={remove.error} />}
            {saved.data?.length === 0 && <Text size="sm" c="dimmed" data-testid="saved-filters-empty">{t('savedFilters.empty')}</Text>}
            {saved.data && saved.data.length > 0 && (
              <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={titleId}>
                {saved.data.map((f) => (
                  <SavedFilterRow key={f.id} filter={f} active={sameQuery(f.query, query)}
                    deleting={remove.isPending && remove.variables === f.id}
                    onApply={() => apply(f)} onDelete={() => remove.mutate(f.id)} />
                ))}
              </Stack>
            )}
            <Divider />
            <Button variant="light" leftSection={<IconDeviceFloppy size={18} aria-hidden />} disabled={!hasFilters}
              onClick={() => { setOpened(false); setNaming(true); }} data-testid="saved-filter-new">
              {t('savedFilters.saveCurrent')}
            </Button>
            {!hasFilters && <Text size="xs" c="dimmed">{t('savedFilters.nothingToSave')}</Text>}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <VisuallyHidden role="status" aria-live="polite">{announce}</VisuallyHidden>
      <SaveFilterModal opened={naming} list={list} query={query} onClose={closeNaming} />
    </>
  );
}
