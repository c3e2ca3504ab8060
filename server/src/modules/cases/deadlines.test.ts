import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { notifyOverdueCases } from './deadlines.js';

let t: TestApp;
let kov: TestClient;
let mari: TestClient;
let caseId: string;
let klatId: string;
beforeAll(async () => {
  t = await createTestApp();
  kov = await t.loginAs('kov_worker');
  mari = await t.loginAs('ska_specialist');
  caseId = (await kov.post('/api/cases', { type: 'domestic', child: { firstName: 'Oliver', lastName: 'Org', birthDate: '2014-04-04' }, question: 'Q' })).json().id;
  klatId = (await kov.post('/api/cases', { type: 'klat_opinion', child: { firstName: 'Uku', lastName: 'Uus', birthDate: '2010-04-04' }, question: 'Q' })).json().id;
});
afterAll(() => t.close());

describe('A-DOM/A-KLAT deadlines on the home page and X-NOTIFY reminders', () => {
  it('lists new and approaching cases for the specialist, and flags a missed first-contact deadline as overdue', async () => {
    let items = (await mari.get('/api/home')).json().items;
    expect(items.find((i: { id: string }) => i.id === 'cases.new')).toMatchObject({ count: 2, severity: 'info' });
    // The first-contact deadline passed yesterday.
    await t.database.db.updateTable('cases').set({ first_contact_due: '2025-01-02' }).where('id', '=', caseId).execute();
    items = (await mari.get('/api/home')).json().items;
    expect(items[0]).toMatchObject({ id: 'cases.overdue', count: 1, severity: 'overdue', titleKey: 'home.items.casesOverdue' });
    const overdueList = (await mari.get('/api/cases?overdue=true')).json().items;
    expect(overdueList.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(overdueList[0]).toMatchObject({ overdue: true, deadline: { kind: 'first_contact', due: '2025-01-02', severity: 'overdue' } });
  });

  it('tells the specialist once per missed deadline, however often the job runs', async () => {
    expect(await notifyOverdueCases(t.database.db)).toBe(1);
    expect(await notifyOverdueCases(t.database.db)).toBe(0);
    const notifications = (await mari.get('/api/me/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'deadline');
    expect(notifications).toEqual([expect.objectContaining({ titleKey: 'notifications.deadlineMissed', params: expect.objectContaining({ due: '02.01.2025' }) })]);
    const mail = await t.database.db.selectFrom('mail_outbox').select('subject').where('dedupe_key', 'like', `case-overdue-${caseId}-%`).execute();
    expect(mail).toHaveLength(1);
  });

  it('shows the manager unassigned cases', async () => {
    await t.database.db.updateTable('cases').set({ assigned_specialist_id: null }).where('id', '=', klatId).execute();
    const items = (await (await t.loginAs('ska_manager')).get('/api/home')).json().items;
    expect(items.find((i: { id: string }) => i.id === 'cases.unassigned')).toMatchObject({ count: 1 });
  });
});

describe('A-STAT yearly numbers', () => {
  it('counts applications, cases handled, international appeals and KLAT opinions of a year, by county and specialist', async () => {
    const db = t.database.db;
    const year = Number((await db.selectFrom('cases').select('received_on').where('id', '=', caseId).executeTakeFirstOrThrow()).received_on.slice(0, 4));
    // An old case still open this year, and one closed before it began.
    await db.updateTable('cases').set({ received_on: `${year - 1}-11-20` }).where('id', '=', klatId).execute();
    const closedBefore = (await kov.post('/api/cases', { type: 'international', internationalSubtype: 'private_appeal', child: { firstName: 'Vana', lastName: 'Juhtum', birthDate: '2012-01-01' }, question: 'Q' })).json().id;
    await db.updateTable('cases').set({ received_on: `${year - 1}-02-01`, status: 'closed', closed_on: `${year - 1}-12-31` }).where('id', '=', closedBefore).execute();
    const manager = await t.loginAs('ska_manager');
    const total = (await manager.get(`/api/cases/stats?year=${year}`)).json();
    expect(total.rows).toEqual([{ key: 'total', label: 'total', applications: 1, handled: 2, international: 0, klatOpinions: 0 }]);
    const lastYear = (await manager.get(`/api/cases/stats?year=${year - 1}`)).json();
    expect(lastYear.rows[0]).toMatchObject({ applications: 1, handled: 2, international: 1 });
    expect(total.years).toEqual([year, year - 1]);
    const byCounty = (await manager.get(`/api/cases/stats?year=${year}&groupBy=county`)).json().rows;
    expect(byCounty).toEqual([expect.objectContaining({ label: 'Tartu', handled: 2 })]);
    const csv = await manager.get(`/api/cases/stats/export?year=${year}&groupBy=specialist&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Mari Maasikas');
  });

  it('a KOV worker sees only their own municipality in the numbers', async () => {
    const elsewhere = await t.loginAs('ska_manager');
    const all = (await elsewhere.get('/api/cases/stats?year=2026&groupBy=kov')).json().rows;
    const own = (await kov.get('/api/cases/stats?year=2026&groupBy=kov')).json().rows;
    expect(own.every((r: { label: string }) => r.label === 'Tartu linn')).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(own.length);
  });
});
