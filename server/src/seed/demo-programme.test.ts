import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { seedDemoData } from './demo.js';
import { seedDemoProgramme } from './demo-programme.js';
import { seedReferenceData } from './reference.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
});
afterAll(() => database.close());

describe('demo programme plan (module D)', () => {
  it('D-PLAN: the 2024 plan is imported once with recorded progress: most done, some overdue, 2.3 running to 2027, notes in 2024', async () => {
    const subs = await database.db.selectFrom('programme_subactivities').select(['status', 'ends_on']).execute();
    expect(subs).toHaveLength(58);
    expect(subs.filter((s) => s.status === 'done').length).toBeGreaterThan(45);
    expect(subs.filter((s) => s.status !== 'done' && s.status !== 'cancelled' && s.ends_on === '2024-12-31').length).toBeGreaterThan(0);
    expect(subs.filter((s) => s.ends_on === '2027-12-31').map((s) => s.status)).toEqual(['in_progress', 'in_progress']);
    const notes = await database.db.selectFrom('programme_notes').select('written_at').execute();
    expect(notes.length).toBeGreaterThan(5);
    expect(notes.every((n) => new Date(n.written_at).toISOString().startsWith('2024-'))).toBe(true);
    expect(await seedDemoProgramme(database.db)).toEqual({ plans: 0 });
  });
});
