import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { seedDemoData } from './demo.js';
import { seedDemoCases } from './demo-cases.js';
import { seedReferenceData } from './reference.js';
import { yearlyStats } from '../modules/cases/stats.js';
import { verifyAuditChain } from '../platform/audit/verify.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
});
afterAll(() => database.close());

const manager = { role: 'ska_manager', userId: '00000000-0000-0000-0000-000000000000', organisationId: '00000000-0000-0000-0000-000000000000' } as never;

describe('A-STAT demo year', () => {
  it('looks like SKA’s 2024 in numbers: 202 applications, about 70 KLAT opinions, cases in many municipalities', async () => {
    const created = await seedDemoCases(database.db, new Date('2026-11-22T10:00:00Z'));
    expect(created).toBeGreaterThan(800);
    const [year2024] = await yearlyStats(database.db, manager, 2024, 'total');
    expect(year2024!.applications).toBe(202);
    expect(year2024!.klatOpinions).toBeGreaterThanOrEqual(65);
    expect(year2024!.international).toBe(120);
    const byKov = await yearlyStats(database.db, manager, 2024, 'kov');
    expect(byKov.length).toBeGreaterThan(40);
    const statuses = await database.db.selectFrom('cases').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(expect.arrayContaining(['application', 'closed', 'in_progress', 'opinion_issued', 'active', 'follow_up']));
    expect(await seedDemoCases(database.db)).toBe(0);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
