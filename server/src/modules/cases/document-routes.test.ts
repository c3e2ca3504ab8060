import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { signedContainer } from '../../platform/documents/fixtures/containers.js';

let t: TestApp;
let kov: TestClient;
let mari: TestClient;
let caseId: string;
let siva: http.Server;

beforeAll(async () => {
  // A stub of the SiVa validation service: every container is valid.
  siva = http.createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ validationReport: { validationConclusion: { validSignaturesCount: 1, signaturesCount: 1 } } }));
  });
  await new Promise<void>((resolve) => siva.listen(0, '127.0.0.1', resolve));
  t = await createTestApp({ sivaUrl: `http://127.0.0.1:${(siva.address() as AddressInfo).port}` });
  kov = await t.loginAs('kov_worker');
  mari = await t.loginAs('ska_specialist');
  caseId = (await kov.post('/api/cases', { type: 'domestic', child: { firstName: 'Õie', lastName: 'Šokk', birthDate: '2012-02-29' }, question: 'Kuidas toetada?' })).json().id;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => siva.close(resolve));
});

async function upload(client: TestClient, filename: string, bytes: Uint8Array) {
  return client.request({ method: 'POST', url: `/api/cases/${caseId}/documents?filename=${encodeURIComponent(filename)}`, payload: Buffer.from(bytes), headers: { 'content-type': 'application/octet-stream' } });
}

describe('X-DOC case documents', () => {
  it('the action plan PDF exists only once there is a plan, and carries the case reference', async () => {
    const early = await mari.get(`/api/cases/${caseId}/pdf/action_plan`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DOCUMENT_NOT_READY');
    const current = (await mari.get(`/api/cases/${caseId}`)).json();
    await mari.post(`/api/cases/${caseId}/transitions`, { version: current.version, to: 'first_contact' });
    await mari.patch(`/api/cases/${caseId}`, { version: current.version + 1, actionPlan: 'Võrgustikukohtumine koolis.\n\nJälgida STAR-is.' });
    const pdf = await kov.get(`/api/cases/${caseId}/pdf/action_plan`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${current.reference}-action_plan.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000);
    const exported = await t.database.db.selectFrom('audit_log').select('changes').where('action', '=', 'export').where('record_id', '=', caseId).execute();
    expect(exported).toHaveLength(1);
  });

  it('stores an attachment and gives the same bytes back, on the timeline too', async () => {
    const bytes = Buffer.from('Kooli iseloomustus\n');
    const response = await upload(kov, 'iseloomustus.txt', bytes);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'attachment', signers: null });
    const download = await mari.get(`/api/cases/${caseId}/documents/${response.json().id}`);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    const timeline = (await mari.get(`/api/cases/${caseId}/timeline`)).json().items;
    expect(timeline.find((i: { kind: string }) => i.kind === 'document_added')).toMatchObject({ reason: 'iseloomustus.txt' });
  });

  it('reads the signers of a signed ASiC-E container and asks the validation service', async () => {
    const response = await upload(mari, 'arvamus.asice', signedContainer());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'signed_container', signers: [expect.objectContaining({ signerName: 'MARI TAMM' })], validation: { status: 'valid' } });
    const list = (await kov.get(`/api/cases/${caseId}/documents`)).json().items;
    expect(list.map((d: { filename: string }) => d.filename)).toEqual(['iseloomustus.txt', 'arvamus.asice']);
  });

  it('refuses a file named .asice that is not a signed container, an empty upload and JSON', async () => {
    expect((await upload(mari, 'vale.asice', Buffer.from('not a zip'))).json().error.code).toBe('DOCUMENT_NOT_SIGNED_CONTAINER');
    expect((await upload(mari, 'tuhi.txt', new Uint8Array())).statusCode).toBe(400);
    const json = await mari.request({ method: 'POST', url: `/api/cases/${caseId}/documents?filename=a.txt`, payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
  });

  it('a KOV worker of another municipality can neither upload nor download', async () => {
    const admin = await t.loginAs('admin');
    const elva = (await admin.get('/api/admin/organisations?q=Elva')).json().items[0];
    await admin.post('/api/admin/users', { email: 'elva.docs@tugi.demo', name: 'Elva Docs', role: 'kov_worker', organisationId: elva.id, password: 'Lastekaitse-2026!' });
    const other = await t.login('elva.docs@tugi.demo', 'Lastekaitse-2026!');
    const docs = (await kov.get(`/api/cases/${caseId}/documents`)).json().items;
    expect((await other.get(`/api/cases/${caseId}/documents/${docs[0].id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/cases/${caseId}/pdf/action_plan`)).statusCode).toBe(404);
    const response = await other.request({ method: 'POST', url: `/api/cases/${caseId}/documents?filename=x.txt`, payload: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream' } });
    expect(response.statusCode).toBe(404);
  });
});
