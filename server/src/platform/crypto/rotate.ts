import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { appendAudit } from '../audit/audit.js';
import { bytesKeyId, bytesPrefixFor, decryptBytes, decryptJson, encryptBytes, encryptJson, ringOf, textKeyId } from './keys.js';

/**
 * Key rotation: re-encrypts every encrypted column and file under the current
 * key. Batches of rows, each in its own transaction with its audit entry
 * (counts and key ids, never content), so a stopped run loses at most one
 * batch and a new run continues where it stopped: rows already under the
 * current key are not selected again (idempotent).
 */
export interface EncryptedColumn {
  table: 'family_children' | 'report_files' | 'mediation_files';
  column: 'origin_ciphertext' | 'ciphertext';
  kind: 'text' | 'bytes';
}

/** Every place where ciphertext is stored. A new encrypted column must be added here (rotate.test.ts checks the schema). */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'family_children', column: 'origin_ciphertext', kind: 'text' },
  { table: 'report_files', column: 'ciphertext', kind: 'bytes' },
  { table: 'mediation_files', column: 'ciphertext', kind: 'bytes' },
];

export interface RotationCount {
  table: string;
  column: string;
  /** Re-encrypted under the current key in this run. */
  rotated: number;
  /** Could not be decrypted with any configured key: left as they are, listed by id. */
  failed: string[];
}

export interface RotationOptions {
  batchSize?: number;
  /** Called after each committed batch (the CLI prints progress). */
  onBatch?: (table: string, rotated: number) => void;
}

export async function rotateEncryption(db: Kysely<DB>, key: Buffer, options: RotationOptions = {}): Promise<RotationCount[]> {
  const batchSize = options.batchSize ?? 200;
  const ring = ringOf(key);
  const counts: RotationCount[] = [];
  for (const target of ENCRYPTED_COLUMNS) {
    const count: RotationCount = { table: target.table, column: target.column, rotated: 0, failed: [] };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await db.transaction().execute(async (trx) => rotateBatch(trx, target, key, ring.currentId, after, batchSize));
      count.rotated += batch.rotated;
      count.failed.push(...batch.failed);
      if (batch.rotated) options.onBatch?.(target.table, batch.rotated);
      if (batch.lastId === null) break;
      after = batch.lastId;
    }
    counts.push(count);
  }
  return counts;
}

/** Rows not yet under the current key, after `after` in id order, locked; re-encrypted and audited. */
async function rotateBatch(trx: Transaction<DB>, target: EncryptedColumn, key: Buffer, currentId: string, after: string, limit: number) {
  const notCurrent =
    target.kind === 'text'
      ? sql<boolean>`${sql.ref(target.column)} is not null and ${sql.ref(target.column)} not like ${`v2.${currentId}.%`}`
      : sql<boolean>`substring(${sql.ref(target.column)} from 1 for 8) <> ${bytesPrefixFor(currentId)}`;
  const { rows } = await sql<{ id: string; stored: string | Buffer }>`
    select id, ${sql.ref(target.column)} as stored from ${sql.table(target.table)}
    where id > ${after} and ${notCurrent}
    order by id limit ${limit} for update`.execute(trx);
  if (!rows.length) return { rotated: 0, failed: [] as string[], lastId: null };
  const failed: string[] = [];
  const fromKeys = new Map<string, number>();
  let rotated = 0;
  for (const row of rows) {
    let next: string | Buffer;
    try {
      if (target.kind === 'text') {
        const stored = row.stored as string;
        next = encryptJson(key, decryptJson(key, stored));
        tally(fromKeys, textKeyId(stored) ?? 'v1');
      } else {
        const stored = Buffer.from(row.stored as Buffer);
        next = encryptBytes(key, decryptBytes(key, stored));
        tally(fromKeys, bytesKeyId(stored) ?? 'v1');
      }
    } catch {
      failed.push(row.id);
      continue;
    }
    await sql`update ${sql.table(target.table)} set ${sql.ref(target.column)} = ${next} where id = ${row.id}`.execute(trx);
    rotated++;
  }
  if (rotated) {
    await appendAudit(trx, { actor: null, ip: null }, [
      {
        action: 'update',
        recordType: 'encryption_key',
        recordId: `${target.table}.${target.column}`,
        changes: [
          { field: 'rows_reencrypted', old: null, new: rotated },
          { field: 'key_id', old: Object.fromEntries(fromKeys), new: currentId },
        ],
      },
    ]);
  }
  return { rotated, failed, lastId: rows.at(-1)!.id };
}

function tally(map: Map<string, number>, id: string) {
  map.set(id, (map.get(id) ?? 0) + 1);
}

/** How many stored values each key id (or 'v1') protects: the check before an old key is dropped. */
export async function countByKey(db: Kysely<DB>): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const target of ENCRYPTED_COLUMNS) {
    const counts: Record<string, number> = {};
    const expression =
      target.kind === 'text'
        ? sql<string>`case when ${sql.ref(target.column)} like 'v2.%' then split_part(${sql.ref(target.column)}, '.', 2) else 'v1' end`
        : sql<string>`case when substring(${sql.ref(target.column)} from 1 for 4) = ${Buffer.from('TGE2', 'latin1')} and length(${sql.ref(target.column)}) >= 36 then encode(substring(${sql.ref(target.column)} from 5 for 4), 'hex') else 'v1' end`;
    const { rows } = await sql<{ kid: string; n: number }>`
      select ${expression} as kid, count(*)::int as n from ${sql.table(target.table)}
      where ${sql.ref(target.column)} is not null group by 1`.execute(db);
    for (const row of rows) counts[row.kid] = row.n;
    out[`${target.table}.${target.column}`] = counts;
  }
  return out;
}
