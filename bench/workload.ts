import autocannon from 'autocannon';
import type { Session } from './app.js';
import { summarise } from './measure.js';

export interface WorkloadUser {
  session: Session;
  caseIds: string[];
  familyIds: string[];
}

export interface WorkloadResult {
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Paced runs: the rate asked for (all users together), and autocannon's p97.5 corrected for coordinated omission. */
  offered: number | null;
  correctedP975: number;
}

/**
 * The mixed workload: `connections` users (one session each, SKA managers and KOV workers), each
 * cycling through the case list, a case page, the family list, a family page and the home page.
 * Loopback only and bounded in time; every non-2xx answer, error and timeout counts as an error.
 *
 * Without `ratePerUser` all users share one autocannon instance and each sends its next request the
 * moment the last one is answered (no think time): that measures capacity, not people. With it, each
 * user is an autocannon instance of its own, sending at most that many requests a second, and the
 * users start at phases spread evenly over one interval: one instance with a rate per connection
 * fires every connection on the same tick, 50 requests at once four times a second, which no 50
 * independent people do.
 */
export async function mixedWorkload(baseUrl: string, users: WorkloadUser[], options: { connections: number; seconds: number; ratePerUser?: number }): Promise<WorkloadResult> {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('the workload runs on loopback only');
  const samples: number[] = [];
  let bad = 0;
  const run = (connections: number, userOffset: number, rate: number | undefined) =>
    runInstance(baseUrl, users, { connections, seconds: options.seconds, rate, userOffset }, (statusCode, responseTime) => {
      samples.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) bad++;
    });
  const rate = options.ratePerUser;
  const started = performance.now();
  const results = rate
    ? await Promise.all(
        Array.from({ length: options.connections }, async (_, i) => {
          await new Promise((resolve) => setTimeout(resolve, (i * 1000) / (rate * options.connections)));
          return run(1, i, rate);
        }),
      )
    : [await run(options.connections, 0, undefined)];
  const seconds = rate ? (performance.now() - started) / 1000 : results[0]!.duration;
  const latency = summarise(samples);
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((total, r) => total + f(r), 0);
  const non2xx = Math.max(sum((r) => r.non2xx), bad);
  return {
    connections: options.connections,
    seconds,
    requests: sum((r) => r.requests.total),
    throughput: sum((r) => r.requests.total) / seconds,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    max: latency.max,
    errors: sum((r) => r.errors) + non2xx, // autocannon counts timeouts among errors
    non2xx,
    timeouts: sum((r) => r.timeouts),
    offered: rate ? rate * options.connections : null,
    correctedP975: Math.max(...results.map((r) => r.latency.p97_5)),
  };
}

/** One autocannon instance over `connections` users from `userOffset` on; reports every response. */
function runInstance(
  baseUrl: string,
  users: WorkloadUser[],
  options: { connections: number; seconds: number; rate: number | undefined; userOffset: number },
  onResponse: (statusCode: number, responseTime: number) => void,
): Promise<autocannon.Result> {
  let nextUser = options.userOffset;
  let nextPick = options.userOffset * 7;
  type Context = { user?: WorkloadUser };
  const userOf = (context: Context) => (context.user ??= users[nextUser++ % users.length]!);
  const pick = (ids: string[]) => ids[nextPick++ % ids.length]!;
  const step = (path: (user: WorkloadUser) => string) => ({
    method: 'GET' as const,
    setupRequest: (request: any, context: Context) => {
      const user = userOf(context);
      return { ...request, path: path(user), headers: { ...request.headers, ...user.session.headers } };
    },
  });
  // Without a callback autocannon returns its event emitter, which is also a promise of the result.
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    ...(options.rate ? { connectionRate: options.rate } : {}),
    requests: [
      step(() => '/api/cases?view=all&limit=50'),
      step((u) => `/api/cases/${pick(u.caseIds)}`),
      step((u) => `/api/cases/${pick(u.caseIds)}/timeline`),
      step(() => '/api/families?limit=50'),
      step((u) => `/api/families/${pick(u.familyIds)}`),
      step(() => '/api/home'),
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => onResponse(statusCode, responseTime));
  return Promise.resolve(instance);
}
