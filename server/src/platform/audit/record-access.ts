import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';

/**
 * "Who accessed this" is shown only for records the viewer may open. Each module
 * registers, per record type, how to check that through the policy.
 */
export type RecordVisibleCheck = (db: Kysely<DB>, actor: Actor, recordId: string) => Promise<boolean>;

const checks = new Map<string, RecordVisibleCheck>();

export function registerRecordType(recordType: string, check: RecordVisibleCheck): void {
  checks.set(recordType, check);
}

export async function canSeeRecord(db: Kysely<DB>, actor: Actor, recordType: string, recordId: string): Promise<boolean> {
  const check = checks.get(recordType);
  return check ? check(db, actor, recordId) : false;
}
