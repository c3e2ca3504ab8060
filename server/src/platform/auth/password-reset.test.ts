import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import type { AppDeps } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { confirmPasswordReset, MAX_RESETS_PER_EMAIL, MAX_RESETS_PER_IP, requestPasswordReset, resetTokenHash, RESET_TOKEN_MINUTES } from './password-reset.js';

let t: TestApp;
let deps: AppDeps;
const NEW_PASSWORD = 'Uus-parool-2026!';
let ipCounter = 0;
/** A client from its own address, so the per-address limit of one test does not touch another. */
const anonymous = () => {
  const c = t.client();
  c.ip = `10.9.0.${++ipCounter}`;
  return c;
};

beforeAll(async () => {
  t = await createTestApp();
  deps = { db: t.database.db, config: t.config, jobs: null };
});
afterAll(() => t.close());

async function mailsTo(email: string) {
  return t.database.db.selectFrom('mail_outbox').select(['subject', 'body_text', 'dedupe_key']).where('to_address', '=', email).where('dedupe_key', 'like', 'password-reset:%').orderBy('created_at').execute();
}
/** The token from the newest reset mail's link. */
async function tokenFor(email: string): Promise<string> {
  const mails = await mailsTo(email);
  const match = /#token=([A-Za-z0-9_-]+)/.exec(mails.at(-1)!.body_text);
  return match![1]!;
}
async function ask(client: TestClient, email: string) {
  return client.post('/api/auth/password-reset', { email });
}
async function confirm(client: TestClient, token: string, password = NEW_PASSWORD) {
  return client.post('/api/auth/password-reset/confirm', { token, password });
}
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('X-AUTH password reset by e-mail', () => {
  it('answers the same 202 for an account, an unknown address and an inactive account; only the account gets a mail', async () => {
    const admin = await t.loginAs('admin');
    const created = (await admin.post('/api/admin/users', { email: 'passiivne@tugi.demo', name: 'Passiivne Kasutaja', role: 'kov_worker', organisationId: (await admin.get('/api/admin/organisations?q=Tartu')).json().items[0].id, password: 'Lastekaitse-2026!' })).json();
    expect((await admin.post(`/api/admin/users/${created.id}/deactivate`, { version: created.version })).statusCode).toBe(200);

    const answers = [];
    for (const email of ['kov@tugi.demo', 'KEEGI.pole@tugi.demo', 'passiivne@tugi.demo']) {
      const response = await ask(anonymous(), email);
      answers.push({ status: response.statusCode, body: response.body });
    }
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
    expect(answers[0]).toEqual({ status: 202, body: '{"accepted":true}' });
    expect(await mailsTo('kov@tugi.demo')).toHaveLength(1);
    expect(await mailsTo('keegi.pole@tugi.demo')).toHaveLength(0);
    expect(await mailsTo('passiivne@tugi.demo')).toHaveLength(0);
    expect(await t.database.db.selectFrom('password_reset_tokens').innerJoin('users', 'users.id', 'password_reset_tokens.user_id').select('users.email').execute()).toEqual([{ email: 'kov@tugi.demo' }]);
  });

  it('mails a link to the web app in the user’s language, stores only the token’s hash and never logs the token', async () => {
    await t.database.db.updateTable('users').set({ locale: 'ru' }).where('email', '=', 'ministeerium@tugi.demo').execute();
    await ask(anonymous(), 'ministeerium@tugi.demo');
    const [mail] = await mailsTo('ministeerium@tugi.demo');
    expect(mail!.subject).toBe('Tugi: восстановление пароля');
    expect(mail!.body_text).toContain(`${t.config.publicUrl}/reset-password#token=`);
    expect(mail!.body_text).toContain(`${RESET_TOKEN_MINUTES} минут`);
    const token = await tokenFor('ministeerium@tugi.demo');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await t.database.db.selectFrom('password_reset_tokens').innerJoin('users', 'users.id', 'password_reset_tokens.user_id').select(['token_hash', 'expires_at', 'password_reset_tokens.created_at']).where('users.email', '=', 'ministeerium@tugi.demo').executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(resetTokenHash(token));
    expect(stored.expires_at.getTime() - stored.created_at.getTime()).toBe(RESET_TOKEN_MINUTES * 60_000);
    expect((await confirm(anonymous(), token)).statusCode).toBe(204);
    const audit = JSON.stringify(await t.database.db.selectFrom('audit_log').selectAll().execute());
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(resetTokenHash(token));
  });

  it('sets the password, ends every session of the user, clears the lockout and audits the change', async () => {
    const email = 'koolitaja@tugi.demo';
    const before = await t.login(email);
    const other = await t.login(email);
    await t.database.db.updateTable('users').set({ failed_logins: 5, locked_until: new Date(Date.now() + 15 * 60_000) }).where('email', '=', email).execute();
    await ask(anonymous(), email);
    const response = await confirm(anonymous(), await tokenFor(email));
    expect(response.statusCode).toBe(204);
    expect((await before.get('/api/auth/session')).statusCode).toBe(401);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    const user = await t.database.db.selectFrom('users').select(['id', 'failed_logins', 'locked_until']).where('email', '=', email).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ failed_logins: 0, locked_until: null });
    const wrong = anonymous();
    expect((await wrong.post('/api/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await anonymous().post('/api/auth/login', { email, password: NEW_PASSWORD })).statusCode).toBe(200);
    const entry = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id', 'changes']).where('record_type', '=', 'user').where('record_id', '=', user.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'update', actor_id: user.id, changes: [{ field: 'password', old: '***', new: '***' }, { field: 'via', old: null, new: 'password_reset' }] });
  });

  it('refuses a used link, a wrong token and an older link replaced by a newer one, in the user’s language', async () => {
    const email = 'audiitor@tugi.demo';
    await ask(anonymous(), email);
    const first = await tokenFor(email);
    await ask(anonymous(), email);
    const second = await tokenFor(email);
    expect(second).not.toBe(first);
    const client = anonymous();
    const older = await confirm(client, first);
    expect(older.statusCode).toBe(400);
    expect(older.json().error).toEqual({ code: 'PASSWORD_RESET_INVALID', message: 'Parooli taastamise link on vale, aegunud või juba kasutatud. Küsi uus link.' });
    client.locale = 'en';
    const wrong = await confirm(client, `${second.slice(0, -2)}xx`);
    expect(wrong.json().error.message).toBe('The password reset link is wrong, expired or already used. Ask for a new link.');
    expect((await confirm(client, second)).statusCode).toBe(204);
    client.locale = 'ru';
    const reused = await confirm(client, second, 'Veel-üks-parool-2026!');
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.message).toBe('Ссылка для восстановления пароля неверна, устарела или уже использована. Запросите новую ссылку.');
    // Used and replaced links are blanked in the outbox too.
    const kept = (await mailsTo(email)).map((m) => m.body_text).join('\n');
    expect(kept).not.toContain(first);
    expect(kept).not.toContain(second);
    expect(kept).toContain('/reset-password#token=…');
    expect((await anonymous().post('/api/auth/login', { email, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('checks the password policy with a clear message, and the link stays good for another try', async () => {
    const email = 'perelepitaja@tugi.demo';
    await ask(anonymous(), email);
    const token = await tokenFor(email);
    const client = anonymous();
    client.locale = 'en';
    const short = await confirm(client, token, 'lühike1A');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toEqual({ code: 'PASSWORD_POLICY_UNMET', message: 'The password does not meet the requirements: at least 12 characters.', details: { problems: ['too_short'] } });
    client.locale = 'et';
    const named = await confirm(client, token, 'Ivanova-2026-parool');
    expect(named.json().error.message).toBe('Parool ei vasta nõuetele: ei sisalda sinu nime ega e-posti aadressi.');
    const long = await confirm(client, token, 'a'.repeat(300));
    expect(long.json().error.details).toEqual({ problems: ['too_long'] });
    expect((await confirm(client, token)).statusCode).toBe(204);
  });

  it(`a link is good for ${RESET_TOKEN_MINUTES} minutes: at 29:59 it works, at 30:00 it has expired`, async () => {
    const at = new Date('2026-03-02T08:00:00Z');
    const email = 'peretoetaja@tugi.demo';
    await requestPasswordReset(deps, { email, ip: '10.8.0.1' }, at);
    const late = await tokenFor(email);
    expect(await codeOf(confirmPasswordReset(deps, { token: late, password: NEW_PASSWORD, ip: '10.8.0.1', locale: 'et' }, new Date(at.getTime() + 30 * 60_000)))).toBe('PASSWORD_RESET_INVALID');
    expect(await codeOf(confirmPasswordReset(deps, { token: late, password: NEW_PASSWORD, ip: '10.8.0.1', locale: 'et' }, new Date(at.getTime() + 45 * 60_000)))).toBe('PASSWORD_RESET_INVALID');
    const next = new Date(at.getTime() + 60 * 60_000);
    await requestPasswordReset(deps, { email, ip: '10.8.0.1' }, next);
    const timely = await tokenFor(email);
    expect(await codeOf(confirmPasswordReset(deps, { token: timely, password: NEW_PASSWORD, ip: '10.8.0.1', locale: 'et' }, new Date(next.getTime() + 29 * 60_000 + 59_000)))).toBe('ok');
  });

  it(`limits requests: ${MAX_RESETS_PER_EMAIL} per e-mail (also unknown ones) and ${MAX_RESETS_PER_IP} per address in the window; 429 with Retry-After`, async () => {
    for (const email of ['teenusepakkuja@tugi.demo', 'tundmatu@tugi.demo']) {
      for (let i = 0; i < MAX_RESETS_PER_EMAIL; i++) expect((await ask(anonymous(), email)).statusCode).toBe(202);
      const limited = await ask(anonymous(), email);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('PASSWORD_RESET_RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    }
    expect(await mailsTo('teenusepakkuja@tugi.demo')).toHaveLength(MAX_RESETS_PER_EMAIL);
    const one = anonymous();
    one.locale = 'en';
    for (let i = 0; i < MAX_RESETS_PER_IP; i++) expect((await ask(one, `keegi${i}@tugi.demo`)).statusCode).toBe(202);
    const limited = await ask(one, 'keegi-veel@tugi.demo');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toBe('Too many password reset requests. Try again in 15 minutes.');
  });

  it('a user deactivated after the mail cannot use its link', async () => {
    const email = 'kontakt@tugi.demo';
    await ask(anonymous(), email);
    const token = await tokenFor(email);
    await t.database.db.updateTable('users').set({ active: false }).where('email', '=', email).execute();
    expect((await confirm(anonymous(), token)).json().error.code).toBe('PASSWORD_RESET_INVALID');
  });

  it('refuses a request from a foreign Origin and bad input with a 4xx', async () => {
    const foreign = await anonymous().request({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'kov@tugi.demo' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.statusCode).toBe(403);
    expect((await anonymous().post('/api/auth/password-reset', {})).statusCode).toBe(400);
    expect((await anonymous().post('/api/auth/password-reset/confirm', { token: 'x' })).statusCode).toBe(400);
  });
});

describe('reset mails in the admin’s outbox', () => {
  it('show the link only in demo mode; with SMTP the token is redacted', async () => {
    const withSmtp = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:1' });
    try {
      await withSmtp.client().post('/api/auth/password-reset', { email: 'kov@tugi.demo' });
      const admin = await withSmtp.loginAs('admin');
      const list = (await admin.get('/api/admin/mail')).json().items;
      const detail = (await admin.get(`/api/admin/mail/${list.find((m: { to: string }) => m.to === 'kov@tugi.demo').id}`)).json();
      expect(detail.bodyText).toContain('/reset-password#token=…');
      expect(detail.bodyText).not.toMatch(/#token=[A-Za-z0-9_-]{20,}/);
    } finally {
      await withSmtp.close();
    }
    await anonymous().post('/api/auth/password-reset', { email: 'juht@tugi.demo' });
    const admin = await t.loginAs('admin');
    const list = (await admin.get('/api/admin/mail')).json().items;
    const detail = (await admin.get(`/api/admin/mail/${list.find((m: { to: string }) => m.to === 'juht@tugi.demo').id}`)).json();
    expect(detail.bodyText).toMatch(/#token=[A-Za-z0-9_-]{40,}/);
  });
});
