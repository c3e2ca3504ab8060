import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../server/src/platform/db/schema.js';
import { listCases, type CaseFilter } from '../server/src/modules/cases/queries.js';
import { todayInTallinn } from '../server/src/platform/calendar/working-days.js';
import type { Session } from './app.js';
import { closedLoop, timeIterations, type LoopResult, type Summary } from './measure.js';

/** The filtered case list every case-list row measures: SKA manager, all consultation cases, 50 a page. */
export const LIST_FILTER: CaseFilter = { view: 'all', type: 'domestic' };
export const LIST_LIMIT = 50;

function listPath(cursor: string | null): string {
  const params = new URLSearchParams({ view: 'all', type: 'domestic', limit: String(LIST_LIMIT) });
  if (cursor) params.set('cursor', cursor);
  return `/api/cases?${params}`;
}

/** Follows the list's cursors `pages` pages in; the deepest page reached is the one measured. */
export async function deepCursor(session: Session, pages: number): Promise<{ cursor: string | null; depth: number }> {
  let cursor: string | null = null;
  let depth = 1;
  for (let i = 1; i < pages; i++) {
    const page: { nextCursor: string | null } = await session.get(listPath(cursor));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
    depth = i + 1;
  }
  return { cursor, depth };
}

/** The SELECT `listCases` sends for this actor, filter and cursor, captured from Kysely's query log. */
export async function captureListSql(url: string, session: Session, cursor: string | null): Promise<{ sql: string; parameters: unknown[] }> {
  let captured: { sql: string; parameters: unknown[] } | null = null;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' && /from "cases"/.test(event.query.sql)) captured = { sql: event.query.sql, parameters: [...event.query.parameters] };
    },
  });
  try {
    await listCases(db, session.actor, LIST_FILTER, { limit: LIST_LIMIT, cursor: cursor ?? undefined }, todayInTallinn(new Date()));
  } finally {
    await db.destroy();
  }
  if (!captured) throw new Error('the case list query was not captured');
  return captured;
}

export interface AppVsRaw {
  depth: number;
  app: LoopResult;
  raw: LoopResult;
  ratio: number;
}

/**
 * Throughput of the deep list page through the app (HTTP, session, policy, zod, audit, JSON) and of
 * the same SELECT through `pg` alone: closed loops of `concurrency` clients, the app's pool size.
 */
export async function appVsRaw(url: string, session: Session, options: { pages: number; concurrency: number; durationMs: number; warmupMs: number }): Promise<AppVsRaw> {
  const { cursor, depth } = await deepCursor(session, options.pages);
  const path = listPath(cursor);
  const query = await captureListSql(url, session, cursor);
  const app = await closedLoop(() => session.get(path), options);
  const pool = new pg.Pool({ connectionString: url, max: options.concurrency });
  try {
    const raw = await closedLoop(() => pool.query(query.sql, query.parameters), options);
    return { depth, app, raw, ratio: app.throughput / raw.throughput };
  } finally {
    await pool.end();
  }
}

/** Latency of the same deep page, one request at a time (for comparing database sizes). */
export async function deepPageLatency(session: Session, options: { pages: number; warmup: number; iterations: number }): Promise<{ depth: number; latency: Summary }> {
  const { cursor, depth } = await deepCursor(session, options.pages);
  const path = listPath(cursor);
  const latency = await timeIterations(() => session.get(path), options);
  return { depth, latency };
}
