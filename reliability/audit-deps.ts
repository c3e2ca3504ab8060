import { spawnSync } from 'node:child_process';

/**
 * `npm run audit:deps`: `npm audit --omit=dev`, failing on any high or
 * critical advisory in a runtime dependency. Where the registry's audit
 * service cannot be reached (closed networks answer 405), it says so plainly
 * and does not pretend the check passed: the exit code is 0 but the line reads
 * NOT CHECKED, and CI prints it.
 */
const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: { metadata?: { vulnerabilities?: Record<string, number> }; error?: { code?: string; summary?: string }; message?: string };
try {
  report = JSON.parse(result.stdout) as typeof report;
} catch {
  console.log(`npm audit: NOT CHECKED — no report (${(result.stderr || result.stdout).trim().split('\n').at(-1)})`);
  process.exit(0);
}
if (report.error || !report.metadata) {
  const why = report.message ?? `${report.error?.code ?? ''} ${report.error?.summary ?? ''}`;
  console.log(`npm audit: NOT CHECKED — the audit service did not answer (${why.trim()}).`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit --omit=dev: ${Object.entries(counts).map(([level, n]) => `${level} ${n}`).join(', ')}`);
if (serious > 0) {
  console.log('High or critical advisories in runtime dependencies: see `npm audit --omit=dev`.');
  process.exit(1);
}
