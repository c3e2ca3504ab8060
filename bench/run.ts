/**
 * `npm run bench`: a local PostgreSQL, the benchmark data (loaded when missing), the app on a loopback
 * port, and one table of figures measured in this run, each beside its target (issue 6).
 *   --quick        small data and short durations (CI checks the harness, not the targets)
 *   --factor N     size of the main database (seed:scale factor; default 10)
 *   --keep         leave the PostgreSQL server running afterwards
 *   --port N       the server's port (default 55440)   --pgdata DIR   its data folder (default bench/.pgdata)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres, PostgresMissing, type BenchPostgres } from './postgres.js';
import { ensureData, type LoadedData } from './data.js';
import { benchConfig, login, startApp, type RunningApp, type Session } from './app.js';
import { appVsRaw, deepPageLatency } from './app-vs-raw.js';
import { auditOverhead, casePage, familyPage, idsFromList, kovWorkersBySize, largestProvider, lastFullMonth, monthlyDraft, statsDashboard } from './pages.js';
import { mixedWorkload, type WorkloadUser } from './workload.js';
import { caseListFcp, ensureWebBuild, initialJsGzip } from './web.js';
import { consoleTable, machineInfo, writeResults, type Row } from './report.js';
import { round, timeIterations } from './measure.js';
import type { Role } from '../server/src/platform/db/schema.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    factor: { type: 'string' },
    port: { type: 'string', default: '55440' },
    pgdata: { type: 'string', default: path.resolve(import.meta.dirname, '.pgdata') },
  },
});
const quick = args.quick!;
const factor = Number(args.factor ?? (quick ? 0.1 : 10));
const here = import.meta.dirname;
const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

// Sizes and durations; --quick keeps the shape and shrinks everything.
const plan = quick
  ? { small: 10_000, large: 100_000, listPages: 5, loop: { concurrency: 10, durationMs: 2_000, warmupMs: 500 }, seq: { warmup: 5, iterations: 30 }, flat: { warmup: 10, iterations: 50 }, draft: { warmup: 1, iterations: 3 }, stats: { warmup: 1, iterations: 5 }, workload: { connections: 50, seconds: 5, users: 10, ratePerUser: 4 }, fcpRuns: 1 }
  : { small: 10_000, large: 1_000_000, listPages: 50, loop: { concurrency: 10, durationMs: 10_000, warmupMs: 2_000 }, seq: { warmup: 20, iterations: 300 }, flat: { warmup: 30, iterations: 300 }, draft: { warmup: 1, iterations: 10 }, stats: { warmup: 3, iterations: 30 }, workload: { connections: 50, seconds: 60, users: 50, ratePerUser: 4 }, fcpRuns: 5 };
const sizeLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

const started = performance.now();
let server: BenchPostgres;
try {
  server = await startPostgres({ dataDir: args.pgdata!, port: Number(args.port), log });
} catch (error) {
  if (error instanceof PostgresMissing) {
    console.error(`${error.message}\n(Debian/Ubuntu: apt-get install postgresql; the benchmark starts its own server on 127.0.0.1:${args.port})`);
    process.exit(1);
  }
  throw error;
}

const rows: Row[] = [];
const apps: RunningApp[] = [];
let failed = false;

/** One row: measured, or recorded as failed with the reason (the run goes on). */
async function measureRow(name: string, target: string | null, unit: string, fn: () => Promise<{ value: number; ok: boolean | null; detail: string }>) {
  log(`measuring: ${name}`);
  try {
    const r = await fn();
    rows.push({ name, value: round(r.value, 3), unit, target, ok: r.ok, detail: r.detail });
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    log(`  failed: ${message}`);
    rows.push({ name, value: null, unit, target, ok: false, detail: `failed: ${message.slice(0, 200)}` });
  }
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
let dataLine = '';
try {
  const config = benchConfig(server.url('postgres'));
  const main = await ensureData(server.url, { name: quick ? 'tugi_bench_quick' : 'tugi_bench', signature: `factor=${factor}`, factor }, config, log);
  const small = await ensureData(server.url, { name: `tugi_bench_${sizeLabel(plan.small).toLowerCase()}`, signature: `cases=${plan.small} only-cases`, factor: 1, cases: plan.small, onlyCases: true }, config, log);
  const large = await ensureData(server.url, { name: `tugi_bench_${sizeLabel(plan.large).toLowerCase()}`, signature: `cases=${plan.large} only-cases`, factor: 1, cases: plan.large, onlyCases: true }, config, log);
  const sources = new Set([main.source, small.source, large.source]);
  dataLine = `${main.name}: ${main.cases.toLocaleString('en')} cases (factor ${factor}); ${small.name}: ${small.cases.toLocaleString('en')}; ${large.name}: ${large.cases.toLocaleString('en')}${sources.has('demo') ? ' — the scale generator was missing, DEMO DATA ONLY' : ''}`;
  const loadedNow = [main, small, large].filter((d) => d.loaded);
  if (loadedNow.length) dataLine += `; loaded in this run: ${loadedNow.map((d) => `${d.name} ${Math.round(d.seconds)} s`).join(', ')}`;
  else dataLine += ' (already loaded)';
  log(dataLine);

  ensureWebBuild(log);
  const app = await startApp(main.url);
  apps.push(app);
  const manager = await app.login('ska_manager');
  const caseIds = await idsFromList(manager, '/api/cases?view=all', 200);
  const familyIds = await idsFromList(manager, '/api/families', 200);

  await measureRow('Case list, filtered, deep page: app vs raw SQL', '≥ 0.6', '×', async () => {
    const r = await appVsRaw(main.url, manager, { pages: plan.listPages, ...plan.loop });
    return {
      value: r.ratio,
      ok: r.ratio >= 0.6,
      detail: `page ${r.depth} of consultation cases, 50 rows, SKA manager; app ${r.app.throughput.toFixed(0)} req/s (p50 ${ms(r.app.latency.p50)}), same SELECT through pg ${r.raw.throughput.toFixed(0)} q/s (p50 ${ms(r.raw.latency.p50)}); ${plan.loop.concurrency} clients`,
    };
  });

  await measureRow(`Case list, same deep page: ${sizeLabel(plan.large)} vs ${sizeLabel(plan.small)} cases`, '≤ 1.3', '×', async () => {
    const measureOn = async (data: LoadedData) => {
      const other = await startApp(data.url);
      apps.push(other);
      const session = await other.login('ska_manager');
      const r = await deepPageLatency(session, { pages: plan.listPages, ...plan.flat });
      await other.close();
      apps.splice(apps.indexOf(other), 1);
      return r;
    };
    const s = await measureOn(small);
    const l = await measureOn(large);
    const ratio = l.latency.p50 / s.latency.p50;
    return { value: ratio, ok: ratio <= 1.3, detail: `p50 ${ms(l.latency.p50)} (page ${l.depth}, ${large.cases.toLocaleString('en')} cases) vs ${ms(s.latency.p50)} (page ${s.depth}, ${small.cases.toLocaleString('en')}); p95 ${ms(l.latency.p95)} vs ${ms(s.latency.p95)}` };
  });

  await measureRow('Case page with timeline', '< 50 ms', 'ms p95', async () => {
    const r = await casePage(manager, caseIds, plan.seq);
    return { value: r.p95, ok: r.p95 < 50, detail: `GET case + timeline together, ${caseIds.length} cases in turn, ${r.n} loads; p50 ${ms(r.p50)}, p99 ${ms(r.p99)}` };
  });

  await measureRow('Family page with episodes and limits', '< 50 ms', 'ms p95', async () => {
    if (!familyIds.length) throw new Error('no families in the data');
    const r = await familyPage(manager, familyIds, plan.seq);
    return { value: r.p95, ok: r.p95 < 50, detail: `GET family, ${familyIds.length} families in turn, ${r.n} loads; p50 ${ms(r.p50)}, p99 ${ms(r.p99)}` };
  });

  await measureRow('Family list scoped to a municipality: smallest vs largest', null, 'ms p95', async () => {
    const kovs = await kovWorkersBySize(app.database);
    if (!kovs) throw new Error('no KOV worker with families');
    const time = async (email: string) => {
      const session = await login(app.url, app.database, email);
      return timeIterations(() => session.get('/api/families?limit=50'), plan.seq);
    };
    const small = await time(kovs.smallest.email);
    const large = await time(kovs.largest.email);
    return {
      value: small.p95,
      ok: null,
      detail: `first page as a KOV worker of ${kovs.smallest.kov} (${kovs.smallest.families} families) p50 ${ms(small.p50)}, p95 ${ms(small.p95)}; of ${kovs.largest.kov} (${kovs.largest.families}) p50 ${ms(large.p50)}, p95 ${ms(large.p95)}; ${small.n} loads each (before migration 0013 the smallest read every family: 42 ms in SQL alone)`,
    };
  });

  await measureRow('Monthly report draft, largest provider', '< 1000 ms', 'ms p95', async () => {
    const provider = await largestProvider(app.database);
    if (!provider) throw new Error('no episodes in the data');
    const month = lastFullMonth();
    const r = await monthlyDraft(app.database, provider.providerId, month, plan.draft);
    return { value: r.p95, ok: r.p95 < 1000, detail: `draftMonthlyReport for ${provider.name} (${provider.episodes} episodes), ${month}, ${r.n} runs; p50 ${ms(r.p50)}` };
  });

  await measureRow('Yearly statistics dashboard', '< 300 ms', 'ms p95', async () => {
    const year = Number(new Date().getFullYear());
    const r = await statsDashboard(manager, year, plan.stats);
    return { value: r.p95, ok: r.p95 < 300, detail: `${year}: the page's four tables (total, county, KOV, specialist) together, ${r.n} loads; p50 ${ms(r.p50)}` };
  });

  // Logged in once (50 argon2 checks) for both workload rows; sessions outlive the two minutes.
  let loggedIn: Promise<WorkloadUser[]> | null = null;
  const workloadUsers = (): Promise<WorkloadUser[]> => (loggedIn ??= logInWorkloadUsers());
  const logInWorkloadUsers = async (): Promise<WorkloadUser[]> => {
    const roles: Role[] = ['ska_manager', 'kov_worker'];
    const idsByRole = new Map<Role, { caseIds: string[]; familyIds: string[] }>();
    const users: WorkloadUser[] = [];
    for (let i = 0; i < plan.workload.users; i++) {
      const role = roles[i % roles.length]!;
      const session: Session = await app.login(role);
      if (!idsByRole.has(role)) idsByRole.set(role, { caseIds: await idsFromList(session, '/api/cases?view=all', 200), familyIds: await idsFromList(session, '/api/families', 200) });
      const ids = idsByRole.get(role)!;
      if (!ids.caseIds.length || !ids.familyIds.length) throw new Error(`${role} sees no cases or no families`);
      users.push({ session, ...ids });
    }
    return users;
  };
  const mix = 'SKA managers and KOV workers over case list, case, timeline, family list, family, home';
  const { connections, seconds, ratePerUser } = plan.workload;

  await measureRow(`Mixed workload, ${connections} users, ${seconds} s`, '< 100 ms, 0 errors', 'ms p95', async () => {
    const r = await mixedWorkload(app.url, await workloadUsers(), { connections, seconds, ratePerUser });
    const kept = r.throughput >= r.offered! * 0.95;
    return {
      value: r.p95,
      ok: r.p95 < 100 && r.errors === 0 && kept,
      detail: `each user a request every ${1000 / ratePerUser} ms (a page of two calls every ${2000 / ratePerUser} ms), users' phases spread over that interval, ${r.offered} req/s asked, ${r.throughput.toFixed(0)} req/s served${kept ? '' : ' (RATE NOT KEPT)'}; ${r.requests.toLocaleString('en')} requests; p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, highest p97.5 of a user corrected for coordinated omission ${ms(r.correctedP975)}, max ${ms(r.max)}; errors ${r.errors} (non-2xx ${r.non2xx}, timeouts ${r.timeouts}); ${mix}`,
    };
  });

  await measureRow(`Capacity: ${connections} users with no think time, ${seconds} s`, null, 'req/s', async () => {
    const r = await mixedWorkload(app.url, await workloadUsers(), { connections, seconds });
    return {
      value: r.throughput,
      ok: r.errors === 0 ? null : false,
      detail: `each user sends again the moment it is answered: ${r.requests.toLocaleString('en')} requests; p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}; errors ${r.errors}; ${mix}`,
    };
  });

  await measureRow('Audit overhead, case read', '≤ 25 %', '%', async () => {
    const r = await auditOverhead(app.database, manager, caseIds, { ...plan.seq, ...plan.loop });
    const overhead = r.overhead * 100;
    return {
      value: overhead,
      ok: overhead <= 25,
      detail: `findCase then auditReads (one statement, committed before it returns, grouped with concurrent reads) vs findCase alone, in-process, one reader: mean ${ms(r.withAudit.mean)} vs ${ms(r.without.mean)} (${r.without.n} reads each); floor: one durable one-row commit on this disk takes ${ms(r.commit.mean)} (${((r.commit.mean / r.without.mean) * 100).toFixed(0)} % of the read); ${plan.loop.concurrency} readers: ${r.concurrent.withAudit.throughput.toFixed(0)}/s vs ${r.concurrent.without.throughput.toFixed(0)}/s (+${(r.concurrent.overhead * 100).toFixed(0)} %)`,
    };
  });

  await measureRow('Initial JavaScript, gzipped', '≤ 250 kB', 'kB', async () => {
    const r = initialJsGzip();
    const kb = r.bytes / 1000;
    return { value: kb, ok: kb <= 250, detail: `entry script and its ${r.files - 1} modulepreloads from index.html, gzip -9 (${(r.rawBytes / 1000).toFixed(0)} kB uncompressed)` };
  });

  await measureRow('First contentful paint, case list', null, 'ms', async () => {
    const r = await caseListFcp(app.url, plan.fcpRuns);
    if (!r.n) throw new Error('no first-contentful-paint entry');
    return { value: r.p50, ok: null, detail: `Chromium headless on localhost, cold cache, /cases as SKA manager, median of ${r.n}${r.listShown ? '' : ' (the list did not appear)'}` };
  });
} catch (error) {
  failed = true;
  log(`aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  for (const app of apps) await app.close().catch(() => {});
}

const results = { machine: machineInfo(server.version), date: new Date().toISOString(), quick, seconds: (performance.now() - started) / 1000, data: dataLine, rows };
const suffix = quick ? '-quick' : '';
writeResults(results, { json: path.join(here, `results${suffix}.json`), markdown: path.join(here, `RESULTS${suffix}.md`), readme: quick ? undefined : path.resolve(here, '../README.md') });
process.stdout.write(`\n${consoleTable(rows)}\n\n${results.data}\n${machineInfo(server.version).cpu}, ${results.machine.cores} cores, ${results.machine.ramGb} GB; Node ${results.machine.node}; ${results.machine.postgres}; ${Math.round(results.seconds)} s\n`);
process.stdout.write(`results: bench/results${suffix}.json, bench/RESULTS${suffix}.md${quick ? '' : ', README.md'}\n`);

if (!args.keep) {
  log('stopping PostgreSQL (--keep leaves it running)');
  server.stop();
}
process.exit(failed ? 1 : 0);
