import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, todayInTallinn } from '../server/src/platform/calendar/working-days.js';
import { axeViolations, estonianDate, launchBrowser, pageAs as harnessPageAs, pickOption, screenshot, startServer } from './harness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const today = todayInTallinn(new Date());
const fmt = estonianDate;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageAs = (email: string, viewport?: { width: number; height: number }) => harnessPageAs(browser, server.url, email, viewport);

async function fillDate(page: Page, testId: string, iso: string) {
  const input = page.getByTestId(testId);
  await input.fill(fmt(iso));
  await input.press('Escape');
}

describe('Module B in Chromium: from a KOV referral to termination', () => {
  it('KOV refers, SKA forwards, the provider starts, the supporter logs contact (green) and ends with a termination agreement', async () => {
    // KOV worker: a foster family whose child arrived two years ago, and a needs-based referral (B-NEED-1).
    const kov = await pageAs('kov@tugi.demo');
    await kov.goto(`${server.url}/families/new`);
    await kov.getByTestId('family-form-type-hooldus').click();
    await kov.getByTestId('family-form-parent-0-first-name').fill('Helle');
    await kov.getByTestId('family-form-parent-0-last-name').fill('Hooldaja');
    await fillDate(kov, 'family-form-parent-0-birth-date', '1980-05-05');
    await kov.getByTestId('family-form-add-child').click();
    await kov.getByTestId('family-form-child-0-first-name').fill('Kertu');
    await kov.getByTestId('family-form-child-0-last-name').fill('Kasulaps');
    await fillDate(kov, 'family-form-child-0-birth-date', '2015-03-03');
    await fillDate(kov, 'family-form-child-0-arrived', addCalendarDays(today, -730));
    await screenshot(kov, '30-family-form');
    await kov.getByTestId('family-form-submit').click();
    await kov.getByTestId('family-created').waitFor();
    await kov.getByTestId('referral-create').click();
    await kov.getByTestId('referral-form-kind-needs_based').click();
    await pickOption(kov, 'referral-form-child', /Kertu/);
    await pickOption(kov, 'referral-form-provider', 'Perekeskus Kasvulava OÜ');
    await kov.getByTestId('referral-form-case-plan').fill('JP-2026-77');
    await kov.getByTestId('referral-form-topics').fill('Kiindumus, koolitee');
    await kov.getByTestId('referral-form-problems').fill('Lapse käitumisraskused koolis');
    await kov.getByTestId('referral-form-goals').fill('Pere toimetulek ja lapse turvatunne');
    await kov.getByTestId('referral-form-submit').click();
    await kov.getByTestId('referral-created').waitFor();
    const referralUrl = kov.url().split('?')[0]!;
    await kov.locator('[data-testid="referral-status"][data-status="submitted"]').waitFor();
    await screenshot(kov, '31-referral-submitted');

    // SKA contact checks and forwards it (B-NEED-2).
    const ska = await pageAs('kontakt@tugi.demo');
    await ska.goto(referralUrl);
    await ska.getByTestId('referral-forward').click();
    for (const check of ['target-group', 'earlier-service', 'justification']) await ska.getByTestId(`referral-forward-check-${check}`).check();
    await ska.getByTestId('referral-forward-submit').click();
    await ska.locator('[data-testid="referral-status"][data-status="forwarded"]').waitFor();
    await screenshot(ska, '32-referral-forwarded');

    // The provider records first contact in time (B-START) and starts the episode.
    const provider = await pageAs('teenusepakkuja@tugi.demo');
    await provider.goto(referralUrl);
    await provider.getByTestId('referral-first-contact').click();
    await provider.getByTestId('referral-first-contact-submit').click();
    await provider.locator('[data-testid="first-contact-state"][data-state="in_time"]').waitFor();
    await provider.getByTestId('referral-start').click();
    await pickOption(provider, 'referral-start-specialist', /Anne Ilves/);
    await provider.getByTestId('referral-start-submit').click();
    await provider.getByTestId('episode-started').waitFor();
    const episodeUrl = provider.url().split('?')[0]!;

    // The family supporter, on a phone: agreement, a contact, compliance green (B-FREQ), then the end (B-END).
    const supporter = await pageAs('peretoetaja@tugi.demo', { width: 390, height: 844 });
    await supporter.goto(episodeUrl);
    await supporter.getByTestId('agreement-add').click();
    await supporter.getByTestId('agreement-form-goals').fill('Lapse turvatunne koolis');
    await supporter.getByTestId('agreement-form-activities').fill('Kodukülastused, vestlused kooliga');
    await supporter.getByTestId('agreement-form-submit').click();
    await supporter.getByTestId('agreement-add-dialog').waitFor({ state: 'hidden' });
    await supporter.getByTestId('contact-add').click();
    await supporter.getByTestId('contact-form-kind-call').click();
    await supporter.getByTestId('contact-form-duration-30').click();
    await supporter.getByTestId('contact-form-notes').fill('Rääkisime koolist');
    await supporter.getByTestId('contact-form-submit').click();
    await supporter.getByTestId('contact-saved').waitFor();
    await supporter.locator('[data-testid="episode-compliance"][data-status="green"]').waitFor();
    await screenshot(supporter, '33-episode-green-phone');
    expect(await axeViolations(supporter)).toEqual([]);

    await supporter.getByTestId('episode-end').click();
    await pickOption(supporter, 'episode-end-reason', /Eesmärgid on saavutatud/);
    await supporter.getByTestId('episode-end-activities').fill('Kodukülastused ja kõned');
    await supporter.getByTestId('episode-end-goals-reached').fill('Laps käib rõõmsalt koolis');
    await supporter.getByTestId('episode-end-further-needs').fill('Tugigrupp');
    const recommendations = supporter.getByTestId('episode-end-kov-recommendations');
    if (await recommendations.count()) await recommendations.fill('Jälgida kooliga suhtlust');
    await supporter.getByTestId('episode-end-submit').click();
    await supporter.locator('[data-testid="episode-status"][data-status="ended"]').waitFor();
    await screenshot(supporter, '34-episode-ended-phone');

    const pdf = await supporter.request.get(`${server.url}${episodeUrl.replace(server.url, '').replace('/families/episodes/', '/api/families/episodes/')}/pdf/termination_agreement`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
