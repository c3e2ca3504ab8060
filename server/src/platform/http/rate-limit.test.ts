import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { loadConfig } from '../../config.js';
import { FixedWindowLimiter } from './rate-limit.js';

describe('API rate limit: the window', () => {
  it('allows the limit, refuses the next with the seconds left, and opens again exactly when the window ends', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter(60_000, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.hit('k', 3)).toMatchObject({ allowed: true, remaining: 2 - i });
    expect(limiter.hit('k', 3)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
    expect(limiter.hit('other', 3).allowed).toBe(true);
    now += 59_999;
    expect(limiter.hit('k', 3)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    now += 1;
    expect(limiter.hit('k', 3)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('defaults are generous and come from the environment', () => {
    expect(loadConfig({}).rateLimit).toEqual({ perSession: 1200, perAnonymousAddress: 300, windowSeconds: 60 });
    expect(loadConfig({ TUGI_RATE_LIMIT_SESSION: '50', TUGI_RATE_LIMIT_ANONYMOUS: '7', TUGI_RATE_LIMIT_WINDOW_SECONDS: '10' }).rateLimit).toEqual({ perSession: 50, perAnonymousAddress: 7, windowSeconds: 10 });
  });
});

describe('API rate limit over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimit: { perSession: 6, perAnonymousAddress: 4, windowSeconds: 600 } });
  });
  afterAll(() => t.close());

  it('counts a logged-in user per session: the limit passes, the next answers 429 with Retry-After in the user’s language; another session from the same address goes on', async () => {
    const first = t.client();
    first.ip = '10.7.0.1';
    expect((await first.post('/api/auth/login', { email: 'kov@tugi.demo', password: 'Tugi-demo-2026!' })).statusCode).toBe(200);
    for (let i = 0; i < 6; i++) {
      const response = await first.get('/api/auth/session');
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-remaining']).toBe(String(5 - i));
    }
    first.locale = 'en';
    const limited = await first.get('/api/auth/session');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(590);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/^Too many requests\. Wait \d+ seconds and try again\.$/);
    first.locale = 'ru';
    expect((await first.get('/api/cases')).json().error.message).toMatch(/^Слишком много запросов/);

    const second = t.client();
    second.ip = '10.7.0.1';
    expect((await second.post('/api/auth/login', { email: 'juht@tugi.demo', password: 'Tugi-demo-2026!' })).statusCode).toBe(200);
    expect((await second.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('counts anonymous calls per address, made-up session cookies included, and leaves /health alone', async () => {
    const stranger = t.client();
    stranger.ip = '10.7.0.2';
    for (let i = 0; i < 2; i++) expect((await stranger.get('/api/auth/session')).statusCode).toBe(401);
    const forged = (n: number) => t.app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: '10.7.0.2', headers: { cookie: `tugi_session=made-up-${n}` } });
    expect((await forged(1)).statusCode).toBe(401);
    expect((await forged(2)).statusCode).toBe(401);
    const limited = await forged(3);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/^Liiga palju päringuid\. Oota \d+ sekundit/);
    expect((await stranger.post('/api/auth/login', { email: 'kov@tugi.demo', password: 'Tugi-demo-2026!' })).statusCode).toBe(429);
    expect((await t.app.inject({ method: 'GET', url: '/health', remoteAddress: '10.7.0.2' })).statusCode).toBe(200);
    const elsewhere = t.client();
    elsewhere.ip = '10.7.0.3';
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
  });
});
