import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { seedDemoData } from './demo.js';
import { seedDemoFamilies } from './demo-families.js';
import { seedReferenceData } from './reference.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { encryptionKeyFrom } from '../platform/crypto/keys.js';
import { familyFacts } from '../modules/families/queries.js';
import { episodeLimit } from '../modules/families/volume.js';
import { complianceOfRow } from '../modules/families/views.js';
import { compareIsoDates } from '../platform/calendar/working-days.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
});
afterAll(() => database.close());

describe('demo families (module B)', () => {
  it('40 families of every type across municipalities, referrals in every state, episodes of every colour, all within the B-* limits', async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const key = encryptionKeyFrom({ demo: true, encryptionKey: undefined });
    expect(await seedDemoFamilies(database.db, key, now)).toBe(40);
    const db = database.db;
    const types = await db.selectFrom('families').select('type').distinct().execute();
    expect(types.map((t) => t.type).sort()).toEqual(['eestkoste', 'hooldus', 'lapsendaja']);
    const kovs = await db.selectFrom('families').select('kov_organisation_id').distinct().execute();
    expect(kovs.length).toBeGreaterThanOrEqual(8);
    const statuses = await db.selectFrom('family_referrals').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['forwarded', 'rejected', 'started', 'submitted']);
    const episodes = await db.selectFrom('family_episodes').selectAll().execute();
    const colours = new Set(episodes.map((e) => complianceOfRow(e, '2026-11-22')));
    for (const colour of ['green', 'red', 'ended', 'not_started']) expect(colours, colour).toContain(colour);
    for (const e of episodes) {
      const family = await db.selectFrom('families').selectAll().where('id', '=', e.family_id).executeTakeFirstOrThrow();
      const limit = episodeLimit(await familyFacts(db, family), { id: e.id, kind: e.kind, childPersonId: e.child_person_id, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on }, '2026-11-22');
      expect(limit.hasVolume, `${family.reference} ${e.kind}`).toBe(true);
      if (limit.lastAllowedDay) expect(compareIsoDates(e.ends_on ?? '2026-11-22', limit.lastAllowedDay), `${family.reference} ${e.kind}`).toBeLessThanOrEqual(0);
    }
    const secret = await db.selectFrom('families').select('id').where('adoption_secrecy', '=', true).execute();
    expect(secret.length).toBeGreaterThan(0);
    const specialists = await db.selectFrom('provider_specialists').select(['ska_approved_on']).execute();
    expect(specialists.some((s) => s.ska_approved_on === null)).toBe(true);
    expect(await seedDemoFamilies(db, key, now)).toBe(0);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
