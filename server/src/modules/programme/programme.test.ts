import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { ok, refused } from '../../../test/responses.js';
import type { TestClient } from '../../../test/client.js';
import { readBundledPlan } from './plan-data.js';

let t: TestApp;
let ministry: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  ministry = await t.loginAs('ministry_officer');
});
afterAll(() => t.close());

const subs = (plan: any) => plan.activities.flatMap((a: any) => a.measures.flatMap((m: any) => m.subactivities));

describe('D-PLAN programme plan API', () => {
  it('D-PLAN: the 2024 plan ships imported (demo), as activity → measure → sub-activities with implementers, target groups and dates', async () => {
    const list = await ok(ministry.get('/api/programme/plans'));
    expect(list.items.map((p: any) => p.year)).toEqual([2024]);
    expect(list.bundled).toEqual([{ year: 2024, imported: true }]);
    const plan = await ok(ministry.get('/api/programme/plans/2024'));
    expect(plan.activities.map((a: any) => a.code)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7']);
    expect(plan.counts.total).toBe(58);
    const vepa = plan.activities[0].measures.find((m: any) => m.title.startsWith('VEPA'));
    expect(vepa).toMatchObject({ implementers: ['TAI'], targetGroup: expect.stringContaining('põhikooli') });
    expect(vepa.subactivities.map((s: any) => [s.number, s.startsOn, s.endsOn])).toEqual([[1, '2024-01-01', '2024-09-30'], [2, '2024-02-01', '2024-10-31'], [3, '2024-02-01', '2024-11-30'], [4, '2024-01-01', '2024-12-31']]);
    const sos = plan.activities[2].measures.find((m: any) => m.grantMeasure === 'signs_of_safety');
    expect(sos.subactivities).toEqual([]);
  });

  it('D-PLAN import: a year is imported once (409); a plan file of another year imports; a broken file is bad input', async () => {
    await refused(ministry.post('/api/programme/plans', { bundledYear: 2024 }), 409, 'D_PLAN_EXISTS');
    await refused(ministry.post('/api/programme/plans', { bundledYear: 2019 }), 404, 'D_PLAN_NOT_BUNDLED');
    const file = { ...readBundledPlan(2024), year: 2025, periodStart: '2025-01-01', periodEnd: '2025-12-31' };
    const created = await ok(ministry.post('/api/programme/plans', { plan: file }), 201);
    expect(created).toMatchObject({ year: 2025, activities: 7, measures: 23, subactivities: 58 });
    const broken = structuredClone(file);
    broken.year = 2026;
    broken.activities[0]!.measures[0]!.subactivities[0]!.end = '2026-02-30';
    await refused(ministry.post('/api/programme/plans', { plan: broken }), 400, 'VALIDATION_FAILED');
    await refused(ministry.post('/api/programme/plans', { plan: { ...file, year: 2027, periodEnd: '2024-12-31' } }), 400, 'VALIDATION_FAILED');
  });

  it('D-PLAN filters: by implementer (TEHIK: the four 2.5 rows), activity and overdue', async () => {
    const tehik = await ok(ministry.get('/api/programme/plans/2024?implementer=TEHIK'));
    expect(subs(tehik).map((s: any) => s.activityCode)).toEqual(['2.5', '2.5', '2.5', '2.5']);
    expect(tehik.counts).toMatchObject({ total: 58, shown: 4 });
    const a27 = await ok(ministry.get('/api/programme/plans/2024?activity=2.7'));
    expect(subs(a27).map((s: any) => s.datesAsWritten)).toEqual(['01.06.2024–30.09.2024', '01.–31.10.2024']);
    const overdue = await ok(ministry.get('/api/programme/plans/2024?overdue=true'));
    expect(subs(overdue).length).toBeGreaterThan(0);
    expect(subs(overdue).every((s: any) => s.overdue && s.endsOn < overdue.today && s.status !== 'done')).toBe(true);
    // 2.3's child protection system work runs to 31.12.2027: its Gantt bar is cut at the year's end, it is not overdue.
    const system = subs(await ok(ministry.get('/api/programme/plans/2024?activity=2.3'))).find((s: any) => s.endsOn === '2027-12-31');
    expect(system.bar).toMatchObject({ cutAfter: true, length: 1 });
    await refused(ministry.get('/api/programme/plans/2024?implementer=NASA'), 400, 'VALIDATION_FAILED');
    await refused(ministry.get('/api/programme/plans/1999'), 400, 'VALIDATION_FAILED');
    await refused(ministry.get('/api/programme/plans/2030'), 404, 'NOT_FOUND');
  });

  it('D-PLAN month list: what runs in February 2024 includes STAR2 (to 29.02.2024), March does not', async () => {
    const feb = await ok(ministry.get('/api/programme/plans/2024/month?month=2024-02'));
    const mar = await ok(ministry.get('/api/programme/plans/2024/month?month=2024-03'));
    const star2 = (r: any) => r.items.filter((s: any) => s.title.startsWith('Viiakse ellu STAR')).length;
    expect(star2(feb)).toBe(2);
    expect(star2(mar)).toBe(0);
    expect(feb.items.every((s: any) => s.startsOn <= '2024-02-29' && s.endsOn >= '2024-02-01')).toBe(true);
    const current = await ok(ministry.get('/api/programme/plans/2024/month'));
    expect(current.months).toHaveLength(12);
    expect(current.month).toMatch(/^2024-/);
    await refused(ministry.get('/api/programme/plans/2024/month?month=2024-13'), 400, 'VALIDATION_FAILED');
  });

  it('D-PLAN status and progress notes: X-CONC version, done sets progress 100, audited with field changes', async () => {
    const plan = await ok(ministry.get('/api/programme/plans/2024?overdue=true'));
    const s = subs(plan)[0];
    const updated = await ok(ministry.patch(`/api/programme/subactivities/${s.id}`, { version: s.version, status: 'done', note: 'Valmis detsembris.' }));
    expect(updated.subactivity).toMatchObject({ status: 'done', progress: 100, overdue: false, latestNote: 'Valmis detsembris.', version: s.version + 1 });
    expect(updated.notes[0]).toMatchObject({ note: 'Valmis detsembris.', status: 'done', writtenBy: 'Jaan Saar' });
    await refused(ministry.patch(`/api/programme/subactivities/${s.id}`, { version: s.version, status: 'in_progress' }), 409, 'VERSION_CONFLICT');
    await refused(ministry.patch(`/api/programme/subactivities/${s.id}`, { version: s.version + 1, progress: 101 }), 400, 'VALIDATION_FAILED');
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'changes']).where('record_type', '=', 'programme_subactivity').where('record_id', '=', s.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toEqual(expect.arrayContaining([{ field: 'status', old: s.status, new: 'done' }, { field: 'note', old: null, new: 'Valmis detsembris.' }]));
  });

  it('X-EXPORT: the plan as XLSX with real dates, the filters applied, the export audited', async () => {
    const r = await ministry.get('/api/programme/plans/2024/export?format=xlsx&activity=2.5');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const start = sheet.getRow(2).getCell(header.indexOf('Algus / Start') + 1).value;
    expect(start).toBeInstanceOf(Date);
    expect(String(sheet.getRow(2).getCell(header.indexOf('Kuupäevad allikas / Dates as written') + 1).value)).toBe('01.01.2024–29.02.2024');
    const csv = await ministry.get('/api/programme/plans/2024/export?format=csv&month=2024-10');
    expect(csv.body).toContain('01.–31.10.2024');
    const exports = await t.database.db.selectFrom('audit_log').select('id').where('record_type', '=', 'programme_plan').where('action', '=', 'export').execute();
    expect(exports).toHaveLength(2);
  });

  it('D-PLAN access: the SKA manager reads but cannot change; a KOV worker, provider or client gets 403', async () => {
    const manager = await t.loginAs('ska_manager');
    const plan = await ok(manager.get('/api/programme/plans/2024'));
    const s = subs(plan)[0];
    await refused(manager.patch(`/api/programme/subactivities/${s.id}`, { version: s.version, status: 'done' }), 403, 'FORBIDDEN');
    await refused(manager.post('/api/programme/plans', { bundledYear: 2024 }), 403, 'FORBIDDEN');
    for (const role of ['kov_worker', 'provider_admin', 'client'] as const) {
      const c = await t.loginAs(role);
      await refused(c.get('/api/programme/plans/2024'), 403, 'FORBIDDEN');
      await refused(c.get(`/api/programme/subactivities/${s.id}`), 403, 'FORBIDDEN');
    }
  });
});
