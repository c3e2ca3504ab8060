import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../api/errors';
import { SAVED_FILTER_NAME_MAX, useSaveFilter } from '../api/saved-filters';
import { DialogModal } from './DialogModal';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  opened: boolean;
  list: string;
  query: Record<string, string>;
  onClose: (saved: boolean) => void;
}

function NameForm({ list, query, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const save = useSaveFilter(list);
  const taken = hasCode(save.error, 'SAVED_FILTER_NAME_TAKEN');
  const missing = touched && !name.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    save.mutate({ name: name.trim(), query }, { onSuccess: () => onClose(true) });
  };
  const error = missing ? t('validation.required') : taken && save.error instanceof Error ? save.error.message : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.error && !taken && <ErrorAlert error={save.error} />}
        <TextInput
          label={t('savedFilters.name')}
          description={t('savedFilters.nameHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={SAVED_FILTER_NAME_MAX}
          error={error}
          withAsterisk
          data-autofocus
          data-testid="saved-filter-name"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending} data-testid="saved-filter-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The small "name this filter" prompt of <SavedFilters>. */
export function SaveFilterModal({ opened, list, query, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <DialogModal opened={opened} onClose={() => onClose(false)} title={t('savedFilters.saveTitle')} size="sm" centered
      testId="saved-filter-dialog">
      <NameForm list={list} query={query} onClose={onClose} />
    </DialogModal>
  );
}
