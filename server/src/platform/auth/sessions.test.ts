import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { extendSession, loadSession, SESSION_ABSOLUTE_HOURS, sessionIdOf } from './sessions.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;

describe('X-AUTH sessions: rotation, logout, idle and absolute expiry', () => {
  it('a login with a session cookie issues a new token and the old one stops working (session fixation)', async () => {
    const client = await t.login('kov@tugi.demo');
    const old = client.cookie('tugi_session')!;
    const oldCsrf = client.cookie('tugi_csrf')!;
    const again = await client.post('/api/auth/login', { email: 'kov@tugi.demo', password: DEMO_PASSWORD });
    expect(again.statusCode).toBe(200);
    const fresh = client.cookie('tugi_session')!;
    expect(fresh).not.toBe(old);
    expect(client.cookie('tugi_csrf')).not.toBe(oldCsrf);
    expect(await t.database.db.selectFrom('sessions').select('id').where('id', '=', sessionIdOf(old)).executeTakeFirst()).toBeUndefined();
    const replay = await t.client().request({ method: 'GET', url: '/api/auth/session', headers: { cookie: `tugi_session=${old}` } });
    expect(replay.statusCode).toBe(401);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('a cookie planted before the login (an attacker’s own session) is ended by the victim’s login', async () => {
    const attacker = await t.login('koolitaja@tugi.demo');
    const planted = attacker.cookie('tugi_session')!;
    const victim = t.client();
    const login = await victim.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'juht@tugi.demo', password: DEMO_PASSWORD }, headers: { cookie: `tugi_session=${planted}` } });
    expect(login.statusCode).toBe(200);
    expect((login.cookies as { name: string; value: string }[]).find((c) => c.name === 'tugi_session')!.value).not.toBe(planted);
    expect((await attacker.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('logout ends the session on the server, not just the cookie', async () => {
    const client = await t.login('kontakt@tugi.demo');
    const token = client.cookie('tugi_session')!;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect(client.cookie('tugi_session')).toBeUndefined();
    expect(await t.database.db.selectFrom('sessions').select('id').where('id', '=', sessionIdOf(token)).executeTakeFirst()).toBeUndefined();
    const replay = await t.client().request({ method: 'GET', url: '/api/auth/session', headers: { cookie: `tugi_session=${token}` } });
    expect(replay.statusCode).toBe(401);
  });

  it('idle timeout: the configured minutes without activity end the session (checked at the boundary)', async () => {
    const client = await t.login('ministeerium@tugi.demo');
    const token = client.cookie('tugi_session')!;
    const session = (await loadSession(t.database.db, token))!;
    const expires = session.expiresAt.getTime();
    expect(expires - session.createdAt.getTime()).toBeGreaterThanOrEqual(t.config.sessionMinutes * MINUTE - 1000);
    expect(await loadSession(t.database.db, token, new Date(expires - 1))).not.toBeNull();
    expect(await loadSession(t.database.db, token, new Date(expires))).toBeNull();
    // Over HTTP: a session whose expiry has passed answers 401.
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', sessionIdOf(token)).execute();
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('activity extends the idle timeout, never past the absolute limit', async () => {
    const client = await t.login('audiitor@tugi.demo');
    const token = client.cookie('tugi_session')!;
    const start = (await loadSession(t.database.db, token))!;
    const created = start.createdAt.getTime();
    const minutes = t.config.sessionMinutes;
    // Activity 20 minutes in moves the expiry to 20 + 30 minutes.
    const at20 = new Date(created + 20 * MINUTE);
    const extended = await extendSession(t.database.db, start, minutes, at20);
    expect(extended.getTime()).toBe(at20.getTime() + minutes * MINUTE);
    // Activity close to the absolute limit stops at it.
    const absolute = created + SESSION_ABSOLUTE_HOURS * 3_600_000;
    const late = new Date(absolute - 10 * MINUTE);
    const loaded = (await loadSession(t.database.db, token, late))!;
    expect(loaded).toBeNull(); // the idle expiry (50 minutes in) has long passed by then
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(absolute - 5 * MINUTE) }).where('id', '=', sessionIdOf(token)).execute();
    const kept = (await loadSession(t.database.db, token, late))!;
    const capped = await extendSession(t.database.db, kept, minutes, late);
    expect(capped.getTime()).toBe(absolute);
    expect(await loadSession(t.database.db, token, new Date(absolute - 1))).not.toBeNull();
    expect(await loadSession(t.database.db, token, new Date(absolute))).toBeNull();
    // Even a session whose stored expiry were later is refused past the absolute limit.
    await t.database.db.updateTable('sessions').set({ expires_at: new Date(absolute + 60 * MINUTE) }).where('id', '=', sessionIdOf(token)).execute();
    expect(await loadSession(t.database.db, token, new Date(absolute))).toBeNull();
  });
});
