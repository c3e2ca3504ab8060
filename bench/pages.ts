import { sql } from 'kysely';
import type { Database } from '../server/src/platform/db/database.js';
import { findCase } from '../server/src/modules/cases/queries.js';
import { auditReads } from '../server/src/platform/audit/reads.js';
import { draftMonthlyReport } from '../server/src/modules/families/reporting/monthly-draft.js';
import { todayInTallinn } from '../server/src/platform/calendar/working-days.js';
import type { Session } from './app.js';
import { closedLoop, timeIterations, type LoopResult, type Summary } from './measure.js';

/** Up to `n` ids from the first list pages the session sees (so every id is in its scope). */
export async function idsFromList(session: Session, path: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: { id: string }[]; nextCursor: string | null } = await session.get(`${path}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < n);
  return spread(ids, n);
}

/** Every k-th element, so a sample covers old and new records alike. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

/** The case page: the case and its timeline, fetched together as the web app does. */
export function casePage(session: Session, caseIds: string[], options: { warmup: number; iterations: number }): Promise<Summary> {
  return timeIterations((i) => {
    const id = caseIds[i % caseIds.length]!;
    return Promise.all([session.get(`/api/cases/${id}`), session.get(`/api/cases/${id}/timeline`)]);
  }, options);
}

/** The family page: one request (parents, children, episodes, remaining volume/limits, timeline). */
export function familyPage(session: Session, familyIds: string[], options: { warmup: number; iterations: number }): Promise<Summary> {
  return timeIterations((i) => session.get(`/api/families/${familyIds[i % familyIds.length]!}`), options);
}

/** The statistics dashboard: the four tables of the page (total, county, KOV, specialist), fetched together. */
export function statsDashboard(session: Session, year: number, options: { warmup: number; iterations: number }): Promise<Summary> {
  return timeIterations(() => Promise.all(['total', 'county', 'kov', 'specialist'].map((groupBy) => session.get(`/api/cases/stats?year=${year}&groupBy=${groupBy}`))), options);
}

/** The provider with the most episodes and the month to draft (the last full month). */
export async function largestProvider(database: Database): Promise<{ providerId: string; name: string; episodes: number } | null> {
  const row = await database.db
    .selectFrom('family_episodes')
    .innerJoin('organisations', 'organisations.id', 'family_episodes.provider_organisation_id')
    .select(['organisations.id', 'organisations.name', sql<number>`count(*)::int`.as('episodes')])
    .groupBy(['organisations.id', 'organisations.name'])
    .orderBy('episodes', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { providerId: row.id, name: row.name, episodes: row.episodes } : null;
}

export function lastFullMonth(now = new Date()): string {
  const [y, m] = todayInTallinn(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The monthly report draft as the service computes it (in-process: no HTTP). */
export function monthlyDraft(database: Database, providerId: string, month: string, options: { warmup: number; iterations: number }): Promise<Summary> {
  return timeIterations(() => draftMonthlyReport(database.db, providerId, month), options);
}

/**
 * Audit overhead of a case read: what GET /api/cases/:id does (findCase with the policy's scope,
 * then auditReads, which returns once the entry is committed, in a group with concurrent reads),
 * against the same read without the audit. In-process (the route has no switch to leave the audit
 * out, and must not have one). The figure is one reader
 * at a time (mean latency); `concurrent` repeats it with `concurrency` readers in closed loops, where
 * the audit chain's lock and each commit's WAL flush queue the readers up.
 */
export async function auditOverhead(
  database: Database,
  session: Session,
  caseIds: string[],
  options: { warmup: number; iterations: number; concurrency: number; durationMs: number; warmupMs: number },
): Promise<{ withAudit: Summary; without: Summary; overhead: number; commit: Summary; concurrent: { withAudit: LoopResult; without: LoopResult; overhead: number } }> {
  const source = { actor: session.actor, ip: '127.0.0.1' };
  const read = (audit: boolean) => async (i: number) => {
    const found = await findCase(database.db, session.actor, caseIds[i % caseIds.length]!);
    if (!found) throw new Error('case not found');
    if (audit) await auditReads(database.db, source, [{ action: 'read', recordType: 'case', recordId: found.id, personId: found.child_person_id }]);
    return found;
  };
  const without = await timeIterations(read(false), options);
  const withAudit = await timeIterations(read(true), options);
  const loopWithout = await closedLoop(read(false), options);
  const loopWith = await closedLoop(read(true), options);
  const commit = await commitFloor(database, options);
  return {
    withAudit,
    without,
    commit,
    overhead: withAudit.mean / without.mean - 1,
    concurrent: { withAudit: loopWith, without: loopWithout, overhead: loopWithout.throughput / loopWith.throughput - 1 },
  };
}

/**
 * The floor under any durable audit entry: one autocommitted one-row INSERT into a scratch table of
 * the bench database (not the app's), i.e. a round trip plus the WAL flush of its commit.
 */
async function commitFloor(database: Database, options: { warmup: number; iterations: number }): Promise<Summary> {
  await sql`create table if not exists bench_commit_probe (n integer)`.execute(database.db);
  try {
    return await timeIterations((i) => sql`insert into bench_commit_probe values (${i})`.execute(database.db), options);
  } finally {
    await sql`drop table bench_commit_probe`.execute(database.db);
  }
}

/**
 * A KOV worker who can log in (demo course participants have no password) of the municipality with
 * the fewest families (at least one), and one of the
 * municipality with the most: the scoped family list must not read the whole table to find a few.
 */
export async function kovWorkersBySize(database: Database): Promise<{ smallest: { email: string; kov: string; families: number }; largest: { email: string; kov: string; families: number } } | null> {
  const rows = await sql<{ email: string | null; kov: string; families: number }>`
    select o.name as kov, count(f.id)::int as families,
      (select u.email from users u where u.organisation_id = o.id and u.role = 'kov_worker' and u.active and u.password_hash is not null order by u.email limit 1) as email
    from organisations o join families f on f.kov_organisation_id = o.id
    group by o.id, o.name`.execute(database.db);
  const sorted = rows.rows.filter((r): r is { email: string; kov: string; families: number } => r.email !== null).sort((a, b) => a.families - b.families);
  if (sorted.length === 0) return null;
  return { smallest: sorted[0]!, largest: sorted.at(-1)! };
}
