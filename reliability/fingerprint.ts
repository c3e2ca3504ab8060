import { sql, type Kysely } from 'kysely';

/**
 * What is stored, table by table: row count and an md5 over every row's text
 * form in a stable order. Two fingerprints differ exactly when some row was
 * added, removed or changed. Cheap enough for the test databases (thousands of
 * rows), not meant for national-scale data.
 */
export type Fingerprint = Map<string, { rows: number; md5: string }>;

/** Tables that change on every request by design: sessions are extended, reads are audited, logins throttled. */
export const VOLATILE_TABLES = ['sessions', 'audit_log', 'audit_head', 'login_attempts'];

export async function tableNames(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

export async function fingerprint(db: Kysely<any>, options: { exclude?: readonly string[] } = {}): Promise<Fingerprint> {
  return (await snapshotter(db, options.exclude ?? []))();
}

/**
 * A fingerprint taker for repeated use: the table list is read once, and each
 * fingerprint is one statement (a union over the tables) instead of one per
 * table; the fuzzer takes one around every state-changing case (about 10×
 * faster on PGlite than a statement per table).
 */
export async function snapshotter(db: Kysely<any>, exclude: readonly string[]): Promise<() => Promise<Fingerprint>> {
  const skip = new Set(exclude);
  const names = (await tableNames(db)).filter((n) => !skip.has(n));
  const query = sql.join(
    names.map((name) => sql`select ${name}::text as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5 from ${sql.table(name)} t`),
    sql` union all `,
  );
  return async () => {
    const { rows } = await sql<{ name: string; rows: number; md5: string }>`${query}`.execute(db);
    return new Map(rows.map((r) => [r.name, { rows: r.rows, md5: r.md5 }]));
  };
}

/** Tables whose count or content differ, with both sides; empty when equal. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const diffs: string[] = [];
  for (const name of [...names].sort()) {
    const a = before.get(name);
    const b = after.get(name);
    if (!a || !b || a.rows !== b.rows || a.md5 !== b.md5) diffs.push(`${name}: ${a ? `${a.rows} rows` : 'missing'} → ${b ? `${b.rows} rows` : 'missing'}${a && b && a.rows === b.rows ? ' (content changed)' : ''}`);
  }
  return diffs;
}
