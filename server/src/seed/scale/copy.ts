import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../../platform/db/schema.js';

/**
 * Bulk loading for seed:scale. Rows are arrays of cell values, produced lazily
 * by a generator, turned into COPY text format (tab-separated, \N for null) and
 * streamed into the table:
 *  - PostgreSQL: one `COPY … FROM STDIN` per chunk of rows on a dedicated
 *    connection (pg-copy-streams), each chunk its own transaction;
 *  - PGlite: `COPY … FROM '/dev/blob'` per chunk, the chunk's text as the blob;
 *  - anything else: multi-row INSERTs through Kysely (slowest; fallback only).
 * Memory stays bounded by one chunk whatever the table's size.
 */
export type Cell = string | number | boolean | null | undefined;
export type Row = readonly Cell[];

export interface Loader {
  readonly kind: 'postgres' | 'pglite' | 'insert';
  /** Loads all rows into `table (columns)`; returns the number of rows. */
  load(table: string, columns: readonly string[], rows: Iterable<Row>): Promise<number>;
  close(): Promise<void>;
}

export interface LoaderOptions {
  pg?: { connectionString: string } | undefined;
  pglite?: PGlite | undefined;
  /** Rows per COPY (one transaction each). */
  chunkRows?: number;
  onChunk?: (table: string, rowsSoFar: number) => void;
}

/** One value in COPY text format. */
export function copyCell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

export function copyLine(row: Row): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i ? '\t' : '') + copyCell(row[i]);
  return `${line}\n`;
}

/** Splits the row stream into chunks of COPY text, each yielded as ~256 kB pieces. */
function* textChunk(iterator: Iterator<Row>, chunkRows: number, counter: { rows: number; done: boolean }): Generator<string> {
  let buffer = '';
  for (let n = 0; n < chunkRows; n++) {
    const next = iterator.next();
    if (next.done) {
      counter.done = true;
      break;
    }
    buffer += copyLine(next.value);
    counter.rows++;
    if (buffer.length > 262_144) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

export async function openLoader(db: Kysely<DB>, options: LoaderOptions): Promise<Loader> {
  const chunkRows = options.chunkRows ?? 250_000;
  if (options.pg) {
    const client = new pg.Client({ connectionString: options.pg.connectionString });
    await client.connect();
    await client.query('set synchronous_commit = off');
    return {
      kind: 'postgres',
      async load(table, columns, rows) {
        const iterator = rows[Symbol.iterator]();
        const counter = { rows: 0, done: false };
        while (!counter.done) {
          const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
          await pipeline(Readable.from(textChunk(iterator, chunkRows, counter), { objectMode: false }), stream);
          options.onChunk?.(table, counter.rows);
        }
        return counter.rows;
      },
      close: () => client.end(),
    };
  }
  if (options.pglite) {
    const pglite = options.pglite;
    return {
      kind: 'pglite',
      async load(table, columns, rows) {
        const iterator = rows[Symbol.iterator]();
        const counter = { rows: 0, done: false };
        while (!counter.done) {
          const before = counter.rows;
          const parts = [...textChunk(iterator, Math.min(chunkRows, 100_000), counter)];
          if (counter.rows === before) break;
          await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob(parts) });
          options.onChunk?.(table, counter.rows);
        }
        return counter.rows;
      },
      close: async () => {},
    };
  }
  return {
    kind: 'insert',
    async load(table, columns, rows) {
      let count = 0;
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await sql.raw(`insert into ${table} (${columns.join(', ')}) values ${batch.join(',')}`).execute(db);
        batch = [];
        options.onChunk?.(table, count);
      };
      for (const row of rows) {
        batch.push(`(${row.map(literal).join(',')})`);
        count++;
        if (batch.length >= 2000) await flush();
      }
      await flush();
      return count;
    },
    close: async () => {},
  };
}

function literal(value: Cell): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}
