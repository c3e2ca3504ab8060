import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { verifyAuditChain } from '../server/src/platform/audit/verify.js';
import { DEMO_PASSWORD } from '../server/src/seed/demo.js';
import { budget, LEVEL, recordFigures } from './figures.js';
import { freePort, testPostgres, type TestPostgres } from './crash/postgres.js';
import { StubRegister } from './crash/register-stub.js';
import { AppProcess, HttpUser } from './crash/server.js';
import { halfWritten, pendingExtra, prepare, writesFor, type Ack, type Users, type Write } from './crash/workload.js';

/**
 * Issue 10 part 3, crash safety on PostgreSQL: the real server in its own
 * process takes concurrent writes across modules from logged-in demo users and
 * is killed with SIGKILL at several points — after a number of acknowledged
 * writes, at a moment in the middle of a burst, while a register delivery is
 * in flight — and restarted on the same database. After each restart every
 * acknowledged write must be there and whole, no record anywhere may be
 * half-written, and the audit chain must verify; at the end every register
 * delivery must have reached the (slow) stub register exactly once.
 */
type KillPoint = { kind: 'acks'; n: number } | { kind: 'time'; ms: number } | { kind: 'delivery' };

const KILL_POINTS: KillPoint[] = budget<KillPoint[]>(
  [{ kind: 'acks', n: 25 }, { kind: 'delivery' }, { kind: 'time', ms: 3000 }, { kind: 'acks', n: 60 }, { kind: 'delivery' }, { kind: 'time', ms: 1200 }],
  [{ kind: 'delivery' }, { kind: 'acks', n: 20 }],
);
const AGREEMENTS_PER_RUN = budget(4, 3);
const COLLEAGUES_PER_RUN = budget(16, 8);
const WORKERS = 6;
/** Writes per burst at most (a kill point normally comes first). */
const MAX_WRITES = 250;
/** The stub register answers this late, so deliveries are in flight at a kill. */
const REGISTER_DELAY_MS = 1500;
const DESCRIBE = (k: KillPoint) => (k.kind === 'acks' ? `after ${k.n} acknowledged writes` : k.kind === 'time' ? `${k.ms} ms into the burst` : 'while a register delivery is in flight');

let pg: TestPostgres;
let stub: StubRegister;
let app: AppProcess;
let database: Database;
let dataDir: string;

beforeAll(async () => {
  pg = await testPostgres('crash');
  stub = new StubRegister(REGISTER_DELAY_MS);
  await stub.start();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tugi-crash-data-'));
  app = new AppProcess(await freePort(), {
    DATABASE_URL: pg.url,
    TUGI_DATA_DIR: dataDir,
    TUGI_DEMO: 'true',
    TUGI_REGISTER_URL: stub.url,
    TUGI_REGISTER_TIMEOUT_MS: '5000',
  });
  database = await openDatabase({ databaseUrl: pg.url, poolSize: 3 });
});

afterAll(async () => {
  await app?.kill9();
  await database?.close();
  await stub?.close();
  await pg?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Burst {
  acked: number;
  /** Answers other than 2xx, by status. */
  refused: Map<number, number>;
  note: string;
  /** The server's error log lines (a 5xx is logged with its cause). */
  serverErrors: string[];
}

function errorLines(log: string): string[] {
  return log.split('\n').filter((line) => /"log\.level":"(error|fatal)"/.test(line) || /"level":(50|60)/.test(line));
}

/** Fires writes from WORKERS concurrent clients until the kill point, then kills the server with SIGKILL. */
async function burst(kill: KillPoint, users: Users, writes: ReturnType<typeof writesFor>, acks: Ack[]): Promise<Burst> {
  const first = [...writes.first];
  let i = 0;
  let killing: Promise<void> | null = null;
  let note = '';
  const killNow = (why: string) => {
    if (!killing) {
      note = why;
      killing = app.kill9();
    }
    return killing;
  };
  let acked = 0;
  const refused = new Map<number, number>();
  let unexpected: unknown = null;
  const next = (): Write | null => first.shift() ?? (i < MAX_WRITES ? writes.more(i++) : null);
  const worker = async () => {
    for (;;) {
      if (killing) return;
      const write = next();
      if (!write) return;
      try {
        const ack = await write();
        for (const extra of pendingExtra.splice(0)) acks.push(extra);
        if (typeof ack === 'number') {
          refused.set(ack, (refused.get(ack) ?? 0) + 1);
          continue;
        }
        acks.push(ack);
        acked += 1;
        if (kill.kind === 'acks' && acked >= kill.n) void killNow(`killed after ${acked} acknowledged writes`);
      } catch (error) {
        if (killing) return; // the request died with the server: not acknowledged
        unexpected = error;
        return;
      }
    }
  };
  const started = Date.now();
  const timers: NodeJS.Timeout[] = [];
  if (kill.kind === 'time') timers.push(setTimeout(() => void killNow(`killed ${Date.now() - started} ms into the burst`), kill.ms));
  if (kill.kind === 'delivery') {
    void stub.nextRequest().then((r) => killNow(`killed while the delivery ${r.xRoadId} was in flight`));
    timers.push(setTimeout(() => void killNow('no delivery started within 30 s: killed anyway'), 30_000));
  }
  await Promise.all(Array.from({ length: WORKERS }, worker));
  for (const t of timers) clearTimeout(t);
  if (unexpected) throw new Error(`a write failed while the server was up: ${String(unexpected)}\n${app.log}`);
  // Out of writes before the kill point (or only the 'delivery' wait left): the server is killed now.
  if (kill.kind === 'delivery' && !killing) {
    await Promise.race([stub.nextRequest(), new Promise((r) => setTimeout(r, 30_000))]);
  }
  await killNow(note || `killed after the burst's ${acked} writes`);
  return { acked, refused, note, serverErrors: errorLines(app.log) };
}

async function login(): Promise<Users> {
  const as = (email: string) => HttpUser.login(app.url, email, DEMO_PASSWORD);
  const [kov, ska, manager, mediator, ministry] = [await as('kov@tugi.demo'), await as('kontakt@tugi.demo'), await as('juht@tugi.demo'), await as('perelepitaja@tugi.demo'), await as('ministeerium@tugi.demo')];
  return { kov, ska, manager, mediator, ministry };
}

describe('crash safety (kill -9 on PostgreSQL)', () => {
  it(`every acknowledged write survives ${KILL_POINTS.length} kills whole, nothing is half-written, the audit chain verifies, and each register delivery arrives exactly once`, async () => {
    await app.start();
    const db = database.db;
    const since = (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]!.now;
    const failedBefore = new Set((await db.selectFrom('mediation_register_outbox').select('id').where('status', '=', 'failed').execute()).map((r) => r.id));
    const tartuId = (await db.selectFrom('organisations').select('id').where('name', '=', 'Tartu linn').executeTakeFirstOrThrow()).id;
    const users = await login();
    const acks: Ack[] = [];
    const lost = new Map<string, string>();
    const half = new Map<string, string>();
    const chainFailures: string[] = [];
    const serverErrors: string[] = [];
    const notes: string[] = [];
    /** Deliveries recorded as delivered before each kill: a request for one of them afterwards is a duplicate. */
    const deliveredAtKill = new Map<string, number>();
    let runs = 0;

    const verify = async (label: string) => {
      for (const ack of acks) {
        const { missing, problems } = await ack.check(db);
        if (missing) { if (!lost.has(ack.id)) lost.set(ack.id, `${label}: ${ack.kind} ${ack.id} acknowledged but missing`); }
        else for (const p of problems) if (!half.has(p)) half.set(p, `${label}: ${ack.kind}: ${p}`);
      }
      for (const p of await halfWritten(db, since)) if (!half.has(p)) half.set(p, `${label}: ${p}`);
      const chain = await verifyAuditChain(db);
      if (!chain.ok) chainFailures.push(`${label}: audit chain broken at ${chain.firstBroken!.id} (${chain.firstBroken!.reason})`);
    };

    try {
      for (const [n, kill] of KILL_POINTS.entries()) {
        const label = `run ${n + 1} (${DESCRIBE(kill)})`;
        const prepared = await prepare(db, users, acks, n + 1, AGREEMENTS_PER_RUN, COLLEAGUES_PER_RUN);
        const result = await burst(kill, users, writesFor(users, prepared, n + 1, tartuId), acks);
        runs += 1;
        for (const row of await db.selectFrom('mediation_register_outbox').select(['agreement_id', 'delivered_at']).where('status', '=', 'delivered').execute()) {
          if (row.delivered_at) deliveredAtKill.set(row.agreement_id, row.delivered_at.getTime());
        }
        for (const line of result.serverErrors) serverErrors.push(`${label}: ${line.slice(0, 1500)}`);
        notes.push(`${label}: ${result.note}; ${result.acked} acknowledged${result.refused.size ? `, refused: ${[...result.refused].map(([s, n]) => `${n}× ${s}`).join(', ')}` : ''}`);
        await app.start();
        await verify(`after ${label}`);
      }

      // Resume: the job picks up pending deliveries and, once their lease has run out, those cut off mid-flight.
      const deadline = Date.now() + 300_000;
      for (;;) {
        const open = await db.selectFrom('mediation_register_outbox').select('id').where('status', 'in', ['pending', 'sending']).execute();
        if (!open.length || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
    } finally {
      await app.stop();
    }

    // Exactly once at the register: every delivery the app made is stored there once, under its own reference; nothing else is.
    const outbox = await db.selectFrom('mediation_register_outbox').select(['id', 'agreement_id', 'status', 'register_reference', 'delivered_at']).execute();
    const wrong: string[] = [];
    let delivered = 0;
    for (const row of outbox) {
      if (failedBefore.has(row.id)) continue; // the demo's failed delivery, never retried by itself
      const atRegister = stub.stored.get(row.agreement_id);
      if (row.status === 'delivered' && row.delivered_at && row.delivered_at.getTime() < since.getTime()) continue; // the demo's delivered one
      if (row.status !== 'delivered') wrong.push(`delivery of agreement ${row.agreement_id}: ${row.status} after resume (lost)`);
      else if (!atRegister) wrong.push(`delivery of agreement ${row.agreement_id}: marked delivered but the register never got it`);
      else if (row.register_reference !== atRegister.registerId) wrong.push(`delivery of agreement ${row.agreement_id}: reference ${row.register_reference}, register says ${atRegister.registerId}`);
      else delivered += 1;
    }
    const known = new Set(outbox.map((r) => r.agreement_id));
    for (const key of stub.stored.keys()) if (!known.has(key)) wrong.push(`the register got agreement ${key}, which the database does not hold`);
    for (const r of stub.requests) {
      const doneAt = deliveredAtKill.get(r.agreementId);
      if (doneAt !== undefined && r.at > doneAt) wrong.push(`agreement ${r.agreementId} sent again (${r.xRoadId}) after it was recorded delivered`);
    }
    const resends = stub.requests.length - stub.stored.size;
    notes.push(`${stub.requests.length} register requests for ${stub.stored.size} agreements: ${resends} resent after a kill cut off the answer, each answered 409 and recorded delivered once`);

    const writesLost = lost.size;
    recordFigures(
      'crash',
      { runs, acknowledgedWrites: acks.length, writesLost, halfWritten: half.size, chainFailures: chainFailures.length, outboxDelivered: delivered, outboxWrong: wrong.length },
      [`${LEVEL} run: ${runs} kills; acknowledged writes by kind: ${[...new Set(acks.map((a) => a.kind))].map((k) => `${k} ${acks.filter((a) => a.kind === k).length}`).join(', ')}`, ...notes],
    );
    expect([...lost.values()]).toEqual([]);
    expect([...half.values()]).toEqual([]);
    expect(chainFailures).toEqual([]);
    // A fault while the server was up (5xx) is a finding too.
    expect(serverErrors).toEqual([]);
    expect(wrong).toEqual([]);
    expect(delivered).toBeGreaterThan(0);
    expect(acks.length).toBeGreaterThan(0);
  });
});
