import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addCalendarDays, addWorkingDays, todayInTallinn } from '../server/src/platform/calendar/working-days.js';
import { signedContainer } from '../server/src/platform/documents/fixtures/containers.js';
import { SIGNS_OF_SAFETY } from '../server/src/modules/grants/measures.js';
import { projectPeriod, projectYearMonths } from '../server/src/modules/grants/rules.js';
import { lapseUnsignedContracts } from '../server/src/modules/grants/service.js';
import { addKovWorker, cost, draftBody, staff } from '../server/src/modules/grants/grants-test-helpers.js';
import { DEMO_PASSWORD } from '../server/src/seed/demo.js';
import { formatEuros } from '../web/src/platform/format.js';
import { axeViolations, estonianDate, launchBrowser, pageAs as harnessPageAs, screenshot, startServer } from './harness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const today = todayInTallinn(new Date());
const ROUND = 'Turvalisuse märgid: e2e voor';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const SIGNED = Buffer.from(signedContainer());
/** The project starts in two weeks and must end by 31.12.2027: its first year may be shorter than 12 months. */
const plannedStart = addCalendarDays(today, 14);
const firstYearMonths = projectYearMonths(projectPeriod(SIGNS_OF_SAFETY, plannedStart))[0]!;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageAs = (email: string) => harnessPageAs(browser, server.url, email);
const seriousViolations = async (page: Page) => (await axeViolations(page)).filter((v) => / \((serious|critical)\):/.test(v));

async function typeDate(page: Page, testId: string, iso: string) {
  const input = page.getByTestId(testId);
  await input.fill(estonianDate(iso));
  await input.press('Tab');
}

async function upload(page: Page, testId: string, name: string, buffer: Buffer) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

/** The API as a logged-in user (the second municipality's application is made this way, not through the UI). */
async function apiAs(email: string) {
  const context = await browser.newContext({ baseURL: server.url });
  const login = await context.request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD }, headers: { origin: server.url } });
  expect(login.status()).toBe(200);
  const csrf = (await context.storageState()).cookies.find((c) => c.name === 'tugi_csrf')!.value;
  const headers = { 'x-csrf-token': csrf };
  return {
    get: async (url: string) => (await context.request.get(url)).json(),
    post: async (url: string, data: unknown) => { const r = await context.request.post(url, { data, headers }); expect(r.status(), await r.text()).toBeLessThan(300); return r.json(); },
    put: async (url: string, data: unknown) => { const r = await context.request.put(url, { data, headers }); expect(r.status(), await r.text()).toBeLessThan(300); return r.json(); },
    upload: async (url: string, buffer: Buffer) => { const r = await context.request.post(url, { data: buffer, headers: { ...headers, 'content-type': 'application/octet-stream' } }); expect(r.status(), await r.text()).toBe(201); },
  };
}

describe('Module D in Chromium: a KOV applies, the ministry ranks and decides, the contract lapses (issue 8)', () => {
  it('D-GRANT-1..3, D-SOS, D-SOS-ORDER, D-CONTRACT end to end', async () => {
    // 1. The ministry opens a Signs of Safety round (D-GRANT-1: announced at least 5 calendar days before opening).
    const ministry = await pageAs('ministeerium@tugi.demo');
    await ministry.goto(`${server.url}/grants`);
    await ministry.getByTestId('budget-use').waitFor();
    await screenshot(ministry, '80-grants-ministry');
    await ministry.getByTestId('round-new').click();
    await ministry.getByTestId('round-title').fill(ROUND);
    await ministry.getByTestId('round-budget').fill('250000');
    await typeDate(ministry, 'round-announced', addCalendarDays(today, -6));
    await typeDate(ministry, 'round-opens', addCalendarDays(today, -2));
    await ministry.getByTestId('round-save').click();
    await ministry.getByTestId('round-error').waitFor();
    expect(await ministry.getByTestId('round-error').getAttribute('data-code')).toBe('D_GRANT_1_ANNOUNCEMENT_LATE');
    await typeDate(ministry, 'round-announced', addCalendarDays(today, -7));
    await ministry.getByTestId('round-save').click();
    await ministry.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    const roundId = ministry.url().split('/').pop()!;

    // 2. The KOV worker of Tartu applies: budget in the live editor, evidence, the signed application, submit.
    const kov = await pageAs('kov@tugi.demo');
    await kov.goto(`${server.url}/grants`);
    await kov.getByTestId('round-card').filter({ hasText: ROUND }).getByTestId('round-apply').click();
    await kov.getByTestId('budget-editor').waitFor();
    await typeDate(kov, 'draft-planned-start', plannedStart);
    await kov.getByTestId('draft-summary').fill('Turvalisuse märkide mudeli rakendamine Tartu lastekaitses: väljaõpe, nõustamine, tööriistad.');
    await kov.getByTestId('draft-sustainability').fill('Eestvedaja ametikoht jääb linna struktuuri ka pärast projekti.');
    await kov.getByTestId('draft-explanation').fill('Projektijuht täistööajaga piirmäära ulatuses; kaudsed kulud 15%; muud mudeli kulud.');
    await kov.getByTestId('budget-add-line').click();
    await kov.getByTestId('line-months').first().fill(String(firstYearMonths));
    await kov.getByTestId('line-gross').first().fill('2500');
    // One cent over the employer's cost cap (3,345 EUR a month at full time) is flagged as you type.
    await kov.getByTestId('line-employer').first().fill('3345,01');
    await kov.locator('[data-testid="line-problem"][data-code="D_SOS_SALARY_EMPLOYER_CAP"]').waitFor();
    await kov.getByTestId('line-employer').first().fill('3345');
    await kov.locator('[data-testid="line-problem"]').first().waitFor({ state: 'detached' });
    const lead = firstYearMonths * 334_500;
    await kov.getByTestId('budget-add-line').click();
    await kov.getByTestId('line-cost-type').nth(1).click();
    await kov.getByRole('option', { name: 'Kaudsed kulud' }).click();
    // Exactly 15 % of the lead's staff costs.
    const indirect = (lead * 15) / 100;
    await kov.getByTestId('line-amount').first().fill(`${Math.floor(indirect / 100)},${String(indirect % 100).padStart(2, '0')}`);
    await kov.getByTestId('budget-add-line').click();
    await kov.getByTestId('line-cost-type').nth(2).click();
    await kov.getByRole('option', { name: 'Muud mudeli rakendamise kulud' }).click();
    await kov.getByTestId('line-amount').nth(1).fill('50000');
    // The live check has caught up with all three lines: the total is theirs and every limit holds.
    await kov.getByTestId('total-all').filter({ hasText: formatEuros(lead + indirect + 5_000_000) }).waitFor();
    await kov.locator('[data-testid="budget-limits"][data-ok="true"]').waitFor();
    expect(await kov.locator('[data-testid="budget-limit"][data-key="D_SOS_INDIRECT_SHARE"]').getAttribute('data-ok')).toBe('true');
    await screenshot(kov, '81-grant-budget-editor');
    await kov.getByTestId('draft-save').click();
    await kov.getByTestId('draft-saved').waitFor();
    await upload(kov, 'upload-sos_confirmation_letter', 'kinnituskiri.pdf', PDF);
    await kov.locator('[data-condition="sos_confirmation_letter"] [data-testid="grant-file"]').waitFor();
    await upload(kov, 'upload-signed', 'taotlus.asice', SIGNED);
    await kov.getByTestId('signer').filter({ hasText: 'MARI TAMM' }).waitFor();
    expect(await kov.getByTestId('signature-validation').first().textContent()).toContain('ei ole kontrollitud');
    await kov.getByTestId('draft-submit').click();
    await kov.locator('[data-testid="grant-status"][data-status="submitted"]').waitFor();
    expect(await kov.getByTestId('decision-due').textContent()).toContain(estonianDate(addWorkingDays(today, 30)));
    await screenshot(kov, '82-grant-submitted');
    expect(await seriousViolations(kov)).toEqual([]);
    const tartuId = kov.url().split('/').pop()!;
    const receipt = await server.database.db.selectFrom('mail_outbox').select(['to_address', 'subject']).where('dedupe_key', '=', `grant-receipt-${tartuId}`).executeTakeFirstOrThrow();
    expect(receipt.to_address).toBe('kov@tugi.demo');

    // 3. Narva applies after Tartu (through the API), asking more than will be left after Tartu.
    await addKovWorker(server.database.db, 'Narva linn', 'narva@tugi.e2e');
    const narva = await apiAs('narva@tugi.e2e');
    const narvaDraft = await narva.post(`/api/grants/rounds/${roundId}/applications`, {});
    await narva.put(`/api/grants/applications/${narvaDraft.id}`, draftBody(narvaDraft.version, {
      plannedStart, contactEmail: 'lastekaitse@narva.example',
      lines: [staff('lead_salary', 1, firstYearMonths, 250_000, 334_500), cost('model_other', 1, 17_098_300 - firstYearMonths * 334_500), cost('additional_supervision', 1, 2_000_000)],
    }));
    await narva.upload(`/api/grants/applications/${narvaDraft.id}/files?kind=evidence&condition=sos_confirmation_letter&filename=kiri.pdf`, PDF);
    await narva.upload(`/api/grants/applications/${narvaDraft.id}/files?kind=signed_application&filename=taotlus.asice`, SIGNED);
    await narva.post(`/api/grants/applications/${narvaDraft.id}/submit`, { version: (await narva.get(`/api/grants/applications/${narvaDraft.id}`)).version });

    // 4. The ministry checks Tartu's conditions in the UI and finds it eligible; Narva through the API.
    await ministry.goto(`${server.url}/grants/applications/${tartuId}`);
    await ministry.getByTestId('checklist').waitFor();
    for (const condition of ['sos_confirmation_letter', 'sos_sustainability', 'signed_application', 'budget_documents', 'eligible_costs']) {
      await ministry.locator(`[data-condition="${condition}"]`).getByTestId('condition-met').click();
      await ministry.locator(`[data-testid="condition"][data-condition="${condition}"][data-met="true"]`).waitFor();
    }
    await screenshot(ministry, '83-grant-checklist');
    await ministry.getByTestId('eligibility-eligible').click();
    await ministry.locator('[data-testid="grant-status"][data-status="eligible"]').waitFor();
    const officerApi = await apiAs('ministeerium@tugi.demo');
    for (const condition of ['sos_confirmation_letter', 'sos_sustainability', 'signed_application', 'budget_documents', 'eligible_costs']) {
      await officerApi.put(`/api/grants/applications/${narvaDraft.id}/checks/${condition}`, { met: true });
    }
    await officerApi.post(`/api/grants/applications/${narvaDraft.id}/eligibility`, { version: (await officerApi.get(`/api/grants/applications/${narvaDraft.id}`)).version, eligible: true });

    // 5. The ranking: Tartu fundable; Narva has a place but the budget does not cover it (D-SOS-ORDER).
    await ministry.goto(`${server.url}/grants/rounds/${roundId}?view=ranking`);
    await ministry.getByTestId('ranking-table').waitFor();
    const rows = ministry.getByTestId('ranking-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-fundable')).toBe('true');
    expect(await rows.nth(1).getAttribute('data-fundable')).toBe('false');
    expect(await rows.nth(1).locator('[data-code="D_SOS_ORDER_BUDGET_EXHAUSTED"]').count()).toBe(1);
    await screenshot(ministry, '84-grant-ranking');
    expect(await seriousViolations(ministry)).toEqual([]);

    // 6. The ministry grants Tartu with reasons and sends the contract: 10 working days to sign.
    await ministry.goto(`${server.url}/grants/applications/${tartuId}`);
    await ministry.locator('[data-testid="decision-ranking"][data-fundable="true"]').waitFor();
    await ministry.getByTestId('decision-reason').fill('Tingimused on täidetud; taotlus on oma kategoorias esimene ja eelarve katab selle.');
    await ministry.getByTestId('decision-submit').click();
    await ministry.locator('[data-testid="grant-status"][data-status="granted"]').waitFor();
    await ministry.getByTestId('contract-send').click();
    await ministry.locator('[data-testid="grant-status"][data-status="contract_sent"]').waitFor();
    const due = addWorkingDays(today, 10);
    expect(await ministry.getByTestId('contract-due').textContent()).toContain(estonianDate(due));
    await screenshot(ministry, '85-grant-contract-sent');

    // 7. The KOV sees the contract waiting for its signature, on the home page and the application.
    await kov.goto(`${server.url}/`);
    await kov.getByText('Toetuse leping ootab teie allkirja').first().waitFor();
    await kov.goto(`${server.url}/grants/applications/${tartuId}`);
    await kov.getByTestId('contract-sign').waitFor();
    await screenshot(kov, '86-grant-contract-to-sign');

    // 8. Nobody signs: after the 10th working day the daily job marks the contract lapsed (D-CONTRACT).
    const eleventh = addWorkingDays(today, 11);
    await lapseUnsignedContracts(server.database.db, new Date(`${addCalendarDays(eleventh, -1)}T22:30:00Z`));
    await kov.reload();
    await kov.getByTestId('contract-lapsed').waitFor();
    expect(await kov.getByTestId('contract-sign').count()).toBe(0);
    await screenshot(kov, '87-grant-lapsed');

    // 9. …and the next in line becomes fundable.
    await ministry.goto(`${server.url}/grants/rounds/${roundId}?view=ranking`);
    await ministry.getByTestId('ranking-table').waitFor();
    expect(await ministry.getByTestId('ranking-row').count()).toBe(1);
    expect(await ministry.getByTestId('ranking-row').first().getAttribute('data-fundable')).toBe('true');
    expect(await ministry.getByTestId('ranking-row').first().getAttribute('data-reference')).toBe(narvaDraft.reference);
    await screenshot(ministry, '88-grant-next-in-line');
  });

  it('D-PLAN in Chromium: the Gantt view, the month list and a progress note', async () => {
    const ministry = await pageAs('ministeerium@tugi.demo');
    await ministry.goto(`${server.url}/programme`);
    await ministry.getByTestId('programme-gantt').waitFor();
    expect(await ministry.getByTestId('gantt-row').count()).toBe(58);
    expect(await seriousViolations(ministry)).toEqual([]);
    await ministry.getByTestId('programme-overdue').click();
    // Overdue rows were on the page before the filter too: wait for the others to leave (the table may be
    // reloading then), for the filtered table to show its rows, and only then count.
    await ministry.locator('[data-testid="gantt-row"][data-overdue="false"]').first().waitFor({ state: 'detached' });
    await ministry.locator('[data-testid="gantt-row"][data-overdue="true"]').first().waitFor();
    expect(await ministry.locator('[data-testid="gantt-row"][data-overdue="false"]').count()).toBe(0);
    await ministry.getByTestId('gantt-open').first().click();
    await ministry.getByTestId('subactivity-note').fill('Mõju-uuringu plaan kooskõlastati.');
    await ministry.getByTestId('subactivity-save').click();
    await ministry.getByTestId('subactivity-notes').getByText('Mõju-uuringu plaan kooskõlastati.').waitFor();
    await screenshot(ministry, '89-programme-note', { dialog: true });
    await ministry.goto(`${server.url}/programme?view=month&month=2024-10`);
    await ministry.getByTestId('programme-month-table').waitFor();
    await ministry.getByTestId('month-row').filter({ hasText: 'Toetuse taotlemise avamine' }).waitFor();
    await screenshot(ministry, '90-programme-month');
  });
});
