import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** A local PostgreSQL server for the benchmark: apt's binaries, its own data folder and port, loopback only. */
export interface BenchPostgres {
  port: number;
  dataDir: string;
  binDir: string;
  /** Whether this run started it (a server found running is reused and left running). */
  startedHere: boolean;
  version: string;
  url(database: string): string;
  stop(): void;
}

export class PostgresMissing extends Error {}

/** The highest installed major version's bin folder (/usr/lib/postgresql/<n>/bin). */
export function findPostgresBin(root = '/usr/lib/postgresql'): string {
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl'))) : [];
  versions.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b));
  const top = versions.at(-1);
  if (!top) throw new PostgresMissing('PostgreSQL is not installed. Install it with: apt-get install postgresql');
  return path.join(root, top, 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL tool; as root through `su postgres` (initdb and the server refuse to run as root). */
function runTool(binDir: string, tool: string, args: string[], options: { allowFail?: boolean } = {}) {
  const file = path.join(binDir, tool);
  const result = isRoot()
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')], { encoding: 'utf8' })
    : spawnSync(file, args, { encoding: 'utf8' });
  if (result.status !== 0 && !options.allowFail) throw new Error(`${tool} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function startPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<BenchPostgres> {
  const log = options.log ?? (() => {});
  const binDir = findPostgresBin();
  const dataDir = path.resolve(options.dataDir);
  const port = options.port;
  const version = execFileSync(path.join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  let startedHere = false;

  if (!(await canConnect(port))) {
    fs.mkdirSync(dataDir, { recursive: true });
    if (isRoot()) {
      execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
      // The server runs as postgres: it must be able to reach its folder.
      for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const mode = fs.statSync(dir).mode;
        if ((mode & 0o001) === 0) throw new Error(`${dir} is not searchable by the postgres user; use --pgdata under /tmp`);
      }
    }
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      log(`initdb ${dataDir}`);
      runTool(binDir, 'initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
    }
    // Loopback only, its own socket folder; a little more memory than the stock 128 MB of shared buffers.
    const serverOptions = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB -c work_mem=16MB`;
    log(`pg_ctl start (port ${port})`);
    runTool(binDir, 'pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', path.join(dataDir, 'server.log'), '-w', 'start']);
    startedHere = true;
  } else {
    log(`reusing the PostgreSQL server on 127.0.0.1:${port}`);
  }

  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('show server_version');
  await client.end();

  return {
    port,
    dataDir,
    binDir,
    startedHere,
    version: rows[0] ? `PostgreSQL ${rows[0].server_version}` : version,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      runTool(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'], { allowFail: true });
    },
  };
}
