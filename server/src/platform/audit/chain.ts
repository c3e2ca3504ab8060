import { createHash } from 'node:crypto';
import type { FieldChange } from '../db/schema.js';

/**
 * The audit log's hash chain (X-AUDIT): each row's hash covers its own content
 * and the previous row's hash, so changing, removing or reordering a row breaks
 * every link after it. Pure functions, shared by the writer and the verifier.
 */
export const GENESIS_HASH = '0'.repeat(64);
/** 2: list entries carry `recordIds` and `personIds` (absent from version 1 rows, so their hashes are unchanged). */
export const AUDIT_SCHEMA_VERSION = 2;

export interface ChainedContent {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorOrganisationId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  personId: string | null;
  /** Only in list entries; left out of the hash when absent. */
  recordIds?: string[] | undefined;
  personIds?: string[] | undefined;
  ip: string | null;
  changes: FieldChange[] | null;
  schemaVersion: number;
}

/** JSON with sorted object keys, so jsonb's own key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, content: ChainedContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainBreak = { id: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' };

/** Checks one row against the hash of the row before it. */
export function checkLink(prevHash: string, row: ChainedContent & { prevHash: string; hash: string }): ChainBreak | null {
  const { prevHash: storedPrev, hash, ...content } = row;
  if (storedPrev !== prevHash) return { id: row.id, reason: 'prev_hash_mismatch' };
  if (chainHash(prevHash, content) !== hash) return { id: row.id, reason: 'hash_mismatch' };
  return null;
}
