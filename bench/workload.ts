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
 * Without `ratePerUser` each user sends its next request the moment the last one is answered (no
 * think time): that measures capacity, not people. With it, each user sends at most that many
 * requests a second, and a user whose answer is late sends the next one late; autocannon then
 * corrects its own histogram for the requests that late answers held back (coordinated omission).
 */
export async function mixedWorkload(baseUrl: string, users: WorkloadUser[], options: { connections: number; seconds: number; ratePerUser?: number }): Promise<WorkloadResult> {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error('the workload runs on loopback only');
  let nextUser = 0;
  let nextPick = 0;
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
    ...(options.ratePerUser ? { connectionRate: options.ratePerUser } : {}),
    requests: [
      step(() => '/api/cases?view=all&limit=50'),
      step((u) => `/api/cases/${pick(u.caseIds)}`),
      step((u) => `/api/cases/${pick(u.caseIds)}/timeline`),
      step(() => '/api/families?limit=50'),
      step((u) => `/api/families/${pick(u.familyIds)}`),
      step(() => '/api/home'),
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  // Our own samples, for exact percentiles (autocannon's histogram has p97.5, not p95).
  const samples: number[] = [];
  let bad = 0;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    samples.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) bad++;
  });
  const result = await instance;
  const seconds = result.duration;
  const latency = summarise(samples);
  return {
    connections: result.connections,
    seconds,
    requests: result.requests.total,
    throughput: result.requests.total / seconds,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    max: latency.max,
    errors: result.errors + Math.max(result.non2xx, bad), // autocannon counts timeouts among errors
    non2xx: Math.max(result.non2xx, bad),
    timeouts: result.timeouts,
    offered: options.ratePerUser ? options.ratePerUser * options.connections : null,
    correctedP975: result.latency.p97_5,
  };
}
