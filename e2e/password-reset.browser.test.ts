import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, screenshot, startServer } from './harness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function freshPage(viewport = { width: 1280, height: 900 }) {
  await context?.close();
  // bypassCSP only so that axe-core can be injected; the app itself runs under its CSP.
  context = await browser.newContext({ viewport, locale: 'et-EE', timezoneId: 'Europe/Tallinn', bypassCSP: true });
  page = await context.newPage();
  return page;
}

/** The link of the newest reset mail to the address, pointed at the test server. */
async function resetLink(email: string): Promise<string> {
  const mail = await server.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', email).where('dedupe_key', 'like', 'password-reset:%').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.body_text)![1]!;
  return `${server.url}/reset-password#token=${token}`;
}

describe('password reset in Chromium', () => {
  it('from “Forgot password?” to a new password: request, policy hints, mismatch, success, login; the used link is refused', async () => {
    await freshPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('forgot-password').click();
    await page.getByRole('heading', { name: 'Parooli taastamine' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('reset-email').fill('juht@tugi.demo');
    await page.getByTestId('reset-request-submit').click();
    await page.getByTestId('reset-sent').waitFor();
    expect(await page.getByTestId('reset-sent').textContent()).toContain('juht@tugi.demo');
    await screenshot(page, 'reset-01-sent-et');

    const link = await resetLink('juht@tugi.demo');
    await page.goto(link);
    await page.getByTestId('reset-password').waitFor();
    expect(page.url()).toBe(`${server.url}/reset-password`); // the token left the address bar
    await page.getByTestId('reset-password').fill('Tamm-2026-parool!');
    await page.getByTestId('reset-repeat').fill('Tamm-2026-parool!');
    await page.getByTestId('reset-submit').click();
    await page.locator('[data-failed]').first().waitFor();
    expect(await page.locator('[data-failed]').count()).toBe(1); // contains the name
    await screenshot(page, 'reset-02-policy-et');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('reset-password').fill('Kevadine-Meri-2026!');
    await page.getByTestId('reset-submit').click();
    await page.getByText('Paroolid ei ole samad.').waitFor();
    await page.getByTestId('reset-repeat').fill('Kevadine-Meri-2026!');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();
    await page.getByTestId('reset-to-login').click();
    await page.getByTestId('login-email').fill('juht@tugi.demo');
    await page.getByTestId('login-password').fill('Kevadine-Meri-2026!');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();

    await freshPage();
    await page.goto(link);
    await page.getByTestId('reset-password').fill('Suvine-Meri-2026!');
    await page.getByTestId('reset-repeat').fill('Suvine-Meri-2026!');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-invalid').waitFor();
    expect(await page.getByTestId('reset-invalid').textContent()).toContain('aegunud või juba kasutatud');
    await page.getByTestId('reset-ask-again').click();
    await page.getByTestId('reset-email').waitFor();
  });

  it('works in Russian on a phone-sized screen, and a page without a token explains itself', async () => {
    await freshPage({ width: 390, height: 800 });
    await page.goto(`${server.url}/reset-password`);
    await page.getByTestId('language-ru').click();
    await page.getByTestId('reset-invalid').getByText(/ссылка отсутствует или неполная/).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reset-03-no-token-ru');
  });
});
