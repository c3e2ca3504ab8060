import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { createTestDatabase } from '../../test/database.js';
import { seedDemoData } from './demo.js';
import { seedDemoFamilies } from './demo-families.js';
import { seedDemoFamilyServices } from './demo-family-services.js';
import { seedReferenceData } from './reference.js';
import { encryptionKeyFrom } from '../modules/families/secrecy.js';
import { verifyAuditChain } from '../platform/audit/verify.js';

let database: Database;
const key = encryptionKeyFrom({ demo: true, encryptionKey: undefined });
const now = new Date('2026-11-22T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  await seedDemoFamilies(database.db, key, now);
});
afterAll(() => database.close());

describe('demo sessions, groups and monthly reports (module B part 2)', () => {
  it('seeds all three in order, once; every drafted report totals its billable lines (B-REP-1, B-REP-2)', async () => {
    const first = await seedDemoFamilyServices(database.db, key, now);
    expect(first.sessions).toBeGreaterThan(0);
    expect(first.groups).toBeGreaterThan(0);
    expect(first.reports).toBeGreaterThan(0);
    expect(await seedDemoFamilyServices(database.db, key, now)).toEqual({ sessions: 0, groups: 0, reports: 0 });

    const reports = await database.db.selectFrom('monthly_reports').selectAll().execute();
    expect(reports.every((r) => r.month === '2026-10')).toBe(true);
    for (const report of reports) {
      const lines = await database.db.selectFrom('monthly_report_lines').selectAll().where('report_id', '=', report.id).where('revision', '=', report.revision).execute();
      const billable = lines.filter((l) => l.billable).reduce((sum, l) => sum + l.amount_cents, 0);
      expect(Number(report.total_cents), report.reference).toBe(billable);
      expect(lines.filter((l) => !l.billable).every((l) => l.amount_cents === 0 && l.excluded_reason)).toBe(true);
    }
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
