import { sql, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { badRequest } from './errors.js';

/** Keyset pagination (SPEC §9): a page costs the same at a million rows as at ten thousand. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).optional(),
};

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A cursor is opaque to clients; a tampered one is bad input, not a server error. */
export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw badRequest('VALIDATION_FAILED', { fields: [{ path: 'cursor', message: 'invalid cursor' }] });
}

/** Fetch one row more than the page to know whether another page follows. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number | null)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

/**
 * Newest first by (date or time, id): the keyset page every dated list uses.
 * `dateType` casts the cursor's first value ('date' for calendar dates, 'timestamptz' for instants).
 */
export async function newestFirstPage<DB, TB extends keyof DB, R>(
  query: SelectQueryBuilder<DB, TB, R>,
  columns: { date: string; id: string; dateType: 'date' | 'timestamptz' },
  page: { limit: number; cursor?: string | undefined },
  keyOf: (row: R) => [string, string],
) {
  const after = decodeCursor(page.cursor, ['string', 'string']);
  const date = sql.ref(columns.date);
  const id = sql.ref(columns.id);
  let q = query;
  if (after) q = q.where(sql<boolean>`(${date}, ${id}) < (${after[0]}::${sql.raw(columns.dateType)}, ${after[1]}::uuid)`);
  const rows = await q.orderBy(date, 'desc').orderBy(id, 'desc').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, keyOf);
}
