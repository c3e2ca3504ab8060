import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import type { Role } from '../db/schema.js';
import { signedContainer } from '../documents/fixtures/containers.js';
import { BODY_LIMIT, MAX_UPLOAD_BYTES } from './limits.js';

/**
 * Issue 10 hardening, proved against the running application: security
 * headers, cookie flags, CSRF, and every upload route refusing a wrong file
 * type by content and an oversized body.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Cookie = { name: string; value: string; httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string };
const cookiesOf = (r: LightMyRequestResponse) => r.cookies as Cookie[];

function expectBrowserHeaders(response: LightMyRequestResponse) {
  const csp = String(response.headers['content-security-policy']);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toBeDefined();
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'self'"]);
  expect(directives.get('form-action')).toEqual(["'self'"]);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('same-origin');
  expect(response.headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  it('are on API answers (success and error), the health check and web pages', async () => {
    const kov = await t.loginAs('kov_worker');
    const responses = [
      await kov.get('/api/auth/session'),
      await t.client().get('/api/auth/session'),
      await t.client().get('/api/no-such-route'),
      await t.client().get('/health'),
      await t.client().get('/'),
      await t.client().get('/login'),
      await t.client().get('/reset-password'),
    ];
    expect(responses.map((r) => r.statusCode).slice(0, 4)).toEqual([200, 401, 404, 200]);
    for (const response of responses) expectBrowserHeaders(response);
    expect(responses[0]!.headers['cache-control']).toBe('no-store');
  });

  it('HSTS only behind TLS: with a trusted proxy saying https, not over plain http, not when an untrusted client claims https', async () => {
    expect((await t.client().get('/health')).headers['strict-transport-security']).toBeUndefined();
    const spoofed = await t.client().request({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const tls = await createTestApp({ trustProxy: true });
    try {
      const behindProxy = await tls.client().request({ method: 'GET', url: '/api/auth/session', headers: { 'x-forwarded-proto': 'https' } });
      expect(behindProxy.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expectBrowserHeaders(behindProxy);
      const login = await tls.client().request({ method: 'POST', url: '/api/auth/login', payload: { email: 'kov@tugi.demo', password: DEMO_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
      expect(login.statusCode).toBe(200);
      for (const cookie of cookiesOf(login)) expect(cookie.secure, cookie.name).toBe(true);
      const plain = await tls.client().post('/api/auth/login', { email: 'kov@tugi.demo', password: DEMO_PASSWORD });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await tls.close();
    }
  });
});

describe('cookies', () => {
  it('the session cookie is HttpOnly and SameSite=Lax; the CSRF cookie is readable by our page but SameSite too; not Secure over plain http', async () => {
    const login = await t.client().post('/api/auth/login', { email: 'kov@tugi.demo', password: DEMO_PASSWORD });
    const cookies = new Map(cookiesOf(login).map((c) => [c.name, c]));
    expect(cookies.get('tugi_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookies.get('tugi_csrf')).toMatchObject({ sameSite: 'Lax', path: '/' });
    expect(cookies.get('tugi_csrf')!.httpOnly).toBeFalsy();
    expect(cookies.get('tugi_session')!.secure).toBeFalsy();
    expect(Buffer.from(cookies.get('tugi_session')!.value, 'base64url')).toHaveLength(32);
  });
});

describe('CSRF', () => {
  it('a state-changing call without the token or with a wrong one is refused and changes nothing; with the token it passes', async () => {
    const client = await t.loginAs('ska_manager');
    const csrf = client.cookie('tugi_csrf')!;
    const without = await client.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'ru' }, headers: { 'x-csrf-token': '' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const wrong = await client.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'ru' }, headers: { 'x-csrf-token': `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}` } });
    expect(wrong.statusCode).toBe(403);
    const other = await t.loginAs('kov_worker');
    const foreign = await client.request({ method: 'PUT', url: '/api/me/locale', payload: { locale: 'ru' }, headers: { 'x-csrf-token': other.cookie('tugi_csrf')! } });
    expect(foreign.statusCode).toBe(403);
    const logout = await client.request({ method: 'POST', url: '/api/auth/logout', headers: { 'x-csrf-token': 'nope' } });
    expect(logout.statusCode).toBe(403);
    expect((await client.get('/api/auth/session')).json().user.locale).toBe('et');
    expect((await client.put('/api/me/locale', { locale: 'ru' })).statusCode).toBe(204);
    expect((await client.get('/api/auth/session')).json().user.locale).toBe('ru');
  });

  it('a login from a foreign Origin is refused; from our own it passes', async () => {
    const foreign = await t.client().request({ method: 'POST', url: '/api/auth/login', payload: { email: 'kov@tugi.demo', password: DEMO_PASSWORD }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CSRF_FAILED');
    expect(cookiesOf(foreign).find((c) => c.name === 'tugi_session')).toBeUndefined();
    const own = await t.client().request({ method: 'POST', url: '/api/auth/login', payload: { email: 'kov@tugi.demo', password: DEMO_PASSWORD }, headers: { origin: new URL(t.config.publicUrl).origin } });
    expect(own.statusCode).toBe(200);
  });
});

/** How each upload route is called; the test fails when the route table has an upload route missing here. */
const UPLOAD_CALLS: Record<string, { query: Record<string, string>; good: () => Buffer; params?: Record<string, string> }> = {
  'POST /api/cases/:id/documents': { query: { filename: 'arvamus.pdf' }, good: () => PDF },
  'POST /api/grants/applications/:id/files': { query: { kind: 'evidence', filename: 'kiri.pdf' }, good: () => PDF },
  'POST /api/grants/applications/:id/contract/sign': { query: { filename: 'leping.asice' }, good: () => Buffer.from(signedContainer()) },
  'POST /api/mediation/proceedings/:id/files': { query: { filename: 'kiri.pdf' }, good: () => PDF },
  'POST /api/families/monthly-reports/:id/signatures/upload': { query: { revision: '1', signer: 'specialist', specialistId: randomUUID(), filename: 'aruanne.pdf' }, good: () => PDF },
  'POST /api/families/specialists/:id/documents': { query: { filename: 'diplom.pdf', title: 'Diplom' }, good: () => PDF },
  'POST /api/families/groups/:id/files/:purpose': { query: { filename: 'nimekiri.pdf' }, good: () => PDF, params: { purpose: 'attendance-list' } },
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const WRONG: [string, Buffer][] = [
  ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1')],
  ['an ELF executable', Buffer.from('\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00', 'latin1')],
  ['an HTML page with a script', Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>')],
  ['an SVG image with a script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
  ['a plain ZIP archive', Buffer.from('504b0304140000000000000000000000000000000000000000000000000000504b050600000000000000000000000000000000', 'hex')],
];
const TYPE_CODES = ['UPLOAD_FILE_TYPE', 'E_MSG_FILE_TYPE', 'D_GRANT_2_NOT_SIGNED_CONTAINER'];

describe('uploads', () => {
  const clients = new Map<Role, TestClient>();
  const clientFor = async (roles: readonly Role[]) => {
    const role = roles[0]!;
    if (!clients.has(role)) clients.set(role, await t.loginAs(role));
    return clients.get(role)!;
  };
  const send = (client: TestClient, method: string, url: string, body: Buffer) =>
    client.request({ method: method as 'POST', url, payload: body, headers: { 'content-type': 'application/octet-stream' } });

  const uploadRoutes = () => t.app.apiRoutes.filter((r) => r.upload);
  const urlOf = (route: { method: string; url: string }) => {
    const call = UPLOAD_CALLS[`${route.method} ${route.url}`]!;
    const path = route.url.replace(/:(\w+)/g, (_, name: string) => call.params?.[name] ?? randomUUID());
    return `${path}?${new URLSearchParams(call.query)}`;
  };

  it('the route table names every upload route, and each is described here', () => {
    expect(uploadRoutes().map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(UPLOAD_CALLS).sort());
  });

  it('every upload route refuses a wrong file type by its content, whatever its name says', async () => {
    for (const route of uploadRoutes()) {
      const client = await clientFor(route.access as readonly Role[]);
      const call = UPLOAD_CALLS[`${route.method} ${route.url}`]!;
      for (const [what, bytes] of WRONG) {
        const response = await send(client, route.method, urlOf(route), bytes);
        expect([400, 415], `${route.url} took ${what}: ${response.body}`).toContain(response.statusCode);
        expect(TYPE_CODES, `${route.url}: ${what}`).toContain(response.json().error.code);
      }
      // The right content passes the type check (the record does not exist: 404, or the route's own later rule).
      const good = await send(client, route.method, urlOf(route), call.good());
      expect([404, 400, 409], `${route.url} refused good content: ${good.body}`).toContain(good.statusCode);
      expect(TYPE_CODES).not.toContain(good.json().error.code);
    }
  });

  it('every upload route refuses a body over the limit with 413 before reading it', async () => {
    const huge = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - PDF.length)]);
    for (const route of uploadRoutes()) {
      const client = await clientFor(route.access as readonly Role[]);
      const response = await send(client, route.method, urlOf(route), huge);
      expect(response.statusCode, route.url).toBe(413);
      expect(response.json().error.code).toBe('BODY_TOO_LARGE');
    }
  });

  it('the wrong-type message is in the user’s language and names what is accepted', async () => {
    const client = await t.loginAs('provider_admin');
    client.locale = 'en';
    const response = await send(client, 'POST', `/api/families/specialists/${randomUUID()}/documents?filename=x.pdf&title=X`, WRONG[0]![1]);
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toBe('This type of file cannot be uploaded. Accepted: PDF, PNG, JPEG, DOCX, XLSX, ODT/ODS, ASiC-E/BDOC. The type is recognised by the content, not by the name.');
  });

  it('routes that take no file refuse raw bytes (415), and the JSON size limit holds for them', async () => {
    const client = await t.loginAs('kov_worker');
    const bytes = await send(client, 'PUT', '/api/me/locale', Buffer.from('{"locale":"en"}'));
    expect(bytes.statusCode).toBe(415);
    expect(bytes.json().error.code).toBe('UPLOAD_NOT_ACCEPTED_HERE');
    const big = await send(client, 'POST', '/api/auth/logout', Buffer.alloc(BODY_LIMIT + 1));
    expect(big.statusCode).toBe(413);
    const anonymous = await t.client().request({ method: 'POST', url: '/api/auth/login', payload: Buffer.alloc(BODY_LIMIT + 1), headers: { 'content-type': 'application/octet-stream' } });
    expect(anonymous.statusCode).toBe(413);
  });
});
