import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { MAX_FAILED_LOGINS, MAX_FAILURES_PER_IP } from './login-rules.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('X-AUTH password login', () => {
  it('logs in with the right password and sets HttpOnly, SameSite=Lax cookies', async () => {
    const client = t.client();
    const response = await client.post('/api/auth/login', { email: 'KOV@tugi.demo', password: DEMO_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ email: 'kov@tugi.demo', role: 'kov_worker', organisation: { name: 'Tartu linn', kind: 'kov' } });
    const session = (response.cookies as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[]).find((c) => c.name === 'tugi_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(session.secure).toBeFalsy();
    const me = await client.get('/api/auth/session');
    expect(me.statusCode).toBe(200);
    expect(me.headers['x-session-expires-at']).toBeDefined();
  });

  it('marks cookies Secure behind TLS (X-Forwarded-Proto from a trusted proxy)', async () => {
    const tls = await createTestApp({ trustProxy: true });
    try {
      const response = await tls.client().request({ method: 'POST', url: '/api/auth/login', payload: { email: 'kov@tugi.demo', password: DEMO_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
      const cookies = response.cookies as { name: string; secure?: boolean }[];
      expect(cookies.find((c) => c.name === 'tugi_session')!.secure).toBe(true);
    } finally {
      await tls.close();
    }
  });

  it('answers a wrong password with 401 and a message in the asked language', async () => {
    const client = t.client();
    client.ip = '10.0.0.1';
    const et = await client.post('/api/auth/login', { email: 'juht@tugi.demo', password: 'wrong-password-123' });
    expect(et.statusCode).toBe(401);
    expect(et.json().error).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Vale e-post või parool.' });
    client.locale = 'ru';
    const ru = await client.post('/api/auth/login', { email: 'juht@tugi.demo', password: 'wrong-password-123' });
    expect(ru.json().error.message).toBe('Неверный адрес эл. почты или пароль.');
    client.locale = 'en';
    const unknown = await client.post('/api/auth/login', { email: 'nobody@tugi.demo', password: 'whatever-123' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('Wrong e-mail or password.');
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    const client = t.client();
    client.ip = '10.0.0.2';
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect((await client.post('/api/auth/login', { email: 'ministeerium@tugi.demo', password: `wrong-${i}-password` })).statusCode).toBe(401);
    }
    const locking = await client.post('/api/auth/login', { email: 'ministeerium@tugi.demo', password: 'wrong-5-password' });
    expect(locking.statusCode).toBe(423);
    expect(locking.json().error.code).toBe('AUTH_LOCKED');
    expect(locking.json().error.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    const right = await client.post('/api/auth/login', { email: 'ministeerium@tugi.demo', password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(423);
    // The lock ends by itself: once its time has passed, the right password works again.
    await t.database.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('email', '=', 'ministeerium@tugi.demo').execute();
    expect((await client.post('/api/auth/login', { email: 'ministeerium@tugi.demo', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it(`throttles one address after ${MAX_FAILURES_PER_IP} failures in the window (429)`, async () => {
    const client = t.client();
    client.ip = '10.0.0.3';
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const r = await client.post('/api/auth/login', { email: `nobody${i}@tugi.demo`, password: 'wrong-password-1' });
      expect(r.statusCode).toBe(401);
    }
    const throttled = await client.post('/api/auth/login', { email: 'kov@tugi.demo', password: DEMO_PASSWORD });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('AUTH_RATE_LIMITED');
    const other = t.client();
    other.ip = '10.0.0.4';
    expect((await other.post('/api/auth/login', { email: 'kov@tugi.demo', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('records failed and successful logins in the audit log', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select(['action', 'record_id']).where('action', 'in', ['login', 'login_failed']).execute();
    expect(rows.some((r) => r.action === 'login_failed' && r.record_id === 'unknown')).toBe(true);
    expect(rows.some((r) => r.action === 'login')).toBe(true);
  });
});

describe('X-AUTH sessions and CSRF', () => {
  it('refuses a state-changing request without the CSRF token (403) and accepts it with one', async () => {
    const client = await t.loginAs('admin');
    const without = await client.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'en' }, headers: { 'x-csrf-token': 'forged' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const withToken = await client.put('/api/me/locale', { locale: 'en' });
    expect(withToken.statusCode).toBe(204);
  });

  it('refuses a login posted from a foreign origin', async () => {
    const response = await t.client().request({ method: 'POST', url: '/api/auth/login', payload: { email: 'kov@tugi.demo', password: DEMO_PASSWORD }, headers: { origin: 'https://evil.example' } });
    expect(response.statusCode).toBe(403);
  });

  it('logs out: the session no longer works', async () => {
    const client = await t.loginAs('trainer');
    const token = client.cookie('tugi_session')!;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const again = t.client();
    const replay = await again.request({ method: 'GET', url: '/api/auth/session', headers: { cookie: `tugi_session=${token}` } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('an expired session answers 401; activity slides the expiry forward', async () => {
    const client = await t.loginAs('mediator');
    await t.database.db.updateTable('sessions').set({ expires_at: sql<Date>`now() + interval '5 minutes'` }).execute();
    const before = await t.database.db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow();
    const refreshed = await client.post('/api/auth/refresh');
    expect(refreshed.statusCode).toBe(200);
    expect(new Date(refreshed.json().expiresAt).getTime()).toBeGreaterThan(before.expires_at.getTime() + 20 * 60_000);
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute();
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('requires a login for protected routes and the right role for admin routes', async () => {
    expect((await t.client().get('/api/admin/users')).statusCode).toBe(401);
    const kov = await t.loginAs('kov_worker');
    const denied = await kov.get('/api/admin/users');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
  });
});
