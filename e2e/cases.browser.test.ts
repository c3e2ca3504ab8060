import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayInTallinn } from '../server/src/platform/calendar/working-days.js';
import { personalCodeCheckDigit } from '../server/src/modules/people/personal-code.js';
import { axeViolations, launchBrowser, logIn, screenshot, startServer } from './harness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const year = Number(todayInTallinn(new Date()).slice(0, 4));
const childCode = `${'5130405015'}${personalCodeCheckDigit('5130405015')}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pageFor(role: 'kov_worker' | 'ska_specialist') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'et-EE', timezoneId: 'Europe/Tallinn', bypassCSP: true, acceptDownloads: true });
  const page = await context.newPage();
  await logIn(page, server.url, role);
  return page;
}

async function handledThisYear(page: Page): Promise<number> {
  await page.goto(`${server.url}/cases/stats?year=${year}`);
  const card = page.getByTestId('stats-card-handled');
  await card.waitFor();
  const text = (await card.innerText()).replace(/\s/g, '');
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

async function move(page: Page, to: string) {
  await page.getByTestId(`transition-${to}`).click();
  await page.getByTestId('transition-confirm').click();
  await page.getByTestId('transition-dialog').waitFor({ state: 'hidden' });
  await page.getByTestId('case-status').filter({ hasNot: page.locator('[data-loading]') }).waitFor();
}

async function saveSection(page: Page, id: string) {
  await page.getByTestId(`case-save-${id}`).click();
  await page.getByTestId(`case-saved-${id}`).waitFor();
}

describe('Module A in Chromium: a KOV application worked through to closed', () => {
  it('KOV files, the specialist closes it with the five assessments, downloads the summary PDF, and the dashboard count moves', async () => {
    const specialist = await pageFor('ska_specialist');
    const before = await handledThisYear(specialist);
    await screenshot(specialist, '20-cases-stats-before');

    const kov = await pageFor('kov_worker');
    await kov.goto(`${server.url}/cases/new`);
    await kov.getByTestId('case-form-type-domestic').click();
    await kov.getByTestId('case-form-personal-code').fill(childCode);
    await kov.getByTestId('case-form-first-name').fill('Karl');
    await kov.getByTestId('case-form-last-name').fill('Kuusk');
    await kov.getByTestId('case-form-question').fill('Laps puudub koolist ja vanemad ei tee koostööd. Palume nõu.');
    await screenshot(kov, '21-case-application-form');
    expect(await axeViolations(kov)).toEqual([]);
    await kov.getByTestId('case-form-submit').click();
    await kov.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    const caseUrl = kov.url().split('?')[0]!;
    await kov.getByTestId('case-status').waitFor();
    await screenshot(kov, '22-case-filed-kov');

    await specialist.goto(caseUrl);
    await move(specialist, 'first_contact');
    await specialist.getByTestId('case-tab-work').click();
    await specialist.getByTestId('case-field-actionPlan').fill('Juhtumiarutelu KOV-iga, võrgustikukohtumine koolis, STAR-i jälgimine.');
    await saveSection(specialist, 'actionPlan');
    await move(specialist, 'in_progress');
    await move(specialist, 'closing');
    await specialist.getByTestId('case-tab-work').click();
    for (const key of ['measures_effective', 'kov_continues_independently', 'network_functioning', 'kov_active', 'child_rights_ensured']) {
      await specialist.getByTestId(`case-field-assessments-${key}`).fill('Jah, hinnatud.');
    }
    await specialist.getByTestId('case-field-summary').fill('Koostöö paranes ja laps käib koolis.');
    await saveSection(specialist, 'closing');
    await screenshot(specialist, '23-case-closing-assessments');
    await move(specialist, 'closed');
    expect(await specialist.getByTestId('case-status').innerText()).toMatch(/Lõpetatud|closed/i);
    await screenshot(specialist, '24-case-closed');

    await specialist.getByTestId('case-tab-documents').click();
    const [download] = await Promise.all([specialist.waitForEvent('download'), specialist.getByTestId('pdf-summary').click()]);
    expect(download.suggestedFilename()).toMatch(/^SN-\d{4}-\d{5}-summary\.pdf$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

    const after = await handledThisYear(specialist);
    expect(after).toBe(before + 1);
    await screenshot(specialist, '25-cases-stats-after');
    expect(await axeViolations(specialist)).toEqual([]);
  });
});
