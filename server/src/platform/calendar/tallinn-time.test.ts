import { describe, expect, it } from 'vitest';
import { formatTallinnDateTimeEt, isWallTime, minutesOfDay, startOfTallinnDay, tallinnInstant, tallinnOffsetMinutes, tallinnWallClock } from './tallinn-time.js';

// 2026: summer time starts Sunday 29 March at 03:00 (→ 04:00), ends Sunday 25 October at 04:00 (→ 03:00).
describe('Tallinn wall clock (X-CAL, daylight saving)', () => {
  it('winter is UTC+2, summer UTC+3', () => {
    expect(tallinnOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(120);
    expect(tallinnOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(180);
    expect(tallinnInstant('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(tallinnInstant('2026-07-15', '10:00').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('the same 10:00 is an hour apart in UTC before and after the March change', () => {
    expect(tallinnInstant('2026-03-28', '10:00').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(tallinnInstant('2026-03-30', '10:00').toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('a time in the spring gap moves forward by the gap; times around it are exact', () => {
    expect(tallinnInstant('2026-03-29', '02:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(tallinnInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(tallinnWallClock(tallinnInstant('2026-03-29', '03:30')).time).toBe('04:30');
    expect(tallinnInstant('2026-03-29', '04:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('a time in the autumn overlap is its first occurrence', () => {
    expect(tallinnInstant('2026-10-25', '03:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(tallinnWallClock(new Date('2026-10-25T01:30:00Z'))).toEqual({ date: '2026-10-25', time: '03:30' });
    expect(tallinnInstant('2026-10-25', '05:00').toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('round trip, display and day starts', () => {
    for (const iso of ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:00Z', '2026-10-25T01:00:00Z', '2026-12-31T22:30:00Z']) {
      const { date, time } = tallinnWallClock(new Date(iso));
      if (!(date === '2026-10-25' && time.startsWith('03'))) expect(tallinnInstant(date, time).toISOString()).toBe(new Date(iso).toISOString());
    }
    expect(formatTallinnDateTimeEt(new Date('2026-12-31T22:30:00Z'))).toBe('01.01.2027 00:30');
    expect(startOfTallinnDay('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(startOfTallinnDay('2026-10-26').toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });

  it('validates HH:mm', () => {
    expect(isWallTime('09:30')).toBe(true);
    expect(isWallTime('24:00')).toBe(false);
    expect(isWallTime('9:30')).toBe(false);
    expect(minutesOfDay('17:45')).toBe(1065);
    expect(() => minutesOfDay('25:00')).toThrow(RangeError);
  });
});
