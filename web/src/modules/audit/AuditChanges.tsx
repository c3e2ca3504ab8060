import { useState } from 'react';
import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditChange } from './types';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Field-level old → new values of a write, folded by default. */
export function AuditChanges({ changes, entryId }: { changes: AuditChange[] | null; entryId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!changes || changes.length === 0) return <>—</>;
  const id = `changes-${entryId}`;
  return (
    <>
      <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={id} mih={32}>
        {open ? t('audit.changes.hide') : t('audit.changes.show', { count: changes.length })}
      </Button>
      {open && (
        <Table id={id} withTableBorder fz="sm" mt={4} aria-label={t('audit.changes.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit.changes.field')}</Table.Th>
              <Table.Th scope="col">{t('audit.changes.old')}</Table.Th>
              <Table.Th scope="col">{t('audit.changes.new')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.field}>
                <Table.Td>{c.field}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{show(c.old)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{show(c.new)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
