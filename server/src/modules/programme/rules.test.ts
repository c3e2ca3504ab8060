import { describe, expect, it } from 'vitest';
import { defaultMonth, ganttBar, isOverdue, monthBounds, parseTimeframe, periodMonths, runsInMonth } from './rules.js';
import { readBundledPlan } from './plan-data.js';

const YEAR_2024 = { start: '2024-01-01', end: '2024-12-31' };

describe('D-PLAN rules', () => {
  it('D-PLAN: a general timeframe is a year or a range of years', () => {
    expect(parseTimeframe('2024')).toEqual({ from: 2024, to: 2024 });
    expect(parseTimeframe('2024–2027')).toEqual({ from: 2024, to: 2027 });
    expect(parseTimeframe('2023-2024')).toEqual({ from: 2023, to: 2024 });
    expect(parseTimeframe('2027–2024')).toBeNull();
    expect(parseTimeframe('kevad 2024')).toBeNull();
  });

  it('D-PLAN overdue: open and its end date passed; the end day itself is not overdue; done and cancelled never are', () => {
    const s = { endsOn: '2024-06-30', status: 'in_progress' as const };
    expect(isOverdue(s, '2024-06-30')).toBe(false);
    expect(isOverdue(s, '2024-07-01')).toBe(true);
    expect(isOverdue({ ...s, status: 'planned' }, '2024-07-01')).toBe(true);
    expect(isOverdue({ ...s, status: 'done' }, '2026-01-01')).toBe(false);
    expect(isOverdue({ ...s, status: 'cancelled' }, '2026-01-01')).toBe(false);
  });

  it('D-PLAN month list: a sub-activity runs in every month its dates touch, both ends included (29.02.2024 is in February)', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2023-02')).toEqual({ first: '2023-02-01', last: '2023-02-28' });
    const star2 = { startsOn: '2024-01-01', endsOn: '2024-02-29' };
    expect(runsInMonth(star2, '2024-02')).toBe(true);
    expect(runsInMonth(star2, '2024-03')).toBe(false);
    const fromMay30 = { startsOn: '2024-05-30', endsOn: '2024-08-31' };
    expect(runsInMonth(fromMay30, '2024-05')).toBe(true);
    expect(runsInMonth(fromMay30, '2024-04')).toBe(false);
    expect(runsInMonth(fromMay30, '2024-09')).toBe(false);
  });

  it('D-PLAN month list opens on this month, moved into the plan year', () => {
    expect(defaultMonth('2024-05-17', YEAR_2024)).toBe('2024-05');
    expect(defaultMonth('2026-11-22', YEAR_2024)).toBe('2024-12');
    expect(defaultMonth('2023-11-22', YEAR_2024)).toBe('2024-01');
    expect(periodMonths(YEAR_2024)).toHaveLength(12);
  });

  it('D-PLAN Gantt: bars are fractions of the plan year; a bar past the year is cut and says so', () => {
    const whole = ganttBar({ startsOn: '2024-01-01', endsOn: '2024-12-31' }, YEAR_2024);
    expect(whole).toEqual({ offset: 0, length: 1, cutBefore: false, cutAfter: false, outside: false });
    const star2 = ganttBar({ startsOn: '2024-01-01', endsOn: '2024-02-29' }, YEAR_2024);
    expect(star2.length).toBeCloseTo(60 / 366, 10);
    const to2027 = ganttBar({ startsOn: '2024-01-01', endsOn: '2027-12-31' }, YEAR_2024);
    expect(to2027).toMatchObject({ offset: 0, length: 1, cutAfter: true });
    const october = ganttBar({ startsOn: '2024-10-01', endsOn: '2024-10-31' }, YEAR_2024);
    expect(october.offset).toBeCloseTo(274 / 366, 10);
    expect(ganttBar({ startsOn: '2023-01-01', endsOn: '2023-12-31' }, YEAR_2024).outside).toBe(true);
  });
});

describe('D-PLAN: the 2024 plan file read from seed 000', () => {
  const plan = readBundledPlan(2024);
  const all = plan.activities.flatMap((a) => a.measures.flatMap((m) => m.subactivities.map((s) => ({ a, m, s }))));
  const find = (code: string, measure: string, no: number) => all.find((x) => x.a.code === code && x.m.title.startsWith(measure) && x.s.no === no)!.s;

  it('D-PLAN: activities 2.1–2.7 with 23 measures and 58 dated sub-activities, every implementer one of TAI, SoM, SKA, TEHIK', () => {
    expect(plan.activities.map((a) => a.code)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7']);
    expect(plan.activities.flatMap((a) => a.measures)).toHaveLength(23);
    expect(all).toHaveLength(58);
    expect(new Set(plan.activities.flatMap((a) => a.measures.flatMap((m) => m.implementers)))).toEqual(new Set(['TAI', 'SoM', 'SKA', 'TEHIK']));
    expect(plan.activities.flatMap((a) => a.measures).filter((m) => m.grantMeasure).map((m) => m.grantMeasure)).toEqual(['signs_of_safety', 'perepesa']);
  });

  it('D-PLAN: the seed’s odd dates are read and noted — 31.06.2024, the 2.4 table dated 2023, 31.12-2024, 01.–31.10.2024, ends in 2027', () => {
    const june31 = find('2.1', 'Ämmaemanda', 2);
    expect(june31).toMatchObject({ dates: '01.04.2024–31.06.2024', start: '2024-04-01', end: '2024-06-30' });
    expect(june31.note).toContain('31.06.2024');
    const dated2023 = find('2.4', 'Asendushooldusteenuse', 1);
    expect(dated2023).toMatchObject({ dates: '01.01.2023–31.12.2023', start: '2024-01-01', end: '2024-12-31' });
    expect(dated2023.note).toContain('2023');
    expect(find('2.3', 'Lastekaitse juhtumikorralduse', 4)).toMatchObject({ dates: '01.05.2024–31.12-2024', end: '2024-12-31' });
    expect(find('2.7', 'Perepesade', 2)).toMatchObject({ dates: '01.–31.10.2024', start: '2024-10-01', end: '2024-10-31' });
    expect(find('2.3', 'Lastekaitsesüsteemi', 1)).toMatchObject({ end: '2027-12-31' });
    // Every row whose ISO dates are not the written ones carries a note.
    const written = (iso: string) => `${iso.slice(8)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    for (const { s } of all) if (s.dates !== `${written(s.start)}–${written(s.end)}`) expect(s.note, s.title).toBeTruthy();
  });
});
