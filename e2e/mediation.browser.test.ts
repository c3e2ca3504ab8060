import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, pageAs as harnessPageAs, screenshot, startServer } from './harness.js';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageAs = (email: string, viewport?: { width: number; height: number }) => harnessPageAs(browser, server.url, email, viewport);

describe('Module E in Chromium: a client books a session and reads a decision (issue 9)', () => {
  it('E-PROFILE, E-MSG, E-BOOK: Kati opens her proceedings, reads SKA’s decision (read receipt, PDF), cancels her session and books another slot', async () => {
    const kati = await pageAs('lapsevanem@tugi.demo');
    // E-PROFILE: her own proceedings only, from the menu.
    await kati.getByTestId('nav-mediation').click();
    await kati.getByTestId('proceeding-card').waitFor();
    expect(await kati.getByTestId('proceeding-card').count()).toBe(1);
    await screenshot(kati, '90-mediation-client-list');
    await kati.getByTestId('proceeding-link').click();
    await kati.getByTestId('parties').waitFor();
    expect(await kati.getByTestId('parent-card').filter({ hasText: 'Mart Karu' }).getByTestId('parent-contact').count()).toBe(0);

    // E-MSG: the decision thread has an unread message; opening it shows the decision and records the read receipt.
    const decisionLink = kati.locator('[data-testid="thread-link"][data-decision="true"]');
    await decisionLink.click();
    const decision = kati.getByTestId('message').filter({ has: kati.getByTestId('decision-badge') });
    await decision.waitFor();
    expect(await decision.getByTestId('decision-badge').textContent()).toContain('7.2-4/26-101');
    await decision.getByTestId('read-receipts').filter({ hasText: 'Kati Karu' }).waitFor();
    const downloading = kati.waitForEvent('download');
    await decision.getByTestId('message-file').click();
    const pdf = fs.readFileSync((await (await downloading).path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(kati, '91-mediation-client-decision');
    const audited = await server.database.db.selectFrom('audit_log').select('record_type').where('actor_name', '=', 'Kati Karu').where('action', '=', 'read').where('record_type', 'in', ['mediation_thread', 'mediation_file']).execute();
    expect(new Set(audited.map((a) => a.record_type))).toEqual(new Set(['mediation_thread', 'mediation_file']));

    // E-BOOK: cancel the booked session (more than 24 hours ahead), then book the first free slot.
    const before = await kati.getByTestId('next-session-when').textContent();
    await kati.getByTestId('cancel-booking').click();
    await kati.getByTestId('cancel-reason').fill('Laps on haige');
    await kati.getByTestId('cancel-submit').click();
    await kati.getByTestId('book').waitFor();
    await kati.getByTestId('book').click();
    await kati.getByTestId('slot').first().waitFor();
    // The dialog's opening transition has run its course before the picture.
    await kati.getByTestId('book-dialog').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await screenshot(kati, '92-mediation-client-slots', { dialog: true });
    const slot = kati.getByTestId('slot').first();
    const startsAt = await slot.getAttribute('data-starts-at');
    await slot.click();
    await kati.getByTestId('slot-confirm').click();
    await kati.getByTestId('next-session').waitFor();
    const after = await kati.getByTestId('next-session-when').textContent();
    expect(after).not.toBe(before);
    await screenshot(kati, '93-mediation-client-booked');

    const booked = await server.database.db.selectFrom('mediation_bookings').select(['starts_at', 'status']).where('status', '=', 'booked').where('starts_at', '=', new Date(startsAt!)).execute();
    expect(booked).toHaveLength(1);
    const mails = await server.database.db.selectFrom('mail_outbox').select('to_address').where('subject', 'like', '%PL-%').where('dedupe_key', 'like', 'mediation-booked-%').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['mart.karu@tugi.demo', 'perelepitaja@tugi.demo']);
    expect(await axeViolations(kati)).toEqual([]);
  });

  it('E-PROVIDER, E-BOOK, E-REG: the mediator’s list and calendar show the session; SKA sees the register deliveries', async () => {
    const olga = await pageAs('perelepitaja@tugi.demo');
    await olga.goto(`${server.url}/mediation`);
    await olga.getByTestId('proceeding-row').first().waitFor();
    expect(await olga.getByTestId('proceeding-row').filter({ hasText: 'Kati Karu' }).getAttribute('data-status')).toBe('in_mediation');
    await screenshot(olga, '94-mediation-provider-view');
    await olga.goto(`${server.url}/mediation/calendar`);
    await olga.getByTestId('calendar-week').first().waitFor();
    expect(await axeViolations(olga)).toEqual([]);
    await screenshot(olga, '95-mediation-calendar');

    const ska = await pageAs('kontakt@tugi.demo');
    await ska.goto(`${server.url}/mediation/register`);
    await ska.getByTestId('delivery-row').first().waitFor();
    expect(await ska.getByTestId('register-not-configured').count()).toBe(1);
    expect(new Set(await ska.getByTestId('delivery-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status'))))).toEqual(new Set(['delivered', 'failed']));
    expect(await axeViolations(ska)).toEqual([]);
    await screenshot(ska, '96-mediation-register');
  });
});
