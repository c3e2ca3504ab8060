import { describe, expect, it } from 'vitest';
import { expectedReports, finalReportDue, monitoringPeriod, reminderFor } from './provider-report-rules.js';

describe('B-REP-3 due dates of monitoring and final reports', () => {
  it.each([
    ['2025-12-31', '2026-01-03', 'a contract ending 31.12 → final report due 03.01 of the next year'],
    ['2026-03-15', '2026-03-25', 'a contract ending early on 15.03 → due 10 days later, 25.03'],
    ['2026-12-28', '2027-01-07', 'ending early on 28.12 → 07.01 (ten days, across the year)'],
    ['2027-02-20', '2027-03-02', 'ending early on 20.02 → 02.03 (February has 28 days)'],
  ])('final report: %s → %s (%s)', (endsOn, due) => {
    expect(finalReportDue(endsOn)).toBe(due);
  });

  it('3 January stays the due date when it falls on a weekend (3.1.2027 is a Sunday)', () => {
    expect(new Date('2027-01-03T12:00:00Z').getUTCDay()).toBe(0);
    expect(finalReportDue('2026-12-31')).toBe('2027-01-03');
    expect(expectedReports({ starts_on: '2026-01-01', ends_on: '2027-12-31' }).map((r) => r.dueOn)).toContain('2027-01-03');
  });

  it('monitoring periods follow each other: 3 June covers January–May, 3 January June–December of the year before', () => {
    expect(monitoringPeriod('2026-06-03')).toEqual({ start: '2026-01-01', end: '2026-05-31' });
    expect(monitoringPeriod('2026-01-03')).toEqual({ start: '2025-06-01', end: '2025-12-31' });
    expect(() => monitoringPeriod('2026-02-03')).toThrow(RangeError);
  });

  it('a contract for 2025 asks for monitoring reports by 3.6.2025 and 3.1.2026 and the final report by 3.1.2026', () => {
    expect(expectedReports({ starts_on: '2025-01-01', ends_on: '2025-12-31' })).toEqual([
      { kind: 'monitoring', periodStart: '2025-01-01', periodEnd: '2025-05-31', dueOn: '2025-06-03' },
      { kind: 'monitoring', periodStart: '2025-06-01', periodEnd: '2025-12-31', dueOn: '2026-01-03' },
      { kind: 'final', periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-01-03' },
    ]);
  });

  it('periods are clipped to the contract, and after an early end the final report replaces later monitoring reports', () => {
    expect(expectedReports({ starts_on: '2025-09-15', ends_on: '2026-03-15' })).toEqual([
      { kind: 'monitoring', periodStart: '2025-09-15', periodEnd: '2025-12-31', dueOn: '2026-01-03' },
      { kind: 'final', periodStart: '2025-09-15', periodEnd: '2026-03-15', dueOn: '2026-03-25' },
    ]);
  });

  it('reminders 14 and 3 days before, and once the date has passed', () => {
    expect(reminderFor('2026-06-03', '2026-05-20')).toBe('d14');
    expect(reminderFor('2026-06-03', '2026-05-31')).toBe('d3');
    expect(reminderFor('2026-06-03', '2026-06-03')).toBeNull();
    expect(reminderFor('2026-06-03', '2026-06-04')).toBe('overdue');
    expect(reminderFor('2026-06-03', '2026-05-25')).toBeNull();
  });
});
