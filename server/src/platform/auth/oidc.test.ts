/**
 * X-AUTH login through TARA, against a real OpenID Connect provider
 * (oidc-provider) on 127.0.0.1. The test plays the browser: it follows the
 * provider's redirects with fetch, and decides in the provider's interaction
 * who logs in and with which level (acr) and method (amr).
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
// @ts-expect-error oidc-provider 9 ships no type declarations; the few members used are typed below.
import ProviderModule from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { buildApp } from '../../app.js';
import { MAX_FAILURES_PER_IP } from './login-rules.js';
import { personalCodeCheckDigit } from '../../modules/people/personal-code.js';
import { OIDC_STATE_COOKIE } from './oidc.js';

interface TestGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface TestProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ params: Record<string, unknown> }>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: new (input: { accountId: string; clientId: string }) => TestGrant;
  use(middleware: (ctx: { path: string; body: unknown }, next: () => Promise<void>) => Promise<void>): void;
}
const Provider = ProviderModule as new (issuer: string, configuration: object) => TestProvider;

const CLIENT_ID = 'tugi-test';
const CLIENT_SECRET = 'tugi-test-secret-0123456789abcdef';
/** The app is driven with inject, so the host does not matter: only that it matches the registered one. */
const CALLBACK = 'http://127.0.0.1/api/auth/oidc/callback';
const CLIENT_EMAIL = 'lapsevanem@tugi.demo';

/** Who "logs in" at the provider in the next interaction. */
interface ProviderLogin {
  sub: string;
  acr: string;
  amr: string[];
}

let t: TestApp;
let disabled: FastifyInstance;
let server: http.Server;
let issuer: string;
let nextLogin: ProviderLogin | null = null;
/** When set, the provider's token endpoint returns an ID token signed with a key that is not in its JWKS. */
let forgeIdTokenSignature = false;
let clientPersonalCode: string;
let clientUserId: string;

async function startProvider(): Promise<void> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'tara-test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    pkce: { required: () => true },
    acrValues: ['low', 'substantial', 'high'],
    // Like TARA's, the ID token always carries the level (acr) and the method (amr): both ride on the openid scope.
    claims: { openid: ['sub', 'acr', 'amr'] },
    scopes: ['openid', 'idcard', 'mid', 'smartid'],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (forgeIdTokenSignature && ctx.path === '/token' && body?.id_token) {
      // Same header (kid) and claims, signature by another key: only the JWKS check can tell.
      const [header, payload] = body.id_token.split('.');
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), foreignKey).toString('base64url');
      ctx.body = { ...body, id_token: `${header}.${payload}.${signature}` };
    }
  });
  const providerCallback = provider.callback();

  // The login page of the "state's service": logs in whoever the test put in nextLogin, with a grant for the requested scopes.
  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const login = nextLogin;
    if (!login) throw new Error('the test did not say who logs in');
    nextLogin = null;
    const grant = new provider.Grant({ accountId: login.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: login.sub, acr: login.acr, amr: login.amr }, consent: { grantId } }, { mergeWithLastSubmission: false });
  };
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    providerCallback(req, res);
  };
}

/** The browser at the provider: follows redirects, keeping the provider's cookies, until it is sent back to the app. */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(`${CALLBACK}?`)) return new URL(url);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() < Date.now());
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url}: ${response.status} ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}

/** Opens a login in the app and finishes it at the provider as `login`; returns the URL the provider sends the browser back to. */
async function loginAtProvider(client: TestClient, login: ProviderLogin, query = ''): Promise<{ callback: URL; start: LightMyRequestResponse }> {
  const start = await client.get(`/api/auth/oidc/start${query}`);
  expect(start.statusCode).toBe(302);
  nextLogin = login;
  const callback = await throughProvider(String(start.headers.location));
  return { callback, start };
}

const callbackPath = (callback: URL) => `${callback.pathname}${callback.search}`;

async function taraLogin(client: TestClient, login: ProviderLogin, query = ''): Promise<LightMyRequestResponse> {
  const { callback } = await loginAtProvider(client, login, query);
  return client.get(callbackPath(callback));
}

function cookieOf(response: LightMyRequestResponse, name: string) {
  return (response.cookies as { name: string; value: string; path?: string; httpOnly?: boolean; sameSite?: string; secure?: boolean; maxAge?: number }[]).find((c) => c.name === name);
}

async function auditCount(action: string, recordId: string): Promise<number> {
  const rows = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', action).where('record_id', '=', recordId).execute();
  return rows.length;
}

async function sessionCount(userId: string): Promise<number> {
  const rows = await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('auth_method', '=', 'oidc').execute();
  return rows.length;
}

/** A valid personal code that no demo user has. */
const strangerCode = (() => {
  const firstTen = '3900101999';
  return `${firstTen}${personalCodeCheckDigit(firstTen)}`;
})();

beforeAll(async () => {
  await startProvider();
  t = await createTestApp({
    oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: CALLBACK, acr: 'high', allowHttp: true },
  });
  // The same database behind an app without OIDC configuration.
  disabled = await buildApp({ db: t.database.db, config: { ...t.config, oidc: undefined }, jobs: null }, { logger: false, serveWeb: false });
  await disabled.ready();
  const user = await t.database.db.selectFrom('users').select(['id', 'personal_code']).where('email', '=', CLIENT_EMAIL).executeTakeFirstOrThrow();
  clientPersonalCode = user.personal_code!;
  clientUserId = user.id;
});

afterAll(async () => {
  await disabled?.close();
  await t?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe('X-AUTH TARA login (OpenID Connect)', () => {
  it('X-AUTH: the demo client logs in as EE + personal code; a session starts and the login is audited', async () => {
    const client = t.client();
    const loginsBefore = await auditCount('login', clientUserId);
    const response = await taraLogin(client, { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });

    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const session = cookieOf(response, 'tugi_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(cookieOf(response, 'tugi_csrf')).toBeDefined();
    expect(cookieOf(response, OIDC_STATE_COOKIE)?.value).toBe('');

    const me = await client.get('/api/auth/session');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: clientUserId, email: CLIENT_EMAIL, role: 'client' });
    expect(await auditCount('login', clientUserId)).toBe(loginsBefore + 1);
    const stored = await t.database.db.selectFrom('sessions').select('auth_method').where('user_id', '=', clientUserId).execute();
    expect(stored.map((s) => s.auth_method)).toContain('oidc');
    // TARA keeps no session and neither does the login: the transaction is gone.
    expect(await t.database.db.selectFrom('oidc_transactions').select('state').execute()).toEqual([]);
  });

  it('X-AUTH: a TARA login ends the session the browser came with (session fixation)', async () => {
    const client = await t.login(CLIENT_EMAIL);
    const old = client.cookie('tugi_session')!;
    const response = await taraLogin(client, { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(client.cookie('tugi_session')).not.toBe(old);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const replay = await t.client().request({ method: 'GET', url: '/api/auth/session', headers: { cookie: `tugi_session=${old}` } });
    expect(replay.statusCode).toBe(401);
  });

  it('X-AUTH: the authorization request carries scope, acr_values, ui_locales, state, nonce and an S256 code challenge', async () => {
    const client = t.client();
    const start = await client.get('/api/auth/oidc/start?method=idcard&locale=ru');
    expect(start.statusCode).toBe(302);
    const url = new URL(String(start.headers.location));
    expect(`${url.origin}${url.pathname}`).toBe(`${issuer}/auth`);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(CLIENT_ID);
    expect(p.get('redirect_uri')).toBe(CALLBACK);
    expect(p.get('scope')).toBe('openid idcard');
    expect(p.get('acr_values')).toBe('high');
    expect(p.get('ui_locales')).toBe('ru');
    expect(p.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(p.get('code_challenge_method')).toBe('S256');

    const state = p.get('state')!;
    const cookie = cookieOf(start, OIDC_STATE_COOKIE)!;
    expect(cookie.value).toBe(state);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.maxAge).toBe(600);

    const row = await t.database.db.selectFrom('oidc_transactions').selectAll().where('state', '=', state).executeTakeFirstOrThrow();
    expect(row.nonce).toBe(p.get('nonce'));
    expect(row.locale).toBe('ru');
    expect(p.get('code_challenge')).toBe(createHash('sha256').update(row.code_verifier).digest('base64url'));
    await t.database.db.deleteFrom('oidc_transactions').where('state', '=', state).execute();
  });

  it('X-AUTH: without a method the scope is openid, and the language follows the request', async () => {
    const client = t.client();
    client.locale = 'en';
    const start = await client.get('/api/auth/oidc/start');
    const p = new URL(String(start.headers.location)).searchParams;
    expect(p.get('scope')).toBe('openid');
    expect(p.get('ui_locales')).toBe('en');
    await t.database.db.deleteFrom('oidc_transactions').where('state', '=', p.get('state')!).execute();
  });

  it('X-AUTH: a preselected method must be the one used (amr)', async () => {
    const wrong = await taraLogin(t.client(), { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['smartid'] }, '?method=idcard');
    expect(wrong.headers.location).toBe('/login?error=OIDC_FAILED');
    const right = await taraLogin(t.client(), { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['idcard'] }, '?method=idcard');
    expect(right.headers.location).toBe('/');
  });

  it('X-AUTH: a state cookie that does not match the returned state is refused and starts no session', async () => {
    const client = t.client();
    const sessionsBefore = await sessionCount(clientUserId);
    const { callback } = await loginAtProvider(client, { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });
    // A second login opened in the same browser replaces the state cookie.
    const other = await client.get('/api/auth/oidc/start');
    expect(cookieOf(other, OIDC_STATE_COOKIE)!.value).not.toBe(callback.searchParams.get('state'));

    const response = await client.get(callbackPath(callback));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?error=OIDC_STATE_MISMATCH');
    expect(cookieOf(response, 'tugi_session')).toBeUndefined();
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    expect(await sessionCount(clientUserId)).toBe(sessionsBefore);
  });

  it('X-AUTH: failed callbacks count toward the per-address limit, after which even a good login is refused unaudited', async () => {
    const client = t.client();
    client.ip = '10.9.9.9';
    await t.database.db.insertInto('login_attempts').values(Array.from({ length: MAX_FAILURES_PER_IP - 1 }, () => ({ email: 'oidc', ip: client.ip, success: false }))).execute();
    const failing = await taraLogin(client, { sub: `EE${strangerCode}`, acr: 'high', amr: ['mID'] });
    expect(failing.headers.location).toBe('/login?error=OIDC_NO_USER');
    const failuresBefore = await auditCount('login_failed', clientUserId);
    const throttled = await taraLogin(client, { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });
    expect(throttled.headers.location).toBe('/login?error=OIDC_FAILED');
    expect(cookieOf(throttled, 'tugi_session')).toBeUndefined();
    expect(await auditCount('login_failed', clientUserId)).toBe(failuresBefore);
  });

  it('X-AUTH: a callback without any state cookie is refused', async () => {
    const client = t.client();
    const { callback } = await loginAtProvider(client, { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });
    client.forgetCookie(OIDC_STATE_COOKIE);
    const response = await client.get(callbackPath(callback));
    expect(response.headers.location).toBe('/login?error=OIDC_STATE_MISMATCH');
    expect(cookieOf(response, 'tugi_session')).toBeUndefined();
  });

  it('X-AUTH: an unknown personal code finds no user, and the failure is audited', async () => {
    const client = t.client();
    const failuresBefore = await auditCount('login_failed', 'unknown');
    const response = await taraLogin(client, { sub: `EE${strangerCode}`, acr: 'high', amr: ['smartid'] });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?error=OIDC_NO_USER');
    expect(cookieOf(response, 'tugi_session')).toBeUndefined();
    expect(await auditCount('login_failed', 'unknown')).toBe(failuresBefore + 1);
  });

  it('X-AUTH: a subject that is not EE + a valid personal code finds no user', async () => {
    const foreign = await taraLogin(t.client(), { sub: 'CZ12345678', acr: 'high', amr: ['eIDAS'] });
    expect(foreign.headers.location).toBe('/login?error=OIDC_NO_USER');
    const broken = await taraLogin(t.client(), { sub: `EE${clientPersonalCode.slice(0, 10)}${(Number(clientPersonalCode[10]) + 1) % 10}`, acr: 'high', amr: ['mID'] });
    expect(broken.headers.location).toBe('/login?error=OIDC_NO_USER');
  });

  it('X-AUTH: a deactivated user cannot log in with TARA', async () => {
    const db = t.database.db;
    const code = (() => {
      const firstTen = '4900101888';
      return `${firstTen}${personalCodeCheckDigit(firstTen)}`;
    })();
    const trainer = await db.updateTable('users').set({ personal_code: code, active: false }).where('email', '=', 'koolitaja@tugi.demo').returning('id').executeTakeFirstOrThrow();
    try {
      const failuresBefore = await auditCount('login_failed', trainer.id);
      const response = await taraLogin(t.client(), { sub: `EE${code}`, acr: 'high', amr: ['idcard'] });
      expect(response.headers.location).toBe('/login?error=OIDC_NO_USER');
      expect(await auditCount('login_failed', trainer.id)).toBe(failuresBefore + 1);
      expect(await sessionCount(trainer.id)).toBe(0);
    } finally {
      await db.updateTable('users').set({ personal_code: null, active: true }).where('id', '=', trainer.id).execute();
    }
  });

  it("X-AUTH: acr 'low' when 'high' is required is refused", async () => {
    const sessionsBefore = await sessionCount(clientUserId);
    const failuresBefore = await auditCount('login_failed', clientUserId);
    const response = await taraLogin(t.client(), { sub: `EE${clientPersonalCode}`, acr: 'low', amr: ['mID'] });
    expect(response.headers.location).toBe('/login?error=OIDC_FAILED');
    expect(cookieOf(response, 'tugi_session')).toBeUndefined();
    expect(await sessionCount(clientUserId)).toBe(sessionsBefore);
    expect(await auditCount('login_failed', clientUserId)).toBe(failuresBefore + 1);
  });

  it('X-AUTH: a replayed callback (the same state twice) fails and starts no second session', async () => {
    const client = t.client();
    const { callback } = await loginAtProvider(client, { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });
    const state = callback.searchParams.get('state')!;
    const first = await client.get(callbackPath(callback));
    expect(first.headers.location).toBe('/');
    const sessionsAfterFirst = await sessionCount(clientUserId);

    // The attacker (or a reload) sends the very same callback with the very same state cookie.
    const replay = await t.app.inject({ method: 'GET', url: callbackPath(callback), headers: { cookie: `${OIDC_STATE_COOKIE}=${state}` } });
    expect(replay.statusCode).toBe(302);
    expect(replay.headers.location).toBe('/login?error=OIDC_STATE_MISMATCH');
    expect(cookieOf(replay, 'tugi_session')).toBeUndefined();
    expect(await sessionCount(clientUserId)).toBe(sessionsAfterFirst);
  });

  it('X-AUTH: a login not finished within 10 minutes is refused and its transaction removed', async () => {
    const client = t.client();
    const { callback } = await loginAtProvider(client, { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });
    const state = callback.searchParams.get('state')!;
    await sql`update oidc_transactions set created_at = now() - interval '11 minutes' where state = ${state}`.execute(t.database.db);
    const response = await client.get(callbackPath(callback));
    expect(response.headers.location).toBe('/login?error=OIDC_STATE_MISMATCH');
    expect(await t.database.db.selectFrom('oidc_transactions').select('state').where('state', '=', state).execute()).toEqual([]);
  });

  it('X-AUTH: a cancelled login (provider error) and a bare callback end on the login page, never in an error page', async () => {
    const client = t.client();
    const start = await client.get('/api/auth/oidc/start');
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const cancelled = await client.get(`/api/auth/oidc/callback?error=user_cancel&error_description=cancelled&state=${encodeURIComponent(state)}`);
    expect(cancelled.statusCode).toBe(302);
    expect(cancelled.headers.location).toBe('/login?error=OIDC_FAILED');
    expect(await t.database.db.selectFrom('oidc_transactions').select('state').where('state', '=', state).execute()).toEqual([]);

    const bare = await t.client().get('/api/auth/oidc/callback');
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/login?error=OIDC_STATE_MISMATCH');
    const repeated = await t.client().get('/api/auth/oidc/callback?code=a&code=b&state=x');
    expect(repeated.statusCode).toBe(302);
    expect(repeated.headers.location).toMatch(/^\/login\?error=OIDC_/);
  });

  it("X-AUTH: an ID token whose signature does not verify against the provider's JWKS is refused", async () => {
    const sessionsBefore = await sessionCount(clientUserId);
    forgeIdTokenSignature = true;
    try {
      const response = await taraLogin(t.client(), { sub: `EE${clientPersonalCode}`, acr: 'high', amr: ['mID'] });
      expect(response.headers.location).toBe('/login?error=OIDC_FAILED');
      expect(cookieOf(response, 'tugi_session')).toBeUndefined();
    } finally {
      forgeIdTokenSignature = false;
    }
    expect(await sessionCount(clientUserId)).toBe(sessionsBefore);
  });

  it('X-AUTH: a forged code is refused by the provider', async () => {
    const client = t.client();
    const start = await client.get('/api/auth/oidc/start');
    const state = new URL(String(start.headers.location)).searchParams.get('state')!;
    const response = await client.get(`/api/auth/oidc/callback?code=forged-code&state=${encodeURIComponent(state)}&iss=${encodeURIComponent(issuer)}`);
    expect(response.headers.location).toBe('/login?error=OIDC_FAILED');
  });

  it('X-AUTH: /config says whether TARA login is configured; unconfigured, /start answers 404 in the asked language', async () => {
    expect((await t.client().get('/api/auth/oidc/config')).json()).toEqual({ enabled: true });
    const config = await disabled.inject({ method: 'GET', url: '/api/auth/oidc/config' });
    expect(config.statusCode).toBe(200);
    expect(config.json()).toEqual({ enabled: false });

    const et = await disabled.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(et.statusCode).toBe(404);
    expect(et.json().error).toEqual({ code: 'OIDC_DISABLED', message: 'ID-kaardi ja Mobiil-ID-ga sisselogimine ei ole seadistatud.' });
    const ru = await disabled.inject({ method: 'GET', url: '/api/auth/oidc/start?locale=ru', headers: { 'accept-language': 'ru' } });
    expect(ru.statusCode).toBe(404);
    expect(ru.json().error.message).toBe('Вход с ID-картой и Mobile-ID не настроен.');
    expect(ru.cookies).toEqual([]);
  });

  it('X-AUTH: behind TLS the state cookie is Secure', async () => {
    const tls = await buildApp({ db: t.database.db, config: { ...t.config, trustProxy: true }, jobs: null }, { logger: false, serveWeb: false });
    try {
      const start = await tls.inject({ method: 'GET', url: '/api/auth/oidc/start', headers: { 'x-forwarded-proto': 'https' } });
      expect(start.statusCode).toBe(302);
      const cookie = cookieOf(start, OIDC_STATE_COOKIE)!;
      expect(cookie.secure).toBe(true);
      expect(cookie.httpOnly).toBe(true);
      await t.database.db.deleteFrom('oidc_transactions').where('state', '=', cookie.value).execute();
    } finally {
      await tls.close();
    }
  });

  it('X-AUTH: the OIDC routes are documented under the auth tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, { get?: { tags?: string[]; summary?: string } }> };
    for (const path of ['/api/auth/oidc/config', '/api/auth/oidc/start', '/api/auth/oidc/callback']) {
      expect(doc.paths[path]?.get?.tags).toEqual(['auth']);
      expect(doc.paths[path]?.get?.summary).toBeTruthy();
    }
  });
});
