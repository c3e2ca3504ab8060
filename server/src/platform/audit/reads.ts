import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { appendAuditBatch, type AuditEntry, type AuditSource } from './audit.js';

/**
 * X-AUDIT for reads, with group commit. A read changes nothing, so its entry
 * need not share the read's transaction; it must only be committed before the
 * data leaves the server. Reads that arrive while an append is committing are
 * appended together in the next one (one head lock, one insert, one commit for
 * all of them), and each caller's promise settles when its own batch has
 * committed: a response is never sent before its audit entry is durable, and
 * if the append fails the read fails with it.
 *
 * Without concurrency this is one append per read, as before; under load the
 * global chain lock is taken once per batch instead of once per request.
 */
interface Pending {
  source: AuditSource;
  entries: readonly AuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** At most this many requests in one append, so one transaction stays short. */
const MAX_BATCH = 200;

class ReadAuditBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<DB>) {}

  append(source: AuditSource, entries: readonly AuditEntry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ source, entries, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.db.transaction().execute((trx) => appendAuditBatch(trx, batch));
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}

// One batcher per database handle (tests open several databases in one process).
const batchers = new WeakMap<Kysely<DB>, ReadAuditBatcher>();

/** Logs reads (actions `read`, `list`) and resolves once they are committed. */
export function auditReads(db: Kysely<DB>, source: AuditSource, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  if (entries.some((e) => e.action !== 'read' && e.action !== 'list')) throw new Error('auditReads logs reads only; changes are audited in their own transaction');
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ReadAuditBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.append(source, entries);
}
