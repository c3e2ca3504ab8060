import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.js';
import { createTestDatabase } from '../../../../test/database.js';
import { seedDemoData } from '../../../seed/demo.js';
import { seedDemoFamilies } from '../../../seed/demo-families.js';
import { seedReferenceData } from '../../../seed/reference.js';
import { encryptionKeyFrom } from '../../../platform/crypto/keys.js';
import { seedDemoSessions } from './demo.js';
import { familyLimits } from './summary.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
});
afterAll(() => database.close());

describe('demo sessions', () => {
  it.each([new Date('2026-11-22T10:00:00Z'), new Date('2027-01-03T10:00:00Z')])('on %s: mentoring and counselling of Kasvulava within the limits, one family at its limit with a request awaiting SKA; idempotent', async (now) => {
    const db = database.db;
    await db.deleteFrom('counselling_extra_requests').execute();
    await db.deleteFrom('service_sessions').execute();
    if (!(await db.selectFrom('families').select('id').limit(1).executeTakeFirst())) await seedDemoFamilies(db, encryptionKeyFrom({ demo: true, encryptionKey: undefined }), now);
    expect(await seedDemoSessions(db, now)).toBeGreaterThan(10);
    expect(await seedDemoSessions(db, now)).toBe(0);
    const services = await db.selectFrom('service_sessions').select('service').distinct().execute();
    expect(services.map((s) => s.service).sort()).toEqual(['counselling', 'mentoring', 'supervision']);
    const families = await db.selectFrom('service_sessions').select(['family_id', 'held_on']).execute();
    const today = now.toISOString().slice(0, 10);
    for (const f of new Set(families.map((r) => r.family_id))) {
      const limits = await familyLimits(db, f, today);
      expect(limits.counselling.used).toBeLessThanOrEqual(limits.counselling.limit);
      expect(limits.mentoring.usedThisQuarter).toBeLessThanOrEqual(4);
    }
    const pending = await db.selectFrom('counselling_extra_requests').selectAll().where('status', '=', 'requested').executeTakeFirstOrThrow();
    expect((await familyLimits(db, pending.family_id, today)).counselling).toMatchObject({ remaining: 0, limit: 5, pendingExtra: { requestedSessions: 2 } });
    expect(families.every((r) => r.held_on <= today)).toBe(true);
  });
});
