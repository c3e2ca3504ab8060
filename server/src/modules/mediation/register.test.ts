import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { RegisterConfig } from '../../config.js';
import { createTestApp, testConfig, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok, refused } from '../../../test/responses.js';
import { newProceeding, userId } from './fixtures.js';
import { claimDelivery, deliverRegisterOutbox, sendToRegister } from './register.js';
import { MAX_DELIVERY_ATTEMPTS } from './rules.js';

/**
 * A stand-in population register on 127.0.0.1: it stores each agreement once
 * (by agreement id) and answers a duplicate with 409; a script of modes makes
 * the next requests fail (500), refuse (400) or store and never answer (the
 * caller times out).
 */
class StubRegister {
  readonly stored = new Map<string, { registerId: string; body: any }>();
  readonly requests: { headers: http.IncomingHttpHeaders; agreementId: string }[] = [];
  script: ('fail' | 'refuse' | 'hang')[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  private hanging: http.ServerResponse[] = [];
  url = '';

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/rr/parenting-agreements`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text);
      this.requests.push({ headers: req.headers, agreementId: body.agreementId });
      const mode = this.script.shift();
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (mode === 'fail') return json(500, { message: 'register unavailable' });
      if (mode === 'refuse') return json(400, { message: 'children missing' });
      const known = this.stored.get(body.agreementId);
      if (known) return json(409, { code: 'DUPLICATE', registerId: known.registerId });
      const registerId = `RR-${this.stored.size + 1}`;
      this.stored.set(body.agreementId, { registerId, body });
      if (mode === 'hang') return void this.hanging.push(res); // stored, but the answer never comes
      return json(201, { registerId });
    });
  }

  async close() {
    for (const res of this.hanging) res.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let stub: StubRegister;
let t: TestApp;
let config: RegisterConfig;
let olga: TestClient;
let ska: TestClient;
let clock: Date;

beforeAll(async () => {
  stub = new StubRegister();
  await stub.start();
  // A generous timeout: a busy test machine must not turn an answer into a timeout. The test of a
  // register that never answers uses a short one.
  config = { url: stub.url, client: 'EE/GOV/70001975/tugi', service: 'EE/GOV/70008440/rr/parentingAgreement/v1', timeoutMs: 10_000 };
  t = await createTestApp({ register: config });
  [olga, ska] = await Promise.all([t.loginAs('mediator'), t.loginAs('ska_contact')]);
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

let heldSessions = 0;

/** A proceeding with a held session and its agreement that ends joint custody: one delivery queued. */
async function agreement(custody: 'ends_joint' | 'changes_joint' | 'unchanged' = 'ends_joint') {
  const p = await newProceeding(t, ska, { preferredMediatorId: await userId(t, 'perelepitaja@tugi.demo') });
  const slot = (await ok(olga.get(`/api/mediation/proceedings/${p.id}/slots`))).items[0].startsAt;
  const booked = await ok(olga.post(`/api/mediation/proceedings/${p.id}/bookings`, { startsAt: slot }), 201);
  const b = booked.bookings[0];
  // The session took place: moved into the past, a year before any demo session, each helper call 3 hours apart.
  heldSessions += 1;
  const past = Date.now() - 400 * 86_400_000 - heldSessions * 3 * 3_600_000;
  await t.database.db.updateTable('mediation_bookings').set({ starts_at: new Date(past), ends_at: new Date(past + 90 * 60_000), blocked_until: new Date(past + 105 * 60_000) }).where('id', '=', b.id).execute();
  await ok(olga.post(`/api/mediation/bookings/${b.id}/outcome`, { version: b.version, outcome: 'held' }));
  const done = await ok(olga.post(`/api/mediation/proceedings/${p.id}/agreement`, { concludedOn: '2026-03-02', custody, childPersonIds: [p.children[0].personId], summary: 'Hooldusõigus jääb emale.' }), 201);
  expect(done.agreement.delivery).toBeNull(); // the delivery is SKA's to see
  clock = new Date();
  const seen = await ok(ska.get(`/api/mediation/proceedings/${p.id}`));
  return { proceeding: p, agreementId: done.agreement.id as string, delivery: seen.agreement.delivery };
}

const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
const run = (with_: RegisterConfig = config) => deliverRegisterOutbox(t.database.db, { config: with_, now: () => clock });
const outbox = (agreementId: string) => t.database.db.selectFrom('mediation_register_outbox').selectAll().where('agreement_id', '=', agreementId).executeTakeFirstOrThrow();

describe('E-REG: the population-register outbox', () => {
  it('E-REG: an agreement ending joint custody is queued once, sent with X-Road headers, retried with backoff after failures, delivered once; SKA sees every step', async () => {
    const { agreementId, delivery, proceeding } = await agreement();
    expect(delivery).toMatchObject({ status: 'pending', attempts: 0 });
    stub.script = ['fail', 'fail'];
    expect(await run()).toMatchObject({ pending: 1 });
    const first = await outbox(agreementId);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500: register unavailable' });
    expect(first.next_attempt_at.getTime() - clock.getTime()).toBe(60_000);
    const listed = await ok(ska.get('/api/mediation/register-deliveries?status=pending'));
    expect(listed.endpoint).toMatchObject({ configured: true, client: config.client });
    expect(listed.items.find((d: any) => d.agreementId === agreementId)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500: register unavailable', reference: proceeding.reference });

    expect(await run()).toMatchObject({ pending: 0, delivered: 0 }); // not due yet
    later(60_000);
    expect(await run()).toMatchObject({ pending: 1 });
    expect((await outbox(agreementId)).next_attempt_at.getTime() - clock.getTime()).toBe(120_000);
    later(120_000);
    expect(await run()).toMatchObject({ delivered: 1 });
    const done = await outbox(agreementId);
    expect(done).toMatchObject({ status: 'delivered', attempts: 3, last_error: null, register_reference: 'RR-1', duplicate: false });
    expect(stub.stored.get(agreementId)!.body).toMatchObject({ agreementId, custody: 'ends_joint', proceedings: proceeding.reference, parents: [{ firstName: 'Ema' }, { firstName: 'Isa' }], children: [{ firstName: 'Laps' }] });
    const sent = stub.requests.filter((r) => r.agreementId === agreementId);
    expect(sent.map((r) => r.headers['x-road-id'])).toEqual([`${agreementId}.1`, `${agreementId}.2`, `${agreementId}.3`]);
    expect(sent.every((r) => r.headers['x-road-client'] === config.client && r.headers['x-road-service'] === config.service)).toBe(true);
    const p = await ok(ska.get(`/api/mediation/proceedings/${proceeding.id}`));
    expect(p.agreement.delivery).toMatchObject({ status: 'delivered', registerReference: 'RR-1' });
    const audit = await t.database.db.selectFrom('audit_log').select('changes').where('record_type', '=', 'register_delivery').where('record_id', '=', done.id).execute();
    expect(audit).toHaveLength(4); // queued, two failures, delivered
  });

  it('E-REG: a timeout after the register stored it: the retry is answered “duplicate”, which is delivered — the register holds it once', async () => {
    const { agreementId } = await agreement('changes_joint');
    stub.script = ['hang'];
    expect(await run({ ...config, timeoutMs: 300 })).toMatchObject({ pending: 1 });
    expect((await outbox(agreementId)).last_error).toBe('no answer within 300 ms');
    later(60_000);
    expect(await run()).toMatchObject({ delivered: 1 });
    expect(await outbox(agreementId)).toMatchObject({ status: 'delivered', attempts: 2, duplicate: true, register_reference: stub.stored.get(agreementId)!.registerId });
    expect([...stub.stored.keys()].filter((k) => k === agreementId)).toHaveLength(1);
  });

  it('E-REG: a server restart mid-delivery (the register answered, the outcome never written): the next server delivers, exactly once to the register', async () => {
    const { agreementId } = await agreement();
    // Server 1 claims the delivery and sends it; the register stores it and answers; the process dies before writing the outcome.
    const claimed = (await claimDelivery(t.database.db, config, clock))!;
    expect(claimed.agreementId).toBe(agreementId);
    expect((await sendToRegister(config, claimed)).answer).toBe('delivered');
    expect(await outbox(agreementId)).toMatchObject({ status: 'sending', attempts: 1 });
    // Server 2 starts on the same database. While the claim's lease runs, nothing is sent twice.
    const second = await buildApp({ db: t.database.db, config: testConfig({ register: config }), jobs: null }, { logger: false, serveWeb: false });
    await second.ready();
    expect(await run()).toMatchObject({ delivered: 0, pending: 0 });
    later(config.timeoutMs + 60_000);
    expect(await run()).toMatchObject({ delivered: 1 });
    await second.close();
    expect(await outbox(agreementId)).toMatchObject({ status: 'delivered', attempts: 2, duplicate: true });
    expect(stub.requests.filter((r) => r.agreementId === agreementId)).toHaveLength(2);
    expect([...stub.stored.keys()].filter((k) => k === agreementId)).toHaveLength(1);
    expect(await run()).toMatchObject({ delivered: 0 });
  });

  it('E-REG: a refusal fails at once and SKA is told; SKA retries; after the last attempt a delivery fails', async () => {
    const { agreementId } = await agreement();
    stub.script = ['refuse'];
    expect(await run()).toMatchObject({ failed: 1 });
    const failed = await outbox(agreementId);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: 'HTTP 400: children missing' });
    const notes = await t.database.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('users.email').where('title_key', '=', 'mediation.notifications.registerFailed').execute();
    expect(notes.map((n) => n.email)).toContain('kontakt@tugi.demo');
    expect((await ok(ska.get('/api/home'))).items.some((i: any) => i.id === 'mediation.registerFailed')).toBe(true);
    await refused(olga.post(`/api/mediation/register-deliveries/${failed.id}/retry`), 403, 'FORBIDDEN');
    expect((await ska.post(`/api/mediation/register-deliveries/${failed.id}/retry`)).statusCode).toBe(204);
    await refused(ska.post(`/api/mediation/register-deliveries/${failed.id}/retry`), 409, 'E_REG_NOT_RETRYABLE');
    clock = new Date(Date.now() + 1000);
    expect(await run()).toMatchObject({ delivered: 1 });

    const { agreementId: hopeless } = await agreement();
    for (let i = 1; i <= MAX_DELIVERY_ATTEMPTS; i++) {
      stub.script = ['fail'];
      await run();
      later(6 * 3_600_000);
    }
    expect(await outbox(hopeless)).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS });
  });

  it('E-REG: idempotent by agreement id; nothing queued when custody is unchanged; without an endpoint nothing is sent and SKA sees “not configured”', async () => {
    const { agreementId, proceeding } = await agreement();
    await refused(olga.post(`/api/mediation/proceedings/${proceeding.id}/agreement`, { concludedOn: '2026-03-02', custody: 'ends_joint', childPersonIds: [proceeding.children[0].personId], summary: 'x' }), 409, 'E_REG_AGREEMENT_EXISTS');
    const row = await outbox(agreementId);
    await expect(t.database.db.insertInto('mediation_register_outbox').values({ agreement_id: agreementId, payload: JSON.stringify(row.payload) }).execute()).rejects.toMatchObject({ code: '23505' });
    const unchanged = await agreement('unchanged');
    expect(unchanged.delivery).toBeNull();

    const before = stub.requests.length;
    expect(await deliverRegisterOutbox(t.database.db, { config: { ...config, url: undefined }, now: () => clock })).toMatchObject({ configured: false, delivered: 0 });
    expect(stub.requests.length).toBe(before);
    expect(await outbox(agreementId)).toMatchObject({ status: 'pending', attempts: 0 });
    const plain = await createTestApp();
    const list = await ok((await plain.loginAs('ska_contact')).get('/api/mediation/register-deliveries'));
    expect(list.endpoint.configured).toBe(false);
    expect(list.items.map((d: any) => d.status).sort()).toEqual(['delivered', 'failed']); // the demo's
    await refused((await plain.loginAs('client')).get('/api/mediation/register-deliveries'), 403, 'FORBIDDEN');
    await refused((await plain.loginAs('mediator')).get('/api/mediation/register-deliveries'), 403, 'FORBIDDEN');
    await plain.close();
    expect(await run()).toMatchObject({ delivered: 1 });
  });
});
