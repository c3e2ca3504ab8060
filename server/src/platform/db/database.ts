import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Mutex } from './mutex.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

/** Raw SQL access used by pg-boss (its `db.executeSql` option). */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  /** Set for PostgreSQL; pg-boss opens its own small pool with it. */
  connectionString?: string;
  executeSql: ExecuteSql;
  /** The embedded database itself (PGlite only), for bulk loading with COPY (seed:scale). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

// Dates stay calendar strings ('YYYY-MM-DD') so no time zone can shift them;
// int8 (ids, counts) become numbers, which is exact far beyond our volumes.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPGlite(options.dataDir ?? 'memory://');
}

async function openPGlite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    extensions: { pg_trgm, btree_gist },
    parsers: {
      [DATE_OID]: (value: string) => value,
      [INT8_OID]: (value: string) => Number(value),
      [NUMERIC_OID]: (value: string) => value,
    },
  });
  const mutex = new Mutex();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) });
  // pg-boss shares the single session, so it queues behind open transactions.
  const executeSql: ExecuteSql = (text, values) =>
    mutex.run(async () => {
      if (!values?.length && looksMultiStatement(text)) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return pglite.query(text, values ?? []);
    });
  return {
    db,
    kind: 'pglite',
    executeSql,
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

function looksMultiStatement(text: string): boolean {
  return text.trim().replace(/;\s*$/, '').includes(';');
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const types = {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection the server ends (restart, failover) is dropped from the
  // pool and replaced on next use; it must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    connectionString: url,
    executeSql: async (text, values) => pool.query(text, values as any[]),
    close: async () => {
      await db.destroy();
    },
  };
}
