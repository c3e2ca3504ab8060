import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addMonths, todayInTallinn } from '../server/src/platform/calendar/working-days.js';
import { axeViolations, estonianDate, launchBrowser, pageAs as harnessPageAs, pickOption, screenshot, startServer } from './harness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const today = todayInTallinn(new Date());
const fmt = estonianDate;
const monthFrom = (n: number) => addMonths(`${today.slice(0, 7)}-01`, n).slice(0, 7);
/**
 * B-GRP-1: a plan of month M is due by the 15th of M−1, so a month three ahead is open on any
 * day (and, unlike the first open month, has no demo draft plan yet).
 */
const planMonth = monthFrom(3);
/** Last month's demo report (drafted by the seed) and its approved group still waiting for attendance (groups/demo.ts). */
const lastMonth = monthFrom(-1);
const DUE_GROUP = 'Õed-vennad kasuperes';
const NEW_GROUP = 'Kasupere ja kool: e2e';

/** A small PDF standing in for a scanned, signed paper. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageAs = (email: string, viewport?: { width: number; height: number }) => harnessPageAs(browser, server.url, email, viewport);

/** Serious or critical axe findings only (moderate ones are reported by the other suites' strict checks). */
async function seriousViolations(page: Page) {
  return (await axeViolations(page)).filter((v) => / \((serious|critical)\):/.test(v));
}

/** Euros shown on the page ("Kokku: 7 935,00 €") as a decimal string "7935.00". */
function eurosOf(text: string): string {
  const amount = text.split(':').pop()!.replace(/[^\d,]/g, '').replace(',', '.');
  return Number(amount).toFixed(2);
}

describe('Module B in Chromium: support groups to the e-invoice (issue 5)', () => {
  it('plans a group, SKA approves it, attendance is recorded, the monthly report is signed, submitted, approved and invoiced', async () => {
    // 1. The provider's project manager plans a support group three months ahead (B-GRP-1) and submits the plan.
    const provider = await pageAs('teenusepakkuja@tugi.demo');
    await provider.goto(`${server.url}/families/groups?month=${planMonth}`);
    await provider.getByTestId('plan-create').click();
    await provider.getByTestId('plan').waitFor();
    await provider.getByTestId('group-add').click();
    const dateInput = provider.getByTestId('group-form-date');
    await dateInput.fill(fmt(`${planMonth}-10`));
    await dateInput.press('Tab'); // not Escape: that would close the dialog
    await provider.getByTestId('group-form-time').fill('17:30');
    await provider.getByTestId('group-form-place').fill('Kasvulava saal, Riia 10');
    await pickOption(provider, 'group-form-kov', 'Tartu linn');
    await provider.getByTestId('group-form-topic').fill(NEW_GROUP);
    await provider.getByTestId('group-form-leader').fill('Kai Kuusk');
    await provider.getByTestId('group-form-public-info').fill('Registreerimine: grupid@kasvulava.ee');
    await screenshot(provider, '50-group-form', { dialog: true });
    await provider.getByTestId('group-form-submit').click();
    await provider.getByTestId('group-form').waitFor({ state: 'hidden' });
    await provider.getByTestId('group-row').filter({ hasText: NEW_GROUP }).waitFor();
    await provider.getByTestId('plan-submit').click();
    await provider.getByTestId('plan-submit-confirm').click();
    await provider.getByTestId('plan-submit').waitFor({ state: 'hidden' });
    await screenshot(provider, '51-group-plan-submitted');

    // 2. SKA's contact approves it (B-GRP-1 review).
    const ska = await pageAs('kontakt@tugi.demo');
    await ska.goto(`${server.url}/families/groups?month=${planMonth}&status=planned`);
    await ska.getByTestId('group-row').filter({ hasText: NEW_GROUP }).getByTestId('group-decide').click();
    await ska.getByTestId('decision-form').waitFor();
    await ska.getByTestId('decision-submit').click();
    await ska.getByTestId('decision-form').waitFor({ state: 'hidden' });
    await ska.goto(`${server.url}/families/groups?month=${planMonth}`);
    await ska.locator('[data-testid="group-row"][data-status="approved"]').filter({ hasText: NEW_GROUP }).waitFor();
    await screenshot(ska, '52-group-approved-ska');

    // 3. Attendance of last month's approved group (B-GRP-2/5): the signed list, the leader's signature, six participants.
    await provider.goto(`${server.url}/families/groups?month=${lastMonth}`);
    const dueRow = provider.locator('[data-testid="group-row"][data-status="approved"]').filter({ hasText: DUE_GROUP });
    await dueRow.getByTestId('group-attendance').click();
    const dialog = provider.getByTestId('group-attendance-dialog');
    await dialog.getByTestId('attendance-form').waitFor();
    await dialog.locator('input[type="file"]').first().setInputFiles({ name: 'osalejad.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByTestId('attendance-upload-attendance-list').click();
    await dialog.getByTestId('attendance-download-attendance-list').waitFor();
    await dialog.getByTestId('attendance-leader-signed').check();
    const names = ['Mari Tamm', 'Kati Saar', 'Liis Sepp', 'Anu Mägi', 'Tiina Kask', 'Jaan Kukk'];
    for (let i = 1; i < names.length; i++) await dialog.getByTestId('attendance-add-participant').click();
    for (const [i, name] of names.entries()) await dialog.getByTestId(`attendance-name-${i}`).fill(name);
    await screenshot(provider, '53-attendance-dialog', { dialog: true });
    await dialog.getByTestId('attendance-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await provider.locator('[data-testid="group-row"][data-status="held"]').filter({ hasText: DUE_GROUP }).waitFor();
    await screenshot(provider, '54-attendance-recorded');
    expect(await seriousViolations(provider)).toEqual([]);

    // 4. Last month's report: the provider redrafts it, so the group just held is a billable line (B-REP-1).
    await provider.goto(`${server.url}/families/monthly-reports`);
    await provider.locator(`[data-testid="monthly-row"][data-month="${lastMonth}"]`).getByTestId('monthly-link').click();
    await provider.getByTestId('monthly-total').waitFor();
    const reportUrl = provider.url().split('?')[0]!;
    const reportId = reportUrl.split('/').pop()!;
    await provider.locator('[data-testid="monthly-status"][data-status="draft"]').waitFor();
    const groupLine = provider.getByTestId('monthly-line').filter({ hasText: DUE_GROUP });
    expect(await groupLine.count()).toBe(0);
    await provider.getByTestId('monthly-redraft').click();
    await provider.locator('[data-testid="monthly-line"][data-billable="true"]').filter({ hasText: DUE_GROUP }).waitFor();
    await screenshot(provider, '55-report-redrafted');

    // 5. The family supporter confirms her own part in the app.
    const supporter = await pageAs('peretoetaja@tugi.demo');
    await supporter.goto(reportUrl);
    await supporter.getByTestId('monthly-confirm-own').click();
    await supporter.locator('[data-testid="monthly-signature"][data-signer="specialist"][data-signed="true"]').waitFor();
    await supporter.getByTestId('monthly-confirm-own').waitFor({ state: 'hidden' });
    await screenshot(supporter, '56-report-confirmed-specialist');

    // 5b. A parent confirms her family's services herself, when the demo client is a parent of a family in this report
    // (the demo links her to one of Kasvulava's families of last month; without that link there is nothing to confirm).
    const client = await pageAs('lapsevanem@tugi.demo');
    await client.goto(`${server.url}/me/service-confirmations`);
    await client.getByRole('heading', { level: 1 }).waitFor();
    await client.waitForLoadState('networkidle');
    const mine = client.locator(`[data-testid="confirmation"][data-month="${lastMonth}"][data-confirmed="false"]`).filter({ hasText: 'Perekeskus Kasvulava OÜ' });
    const toConfirm = await mine.count();
    for (let left = toConfirm; left > 0; left--) {
      await mine.first().getByTestId('confirmation-confirm').click();
      await expect.poll(() => mine.count()).toBe(left - 1);
    }
    if (toConfirm) await screenshot(client, '56b-services-confirmed-client');

    // 6. The other signatures (the other specialist, every recipient family: many) arrive as signed PDFs.
    await provider.reload();
    const unsigned = provider.locator('[data-testid="monthly-signature"][data-signed="false"]');
    await provider.getByTestId('monthly-signatures').waitFor();
    const before = await unsigned.count();
    expect(before).toBeGreaterThan(0);
    const throughUi = Math.min(3, before);
    for (let i = 0; i < throughUi; i++) {
      const [chooser] = await Promise.all([provider.waitForEvent('filechooser'), unsigned.first().getByTestId('monthly-signature-upload').click()]);
      await chooser.setFiles({ name: `allkirjastatud-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await expect.poll(() => unsigned.count()).toBe(before - i - 1);
    }
    // The remainder (a dozen or more recipients on the demo report) through the same API the page uses,
    // from the page's context: the session cookie and the CSRF header as web/src/platform/api/client.ts sends them.
    const csrf = (await provider.context().cookies()).find((c) => c.name === 'tugi_csrf')!.value;
    const api = `${server.url}/api/families/monthly-reports/${reportId}`;
    const detail = (await (await provider.request.get(api)).json()) as { revision: number; signatures: { signer: string; specialistId: string; familyId: string | null; signed: unknown }[] };
    for (const [i, s] of detail.signatures.filter((x) => !x.signed).entries()) {
      const params: Record<string, string | number> = { revision: detail.revision, signer: s.signer, specialistId: s.specialistId, filename: `allkirjastatud-api-${i + 1}.pdf` };
      if (s.familyId) params.familyId = s.familyId;
      const response = await provider.request.post(`${api}/signatures/upload`, { params, data: PDF, headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf } });
      expect(response.status(), await response.text()).toBe(201);
    }
    await provider.reload();
    await provider.getByTestId('monthly-signatures').waitFor();
    expect(await unsigned.count()).toBe(0);
    await provider.getByTestId('monthly-submit').click();
    await provider.locator('[data-testid="monthly-status"][data-status="submitted"]').waitFor();
    await screenshot(provider, '57-report-submitted');

    // 7. SKA's contact approves the report (the total becomes the amount to invoice, B-REP-2).
    await ska.goto(reportUrl);
    await ska.getByTestId('monthly-approve').click();
    await ska.locator('[data-testid="monthly-status"][data-status="approved"]').waitFor();
    await screenshot(ska, '58-report-approved-ska');

    // 8. The provider issues the e-invoice and downloads the XML (EN 16931 UBL); it pays the report's total.
    await provider.reload();
    await provider.locator('[data-testid="monthly-status"][data-status="approved"]').waitFor();
    await provider.getByTestId('invoice-issue').click();
    await provider.getByTestId('invoice-iban').fill('EE382200221020145685');
    await provider.getByTestId('invoice-street').fill('Riia 10');
    await provider.getByTestId('invoice-postalZone').fill('51010');
    await provider.getByTestId('invoice-city').fill('Tartu');
    await provider.getByTestId('invoice-issue-submit').click();
    await provider.getByTestId('invoice-issued').waitFor();
    await screenshot(provider, '59-invoice-issued');
    expect(await seriousViolations(provider)).toEqual([]);

    const total = eurosOf((await provider.getByTestId('monthly-total').textContent())!);
    const [download] = await Promise.all([provider.waitForEvent('download'), provider.getByTestId('invoice-xml').click()]);
    const xml = fs.readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('urn:cen.eu:en16931:2017');
    expect(/<cbc:PayableAmount currencyID="EUR">([\d.]+)<\/cbc:PayableAmount>/.exec(xml)?.[1]).toBe(total);
    expect(download.suggestedFilename()).toMatch(/\.xml$/);
  });
});
