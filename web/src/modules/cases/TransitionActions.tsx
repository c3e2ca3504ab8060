import { useState } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../platform/api/errors';
import { ErrorAlert } from '../../platform/components/ErrorAlert';
import { VersionConflictAlert } from '../../platform/components/VersionConflictAlert';
import { transitionCase } from './api';
import { useCaseSaves } from './case-cache';
import { missingOf } from './missing';
import { MissingList } from './MissingList';
import { TransitionDialog } from './TransitionDialog';
import type { CaseDetail, CaseTransition } from './types';

interface Props {
  c: CaseDetail;
  onMissing: (missing: string[]) => void;
  onGoTo: (field: string) => void;
  onReload: () => void;
}

/** A transition can be asked for when it is allowed, or only needs a reason (RV phase ended early). */
const askable = (tr: CaseTransition) => tr.ok || (tr.missing.length > 0 && tr.missing.every((m) => m === 'reason'));

/** The specialist's next-step buttons; disabled ones say what is still missing. */
export function TransitionActions({ c, onMissing, onGoTo, onReload }: Props) {
  const { t } = useTranslation();
  const saves = useCaseSaves();
  const [open, setOpen] = useState<CaseTransition | null>(null);
  const mutation = useMutation({
    mutationFn: ({ to, reason }: { to: string; reason: string }) =>
      transitionCase(c.id, { version: c.version, to, ...(reason ? { reason } : {}) }),
    onSuccess: (next) => {
      saves.saved(c.version, next);
      setOpen(null);
      onMissing([]);
    },
    onError: (error) => {
      setOpen(null);
      onMissing(missingOf(error));
    },
  });
  if (c.transitions.length === 0) return null;
  const conflict = hasCode(mutation.error, 'VERSION_CONFLICT');
  return (
    <Stack gap="sm" data-testid="case-transitions">
      {conflict && <VersionConflictAlert onReload={() => { mutation.reset(); onReload(); }} />}
      {mutation.error && !conflict && <ErrorAlert error={mutation.error} withFields={false} />}
      {mutation.error && <MissingList c={c} missing={missingOf(mutation.error)} onGoTo={onGoTo} />}
      <Group gap="sm" align="flex-start">
        {c.transitions.map((tr) => {
          const back = c.type === 'domestic' && c.status === 'closing' && tr.to === 'in_progress';
          return (
            <Stack key={tr.to} gap={4} maw={420}>
              <Button variant={back ? 'default' : 'filled'} disabled={!askable(tr)} onClick={() => { mutation.reset(); setOpen(tr); }}
                data-testid={`transition-${tr.to}`} aria-describedby={askable(tr) ? undefined : `transition-${tr.to}-missing`}>
                {t(back ? 'cases.transition.back' : `cases.transition.to.${tr.to}`)}
              </Button>
              {!askable(tr) && <MissingList c={c} missing={tr.missing} onGoTo={onGoTo} id={`transition-${tr.to}-missing`} />}
            </Stack>
          );
        })}
      </Group>
      <TransitionDialog c={c} transition={open} pending={mutation.isPending} onClose={() => setOpen(null)}
        onConfirm={(reason) => open && mutation.mutate({ to: open.to, reason })} />
    </Stack>
  );
}
