/** Timing helpers: warm-up, N iterations or a closed loop, percentiles and throughput. Pure but for the clock. */

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of ascending `sorted` values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { n: sorted.length, mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

const now = () => performance.now();

/** Run `fn` `warmup` times unmeasured, then `iterations` times one after another; latencies in ms. */
export async function timeIterations(fn: (i: number) => Promise<unknown>, options: { warmup: number; iterations: number }): Promise<Summary> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < options.iterations; i++) {
    const start = now();
    await fn(i);
    samples.push(now() - start);
  }
  return summarise(samples);
}

export interface LoopResult {
  operations: number;
  seconds: number;
  /** Completed operations per second. */
  throughput: number;
  latency: Summary;
}

/**
 * A closed loop: `concurrency` workers call `fn` back to back for `durationMs`
 * (after `warmupMs` unmeasured); throughput counts the calls completed in the window.
 */
export async function closedLoop(fn: (i: number) => Promise<unknown>, options: { concurrency: number; durationMs: number; warmupMs: number }): Promise<LoopResult> {
  let counter = 0;
  const run = async (until: number, samples: number[] | null) => {
    const worker = async () => {
      while (now() < until) {
        const start = now();
        await fn(counter++);
        samples?.push(now() - start);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  };
  if (options.warmupMs > 0) await run(now() + options.warmupMs, null);
  const samples: number[] = [];
  const start = now();
  await run(start + options.durationMs, samples);
  const seconds = (now() - start) / 1000;
  return { operations: samples.length, seconds, throughput: samples.length / seconds, latency: summarise(samples) };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
