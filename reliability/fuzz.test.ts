import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../server/src/platform/db/schema.js';
import type { ApiRoute } from '../server/src/platform/http/guard.js';
import { DEMO_LOGINS } from '../server/src/seed/demo.js';
import type { TestClient } from '../server/test/client.js';
import { createTestApp, type TestApp } from '../server/test/harness.js';
import { loadFullDemo } from './authz/world.js';
import { budget, LEVEL, recordFigures } from './figures.js';
import { fingerprintDiff, snapshotter, VOLATILE_TABLES, type Fingerprint } from './fingerprint.js';
import { anyHostile, toJson } from './fuzz/hostile.js';
import { crawl, type Harvest } from './fuzz/ids.js';
import { operations, type Operation } from './fuzz/operations.js';
import { bodyFor, encode, paramValue, type GenContext } from './fuzz/schema.js';

/**
 * Issue 10.2 — fuzzing from the OpenAPI document. Every operation the document
 * lists (so a new route is covered without touching this file) gets requests
 * generated from its own schemas: path parameters, query strings and JSON
 * bodies, mostly schema-shaped with hostile leaves (hostile.ts). First pass:
 * generated path parameters; second pass: real record ids found by reading the
 * demo data as a role that may, so the handlers run past the 404.
 *
 * Checked on every case: no 5xx; a 4xx carries an error code and a message and
 * no stack trace; a rejected request changes nothing stored (fingerprint of
 * every table but the volatile ones, before and after; a GET operation's cases
 * are compared as one batch); the server keeps answering (GET /health every
 * few cases, and no request left without an answer).
 *
 * Reproduce: TUGI_FUZZ_SEED=<seed> [TUGI_FUZZ_OP="POST /api/people"] npx tsx reliability/run.ts reliability/fuzz.test.ts
 */
const SEED = process.env.TUGI_FUZZ_SEED ? Number(process.env.TUGI_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const ONLY_OP = process.env.TUGI_FUZZ_OP;
const RUNS = budget({ generated: 10, real: 12 }, { generated: 2, real: 3 });
const HEALTH_EVERY = 25;
const ANSWER_WITHIN_MS = 60_000;

let t: TestApp;
let ops: Operation[];
let snap: () => Promise<Fingerprint>;
const routes = new Map<string, ApiRoute>();
const clients = new Map<Role, TestClient>();
const harvests = new Map<Role, Harvest>();
const excludedIds = new Set<string>();

const figures = { routes: 0, cases: 0, serverErrors: 0, rejectedChanged: 0, unanswered: 0 };
const tally = { generated: 0, real: 0, accepted: 0, rejected: 0, verifiedRejected: 0, healthChecks: 0, realOps: 0, realOpsPossible: 0 };
const failures: string[] = [];
const notes: string[] = [];
let baseline: Fingerprint | null = null;
let sinceHealth = 0;
const started = Date.now();

beforeAll(async () => {
  t = await createTestApp();
  // Cases, families and their services too, so the real-id pass reaches those handlers.
  await loadFullDemo(t);
  const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  ops = operations(doc.json()).filter((op) => !ONLY_OP || `${op.method} ${op.template}` === ONLY_OP);
  for (const route of t.app.apiRoutes) routes.set(`${route.method} ${route.url}`, route);
  snap = await snapshotter(t.database.db, VOLATILE_TABLES);
  // The fuzzing users themselves and their organisations are never a target: deactivating
  // them or changing their passwords would log the fuzzer out, not test anything.
  const own = await t.database.db.selectFrom('users').select(['id', 'organisation_id']).where('email', 'in', DEMO_LOGINS.map((l) => l.email)).execute();
  for (const u of own) excludedIds.add(u.id).add(u.organisation_id);
  console.log(`fuzz: seed ${SEED} (${LEVEL} run; TUGI_FUZZ_SEED=${SEED} repeats it), ${ops.length} operations`);
});

afterAll(async () => {
  const seconds = Math.round((Date.now() - started) / 1000);
  recordFigures('fuzz', figures, [
    `seed ${SEED}; ${figures.cases} cases (${tally.generated} with generated path parameters, ${tally.real} with real ids on ${tally.realOps} of ${tally.realOpsPossible} operations with path parameters) in ${seconds} s`,
    `${tally.accepted} accepted, ${tally.rejected} rejected (${tally.verifiedRejected} checked one by one against the stored data, the rest per GET operation); ${tally.healthChecks} health checks`,
    ...notes,
  ]);
  console.log(`fuzz: seed ${SEED}, ${JSON.stringify(figures)}, ${JSON.stringify(tally)}, ${seconds} s`);
  await t?.close();
});

function accessOf(op: Operation): ApiRoute['access'] {
  return routes.get(`${op.method} ${op.route}`)?.access ?? 'public';
}

/** Roles the route's guard admits, in the order the fuzzer tries them. */
function rolesFor(op: Operation): (Role | null)[] {
  const access = accessOf(op);
  if (access === 'public') return [null];
  if (access === 'authenticated') return ['kov_worker', ...ROLES.filter((r) => r !== 'kov_worker')];
  return [...access];
}

async function clientFor(role: Role | null): Promise<TestClient> {
  if (!role) {
    // A fresh anonymous client per case, from its own address (a login limit per address must not lock out the others).
    const client = t.client();
    client.ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    return client;
  }
  let client = clients.get(role);
  if (!client || !client.cookie('tugi_session')) {
    client = await t.loginAs(role);
    clients.set(role, client);
    baseline = null; // a login writes (last login time)
  }
  return client;
}

async function harvestFor(role: Role): Promise<Harvest> {
  if (!harvests.has(role)) {
    const client = await clientFor(role);
    const gets = ops.filter((op) => op.method === 'GET' && rolesFor(op).includes(role)).map((op) => op.template);
    harvests.set(role, await crawl(client, gets, excludedIds));
    baseline = null;
  }
  return harvests.get(role)!;
}

interface Case {
  path: string[];
  query: [string, string][];
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; value: string; type: string } | { kind: 'bytes'; value: Uint8Array };
}

const RAW_BODIES = ['{"a":', '', 'null', '[]', '"string"', '{"version":1}{"version":2}', '\u0000', '{"a":"\\ud800"}', '{"__proto__":{"admin":true}}', `${'['.repeat(5000)}${']'.repeat(5000)}`];

function caseArbitrary(op: Operation, realPaths: string[][] | null, ctx: GenContext): fc.Arbitrary<Case> {
  const generatedPath = fc.tuple(...op.pathParams.map((p) => paramValue(p.schema, p.name, ctx)));
  const path: fc.Arbitrary<string[]> = !op.pathParams.length
    ? fc.constant([])
    : realPaths
      ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...realPaths) }, { weight: 1, arbitrary: generatedPath })
      : generatedPath;
  const query = fc
    .tuple(
      ...op.queryParams.map((p) => (p.required ? paramValue(p.schema, p.name, ctx).map((v) => [[p.name, v]] as [string, string][]) : fc.option(paramValue(p.schema, p.name, ctx).map((v) => [[p.name, v]] as [string, string][]), { nil: [], freq: 2 }))),
      fc.nat({ max: 9 }),
      anyHostile,
    )
    .map((parts) => {
      const dice = parts[parts.length - 2] as number;
      const extra = parts[parts.length - 1];
      const pairs = (parts.slice(0, -2) as [string, string][][]).flat();
      if (dice === 0 && pairs.length) pairs.push([pairs[0]![0], pairs[0]![1]]); // the same parameter twice
      if (dice === 1) pairs.push(['unknownParam', typeof extra === 'string' ? extra : toJson(extra).slice(0, 1000)]);
      return pairs;
    });
  let body: fc.Arbitrary<Case['body']>;
  if (op.method === 'GET') body = fc.constant({ kind: 'none' });
  else if (op.body)
    body = fc.oneof(
      { weight: 12, arbitrary: bodyFor(op.body, ctx).map((value) => ({ kind: 'json' as const, value })) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((value) => ({ kind: 'raw' as const, value, type: 'application/json' })) },
    );
  else
    body = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
      { weight: 2, arbitrary: anyHostile.map((value) => ({ kind: 'json' as const, value })) },
      { weight: 2, arbitrary: fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>\n'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).map((value) => ({ kind: 'bytes' as const, value })) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((value) => ({ kind: 'raw' as const, value, type: 'text/plain' })) },
    );
  return fc.record({ path, query, body });
}

function requestOf(op: Operation, c: Case): InjectOptions {
  let url = op.template;
  op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encode(c.path[i]!) || '%20')));
  if (c.query.length) url += `?${c.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
  const options: InjectOptions = { method: op.method as 'GET', url };
  if (c.body.kind === 'json') Object.assign(options, { payload: toJson(c.body.value), headers: { 'content-type': 'application/json' } });
  if (c.body.kind === 'raw') Object.assign(options, { payload: c.body.value, headers: { 'content-type': c.body.type } });
  if (c.body.kind === 'bytes') Object.assign(options, { payload: Buffer.from(c.body.value), headers: { 'content-type': 'application/octet-stream' } });
  return options;
}

async function answered<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS / 1000} s: ${what}`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    if (String(error).includes('no answer within')) figures.unanswered++;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function healthCheck() {
  tally.healthChecks++;
  const health = await answered(t.app.inject({ method: 'GET', url: '/health' }), 'GET /health').catch(() => null);
  if (!health || health.statusCode !== 200) {
    if (health) figures.unanswered++;
    throw new Error(`GET /health answered ${health?.statusCode ?? 'nothing'}`);
  }
}

/** Tables a rejected request of this operation may change by design. */
function allowedChanges(op: Operation): Set<string> {
  // A failed login counts the failed attempt on the user (lockout, X-AUTH).
  return new Set(op.template === '/api/auth/login' ? ['users'] : []);
}

function summary(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 40)}…(${v.length} chars)` : v instanceof Uint8Array ? `<${v.length} bytes>` : v))?.slice(0, 600) ?? String(value);
}

function checkErrorBody(label: string, response: LightMyRequestResponse) {
  if (/at .*\.(ts|js):\d+|node_modules|\bError:/.test(response.body)) throw new Error(`${label}: answer leaks a stack trace: ${response.body.slice(0, 300)}`);
  if (!String(response.headers['content-type']).includes('json')) throw new Error(`${label}: ${response.statusCode} without a JSON error body`);
  const error = (response.json() as { error?: { code?: unknown; message?: unknown } }).error;
  if (typeof error?.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(error.code) || typeof error.message !== 'string' || !error.message.trim()) {
    throw new Error(`${label}: ${response.statusCode} without an error code and message: ${response.body.slice(0, 300)}`);
  }
}

/** Drives one operation with `runs` generated cases as `role`; records failures with seed and path. */
async function drive(op: Operation, role: Role | null, runs: number, realPaths: string[][] | null, ctx: GenContext, pass: 'generated' | 'real') {
  const label = `${op.method} ${op.template} as ${role ?? 'anonymous'} (${pass})`;
  const isGet = op.method === 'GET';
  const allowed = allowedChanges(op);
  let getAccepted = false;
  let getRejected = false;
  if (isGet) baseline ??= await snap();
  const seed = SEED + ops.indexOf(op) + (pass === 'real' ? 100_000 : 0);
  const property = fc.asyncProperty(caseArbitrary(op, realPaths, ctx), async (c) => {
    figures.cases++;
    tally[pass]++;
    if (++sinceHealth >= HEALTH_EVERY) {
      sinceHealth = 0;
      await healthCheck();
    }
    const client = await clientFor(role);
    const before = isGet ? null : (baseline ??= await snap());
    const request = requestOf(op, c);
    const response = await answered(client.request(request), label);
    if (response.statusCode >= 500) {
      figures.serverErrors++;
      throw new Error(`${label}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    }
    const rejected = response.statusCode >= 400;
    if (!rejected) {
      tally.accepted++;
      if (isGet) getAccepted = true;
      else baseline = null;
      return;
    }
    tally.rejected++;
    checkErrorBody(label, response);
    if (isGet) {
      getRejected = true;
      return;
    }
    const after = await snap();
    baseline = after;
    tally.verifiedRejected++;
    const diff = fingerprintDiff(before!, after).filter((d) => !allowed.has(d.split(':')[0]!));
    if (diff.length) {
      figures.rejectedChanged++;
      throw new Error(`${label}: rejected with ${response.statusCode} ${response.body.slice(0, 200)} but changed ${diff.join('; ')}`);
    }
  });
  const details = await fc.check(property, { seed, numRuns: runs, endOnFailure: true });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    failures.push(`${cause}\n    seed ${seed}, path "${details.counterexamplePath}", case ${summary(details.counterexample?.[0])}`);
    baseline = null;
  }
  if (isGet && baseline) {
    const after = await snap();
    const diff = fingerprintDiff(baseline, after).filter((d) => !allowed.has(d.split(':')[0]!));
    if (diff.length && !getAccepted && getRejected) {
      figures.rejectedChanged++;
      failures.push(`${label}: rejected GETs changed ${diff.join('; ')} (seed ${seed})`);
    } else if (diff.length) notes.push(`${label} wrote while answering 2xx: ${diff.join('; ')}`);
    baseline = after;
  }
}

describe('fuzzing every operation of the OpenAPI document (issue 10.2)', () => {
  it('the document lists every /api route, each with its guard', () => {
    const documented = new Set(ops.map((op) => `${op.method} ${op.route}`));
    if (!ONLY_OP) {
      expect(t.app.apiRoutes.filter((r) => !documented.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
      expect(ops.length).toBeGreaterThan(200);
    }
  });

  it('generated path parameters, query strings and bodies: no 5xx, rejected requests change nothing', async () => {
    for (const op of ops) {
      figures.routes++;
      await drive(op, rolesFor(op)[0]!, RUNS.generated, null, { ids: [] }, 'generated');
    }
    await healthCheck();
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('real record ids in the path (found in the demo data as a role that may read them), so handlers run past the 404', async () => {
    const withParams = ops.filter((op) => op.pathParams.length);
    const failuresBefore = failures.length;
    const unresolved: string[] = [];
    tally.realOpsPossible = withParams.length;
    for (const op of withParams) {
      for (const role of rolesFor(op)) {
        if (!role) continue;
        const harvest = await harvestFor(role);
        const combos = harvest.combinations(op.template, op.pathParams.map((p) => p.name), 8);
        if (!combos.length) {
          if (role === rolesFor(op).at(-1)) unresolved.push(`${op.method} ${op.template}`);
          continue;
        }
        tally.realOps++;
        await drive(op, role, RUNS.real, combos, { ids: [...harvest.uuids] }, 'real');
        break;
      }
    }
    await healthCheck();
    if (unresolved.length) notes.push(`no real ids found for ${unresolved.length} operations (records the demo data lacks, or ids no list names): ${unresolved.join(', ')}`);
    if (!ONLY_OP) expect(tally.realOps, 'operations reached with real ids').toBeGreaterThan(withParams.length * 0.4);
    const found = failures.slice(failuresBefore);
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the server still answers', async () => {
    await healthCheck();
    expect(figures.unanswered).toBe(0);
  });
});
