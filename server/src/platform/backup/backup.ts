import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/database.js';

/**
 * Backups (issue 10): a PostgreSQL database with pg_dump's custom format
 * (pg_restore reads it), the embedded database (PGlite) as its data folder in a
 * gzipped tarball (PGlite's dumpDataDir / loadDataDir). The file's first bytes
 * tell which it is, so a backup is never restored into the other engine.
 */

/** A user's mistake or a missing tool: one line for the user, no stack trace. */
export class BackupError extends Error {}

export type Engine = 'postgres' | 'pglite';

export interface Target {
  /** PostgreSQL connection string (DATABASE_URL); wins over dataDir. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder (TUGI_DATA_DIR). */
  dataDir: string;
}

export interface BackupResult {
  engine: Engine;
  file: string;
  bytes: number;
}

const PG_DUMP_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** Which engine wrote a backup file, by its first bytes. */
export function backupEngine(file: string): Engine {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  if (!fs.statSync(file).isFile()) throw new BackupError(`${file} is not a file`);
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  const read = fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (read === 5 && head.equals(PG_DUMP_MAGIC)) return 'postgres';
  if (read >= 2 && head.subarray(0, 2).equals(GZIP_MAGIC)) return 'pglite';
  throw new BackupError(`${file} is not a Tugi backup (neither a pg_dump custom-format file nor an embedded-database tarball)`);
}

/** pg_dump or pg_restore: apt's highest installed version, else the one on PATH. */
export function findTool(tool: 'pg_dump' | 'pg_restore' | 'psql', root = '/usr/lib/postgresql'): string {
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', tool))) : [];
  versions.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
  const top = versions.at(-1);
  if (top) return path.join(root, top, 'bin', tool);
  const onPath = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0) return tool;
  throw new BackupError(`${tool} was not found: install the PostgreSQL client tools (apt-get install postgresql-client), version 15 or newer`);
}

function run(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new BackupError(`${path.basename(tool)} could not be run: ${result.error.message}`);
  if (result.status !== 0) {
    const message = (result.stderr || result.stdout || '').trim().split('\n').filter(Boolean);
    throw new BackupError(`${path.basename(tool)} failed: ${message.slice(0, 3).join(' / ') || `exit ${result.status}`}`);
  }
}

/** A PGlite data folder is in use while its postmaster.pid exists (PGlite writes it on open and removes it on close). */
function assertNotInUse(dataDir: string): void {
  if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
    throw new BackupError(
      `the embedded database in ${dataDir} is in use (postmaster.pid exists): stop the Tugi server first. If no server is running (it was killed), start and stop it once, which recovers the folder`,
    );
  }
}

function assertNewFile(out: string): void {
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists; choose another file name`);
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new BackupError(`the folder ${dir} does not exist`);
}

/** Writes a backup of the target to `out` (first to `out.partial`, renamed when complete). */
export async function backup(target: Target, out: string): Promise<BackupResult> {
  assertNewFile(out);
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    if (target.databaseUrl) {
      await assertReachable(target.databaseUrl);
      run(findTool('pg_dump'), ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${target.databaseUrl}`]);
    } else {
      const dataDir = path.resolve(target.dataDir);
      if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`there is no embedded database in ${dataDir} (set TUGI_DATA_DIR, or DATABASE_URL for PostgreSQL)`);
      assertNotInUse(dataDir);
      const database = await openDatabase({ dataDir });
      try {
        const tarball = await database.pglite!.dumpDataDir('gzip');
        fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
      } finally {
        await database.close();
      }
    }
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { engine: target.databaseUrl ? 'postgres' : 'pglite', file: out, bytes: fs.statSync(out).size };
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the database of DATABASE_URL: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Tables and other objects of the target outside PostgreSQL's own schemas: a non-empty target is not restored into without --yes. */
async function postgresObjects(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`cannot connect to the database of DATABASE_URL: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%' and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/**
 * Replaces a non-empty database's contents in one transaction: every schema
 * of the target (public, pgboss …) is dropped and the backup loaded, or on any
 * error nothing changes. (pg_restore --clean cannot drop pg-boss's
 * partitioned job tables: it drops their inherited constraints one by one and
 * fails.) The backup goes through pg_restore's SQL output into psql -1.
 */
async function replacePostgres(url: string, from: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  let schemas: string[];
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname not in ('information_schema') and nspname not like 'pg\\_%' order by nspname`,
    );
    schemas = rows.map((r) => r.name);
  } finally {
    await client.end();
  }
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const drop = `${schemas.map((s) => `drop schema if exists ${quote(s)} cascade;`).join(' ')} create schema public;`;
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tugi-restore-')), 'restore.sql');
  try {
    run(findTool('pg_restore'), ['--no-owner', '--file', script, from]);
    run(findTool('psql'), ['--no-psqlrc', '--quiet', '--no-password', '--set', 'ON_ERROR_STOP=1', '--single-transaction', `--dbname=${url}`, '--command', drop, '--file', script]);
  } finally {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
}

export interface RestoreResult {
  engine: Engine;
  /** PGlite: where the replaced data folder was moved (never deleted). */
  movedAside: string | null;
}

/**
 * Restores a backup into the target. A target that holds data is refused
 * unless `replace` (--yes): PostgreSQL's schemas are then dropped first, a
 * PGlite folder is moved aside. A PostgreSQL restore runs in one
 * transaction, so a failed restore leaves the target as it was.
 */
export async function restore(target: Target, from: string, options: { replace: boolean }): Promise<RestoreResult> {
  const engine = backupEngine(from);
  if (target.databaseUrl) {
    if (engine !== 'postgres') throw new BackupError(`${from} is a backup of the embedded database: unset DATABASE_URL and restore it into TUGI_DATA_DIR`);
    const objects = await postgresObjects(target.databaseUrl);
    if (objects > 0 && !options.replace) throw new BackupError(`the target database is not empty (${objects} tables, views or sequences); add --yes to replace its contents`);
    if (objects === 0) {
      run(findTool('pg_restore'), ['--no-password', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`, from]);
    } else {
      await replacePostgres(target.databaseUrl, from);
    }
    return { engine, movedAside: null };
  }
  if (engine !== 'pglite') throw new BackupError(`${from} is a PostgreSQL backup: set DATABASE_URL to the database to restore it into`);
  const dataDir = path.resolve(target.dataDir);
  let movedAside: string | null = null;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    assertNotInUse(dataDir);
    if (!options.replace) throw new BackupError(`${dataDir} is not empty; add --yes to replace it (the old folder is kept beside it), or set TUGI_DATA_DIR to a new folder`);
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dataDir, movedAside);
  }
  const staging = `${dataDir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    fs.mkdirSync(staging, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const loaded = await PGlite.create(staging, { extensions: { pg_trgm, btree_gist }, loadDataDir: new Blob([fs.readFileSync(from)]) });
    await loaded.query('select 1');
    await loaded.close();
    fs.renameSync(staging, dataDir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (movedAside) fs.renameSync(movedAside, dataDir);
    throw error instanceof BackupError ? error : new BackupError(`the backup could not be loaded: ${(error as Error).message}`);
  }
  return { engine, movedAside };
}
