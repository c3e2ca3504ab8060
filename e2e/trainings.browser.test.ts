import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, todayInTallinn } from '../server/src/platform/calendar/working-days.js';
import { axeViolations, launchBrowser, pageAs as harnessPageAs, pickOption, screenshot, startServer } from './harness.js';

/**
 * Module C in Chromium (issue 7), on the demo data around today (seed/demo-trainings.ts):
 * a KOV worker registers herself and a colleague, the trainer takes yesterday's
 * attendance on a tablet, the KOV worker downloads her certificate and answers
 * a questionnaire, SKA merges the under-filled group; axe on the main pages.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const today = todayInTallinn(new Date());
/** The new edition's window starts 30 days before today, so its reference carries that year. */
const editionYear = addCalendarDays(today, -30).slice(0, 4);
const ASSESSMENT = 'Lapse ja pere abivajaduse hindamine';
const TRAUMA = 'Traumateadlik ja kiindumuspõhine lähenemine lastekaitsetöös';
const SOLUTION = 'Lahenduskeskne lähenemine lastekaitsetöös';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageAs = (email: string, viewport?: { width: number; height: number }) => harnessPageAs(browser, server.url, email, viewport);

async function expectAccessible(page: Page, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
}

describe('Module C in Chromium: registration, attendance, certificate (issue 7)', () => {
  it('a KOV worker registers herself and a colleague, the trainer takes attendance on a tablet, the certificate downloads, the questionnaire is answered, SKA merges the under-filled group', async () => {
    // 1. The KOV worker finds the new edition in the catalogue and takes a place in the open group (C-3).
    const kov = await pageAs('kov@tugi.demo');
    await kov.goto(`${server.url}/trainings`);
    await kov.getByTestId('trainings-list').waitFor();
    await expectAccessible(kov, 'catalogue');
    await screenshot(kov, '70-trainings-catalogue');
    await kov.locator(`[data-testid="training-card"][data-reference^="KO-${editionYear}-"]`).filter({ hasText: ASSESSMENT }).getByTestId('training-link').click();
    const open = kov.locator('[data-testid="group-row"][data-group="1"]');
    await open.locator('[data-testid="group-state"][data-state="open"]').waitFor();
    await open.getByTestId('register-self').click();
    await kov.getByTestId('my-place').waitFor();
    expect(await kov.getByTestId('my-place').textContent()).toContain('1. grupp');
    await open.getByText('Sinu grupp').waitFor();

    // ...and puts a colleague on the full group's waitlist (group 2: 20 of 20, two waiting).
    const full = kov.locator('[data-testid="group-row"][data-group="2"]');
    expect(await full.getByText('Täis').count()).toBe(1);
    await full.getByTestId('register-colleague').click();
    const dialog = kov.getByTestId('register-colleague-dialog');
    await dialog.getByTestId('colleague-form').waitFor();
    await pickOption(kov, 'colleague-select', 'Eve Kuusik');
    await screenshot(kov, '71-trainings-register-colleague', { dialog: true });
    await dialog.getByTestId('colleague-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await full.getByText('3 ootel').waitFor();
    await expectAccessible(kov, 'training page');
    await screenshot(kov, '72-trainings-training-registered');

    // 2. The trainer takes yesterday's attendance on a tablet (C-5): everyone present, one save.
    const trainer = await pageAs('koolitaja@tugi.demo', { width: 1024, height: 1366 });
    await trainer.goto(`${server.url}/trainings/groups?attendance=due`);
    await trainer.getByTestId('group-row').filter({ hasText: TRAUMA }).getByTestId('group-link').click();
    const panel = trainer.getByTestId('attendance-panel');
    await panel.waitFor();
    const save = panel.getByTestId('attendance-save');
    expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await panel.getByTestId('attendance-mark').first().boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await panel.getByTestId('attendance-all-present').click();
    await save.click();
    await trainer.getByTestId('attendance-saved').filter({ hasText: 'Osalemine salvestati.' }).waitFor();
    await trainer.locator('[data-testid="participant-row"][data-participant="Liis Lepik"]').getByTestId('certificate-link').waitFor();
    await expectAccessible(trainer, 'group page with attendance');
    await screenshot(trainer, '73-trainings-attendance-tablet');

    // 3. The KOV worker downloads her certificate (PDF) and answers the questionnaire of another training.
    await kov.goto(`${server.url}/trainings/registrations?mine=true`);
    const mine = kov.locator('[data-testid="registration-row"][data-own="true"]');
    const trauma = mine.filter({ hasText: TRAUMA });
    await trauma.getByTestId('certificate-link').waitFor();
    const [download] = await Promise.all([kov.waitForEvent('download'), trauma.getByTestId('certificate-link').click()]);
    expect(download.suggestedFilename()).toMatch(/^certificate-KO-\d{4}-\d{2}-2-\d{4}\.pdf$/);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const solution = mine.filter({ hasText: SOLUTION });
    await solution.getByTestId('feedback-open').click();
    const form = kov.getByTestId('feedback-open-dialog');
    await form.getByTestId('feedback-form').waitFor();
    for (const [question, score] of [['overall', '5'], ['content', '4'], ['trainer', '5'], ['usefulness', '4'], ['organisation', '3']] as const) {
      await form.getByTestId(`feedback-${question}`).getByText(score, { exact: true }).click();
    }
    await form.getByTestId('feedback-recommend').getByLabel('Jah').check();
    await form.getByLabel('Mis oli kõige kasulikum?').fill('Küsimustehnikad juhtumitöös');
    await screenshot(kov, '74-trainings-feedback-form', { dialog: true });
    await form.getByTestId('feedback-submit').click();
    await form.waitFor({ state: 'hidden' });
    await solution.getByText('Tagasiside antud').waitFor();
    await expectAccessible(kov, 'registrations');
    await screenshot(kov, '75-trainings-registrations');

    // 4. SKA's manager sees the under-filled group (C-4) and merges it into the open group of the same training.
    const ska = await pageAs('juht@tugi.demo');
    await ska.goto(`${server.url}/`);
    await ska.locator('[data-severity="warning"]').filter({ hasText: 'alla miinimumi' }).waitFor();
    await ska.goto(`${server.url}/trainings/groups?underfilled=true`);
    await ska.getByTestId('group-row').filter({ hasText: ASSESSMENT }).getByTestId('group-link').click();
    await ska.getByTestId('underfilled-alert').waitFor();
    await expectAccessible(ska, 'under-filled group');
    await ska.getByTestId('group-merge').click();
    const merge = ska.getByTestId('group-merge-dialog');
    await merge.getByTestId('merge-form').waitFor();
    await pickOption(ska, 'merge-target', /^1\. grupp/);
    await merge.getByTestId('merge-preview').filter({ hasText: 'Koha saavad 7' }).waitFor();
    await screenshot(ska, '76-trainings-merge', { dialog: true });
    await merge.getByTestId('merge-submit').click();
    await merge.waitFor({ state: 'hidden' });
    await ska.locator('[data-testid="group-state"][data-state="merged"]').waitFor();

    // The calendar of the year (C-6) and the feedback summary with its charts (C-5).
    await ska.goto(`${server.url}/trainings/calendar?year=2025`);
    await ska.getByTestId('calendar-months').waitFor();
    expect(await ska.getByTestId('calendar-training-row').count()).toBe(8);
    await expectAccessible(ska, 'calendar');
    await screenshot(ska, '77-trainings-calendar-2025');
    await ska.goto(`${server.url}/trainings`);
    await ska.locator('[data-testid="training-card"][data-reference="KO-2024-01"]').getByTestId('training-link').click();
    await ska.getByTestId('feedback-summary').waitFor();
    await ska.getByTestId('feedback-charts').locator('.recharts-surface').first().waitFor();
    await expectAccessible(ska, 'training with feedback summary');
    await screenshot(ska, '78-trainings-feedback-summary');
  });
});
