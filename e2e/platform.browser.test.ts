import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, logIn, screenshot, startServer } from './harness.js';

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

describe('web shell in Chromium', () => {
  it('login page is in Estonian, accessible, and refuses a wrong password with a message', async () => {
    await freshPage();
    await page.goto(`${server.url}/login`);
    expect(await page.getAttribute('html', 'lang')).toBe('et');
    await page.getByTestId('login-email').fill('admin@tugi.demo');
    await page.getByTestId('login-password').fill('vale-parool-123');
    await page.getByTestId('login-submit').click();
    await page.getByText('Vale e-post või parool.').waitFor();
    await screenshot(page, '01-login-error-et');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('admin logs in, sees admin navigation, switches to English and back, creates a user', async () => {
    await freshPage();
    await logIn(page, server.url, 'admin');
    await page.getByTestId('home-items').waitFor();
    await screenshot(page, '02-admin-home-et');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('nav-admin-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, '03-admin-users-en');

    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-email').fill('uus.kasutaja@tartu.ee');
    await page.getByTestId('user-form-name').fill('Uus Kasutaja');
    await page.getByTestId('user-form-role').click();
    await page.getByRole('option', { name: /municipal|KOV/i }).first().click();
    await page.getByTestId('user-form-organisation').click();
    await page.getByTestId('user-form-organisation').fill('Tartu linn');
    await page.getByRole('option', { name: 'Tartu linn' }).click();
    await page.getByTestId('user-form-password').fill('Lastekaitse-2026!');
    await screenshot(page, '04-user-create-form-en');
    await page.getByTestId('user-form-submit').click();
    await page.getByText('uus.kasutaja@tartu.ee').first().waitFor();
    const row = await server.database.db.selectFrom('users').select(['name', 'role']).where('email', '=', 'uus.kasutaja@tartu.ee').executeTakeFirst();
    expect(row).toEqual({ name: 'Uus Kasutaja', role: 'kov_worker' });
    await screenshot(page, '05-user-created-en');

    await page.getByTestId('language-ru').click();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await screenshot(page, '06-admin-users-ru');
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();
  });

  it('a KOV worker sees people, not the admin pages, and a phone-sized screen works', async () => {
    await freshPage({ width: 390, height: 844 });
    await logIn(page, server.url, 'kov_worker');
    await screenshot(page, '07-kov-home-phone');
    expect(await page.getByTestId('nav-admin-users').count()).toBe(0);
    await page.goto(`${server.url}/people`);
    await page.getByText('Mägi').first().waitFor();
    await screenshot(page, '08-kov-people-phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/admin/users`);
    await screenshot(page, '09-kov-admin-denied');
    expect(await page.getByTestId('users-table').count()).toBe(0);
  });
});
