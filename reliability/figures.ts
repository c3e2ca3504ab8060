import fs from 'node:fs';
import path from 'node:path';

/**
 * The reliability suite's figures. Each test file records what it checked
 * under its suite's name; `reliability/run.ts` reads them all after the run
 * and prints one table. Figures add up across calls within a suite.
 */
export const RESULTS_DIR = path.resolve(import.meta.dirname, '.results');

export type Level = 'full' | 'bounded';

/** `npm run test:reliability -- --bounded` (CI) sets TUGI_RELIABILITY=bounded: fewer cases, same checks. */
export const LEVEL: Level = process.env.TUGI_RELIABILITY === 'bounded' ? 'bounded' : 'full';

/** A size for the full run and a smaller one for the bounded (CI) run. */
export function budget<T>(full: T, bounded: T): T {
  return LEVEL === 'full' ? full : bounded;
}

export interface SuiteFigures {
  suite: string;
  figures: Record<string, number>;
  notes: string[];
}

/** Adds `figures` to the suite's stored figures (numbers add; notes append). */
export function recordFigures(suite: string, figures: Record<string, number>, notes: string[] = []): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${suite}.json`);
  const current: SuiteFigures = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteFigures) : { suite, figures: {}, notes: [] };
  for (const [key, value] of Object.entries(figures)) current.figures[key] = (current.figures[key] ?? 0) + value;
  current.notes.push(...notes);
  fs.writeFileSync(file, JSON.stringify(current, null, 2));
}

export function readAllFigures(): Map<string, SuiteFigures> {
  const all = new Map<string, SuiteFigures>();
  if (!fs.existsSync(RESULTS_DIR)) return all;
  for (const name of fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json'))) {
    const suite = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, name), 'utf8')) as SuiteFigures;
    all.set(suite.suite, suite);
  }
  return all;
}
