import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin, PostgresMissing, startPostgres, type BenchPostgres } from '../../bench/postgres.js';
import { adminQuery } from '../../server/test/database.js';

/**
 * A PostgreSQL database of its own for a reliability test: a new database on
 * DATABASE_URL's server (dropped after), or else a throw-away cluster started
 * with bench/postgres.ts's helpers in a temporary folder (stopped and removed
 * after). Fails with a clear message when neither is possible.
 */
export interface TestPostgres {
  /** Connection string of the dedicated database. */
  url: string;
  /** Connection string of the server's maintenance database (to create and drop databases). */
  adminUrl: string;
  /** bin folder of the installed PostgreSQL (pg_dump, pg_restore), when found. */
  binDir: string | null;
  /** A further empty database on the same server, dropped on close. */
  createDatabase(prefix: string): Promise<string>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}


function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function testPostgres(prefix: string): Promise<TestPostgres> {
  let cluster: BenchPostgres | null = null;
  let tmp: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  let binDir: string | null = null;
  try {
    binDir = findPostgresBin();
  } catch {
    binDir = null;
  }
  if (!adminUrl) {
    if (!binDir) throw new PostgresMissing('These tests need PostgreSQL: set DATABASE_URL, or install postgresql (apt-get install postgresql) so a throw-away server can be started');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tugi-${prefix}-`));
    fs.chmodSync(tmp, 0o755);
    cluster = await startPostgres({ dataDir: path.join(tmp, 'pgdata'), port: await freePort() });
    adminUrl = cluster.url('postgres');
  }
  const created: string[] = [];
  const createDatabase = async (p: string) => {
    const name = `${p}_${randomBytes(5).toString('hex')}`;
    await adminQuery(adminUrl!, `create database ${name}`);
    created.push(name);
    return withDatabase(adminUrl!, name);
  };
  const url = await createDatabase(`tugi_${prefix}`);
  return {
    url,
    adminUrl,
    binDir,
    createDatabase,
    close: async () => {
      try {
        for (const name of created) await adminQuery(adminUrl!, `drop database if exists ${name} with (force)`).catch(() => {});
      } finally {
        if (cluster) cluster.stop();
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}
