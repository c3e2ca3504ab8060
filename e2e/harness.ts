import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilderSource from 'axe-core';
import { buildApp, WEB_DIST } from '../server/src/app.js';
import { createTestDatabase } from '../server/test/database.js';
import { testConfig } from '../server/test/harness.js';
import { seedReferenceData } from '../server/src/seed/reference.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from '../server/src/seed/demo.js';
import type { Role } from '../server/src/platform/db/schema.js';
import { seedDemoFamilies } from '../server/src/seed/demo-families.js';
import { seedDemoFamilyServices } from '../server/src/seed/demo-family-services.js';
import { encryptionKeyFrom } from '../server/src/platform/crypto/keys.js';

export const SCREENSHOTS = path.resolve('screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The real server (built web app included) on a fresh database, on a loopback port. */
export async function startServer() {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web app not built: run `npm run build:web`');
  const database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  const config = testConfig();
  await seedDemoFamilies(database.db, encryptionKeyFrom(config));
  await seedDemoFamilyServices(database.db, encryptionKeyFrom(config));
  const app = await buildApp({ db: database.db, config, jobs: null }, { logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A full-page screenshot taken from the top, so the fixed header is drawn where it belongs and not
 * over a row; `dialog` takes only the viewport (an open dialog scrolls inside it, its overlay covers
 * only the viewport).
 */
export async function screenshot(page: Page, name: string, { dialog = false } = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  if (!dialog) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: !dialog });
}

/** An ISO date as typed into the date fields (dd.mm.yyyy). */
export const estonianDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Opens a select by its test id and picks the first option with that name. */
export async function pickOption(page: Page, testId: string, name: RegExp | string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name }).first().click();
}

export function demoEmail(role: Role): string {
  return DEMO_LOGINS.find((l) => l.role === role)!.email;
}

export async function logIn(page: Page, baseUrl: string, role: Role) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(demoEmail(role));
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
}

/** A new browser context (Estonian, Tallinn time, downloads allowed) logged in with a demo e-mail. */
export async function pageAs(browser: Browser, baseUrl: string, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'et-EE', timezoneId: 'Europe/Tallinn', bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
  return page;
}

/** WCAG 2.2 AA violations on the current page (X-A11Y), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AxeBuilderSource.source });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
