import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../server/src/platform/db/schema.js';
import type { ApiRoute } from '../server/src/platform/http/guard.js';
import { createTestApp, type TestApp } from '../server/test/harness.js';
import { budget, LEVEL, recordFigures } from './figures.js';
import { fingerprint, fingerprintDiff, VOLATILE_TABLES } from './fingerprint.js';
import { NOT_REACHABLE_THROUGH_ROUTE, PUBLIC_KINDS, REACH, ROUTE_KINDS, SCAN_ALLOWED, type Reach } from './authz/expectations.js';
import { requestSchemas, sampleValue } from './authz/sample-body.js';
import { buildWorld, PRINCIPAL_EMAILS, type Params, type World } from './authz/world.js';

/**
 * Issue 10 §1, the authorisation matrix: every route of `app.apiRoutes` × the
 * 12 roles and anonymous × the own and the foreign record of the twin world.
 * Expected answers come from the declared table in authz/expectations.ts;
 * every 2xx body is scanned for what the principal must not see; denied
 * mutations must leave every stored table as it was.
 */
type Principal = Role | 'anonymous';
type Side = 'own' | 'foreign' | 'none';
type Want = 'reach' | 'public' | 401 | 403 | 'deny';
interface Cell {
  route: ApiRoute;
  principal: Principal;
  side: Side;
  kind: string | null;
  url: string;
  want: Want;
  params: Params;
}

const PRINCIPALS: Principal[] = [...ROLES, 'anonymous'];
/** Who may see the own adoptive family's origin data (X-SECRET): the SKA contact and the family's provider (its project manager and the family supporter serving it). */
const SEES_ORIGIN: ReadonlySet<Principal> = new Set(['ska_contact', 'provider_admin', 'provider_specialist']);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Mutations run last in this order: the ones that end or remove something after the others. */
const DESTRUCTIVE = /\/(delete|cancel|deactivate|withdraw|reject|end|merge|refuse-mediator|decision|password|leave\/:id|saved-filters\/:id|redraft)\b|^DELETE/;
const TEXTUAL = /json|text|csv|xml|html/;

let t: TestApp;
let world: World;
const failures: string[] = [];
const leaks: string[] = [];
let cellsChecked = 0;
let validationOnly = 0;
const started = Date.now();

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
});
afterAll(async () => {
  await t?.close();
});

function kindOf(route: ApiRoute): string | null {
  if (!route.url.includes(':')) return null;
  return ROUTE_KINDS.find(([pattern]) => pattern.test(route.url))?.[1] ?? 'UNMAPPED';
}

function paramsFor(kind: string, principal: Principal, side: 'own' | 'foreign'): Params {
  const records = world.records[kind]!;
  const role = principal === 'anonymous' ? null : principal;
  if (side === 'own') return (role && records.ownBy?.[role]) || records.own;
  return (role && records.foreignBy?.[role]) || records.foreign;
}

function fill(url: string, params: Params): string | null {
  let missing = false;
  const filled = url.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? null : filled;
}

function reachOf(kind: string, principal: Principal): Reach | undefined {
  return principal === 'anonymous' ? undefined : REACH[kind]?.[principal];
}

function wantFor(route: ApiRoute, principal: Principal, kind: string | null, side: Side): Want {
  if (route.access === 'public') return 'public';
  if (principal === 'anonymous') return 401;
  if (route.access !== 'authenticated' && !route.access.includes(principal)) return 403;
  const exception = NOT_REACHABLE_THROUGH_ROUTE[`${route.method} ${route.url}`];
  if (exception?.roles.includes(principal)) return 'deny';
  if (kind === null) return 'reach';
  const reach = reachOf(kind, principal);
  if (side === 'own') return reach ? 'reach' : 'deny';
  return reach === 'all' ? 'reach' : 'deny';
}

function cellsOf(routes: ApiRoute[]): Cell[] {
  const cells: Cell[] = [];
  for (const route of routes) {
    const kind = kindOf(route);
    for (const principal of PRINCIPALS) {
      const sides: Side[] = kind ? ['own', 'foreign'] : ['none'];
      for (const side of sides) {
        const params = kind && side !== 'none' ? paramsFor(kind, principal, side) : {};
        const url = fill(route.url, params);
        if (url === null) continue;
        cells.push({ route, principal, side, kind, url, params, want: wantFor(route, principal, kind, side) });
      }
    }
  }
  return cells;
}

/** Strings principal must not find in any answer: the foreign records' ids and secrets of every kind it does not reach in full, and the adoption-secret origin data. */
function forbiddenFor(principal: Principal): Map<string, { what: string; kind: string }> {
  const out = new Map<string, { what: string; kind: string }>();
  for (const kind of Object.keys(world.records)) {
    if (reachOf(kind, principal) === 'all' || PUBLIC_KINDS.has(kind)) continue;
    const records = world.records[kind]!;
    const role = principal === 'anonymous' ? null : principal;
    const foreign = paramsFor(kind, principal, 'foreign');
    const own = paramsFor(kind, principal, 'own');
    for (const value of Object.values(foreign)) if (/^[0-9a-f-]{36}$/.test(value) && !Object.values(own).includes(value)) out.set(value, { what: `${kind} id`, kind });
    if (!(role && records.foreignBy?.[role])) for (const secret of records.secrets ?? []) out.set(secret, { what: `${kind} (foreign) name, code or id`, kind });
  }
  if (!SEES_ORIGIN.has(principal)) for (const secret of world.originSecrets) out.set(secret, { what: 'adoption-secret origin data', kind: 'origin' });
  return out;
}

const bodies = new Map<string, ReturnType<typeof requestSchemas> extends Map<string, infer S> ? S : never>();
function bodyFor(cell: Cell): unknown {
  if (!MUTATING.has(cell.route.method)) return undefined;
  const schema = bodies.get(`${cell.route.method} ${cell.route.url}`);
  if (!schema) return cell.route.method === 'DELETE' ? undefined : {};
  return sampleValue(schema as never, { today: world.today, uuid: Object.values(cell.params).find((v) => /^[0-9a-f-]{36}$/.test(v)) ?? '00000000-0000-4000-8000-000000000000' });
}

async function run(cell: Cell, forbidden?: Map<Principal, Map<string, { what: string; kind: string }>>): Promise<void> {
  const client = world.clients.get(cell.principal)!;
  const payload = bodyFor(cell);
  const response = await client.request({ method: cell.route.method as 'GET', url: cell.url, ...(payload === undefined ? {} : { payload: payload as object }) });
  cellsChecked += 1;
  const status = response.statusCode;
  const label = `${cell.route.method} ${cell.route.url} as ${cell.principal} (${cell.side}${cell.kind ? ` ${cell.kind}` : ''}) → ${status}`;
  const detail = () => response.body.slice(0, 200);
  if (status >= 500) failures.push(`${label}: server error ${detail()}`);
  else if (cell.want === 401 && status !== 401) failures.push(`${label}: expected 401`);
  else if (cell.want === 403 && status !== 403) failures.push(`${label}: expected 403 (outside the guard) ${detail()}`);
  else if (cell.want === 'deny') {
    const validation = status === 400 && MUTATING.has(cell.route.method) && response.json().error?.code === 'VALIDATION_FAILED';
    if (validation) validationOnly += 1;
    else if (status !== 404 && status !== 403) failures.push(`${label}: expected 404 (or 403) ${detail()}`);
  } else if (cell.want === 'reach' && (cell.kind ? [401, 403, 404] : [401, 403]).includes(status)) failures.push(`${label}: expected the ${cell.kind ? 'record' : 'route'} to be reachable ${detail()}`);
  if (status >= 200 && status < 300 && forbidden) {
    const type = String(response.headers['content-type'] ?? '');
    if (!TEXTUAL.test(type) && response.body.length > 0 && type !== '') return;
    const body = response.body;
    const allowed = SCAN_ALLOWED.filter((a) => cell.route.url.startsWith(a.prefix) && a.principals.includes(cell.principal as Role));
    for (const [needle, { what, kind }] of forbidden.get(cell.principal)!) {
      if (allowed.some((a) => a.kinds === 'all' || a.kinds.includes(kind))) continue;
      if (body.includes(needle)) leaks.push(`${cell.route.method} ${cell.url} as ${cell.principal} (${PRINCIPAL_EMAILS[cell.principal as Role] ?? 'anonymous'}): ${what} "${needle}"`);
    }
  }
}

describe('authorisation matrix (issue 10 §1)', () => {
  it('maps every route with path parameters to a kind of record the world can name (a new route must be mapped)', () => {
    for (const [key, schema] of requestSchemas(t.app.swagger())) bodies.set(key, schema as never);
    const unmapped = t.app.apiRoutes.filter((r) => kindOf(r) === 'UNMAPPED').map((r) => `${r.method} ${r.url}`);
    expect(unmapped, 'routes with a path parameter no ROUTE_KINDS pattern names').toEqual([]);
    const unresolved: string[] = [];
    for (const route of t.app.apiRoutes) {
      const kind = kindOf(route);
      if (!kind) continue;
      if (!world.records[kind]) unresolved.push(`${route.method} ${route.url}: the world has no ${kind}`);
      else if (!REACH[kind]) unresolved.push(`${route.method} ${route.url}: no expectation declared for ${kind}`);
      else
        for (const principal of PRINCIPALS)
          for (const side of ['own', 'foreign'] as const)
            if (fill(route.url, paramsFor(kind, principal, side)) === null) unresolved.push(`${route.method} ${route.url}: the ${side} ${kind} has no value for a parameter (${principal})`);
    }
    expect([...new Set(unresolved)]).toEqual([]);
    expect(t.app.apiRoutes.every((r) => r.access !== undefined)).toBe(true);
  });

  it('the own and foreign records differ for every role that does not reach all records of a kind', () => {
    const same: string[] = [];
    for (const kind of Object.keys(REACH))
      for (const principal of ROLES) {
        if (!world.records[kind] || REACH[kind]![principal] !== 'own') continue;
        if (JSON.stringify(paramsFor(kind, principal, 'own')) === JSON.stringify(paramsFor(kind, principal, 'foreign'))) same.push(`${kind} for ${principal}`);
      }
    expect(same).toEqual([]);
  });

  it('reads: every GET route × principal × own/foreign answers as declared, and no 2xx body holds what the principal must not see', async () => {
    const forbidden = new Map(PRINCIPALS.map((p) => [p, forbiddenFor(p)] as const));
    const reads = cellsOf(t.app.apiRoutes.filter((r) => r.method === 'GET'));
    for (const cell of reads) await run(cell, forbidden);
  });

  it('denied mutations answer 401/403/404 and change nothing stored', async () => {
    const writes = t.app.apiRoutes.filter((r) => MUTATING.has(r.method));
    const denied = cellsOf(writes).filter((c) => c.want === 401 || c.want === 403 || c.want === 'deny');
    const batch = budget(1, 8);
    let before = await fingerprint(t.database.db, { exclude: VOLATILE_TABLES });
    for (let i = 0; i < writes.length; i += batch) {
      const routes = new Set(writes.slice(i, i + batch));
      for (const cell of denied.filter((c) => routes.has(c.route))) await run(cell);
      const after = await fingerprint(t.database.db, { exclude: VOLATILE_TABLES });
      const diff = fingerprintDiff(before, after);
      if (diff.length) failures.push(`denied mutations of ${[...routes].map((r) => `${r.method} ${r.url}`).join(', ')} changed stored data: ${diff.join('; ')}`);
      before = after;
    }
  });

  it('reachable mutations: the own record (and, for roles that reach all, the foreign one) is reachable', async () => {
    const writes = t.app.apiRoutes.filter((r) => MUTATING.has(r.method));
    const reachable = cellsOf(writes).filter((c) => c.want === 'reach' || c.want === 'public');
    const rank = (c: Cell) => (c.route.url === '/api/auth/logout' ? 4 : c.route.url.endsWith('/refuse-mediator') ? 3.5 : c.route.url.endsWith('/reschedule') ? 3 : DESTRUCTIVE.test(`${c.route.method === 'DELETE' ? 'DELETE ' : ''}${c.route.url}`) ? 2 : c.side === 'foreign' ? 1 : 0);
    reachable.sort((a, b) => rank(a) - rank(b));
    for (const cell of reachable) await run(cell);
  });

  it('finds no leak and every cell answers as declared', () => {
    const routes = t.app.apiRoutes.length;
    const size = cellsOf(t.app.apiRoutes).length;
    const withParams = t.app.apiRoutes.filter((r) => r.url.includes(':')).length;
    console.log(
      `authorisation matrix (${LEVEL}): ${routes} routes (${withParams} with a record parameter × own/foreign, ${routes - withParams} without) × ${PRINCIPALS.length} principals = ${size} cells; checked ${cellsChecked}; ${validationOnly} denied mutation cells stopped at body validation; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    recordFigures('authz', { routes, roles: PRINCIPALS.length, cells: cellsChecked, leaks: leaks.length }, [
      `${routes} routes × ${PRINCIPALS.length} principals (12 roles + anonymous) × own/foreign records = ${size} cells`,
    ]);
    if (leaks.length) console.log(`LEAKS:\n${leaks.join('\n')}`);
    if (failures.length) console.log(`FAILED CELLS (${failures.length}):\n${failures.join('\n')}`);
    expect(leaks).toEqual([]);
    expect(failures).toEqual([]);
  });
});
