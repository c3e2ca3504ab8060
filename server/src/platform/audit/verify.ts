import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { GENESIS_HASH, checkLink, type ChainBreak } from './chain.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: ChainBreak | null;
  lastVerifiedId: number | null;
}

const BATCH = 5000;

/** Walks the whole chain in id order, a batch at a time, and reports the first broken link. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  let lastVerifiedId: number | null = null;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(BATCH).execute();
    for (const row of rows) {
      const broken = checkLink(prevHash, {
        id: Number(row.id),
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        actorRole: row.actor_role,
        actorOrganisationId: row.actor_organisation_id,
        action: row.action,
        recordType: row.record_type,
        recordId: row.record_id,
        personId: row.person_id,
        recordIds: row.record_ids ?? undefined,
        personIds: row.person_ids ?? undefined,
        ip: row.ip,
        changes: row.changes,
        schemaVersion: row.schema_version,
        prevHash: row.prev_hash,
        hash: row.hash,
      });
      if (broken) return { ok: false, checked, firstBroken: broken, lastVerifiedId };
      prevHash = row.hash;
      lastVerifiedId = Number(row.id);
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked, firstBroken: null, lastVerifiedId };
    afterId = Number(rows.at(-1)!.id);
  }
}
