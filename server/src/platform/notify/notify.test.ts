import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { notify } from './notifications.js';

let t: TestApp;
let kovUserId: string;
beforeAll(async () => {
  t = await createTestApp();
  kovUserId = (await t.database.db.selectFrom('users').select('id').where('email', '=', 'kov@tugi.demo').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('X-NOTIFY in-app notifications and e-mail', () => {
  it('a notification appears for its user only, with an e-mail in the outbox, and shows on the home page', async () => {
    await t.database.db.transaction().execute((trx) =>
      notify(trx, { userId: kovUserId, kind: 'assignment', titleKey: 'notifications.caseAssigned', params: { reference: 'K-2026-1' }, link: '/cases/1', mail: { subject: 'Uus juhtum K-2026-1', bodyText: 'Tere!', dedupeKey: 'k-1' } }),
    );
    const kov = await t.loginAs('kov_worker');
    const list = (await kov.get('/api/me/notifications')).json();
    expect(list.unreadCount).toBe(1);
    expect(list.items[0]).toMatchObject({ kind: 'assignment', titleKey: 'notifications.caseAssigned', params: { reference: 'K-2026-1' }, read: false });
    const home = (await kov.get('/api/home')).json();
    // The platform's own item; modules add theirs (the demo KOV worker has a training questionnaire to answer).
    expect(home.items.filter((i: { module: string }) => i.module === 'platform')).toEqual([expect.objectContaining({ titleKey: 'home.items.unreadNotifications', count: 1 })]);
    const mail = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'status']).where('dedupe_key', '=', 'k-1').executeTakeFirstOrThrow();
    expect(mail).toEqual({ to_address: 'kov@tugi.demo', status: 'pending' });

    const other = await t.loginAs('ska_specialist');
    expect((await other.get('/api/me/notifications')).json().items).toEqual([]);
    expect((await other.post(`/api/me/notifications/${list.items[0].id}/read`)).statusCode).toBe(404);

    expect((await kov.post(`/api/me/notifications/${list.items[0].id}/read`)).statusCode).toBe(204);
    expect((await kov.get('/api/me/notifications?unread=true')).json()).toMatchObject({ items: [], unreadCount: 0 });
  });
});

describe('X-FIND saved filters', () => {
  it('saves, lists and deletes a filter of the user, refusing a duplicate name; others never see it', async () => {
    const kov = await t.loginAs('kov_worker');
    const saved = await kov.post('/api/me/saved-filters', { list: 'people', name: 'Tartu lapsed', query: { q: 'tartu' } });
    expect(saved.statusCode).toBe(201);
    expect((await kov.post('/api/me/saved-filters', { list: 'people', name: 'TARTU LAPSED', query: {} })).json().error.code).toBe('SAVED_FILTER_NAME_TAKEN');
    expect((await kov.get('/api/me/saved-filters?list=people')).json().items).toEqual([{ id: saved.json().id, list: 'people', name: 'Tartu lapsed', query: { q: 'tartu' } }]);
    const other = await t.loginAs('ska_specialist');
    expect((await other.get('/api/me/saved-filters?list=people')).json().items).toEqual([]);
    expect((await other.request({ method: 'DELETE', url: `/api/me/saved-filters/${saved.json().id}` })).statusCode).toBe(404);
    expect((await kov.request({ method: 'DELETE', url: `/api/me/saved-filters/${saved.json().id}` })).statusCode).toBe(204);
    expect((await kov.get('/api/me/saved-filters?list=people')).json().items).toEqual([]);
  });
});
