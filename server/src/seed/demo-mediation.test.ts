import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { decryptBytes } from '../modules/families/report-files.js';
import { encryptionKeyFrom } from '../platform/crypto/keys.js';
import { testConfig } from '../../test/harness.js';
import { seedDemoData } from './demo.js';
import { seedDemoMediation } from './demo-mediation.js';
import { seedReferenceData } from './reference.js';

let database: Database;
const now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db, now);
});
afterAll(() => database.close());

describe('demo mediation (module E)', () => {
  it('E-PROFILE, E-PROVIDER: proceedings in every state, Kati Karu’s with Mart Karu and two children', async () => {
    const rows = await database.db.selectFrom('mediation_proceedings').select(['reference', 'status', 'mediator_id']).orderBy('reference').execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['referred', 'first_meeting_booked', 'in_mediation', 'agreement', 'ended_without_agreement']));
    const kati = await database.db
      .selectFrom('mediation_parties')
      .innerJoin('people', 'people.id', 'mediation_parties.person_id')
      .innerJoin('mediation_proceedings as p', 'p.id', 'mediation_parties.proceeding_id')
      .select(['p.id', 'p.status'])
      .where('people.first_name', '=', 'Kati')
      .executeTakeFirstOrThrow();
    expect(kati.status).toBe('in_mediation');
    const parties = await database.db.selectFrom('mediation_parties').innerJoin('people', 'people.id', 'person_id').select(['first_name', 'role']).where('proceeding_id', '=', kati.id).execute();
    expect(parties.map((p) => `${p.role} ${p.first_name}`).sort()).toEqual(['child Mia', 'child Rasmus', 'parent Kati', 'parent Mart']);
  });

  it('E-BOOK: published availability, a held session and an upcoming booking on the mediator’s grid', async () => {
    const olga = await database.db.selectFrom('users').select('id').where('email', '=', 'perelepitaja@tugi.demo').executeTakeFirstOrThrow();
    expect(await database.db.selectFrom('mediation_availability').select('weekday').where('mediator_id', '=', olga.id).execute()).toHaveLength(5);
    const upcoming = await database.db.selectFrom('mediation_bookings').selectAll().where('mediator_id', '=', olga.id).where('status', '=', 'booked').execute();
    expect(upcoming).toHaveLength(1);
    expect(upcoming[0]!.starts_at.getTime()).toBeGreaterThan(now.getTime() + 6 * 86_400_000);
    expect(upcoming[0]!.ends_at.getTime() - upcoming[0]!.starts_at.getTime()).toBe(90 * 60_000);
  });

  it('E-MSG: a thread and an unread decision stored as an encrypted PDF', async () => {
    const decision = await database.db.selectFrom('mediation_messages').innerJoin('mediation_files as f', 'f.message_id', 'mediation_messages.id').select(['decision_number', 'f.ciphertext']).where('kind', '=', 'decision').executeTakeFirstOrThrow();
    expect(decision.decision_number).toBe('7.2-4/26-101');
    expect(decryptBytes(encryptionKeyFrom(testConfig()), decision.ciphertext).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('E-REG: one agreement delivered to the register, one whose delivery failed', async () => {
    const rows = await database.db.selectFrom('mediation_register_outbox').select(['status', 'register_reference', 'last_error']).orderBy('status').execute();
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'failed']);
    expect(rows[0]!.register_reference).toMatch(/^RR-/);
    expect(rows[1]!.last_error).toContain('503');
  });

  it('runs once, and the audit chain stays intact', async () => {
    expect(await seedDemoMediation(database.db, { now })).toEqual({ proceedings: 0 });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
