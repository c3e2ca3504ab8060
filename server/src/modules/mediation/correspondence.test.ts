import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok, refused } from '../../../test/responses.js';
import { ATTACHMENT_MAX_BYTES } from './attachments.js';
import { clientLogin, newProceeding, userId } from './fixtures.js';

let t: TestApp;
let kati: TestClient;
let mart: TestClient;
let olga: TestClient;
let ska: TestClient;
let proceedingId: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const upload = (client: TestClient, id: string, filename: string, bytes: Buffer) =>
  client.request({ method: 'POST', url: `/api/mediation/proceedings/${id}/files?filename=${encodeURIComponent(filename)}`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });

beforeAll(async () => {
  t = await createTestApp();
  [kati, mart, olga, ska] = await Promise.all([t.loginAs('client'), t.login('mart.karu@tugi.demo'), t.loginAs('mediator'), t.loginAs('ska_contact')]);
  proceedingId = (await ok(kati.get('/api/mediation/proceedings'))).items[0].id;
});
afterAll(() => t.close());

describe('E-MSG: secure correspondence per proceeding', () => {
  it('E-MSG: Kati reads the administrative decision: the PDF, a read receipt, and every read in the audit log', async () => {
    const threads = (await ok(kati.get(`/api/mediation/proceedings/${proceedingId}/threads`))).items;
    const decisionThread = threads.find((th: any) => th.hasDecision);
    expect(decisionThread).toMatchObject({ subject: 'Otsus riikliku perelepitusteenuse osutamise kohta', unread: 1 });
    const thread = await ok(kati.get(`/api/mediation/threads/${decisionThread.id}`));
    const decision = thread.messages[0];
    expect(decision).toMatchObject({ kind: 'decision', decisionNumber: '7.2-4/26-101', author: { name: 'Kadri Kask', role: 'ska_contact' } });
    expect(decision.readBy.map((r: any) => r.name)).toEqual(['Kadri Kask']);
    const file = await kati.get(`/api/mediation/files/${decision.files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await ok(kati.post(`/api/mediation/threads/${decisionThread.id}/read`))).toEqual({ marked: 1 });
    expect(await ok(kati.post(`/api/mediation/threads/${decisionThread.id}/read`))).toEqual({ marked: 0 });
    const receipts = (await ok(ska.get(`/api/mediation/threads/${decisionThread.id}`))).messages[0].readBy.map((r: any) => r.name);
    expect(receipts).toEqual(['Kadri Kask', 'Kati Karu']);

    const kKati = await userId(t, 'lapsevanem@tugi.demo');
    const reads = await t.database.db.selectFrom('audit_log').select(['record_type', 'record_id', 'action', 'person_id']).where('actor_id', '=', kKati).where('action', '=', 'read').execute();
    expect(reads.filter((r) => r.record_type === 'mediation_thread' && r.record_id === decisionThread.id)).toHaveLength(4); // one per person: 2 parents, 2 children
    expect(reads.filter((r) => r.record_type === 'mediation_file' && r.record_id === decision.files[0].id)).toHaveLength(4);
    const skaReads = await t.database.db.selectFrom('audit_log').select('record_id').where('actor_role', '=', 'ska_contact').where('record_type', '=', 'mediation_thread').where('action', '=', 'read').execute();
    expect(skaReads.length).toBeGreaterThan(0);
  });

  it('E-MSG: a thread between Kati and the mediator, with a checked attachment; the other side is told, never the content by mail', async () => {
    const file = await ok(upload(kati, proceedingId, 'koolivaheajad.pdf', PDF), 201);
    expect(file).toMatchObject({ filename: 'koolivaheajad.pdf', contentType: 'application/pdf', size: PDF.length });
    // Not sent yet: only its uploader sees it.
    await refused(olga.get(`/api/mediation/files/${file.id}`), 404, 'NOT_FOUND');
    const { id: threadId } = await ok(kati.post(`/api/mediation/proceedings/${proceedingId}/threads`, { subject: 'Koolivaheajad', body: 'Saadan vaheaegade kalendri.', attachmentIds: [file.id] }), 201);
    await refused(kati.post(`/api/mediation/threads/${threadId}/messages`, { body: 'Uuesti', attachmentIds: [file.id] }), 400, 'E_MSG_FILE_UNKNOWN');
    const seen = await ok(olga.get(`/api/mediation/threads/${threadId}`));
    expect(seen.messages[0]).toMatchObject({ body: 'Saadan vaheaegade kalendri.', files: [{ filename: 'koolivaheajad.pdf' }], readBy: [{ name: 'Kati Karu' }] });
    expect((await olga.get(`/api/mediation/files/${file.id}`)).statusCode).toBe(200);
    await ok(olga.post(`/api/mediation/threads/${threadId}/read`));
    await ok(olga.post(`/api/mediation/threads/${threadId}/messages`, { body: 'Aitäh, vaatame kohtumisel üle.' }), 201);
    const thread = await ok(mart.get(`/api/mediation/threads/${threadId}`));
    expect(thread.messages.map((m: any) => m.author.name)).toEqual(['Kati Karu', 'Olga Ivanova']);
    expect(thread.messages[0].readBy.map((r: any) => r.name)).toEqual(['Kati Karu', 'Olga Ivanova']);
    const mails = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'body_text']).where('dedupe_key', 'like', 'mediation-message-%').execute();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => !m.body_text.includes('vaheaegade'))).toBe(true);
    const home = await ok(kati.get('/api/home'));
    expect(home.items.find((i: any) => i.id === 'mediation.unread')).toBeTruthy();
  });

  it('E-MSG: attachments are checked for type by content and for size: 415, 413, 400 — never stored', async () => {
    const before = await t.database.db.selectFrom('mediation_files').select('id').execute();
    await refused(upload(kati, proceedingId, 'arve.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')), 415, 'E_MSG_FILE_TYPE');
    const e = await refused(upload(kati, proceedingId, 'pilt.png', PDF), 415, 'E_MSG_FILE_EXTENSION');
    expect(e.message).toContain('.pdf');
    await refused(upload(kati, proceedingId, 'suur.pdf', Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_MAX_BYTES)])), 413, 'E_MSG_FILE_TOO_LARGE');
    await refused(upload(kati, proceedingId, 'tühi.pdf', Buffer.alloc(0)), 400, 'E_MSG_FILE_EMPTY');
    await refused(kati.request({ method: 'POST', url: `/api/mediation/proceedings/${proceedingId}/files?filename=a.pdf`, payload: { a: 1 } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await t.database.db.selectFrom('mediation_files').select('id').execute()).toHaveLength(before.length);
  });

  it('E-MSG: SKA delivers a decision as a PDF in the proceeding’s language; only SKA decides; others’ threads and files answer 404', async () => {
    const decision = await ok(ska.post(`/api/mediation/proceedings/${proceedingId}/decisions`, { number: '7.2-4/26-202', title: 'Otsus teenuse pikendamise kohta', body: 'Teenust pikendatakse kolme kuu võrra.' }), 201);
    const thread = await ok(mart.get(`/api/mediation/threads/${decision.threadId}`));
    expect(thread.messages[0]).toMatchObject({ kind: 'decision', decisionNumber: '7.2-4/26-202' });
    const pdf = await mart.get(`/api/mediation/files/${decision.fileId}`);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const notes = await t.database.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('users.email').where('title_key', '=', 'mediation.notifications.decision').execute();
    expect(notes.map((n) => n.email).sort()).toEqual(['lapsevanem@tugi.demo', 'mart.karu@tugi.demo', 'perelepitaja@tugi.demo']);
    await refused(olga.post(`/api/mediation/proceedings/${proceedingId}/decisions`, { number: '1', title: 'x', body: 'y' }), 403, 'FORBIDDEN');
    await refused(ska.post(`/api/mediation/proceedings/${proceedingId}/decisions`, { number: '', title: 'x', body: 'y' }), 400, 'VALIDATION_FAILED');

    // Someone else's proceedings: their thread and file are not found for Kati.
    const p = await newProceeding(t, ska);
    const stranger = await clientLogin(t, p.parents[0].personId, 'ema.msg@example.ee');
    const file = await ok(upload(stranger, p.id, 'a.pdf', PDF), 201);
    const { id: theirThread } = await ok(stranger.post(`/api/mediation/proceedings/${p.id}/threads`, { subject: 'Privaatne', body: 'x', attachmentIds: [file.id] }), 201);
    await refused(kati.get(`/api/mediation/threads/${theirThread}`), 404, 'NOT_FOUND');
    await refused(kati.post(`/api/mediation/threads/${theirThread}/messages`, { body: 'y' }), 404, 'NOT_FOUND');
    await refused(kati.post(`/api/mediation/threads/${theirThread}/read`), 404, 'NOT_FOUND');
    await refused(kati.get(`/api/mediation/files/${file.id}`), 404, 'NOT_FOUND');
    await refused(upload(kati, p.id, 'a.pdf', PDF), 404, 'NOT_FOUND');
    await refused(kati.get('/api/mediation/threads/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });
});
