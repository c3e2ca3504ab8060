import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../platform/api/errors';
import { useSession } from '../../platform/auth/useSession';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../platform/components/VersionConflictAlert';
import { updateCase } from './api';
import { useCaseSaves } from './case-cache';
import { canEdit, changesOf, hasChanges, readField, valuesOf, type FieldSpec, type FieldValue, type FieldValues } from './case-fields';
import { CaseFieldInput, CaseFieldValue } from './CaseFieldInput';
import type { CaseDetail } from './types';
import { ReloadedAlert } from '../../platform/components/ReloadedAlert';

interface Props {
  id: string;
  c: CaseDetail;
  fields: FieldSpec[];
  /** Fields a refused transition named as missing. */
  missing: readonly string[];
  /** Refetches the case; resolves with the latest saved record. */
  onReload: () => Promise<CaseDetail | undefined>;
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined) =>
  typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;

/**
 * X-CONC for one part of the case. `base` is the saved state the edits started from.
 * Untouched forms follow the case as it changes; after a conflict, "load latest" keeps
 * only the fields this user changed and takes the rest from the latest version.
 */
function useSectionEdit(c: CaseDetail, fields: FieldSpec[], onReload: Props['onReload']) {
  const saves = useCaseSaves();
  const [base, setBase] = useState(() => ({ version: c.version, values: valuesOf(c, fields) }));
  const [values, setValues] = useState<FieldValues>(base.values);
  const [notice, setNotice] = useState<'saved' | 'reloaded' | 'unchanged' | null>(null);
  const edited = (name: string) => !same(values[name], base.values[name]);
  const dirty = fields.some((f) => edited(f.name));
  const rebase = (next: CaseDetail, keep: FieldValues = {}) => {
    const saved = valuesOf(next, fields);
    setBase({ version: next.version, values: saved });
    setValues({ ...saved, ...keep });
  };
  if (!dirty && c.version !== base.version) rebase(c);
  const version = saves.follow(base.version);
  const mutation = useMutation({
    mutationFn: () => updateCase(c.id, changesOf(values, c, fields, version)),
    onSuccess: (next) => {
      saves.saved(version, next);
      rebase(next);
      setNotice('saved');
    },
  });
  const reload = async () => {
    const latest = await onReload();
    mutation.reset();
    if (!latest) return;
    rebase(latest, Object.fromEntries(fields.filter((f) => edited(f.name)).map((f) => [f.name, values[f.name]!])));
    setNotice('reloaded');
  };
  const submit = () => {
    setNotice(null);
    if (!hasChanges(changesOf(values, c, fields, version))) setNotice('unchanged');
    else mutation.mutate();
  };
  const discard = () => {
    rebase(c);
    setNotice(null);
  };
  return { values, setValues, notice, mutation, reload, submit, discard };
}

/** A part of the case (application, action plan, closing...) as its own form: X-CONC per part. */
export function CaseSectionForm({ id, c, fields, missing, onReload }: Props) {
  const { t } = useTranslation();
  const role = useSession().user.role;
  const edit = useSectionEdit(c, fields, onReload);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const visible = fields.filter((f) => (f.shown ?? (() => true))(c, edit.values));
  const editable = visible.filter((f) => canEdit(f, c, role));
  const titleId = `case-section-${id}-title`;
  const conflict = hasCode(edit.mutation.error, 'VERSION_CONFLICT');
  const missingText = t('cases.missing.fieldError');
  const errorOf = (f: FieldSpec) => errors[f.name] ?? (missing.includes(f.name) && !edit.values[f.name] ? missingText : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const f of editable) if (f.required && !String(edit.values[f.name] ?? '').trim()) found[f.name] = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) edit.submit();
  };

  const readOnly = visible.filter((f) => !editable.includes(f));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId} data-testid={`case-section-${id}`}>
      <Title order={2} size="h4" id={titleId} mb="xs">{t(`cases.sections.${id}.title`)}</Title>
      {t(`cases.sections.${id}.intro`, { defaultValue: '' }) && <Text size="sm" c="dimmed" mb="md">{t(`cases.sections.${id}.intro`)}</Text>}
      {readOnly.length > 0 && (
        <Stack component="dl" gap="sm" m={0} mb={editable.length ? 'md' : 0}>
          {readOnly.map((f) => <CaseFieldValue key={f.name} spec={f} c={c} value={readField(c, f.name)} />)}
        </Stack>
      )}
      {editable.length > 0 && (
        <form onSubmit={submit} noValidate data-testid={`case-form-${id}`}>
          <Stack gap="md">
            {editable.map((f) => (
              <CaseFieldInput key={f.name} spec={f} c={c} value={edit.values[f.name] ?? ''} error={errorOf(f)}
                onChange={(v) => edit.setValues((prev) => ({ ...prev, [f.name]: v }))} />
            ))}
            {/* Answers to saving sit next to the save button, where the user is looking. */}
            {conflict && <VersionConflictAlert onReload={() => void edit.reload()} />}
            {edit.notice === 'reloaded' && (
              <ReloadedAlert onDiscard={edit.discard} text={t('cases.conflictReloaded')} />
            )}
            {edit.mutation.error && !conflict && <ErrorAlert error={edit.mutation.error} />}
            {edit.notice === 'saved' && <Alert color="green" role="status" data-testid={`case-saved-${id}`}>{t('common.saved')}</Alert>}
            {edit.notice === 'unchanged' && <Alert color="gray" role="status">{t('cases.nothingChanged')}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" loading={edit.mutation.isPending} data-testid={`case-save-${id}`}>{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
