import fs from 'node:fs';
import os from 'node:os';

export interface Row {
  name: string;
  value: number | null;
  unit: string;
  /** The target as printed, e.g. "≥ 0.6"; null when the issue sets none. */
  target: string | null;
  /** null: no target, or not measured. */
  ok: boolean | null;
  detail: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  postgres: string;
  os: string;
}

export interface Results {
  machine: Machine;
  date: string;
  quick: boolean;
  seconds: number;
  data: string;
  rows: Row[];
}

export function machineInfo(postgres: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function mark(ok: boolean | null): string {
  return ok === null ? '–' : ok ? '✓' : '✗';
}

export function formatValue(row: Pick<Row, 'value' | 'unit'>): string {
  if (row.value === null || !Number.isFinite(row.value)) return 'n/a';
  const digits = Math.abs(row.value) >= 100 ? 0 : Math.abs(row.value) >= 10 ? 1 : 2;
  const number = row.value.toFixed(digits);
  return row.unit ? `${number} ${row.unit}` : number;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = ['| | measure | result | target | detail |', '|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${mark(row.ok)} | ${cell(row.name)} | ${cell(formatValue(row))} | ${cell(row.target ?? '–')} | ${cell(row.detail)} |`);
  return lines.join('\n');
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM; Node ${m.node}; ${m.postgres}; ${m.os}`;
}

export function markdownReport(results: Results): string {
  const kind = results.quick ? 'quick run (`npm run bench -- --quick`: small data, short durations — checks the harness, not the targets)' : 'full run (`npm run bench`)';
  return [
    `Benchmark of ${results.date}, ${kind}, ${Math.round(results.seconds)} s.`,
    '',
    `Machine: ${machineLine(results.machine)}.`,
    '',
    `Data: ${results.data}.`,
    '',
    markdownTable(results.rows),
    '',
  ].join('\n');
}

/** A plain-text table for the terminal. */
export function consoleTable(rows: readonly Row[]): string {
  const body = rows.map((r) => [mark(r.ok), r.name, formatValue(r), r.target ?? '–', r.detail]);
  const widths = [1, 2, 3].map((i) => Math.max(...body.map((b) => b[i]!.length), i === 1 ? 7 : 6));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
  const header = `  ${pad('measure', widths[0]!)}  ${pad('result', widths[1]!)}  ${pad('target', widths[2]!)}  detail`;
  return [header, ...body.map((b) => `${b[0]} ${pad(b[1]!, widths[0]!)}  ${pad(b[2]!, widths[1]!)}  ${pad(b[3]!, widths[2]!)}  ${b[4]}`)].join('\n');
}

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/** Replaces the text between the markers (or appends a Benchmarks section with them). */
export function replaceBenchSection(readme: string, content: string): string {
  const block = `${README_START}\n${content.trim()}\n${README_END}`;
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + README_END.length);
  const intro = [
    '## Benchmarks',
    '',
    '`npm run bench` starts a local PostgreSQL server (apt\'s `postgresql`, data in `bench/.pgdata`, port 55440,',
    'loopback only), loads the benchmark databases with `seed:scale` when missing, runs the app in-process on a',
    'loopback port and measures each row below in the same run; `--quick` is the small version CI runs, `--keep`',
    'leaves the server running, `--factor N` sets the main database\'s size. Results: `bench/results.json`, `bench/RESULTS.md`.',
    '',
  ].join('\n');
  return `${readme.trimEnd()}\n\n${intro}\n${block}\n`;
}

export function writeResults(results: Results, paths: { json: string; markdown: string; readme?: string | undefined }): void {
  fs.writeFileSync(paths.json, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = markdownReport(results);
  fs.writeFileSync(paths.markdown, `# Benchmark results\n\n${markdown}`);
  if (paths.readme) fs.writeFileSync(paths.readme, replaceBenchSection(fs.readFileSync(paths.readme, 'utf8'), markdown));
}
