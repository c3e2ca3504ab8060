import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { verifyAuditChain } from '../server/src/platform/audit/verify.js';
import { DEMO_PASSWORD } from '../server/src/seed/demo.js';
import { budget, recordFigures } from './figures.js';
import { fingerprint, fingerprintDiff, type Fingerprint } from './fingerprint.js';
import { freePort, testPostgres, type TestPostgres } from './crash/postgres.js';
import { AppProcess, HttpUser } from './crash/server.js';
import { pendingExtra, prepare, writesFor, type Ack, type Users } from './crash/workload.js';

/**
 * Issue 10 part 5: `npm run backup` and `npm run restore` on both engines. The
 * real server loads the demo data and takes writes across modules over HTTP,
 * is stopped, the database is backed up with the npm script and restored into
 * a fresh target; every table (audit_log included) must then be identical, the
 * audit chain must verify, and the app must start on the restored database.
 * The refusals (a non-empty target without --yes, a missing file, the other
 * engine's backup, a folder in use) answer one line and change nothing.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const WRITES = budget(24, 8);

let tmp: string;
let pg: TestPostgres | null = null;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tugi-backup-'));
});
afterAll(async () => {
  await pg?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** `npm run backup|restore -- …` as a user runs it, with the engine chosen by the environment. */
function npmRun(script: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 300_000 });
  const stderr = result.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n');
  return { status: result.status, stdout: result.stdout.trim(), stderr };
}

/** A user's mistake: non-zero exit, one line naming it, no stack trace. */
function expectRefusal(result: ReturnType<typeof npmRun>, message: RegExp) {
  expect(result.status, result.stdout + result.stderr).not.toBe(0);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

async function login(app: AppProcess): Promise<Users> {
  const as = (email: string) => HttpUser.login(app.url, email, DEMO_PASSWORD);
  return { kov: await as('kov@tugi.demo'), ska: await as('kontakt@tugi.demo'), manager: await as('juht@tugi.demo'), mediator: await as('perelepitaja@tugi.demo'), ministry: await as('ministeerium@tugi.demo') };
}

/** Writes across modules through HTTP: cases, people, families, grant rounds and applications (and, with a database handle, mediation and trainings). */
async function writeAcrossModules(app: AppProcess, database: Database | null): Promise<Ack[]> {
  const users = await login(app);
  const acks: Ack[] = [];
  const prepared = database ? await prepare(database.db, users, acks, 1, 1, 3) : { proceedings: [], groupId: '', colleagues: [] };
  const writes = writesFor(users, prepared, 1, '');
  for (const write of [...writes.first, ...Array.from({ length: WRITES }, (_, i) => writes.more(i))]) {
    const ack = await write();
    if (typeof ack === 'number') throw new Error(`a write of the set-up was refused: ${ack}`);
    acks.push(ack, ...pendingExtra.splice(0));
  }
  return acks;
}

/** The app starts on the database and serves a record written before the backup. */
async function appStartsOn(env: Record<string, string>, ack: Ack) {
  const app = new AppProcess(await freePort(), { TUGI_DEMO: 'true', ...env });
  try {
    await app.start();
    const kov = await HttpUser.login(app.url, 'kov@tugi.demo', DEMO_PASSWORD);
    const answer = await kov.send('GET', `/api/cases/${ack.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(ack.id);
  } finally {
    await app.stop();
  }
}

let tables = 0;
let rows = 0;
let differences = 0;
let engines = 0;

function compare(before: Fingerprint, after: Fingerprint) {
  const diff = fingerprintDiff(before, after);
  tables += before.size;
  rows += [...before.values()].reduce((sum, t) => sum + t.rows, 0);
  differences += diff.length;
  return diff;
}

afterAll(() => {
  recordFigures('backup', { engines, tables, rows, differences }, [`round trips: PostgreSQL (pg_dump -Fc / pg_restore) and the embedded database (PGlite dumpDataDir / loadDataDir), ${WRITES} HTTP writes each on top of the demo data`]);
});

describe('backup and restore', () => {
  it('PostgreSQL: npm run backup, then npm run restore into a fresh database gives identical tables, a verifying audit chain and a starting app; a non-empty target is refused without --yes and replaced with it', async () => {
    pg = await testPostgres('backup');
    const source = pg.url;
    const app = new AppProcess(await freePort(), { DATABASE_URL: source, TUGI_DEMO: 'true' });
    const database = await openDatabase({ databaseUrl: source, poolSize: 2 });
    let acks: Ack[];
    try {
      await app.start();
      acks = await writeAcrossModules(app, database);
    } finally {
      await app.stop();
    }
    const before = await fingerprint(database.db);
    await database.close();
    expect(before.get('audit_log')!.rows).toBeGreaterThan(0);

    const file = path.join(tmp, 'tugi.dump');
    const made = npmRun('backup', ['--out', file], { DATABASE_URL: source });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Backup of PostgreSQL/);
    expectRefusal(npmRun('backup', ['--out', file], { DATABASE_URL: source }), /already exists/);

    const target = await pg.createDatabase('tugi_restored');
    const restored = npmRun('restore', ['--from', file], { DATABASE_URL: target });
    expect(restored.status, restored.stderr).toBe(0);
    const targetDb = await openDatabase({ databaseUrl: target, poolSize: 2 });
    try {
      expect(compare(before, await fingerprint(targetDb.db))).toEqual([]);
      const chain = await verifyAuditChain(targetDb.db);
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBe(before.get('audit_log')!.rows);

      // The app starts on it (and writes: sessions, audit entries), then the refusals.
      await appStartsOn({ DATABASE_URL: target }, acks.find((a) => a.kind === 'case')!);
      const changed = await fingerprint(targetDb.db);
      expect(fingerprintDiff(before, changed)).not.toEqual([]);
      expectRefusal(npmRun('restore', ['--from', file], { DATABASE_URL: target }), /not empty.*--yes/);
      expectRefusal(npmRun('restore', ['--from', path.join(tmp, 'missing.dump')], { DATABASE_URL: target }), /does not exist/);
      expect(fingerprintDiff(changed, await fingerprint(targetDb.db))).toEqual([]);

      // --yes replaces the contents: back to the backup exactly.
      const replaced = npmRun('restore', ['--from', file, '--yes'], { DATABASE_URL: target });
      expect(replaced.status, replaced.stderr).toBe(0);
      expect(compare(before, await fingerprint(targetDb.db))).toEqual([]);
      expect((await verifyAuditChain(targetDb.db)).ok).toBe(true);
    } finally {
      await targetDb.close();
    }
    engines += 1;
  });

  it('embedded database: npm run backup refuses while the server holds the folder; after it stops, backup and restore into a new folder give identical tables, a verifying chain and a starting app', async () => {
    const dataDir = path.join(tmp, 'data');
    // DATABASE_URL empty: the embedded database in TUGI_DATA_DIR.
    const env = { DATABASE_URL: '', TUGI_DATA_DIR: dataDir };
    const file = path.join(tmp, 'tugi-pglite.tar.gz');
    const app = new AppProcess(await freePort(), { ...env, TUGI_DEMO: 'true' });
    let acks: Ack[];
    try {
      await app.start();
      acks = await writeAcrossModules(app, null);
      expectRefusal(npmRun('backup', ['--out', file], env), /in use.*stop the Tugi server/);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await app.stop();
    }
    const made = npmRun('backup', ['--out', file], env);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Backup of the embedded database/);

    const source = await openDatabase({ dataDir });
    const before = await fingerprint(source.db);
    await source.close();

    const restoredDir = path.join(tmp, 'restored');
    const restoredEnv = { DATABASE_URL: '', TUGI_DATA_DIR: restoredDir };
    const restored = npmRun('restore', ['--from', file], restoredEnv);
    expect(restored.status, restored.stderr).toBe(0);
    const target = await openDatabase({ dataDir: restoredDir });
    try {
      expect(compare(before, await fingerprint(target.db))).toEqual([]);
      const chain = await verifyAuditChain(target.db);
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBe(before.get('audit_log')!.rows);
    } finally {
      await target.close();
    }
    expectRefusal(npmRun('restore', ['--from', file], restoredEnv), /not empty.*--yes/);
    expectRefusal(npmRun('restore', ['--from', path.join(tmp, 'missing.tar.gz')], restoredEnv), /does not exist/);
    if (fs.existsSync(path.join(tmp, 'tugi.dump'))) expectRefusal(npmRun('restore', ['--from', path.join(tmp, 'tugi.dump')], { DATABASE_URL: '', TUGI_DATA_DIR: path.join(tmp, 'other') }), /PostgreSQL backup/);
    await appStartsOn(restoredEnv, acks.find((a) => a.kind === 'case')!);
    engines += 1;
  });
});
