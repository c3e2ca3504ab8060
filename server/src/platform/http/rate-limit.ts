import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config.js';
import { AppError } from './errors.js';

/**
 * API rate limit, beyond the login throttle: a fixed window per key, in the
 * process's memory. A logged-in user is counted per session (the stored id,
 * found only for a valid cookie, so made-up cookies cannot open new buckets);
 * everyone else per address, bad cookies included. Generous by default (1,200
 * a minute per session, 300 per anonymous address): a person clicking never
 * reaches it, nor the benchmark's 50 sessions from one address at ~10 a second
 * each. Several server processes each keep their own count.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; `allowed` false once the key has used up `limit` in the current window. */
  hit(key: string, limit: number): { allowed: boolean; remaining: number; retryAfterSeconds: number } {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size >= 50_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    if (window.count >= limit) return { allowed: false, remaining: 0, retryAfterSeconds };
    window.count++;
    return { allowed: true, remaining: limit - window.count, retryAfterSeconds };
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The check for every /api request, run after the session is loaded and before the route's guard. */
export function apiRateLimit(config: Pick<AppConfig, 'rateLimit'>, now?: () => number) {
  const { perSession, perAnonymousAddress, windowSeconds } = config.rateLimit;
  const limiter = new FixedWindowLimiter(windowSeconds * 1000, now);
  return (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const [key, limit] = request.session ? [`s:${request.session.id}`, perSession] : [`a:${request.ip}`, perAnonymousAddress];
    const result = limiter.hit(key, limit);
    reply.header('ratelimit-limit', String(limit));
    reply.header('ratelimit-remaining', String(result.remaining));
    if (!result.allowed) throw new AppError(429, 'RATE_LIMITED', { seconds: result.retryAfterSeconds }, { retryAfterSeconds: result.retryAfterSeconds });
  };
}
