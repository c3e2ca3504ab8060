import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../test/database.js';
import { deliverPendingMail, MAX_MAIL_ATTEMPTS, type MailTransport } from '../mail/delivery.js';
import { enqueueMail } from '../mail/outbox.js';
import { startJobs, type Jobs } from './jobs.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, seconds = 30): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('X-NOTIFY e-mail outbox', () => {
  it('a queued mail is delivered once, even when the delivery runs twice', async () => {
    await enqueueMail(database.db, { to: 'kov@tugi.demo', subject: 'Uus juhtum', bodyText: 'Tere!', dedupeKey: 'case-1-assigned' });
    await enqueueMail(database.db, { to: 'kov@tugi.demo', subject: 'Uus juhtum', bodyText: 'Tere!', dedupeKey: 'case-1-assigned' });
    const sent: string[] = [];
    const transport: MailTransport = async (mail) => {
      sent.push(mail.to);
    };
    expect(await deliverPendingMail(database.db, transport, 'tugi@example.ee')).toEqual({ sent: 1, failed: 0 });
    expect(await deliverPendingMail(database.db, transport, 'tugi@example.ee')).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual(['kov@tugi.demo']);
  });

  it(`retries a failing delivery and marks it failed after ${MAX_MAIL_ATTEMPTS} attempts`, async () => {
    await enqueueMail(database.db, { to: 'broken@tugi.demo', subject: 'S', bodyText: 'B' });
    const failing: MailTransport = async () => {
      throw new Error('SMTP 554 rejected');
    };
    for (let i = 0; i < MAX_MAIL_ATTEMPTS; i++) await deliverPendingMail(database.db, failing, 'tugi@example.ee');
    const row = await database.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'broken@tugi.demo').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS, last_error: 'SMTP 554 rejected' });
  });
});

describe('jobs on pg-boss in the same database', () => {
  let jobs: Jobs;
  afterAll(async () => {
    await jobs?.stop();
  });

  it(`runs a job sent to the queue (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const ran: string[] = [];
    jobs = await startJobs(database, [{ name: 'test-job', run: async () => ran.push('ran') }], pino({ level: 'silent' }));
    await jobs.kick('test-job');
    await waitFor(async () => (ran.length ? ran : undefined), 'the job to run');
    expect(ran).toEqual(['ran']);
    const tables = await database.executeSql(`select count(*)::int as n from information_schema.tables where table_schema = 'pgboss'`);
    expect(tables.rows[0].n).toBeGreaterThan(2);
  });
});
