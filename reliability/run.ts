import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { readAllFigures, RESULTS_DIR, type SuiteFigures } from './figures.js';

/**
 * `npm run test:reliability [-- --bounded]`: runs the reliability and security
 * suite (vitest.reliability.config.ts), then prints one table of what it
 * checked. Fails when a test fails, a suite recorded nothing, or any figure
 * that must be zero is not.
 */
interface Row {
  suite: string;
  check: string;
  figure: string;
  /** Figures that must be 0 for the run to pass. */
  mustBeZero?: boolean;
}

const ROWS: Row[] = [
  { suite: 'authz', check: 'Authorisation matrix: routes', figure: 'routes' },
  { suite: 'authz', check: 'Authorisation matrix: cells checked (route × role × own/foreign)', figure: 'cells' },
  { suite: 'authz', check: 'Authorisation matrix: leaks', figure: 'leaks', mustBeZero: true },
  { suite: 'fuzz', check: 'Fuzzing: routes driven', figure: 'routes' },
  { suite: 'fuzz', check: 'Fuzzing: cases', figure: 'cases' },
  { suite: 'fuzz', check: 'Fuzzing: 5xx answers', figure: 'serverErrors', mustBeZero: true },
  { suite: 'fuzz', check: 'Fuzzing: rejected requests that changed stored data', figure: 'rejectedChanged', mustBeZero: true },
  { suite: 'fuzz', check: 'Fuzzing: times the server stopped answering', figure: 'unanswered', mustBeZero: true },
  { suite: 'xss', check: 'Stored XSS: hostile values stored', figure: 'payloads' },
  { suite: 'xss', check: 'Stored XSS: pages rendered in Chromium', figure: 'views' },
  { suite: 'xss', check: 'Stored XSS: scripts run', figure: 'scriptsRun', mustBeZero: true },
  { suite: 'crash', check: 'Crash safety: kill -9 runs', figure: 'runs' },
  { suite: 'crash', check: 'Crash safety: acknowledged writes', figure: 'acknowledgedWrites' },
  { suite: 'crash', check: 'Crash safety: acknowledged writes lost', figure: 'writesLost', mustBeZero: true },
  { suite: 'crash', check: 'Crash safety: half-written records', figure: 'halfWritten', mustBeZero: true },
  { suite: 'crash', check: 'Crash safety: audit chain failures', figure: 'chainFailures', mustBeZero: true },
  { suite: 'crash', check: 'Crash safety: outbox deliveries', figure: 'outboxDelivered' },
  { suite: 'crash', check: 'Crash safety: outbox duplicates or losses', figure: 'outboxWrong', mustBeZero: true },
  { suite: 'concurrency', check: 'Concurrency: editable routes checked for stale updates', figure: 'editableRoutes' },
  { suite: 'concurrency', check: 'Concurrency: 409s verified', figure: 'conflicts' },
  { suite: 'concurrency', check: 'Concurrency: stale updates that changed data', figure: 'staleChanged', mustBeZero: true },
  { suite: 'concurrency', check: 'Concurrency: limit scenarios (50 concurrent requests each)', figure: 'limitScenarios' },
  { suite: 'concurrency', check: 'Concurrency: limits broken', figure: 'limitsBroken', mustBeZero: true },
  { suite: 'backup', check: 'Backups: round trips (engines)', figure: 'engines' },
  { suite: 'backup', check: 'Backups: tables compared', figure: 'tables' },
  { suite: 'backup', check: 'Backups: rows compared', figure: 'rows' },
  { suite: 'backup', check: 'Backups: differences after restore', figure: 'differences', mustBeZero: true },
];

const bounded = process.argv.includes('--bounded');
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
const started = Date.now();
// CI sums up every suite's JSON report; it names the file here.
const report = process.env.RELIABILITY_JSON_REPORT ? ['--reporter=default', '--reporter=json', `--outputFile=${process.env.RELIABILITY_JSON_REPORT}`] : [];
const vitest = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.reliability.config.ts', ...report, ...files], {
  stdio: 'inherit',
  env: { ...process.env, TUGI_RELIABILITY: bounded ? 'bounded' : 'full' },
});
const seconds = Math.round((Date.now() - started) / 1000);
const figures = readAllFigures();
const problems: string[] = [];
if (vitest.status !== 0) problems.push(`vitest exited with ${vitest.status}`);

const table: string[][] = [['', 'check', 'figure']];
for (const row of ROWS) {
  if (files.length && !figures.has(row.suite)) continue;
  const value = figures.get(row.suite)?.figures[row.figure];
  const bad = value === undefined || (row.mustBeZero === true && value !== 0);
  if (value === undefined) problems.push(`${row.check}: not measured (the ${row.suite} suite recorded nothing)`);
  else if (bad) problems.push(`${row.check}: ${value}, must be 0`);
  table.push([row.mustBeZero ? (bad ? '✗' : '✓') : bad ? '✗' : '', row.check, value === undefined ? 'not run' : value.toLocaleString('en')]);
}
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
console.log(`\nReliability and security suite (${bounded ? 'bounded' : 'full'} run, ${seconds} s, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite; crash runs use their own PostgreSQL'})\n`);
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, c) => (c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
const notes = [...figures.values()].flatMap((s: SuiteFigures) => s.notes.map((n) => `${s.suite}: ${n}`));
if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
if (problems.length) {
  console.log(`\nFAILED:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll reliability checks passed.');
