import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../../server/test/harness.js';
import type { TestClient } from '../../server/test/client.js';
import type { Role } from '../../server/src/platform/db/schema.js';
import { DEMO_PASSWORD } from '../../server/src/seed/demo.js';
import { todayInTallinn } from '../../server/src/platform/calendar/working-days.js';
import { fingerprint, fingerprintDiff, VOLATILE_TABLES } from '../fingerprint.js';
import type { Ctx, Target } from './editable.js';

/** "METHOD /openapi/{path}" of every PATCH/PUT/POST whose JSON body has a `version` property, and of PATCH/PUT without one. */
export async function editableRoutes(app: FastifyInstance): Promise<{ versioned: string[]; unversioned: string[] }> {
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
  const versioned: string[] = [];
  const unversioned: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['post', 'put', 'patch'].includes(method)) continue;
      const properties = operation.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      const key = `${method.toUpperCase()} ${path}`;
      if ('version' in properties) versioned.push(key);
      else if (method !== 'post') unversioned.push(key);
    }
  }
  return { versioned: versioned.sort(), unversioned: unversioned.sort() };
}

export function makeCtx(t: TestApp): Ctx {
  const clients = new Map<string, Promise<TestClient>>();
  const ctx: Ctx = {
    t,
    n: 1,
    today: todayInTallinn(new Date()),
    as(role: Role) {
      if (!clients.has(role)) clients.set(role, t.loginAs(role));
      return clients.get(role)!;
    },
    async user(role: Role, organisation: string) {
      const key = `${role}@${organisation}`;
      const org = (await sql<{ id: string }>`select id from organisations where name = ${organisation}`.execute(t.database.db)).rows[0]!.id;
      const email = `${role}.${org.slice(0, 8)}@tugi.test`;
      if (!clients.has(key)) {
        clients.set(
          key,
          (async () => {
            const hash = (await sql<{ password_hash: string }>`select password_hash from users where email = 'kov@tugi.demo'`.execute(t.database.db)).rows[0]!.password_hash;
            await sql`insert into users (email, name, role, organisation_id, password_hash) values (${email}, ${`Test ${organisation}`}, ${role}, ${org}, ${hash})`.execute(t.database.db);
            return t.login(email, DEMO_PASSWORD);
          })(),
        );
      }
      const id = (await sql<{ id: string }>`select id from users where email = ${email}`.execute(t.database.db)).rows[0]?.id ?? '';
      return { client: await clients.get(key)!, id };
    },
    async one<T>(query: ReturnType<typeof sql>) {
      const { rows } = await (query as ReturnType<typeof sql<T>>).execute(t.database.db);
      if (!rows[0]) throw new Error(`no record for the scenario: ${query.compile(t.database.db).sql.replace(/\s+/g, ' ')}`);
      return rows[0];
    },
  };
  return ctx;
}

export interface StaleResult {
  /** 409 VERSION_CONFLICT answers verified: the race's loser and the stale resend. */
  conflicts: number;
  /** Stale updates that won or changed stored data (must be 0). */
  staleChanged: number;
  problems: string[];
}

type Answer = { statusCode: number; body: string; json(): any };

const send = (target: Target, method: string, body: Record<string, unknown>) => target.client.request({ method: method as 'POST', url: target.url, payload: body }) as Promise<Answer>;
const is2xx = (r: Answer) => r.statusCode >= 200 && r.statusCode < 300;
const isConflict = (r: Answer) => r.statusCode === 409 && (r.json() as { error?: { code?: string } }).error?.code === 'VERSION_CONFLICT';
const show = (r: Answer) => `${r.statusCode} ${r.body.slice(0, 300)}`;

/**
 * One editable route: two updates with the same version at once (exactly one
 * wins, the other answers 409 VERSION_CONFLICT), then the old version again
 * (409 VERSION_CONFLICT with the current version, nothing stored changes).
 */
export async function checkStaleUpdates(t: TestApp, method: string, target: Target): Promise<StaleResult> {
  const db = t.database.db;
  const problems: string[] = [];
  let conflicts = 0;
  let staleChanged = 0;
  const version = async () => {
    const { rows } = await sql<{ version: number }>`select version from ${sql.table(target.table)} where id = ${target.id}`.execute(db);
    if (!rows[0]) throw new Error(`${target.table} ${target.id} not found`);
    return rows[0].version;
  };
  const v0 = await version();
  const race = await Promise.all([send(target, method, target.body(v0, 'a')), send(target, method, target.body(v0, 'b'))]);
  const winners = race.filter(is2xx);
  if (winners.length === 0) problems.push(`no update won the race: ${race.map(show).join(' | ')}`);
  if (winners.length === 2) {
    staleChanged++;
    problems.push(`both updates with version ${v0} won`);
  }
  if (winners.length === 1) {
    const loser = race.find((r) => !is2xx(r))!;
    if (isConflict(loser)) conflicts++;
    else problems.push(`the race's loser did not answer 409 VERSION_CONFLICT: ${show(loser)}`);
  }
  const v1 = await version();
  if (winners.length && v1 === v0) problems.push(`the successful update left the version at ${v0}`);

  const before = await fingerprint(db, { exclude: VOLATILE_TABLES });
  const stale = await send(target, method, target.body(v0, 'stale'));
  const after = await fingerprint(db, { exclude: VOLATILE_TABLES });
  const changed = fingerprintDiff(before, after);
  if (is2xx(stale) || changed.length) {
    staleChanged++;
    problems.push(`the stale update (version ${v0}, current ${v1}) ${is2xx(stale) ? `won: ${show(stale)}` : `changed ${changed.join(', ')}`}`);
  }
  if (!is2xx(stale)) {
    if (!isConflict(stale)) problems.push(`the stale update did not answer 409 VERSION_CONFLICT: ${show(stale)}`);
    else if (stale.json().error.details?.currentVersion !== v1) problems.push(`the 409 names version ${stale.json().error.details?.currentVersion}, the record has ${v1}`);
    else conflicts++;
  }
  return { conflicts, staleChanged, problems };
}
