import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InvalidDateError,
  addCalendarDays,
  addMonths,
  addWorkingDays,
  assertIsoDate,
  compareIsoDates,
  formatDateEt,
  isIsoDate,
  isPublicHoliday,
  isWorkingDay,
  isoWeekday,
  nextWorkingDayOnOrAfter,
  publicHolidays,
  todayInTallinn,
  workingDaysBetween,
} from './working-days.js';

/**
 * Independent reference for the spec's holiday list: Easter by the anonymous
 * Gregorian (Meeus/Jones/Butcher) algorithm, the rest fixed dates. Used to
 * check that date-holidays' 'public' set for EE equals exactly what X-CAL lists.
 */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function utcShift(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function specHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '02-24', '05-01', '06-23', '06-24', '08-20', '12-24', '12-25', '12-26'];
  return [...fixed.map((md) => `${year}-${md}`), utcShift(easter, -2), easter, utcShift(easter, 49)].sort();
}

describe('X-CAL spec example', () => {
  it('X-CAL: 5 working days from Friday 2024-12-20 is Thursday 2025-01-02', () => {
    expect(isoWeekday('2024-12-20')).toBe(5);
    expect(addWorkingDays('2024-12-20', 5)).toBe('2025-01-02');
    expect(isoWeekday('2025-01-02')).toBe(4);
  });

  it('X-CAL: the counted days are 23, 27, 30, 31 Dec and 2 Jan (24–26 Dec and 1 Jan skipped)', () => {
    const counted = [1, 2, 3, 4, 5].map((n) => addWorkingDays('2024-12-20', n));
    expect(counted).toEqual(['2024-12-23', '2024-12-27', '2024-12-30', '2024-12-31', '2025-01-02']);
  });

  it('X-CAL: workingDaysBetween agrees with the example (5)', () => {
    expect(workingDaysBetween('2024-12-20', '2025-01-02')).toBe(5);
    expect(workingDaysBetween('2024-12-20', '2025-01-01')).toBe(4);
  });
});

describe('X-CAL public holiday set equals the spec list', () => {
  for (const year of [2005, 2010, 2019, 2024, 2025, 2026, 2027, 2030, 2038, 2040]) {
    it(`X-CAL: date-holidays 'public' days for EE ${year} are exactly the spec's 12 dates`, () => {
      expect([...publicHolidays(year)].sort()).toEqual(specHolidays(year));
    });
  }

  it("X-CAL: 'observance' days reported by date-holidays are working days (6 Jan, 14 Mar, 4 Jun, Mother's Day 2024)", () => {
    // 6 Jan 2025 is a Monday, 14 Mar 2025 a Friday, 4 Jun 2025 a Wednesday.
    for (const d of ['2025-01-06', '2025-03-14', '2025-06-04', '2024-11-02']) {
      expect(isPublicHoliday(d)).toBe(false);
    }
    expect(isWorkingDay('2025-01-06')).toBe(true);
    expect(isWorkingDay('2025-03-14')).toBe(true);
    expect(isWorkingDay('2025-06-04')).toBe(true);
  });

  it('X-CAL: 31 Dec is not a holiday (2024-12-31 is a Tuesday working day)', () => {
    expect(isPublicHoliday('2024-12-31')).toBe(false);
    expect(isWorkingDay('2024-12-31')).toBe(true);
  });

  it('X-CAL: holidays are cached per year (same Set instance)', () => {
    expect(publicHolidays(2031)).toBe(publicHolidays(2031));
  });
});

describe('X-CAL movable feasts', () => {
  it('X-CAL: Good Friday 2024-03-29 and Easter Sunday 2024-03-31', () => {
    expect(isPublicHoliday('2024-03-29')).toBe(true);
    expect(isPublicHoliday('2024-03-31')).toBe(true);
    expect(isWorkingDay('2024-03-29')).toBe(false);
    // Maundy Thursday and Easter Monday are ordinary working days in Estonia.
    expect(isWorkingDay('2024-03-28')).toBe(true);
    expect(isWorkingDay('2024-04-01')).toBe(true);
  });

  it('X-CAL: Good Friday 2025-04-18 and Easter Sunday 2025-04-20', () => {
    expect(isPublicHoliday('2025-04-18')).toBe(true);
    expect(isPublicHoliday('2025-04-20')).toBe(true);
    expect(isPublicHoliday('2025-04-17')).toBe(false);
    expect(isPublicHoliday('2025-04-21')).toBe(false);
  });

  it('X-CAL: Pentecost is 2024-05-19 and 2025-06-08 (Sundays; Whit Monday works)', () => {
    expect(isPublicHoliday('2024-05-19')).toBe(true);
    expect(isPublicHoliday('2025-06-08')).toBe(true);
    expect(isPublicHoliday('2025-06-09')).toBe(false);
    expect(isWorkingDay('2025-06-09')).toBe(true);
  });

  it('X-CAL: deadline across Good Friday 2025: 1 working day from Thu 17.04 is Mon 21.04', () => {
    expect(addWorkingDays('2025-04-17', 1)).toBe('2025-04-21');
  });
});

describe('X-CAL fixed holidays', () => {
  it('X-CAL: 1 Jan and 24 Feb are holidays; 24 Feb 2025 (Monday) is not a working day', () => {
    expect(isPublicHoliday('2025-01-01')).toBe(true);
    expect(isPublicHoliday('2025-02-24')).toBe(true);
    expect(isWorkingDay('2025-02-24')).toBe(false);
    expect(addWorkingDays('2025-02-21', 1)).toBe('2025-02-25');
  });

  it('X-CAL: 1 May 2025 (Thursday) is skipped', () => {
    expect(addWorkingDays('2025-04-30', 1)).toBe('2025-05-02');
  });

  it('X-CAL: 23–24 June 2025 (Mon–Tue) are both skipped', () => {
    expect(isPublicHoliday('2025-06-23')).toBe(true);
    expect(isPublicHoliday('2025-06-24')).toBe(true);
    expect(isPublicHoliday('2025-06-22')).toBe(false);
    expect(isPublicHoliday('2025-06-25')).toBe(false);
    expect(addWorkingDays('2025-06-20', 1)).toBe('2025-06-25');
    expect(workingDaysBetween('2025-06-20', '2025-06-27')).toBe(3);
  });

  it('X-CAL: 20 August 2024 (Tuesday) is skipped', () => {
    expect(isPublicHoliday('2024-08-20')).toBe(true);
    expect(isWorkingDay('2024-08-20')).toBe(false);
    expect(addWorkingDays('2024-08-19', 1)).toBe('2024-08-21');
  });

  it('X-CAL: Christmas run 24–26 Dec 2025 (Wed–Fri) + weekend: 1 working day from Tue 23.12 is Mon 29.12', () => {
    for (const d of ['2025-12-24', '2025-12-25', '2025-12-26']) expect(isPublicHoliday(d)).toBe(true);
    expect(addWorkingDays('2025-12-23', 1)).toBe('2025-12-29');
    expect(workingDaysBetween('2025-12-23', '2025-12-29')).toBe(1);
  });
});

describe('X-CAL weekends and counting', () => {
  it('X-CAL: Saturday 2025-03-15 and Sunday 2025-03-16 are not working days', () => {
    expect(isoWeekday('2025-03-15')).toBe(6);
    expect(isoWeekday('2025-03-16')).toBe(7);
    expect(isWorkingDay('2025-03-15')).toBe(false);
    expect(isWorkingDay('2025-03-16')).toBe(false);
    expect(isPublicHoliday('2025-03-15')).toBe(false);
    expect(isWorkingDay('2025-03-17')).toBe(true);
  });

  it('X-CAL: counting starts the day after the start date (Mon + 1 = Tue; Fri + 1 = Mon)', () => {
    expect(addWorkingDays('2025-03-10', 1)).toBe('2025-03-11');
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17');
  });

  it('X-CAL: starting on a weekend, the first counted day is Monday', () => {
    expect(addWorkingDays('2025-03-15', 1)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-16', 5)).toBe('2025-03-21');
  });

  it('X-CAL: adding 0 returns the start date unchanged, even on a weekend or holiday', () => {
    expect(addWorkingDays('2025-03-12', 0)).toBe('2025-03-12');
    expect(addWorkingDays('2025-03-15', 0)).toBe('2025-03-15');
    expect(addWorkingDays('2025-12-25', 0)).toBe('2025-12-25');
  });

  it('X-CAL: nextWorkingDayOnOrAfter rolls weekends/holidays forward, keeps working days', () => {
    expect(nextWorkingDayOnOrAfter('2025-03-12')).toBe('2025-03-12');
    expect(nextWorkingDayOnOrAfter('2025-12-24')).toBe('2025-12-29');
    expect(nextWorkingDayOnOrAfter('2024-12-31')).toBe('2024-12-31');
    expect(nextWorkingDayOnOrAfter('2025-01-01')).toBe('2025-01-02');
  });

  it('X-CAL: 10 working days from Wed 2025-03-12 is Wed 2025-03-26', () => {
    expect(addWorkingDays('2025-03-12', 10)).toBe('2025-03-26');
  });

  it('X-CAL: 2025 has 251 working days (365 − 104 weekend days − 10 weekday holidays)', () => {
    // 2025 public holidays on weekdays: 1.01, 24.02, 18.04, 1.05, 23.06, 24.06,
    // 20.08, 24.12, 25.12, 26.12 = 10; Easter and Pentecost are Sundays.
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(365 - 104 - 10);
  });

  it('X-CAL: workingDaysBetween is 0 for the same day and negative when to < from', () => {
    expect(workingDaysBetween('2025-03-12', '2025-03-12')).toBe(0);
    expect(workingDaysBetween('2025-03-14', '2025-03-10')).toBe(-4);
    expect(workingDaysBetween('2025-01-02', '2024-12-20')).toBe(-workingDaysBetween('2024-12-20', '2025-01-02'));
  });

  it('X-CAL: workingDaysBetween(d, addWorkingDays(d, n)) === n for n = 0..30 from several starts', () => {
    for (const start of ['2024-12-20', '2025-03-15', '2025-04-17', '2025-06-20', '2025-12-23']) {
      for (let n = 0; n <= 30; n += 1) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });

  it('X-CAL: addWorkingDays rejects negative and fractional counts', () => {
    expect(() => addWorkingDays('2025-03-12', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-03-12', 1.5)).toThrow(RangeError);
  });
});

describe('X-CAL calendar arithmetic', () => {
  it('X-CAL: leap year 2024 — 2024-02-28 + 1 = 2024-02-29, 2024-02-29 + 1 = 2024-03-01', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(isWorkingDay('2024-02-29')).toBe(true); // a Thursday
  });

  it('X-CAL: year boundary both ways', () => {
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addCalendarDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
  });

  it('X-CAL: addCalendarDays matches a UTC Date reference for 1900–2100', () => {
    // Step through ~73,000 days in strides that hit every weekday and month end.
    let ref = Date.UTC(1900, 0, 1);
    let iso = '1900-01-01';
    for (let i = 0; i < 73_000; i += 97) {
      expect(iso).toBe(new Date(ref).toISOString().slice(0, 10));
      expect(isoWeekday(iso)).toBe(((new Date(ref).getUTCDay() + 6) % 7) + 1);
      iso = addCalendarDays(iso, 97);
      ref += 97 * 86_400_000;
    }
  });

  it('X-CAL: addMonths clamps to month end (2024-01-31 + 1 = 2024-02-29; 2023-01-31 + 1 = 2023-02-28)', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15');
  });

  it('X-CAL: addMonths crosses years and accepts negative months', () => {
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-01-15', 0)).toBe('2025-01-15');
  });

  it('X-CAL: compareIsoDates orders dates', () => {
    expect(compareIsoDates('2024-12-31', '2025-01-01')).toBe(-1);
    expect(compareIsoDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(compareIsoDates('2025-01-02', '2025-01-01')).toBe(1);
  });
});

describe('X-CAL invalid input', () => {
  const invalid = ['2025-02-30', '2023-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '25-01-01', '2025-1-1', '2025-01-01T00:00:00Z', ' 2025-01-01', '', '0000-01-01', 'abcd-ef-gh'];

  it.each(invalid)('X-CAL: %j throws InvalidDateError from every entry point', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => isWorkingDay(value)).toThrow(InvalidDateError);
    expect(() => isPublicHoliday(value)).toThrow(InvalidDateError);
    expect(() => addWorkingDays(value, 1)).toThrow(InvalidDateError);
    expect(() => addWorkingDays(value, 0)).toThrow(InvalidDateError);
    expect(() => workingDaysBetween(value, '2025-01-01')).toThrow(InvalidDateError);
    expect(() => addCalendarDays(value, 1)).toThrow(InvalidDateError);
    expect(() => addMonths(value, 1)).toThrow(InvalidDateError);
    expect(() => formatDateEt(value)).toThrow(InvalidDateError);
  });

  it('X-CAL: InvalidDateError carries a stable code and the offending value', () => {
    try {
      assertIsoDate('2025-02-30');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDateError);
      expect((error as InvalidDateError).code).toBe('invalid_date');
      expect((error as InvalidDateError).value).toBe('2025-02-30');
    }
  });

  it('X-CAL: 2000-02-29 is valid (divisible by 400), 1900-02-29 is not', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });
});

describe('X-CAL Tallinn wall clock and formatting', () => {
  it('X-CAL: todayInTallinn uses Estonian time (UTC+2 in winter)', () => {
    expect(todayInTallinn(new Date('2024-12-31T21:59:59Z'))).toBe('2024-12-31');
    expect(todayInTallinn(new Date('2024-12-31T22:00:00Z'))).toBe('2025-01-01');
  });

  it('X-CAL: todayInTallinn uses Estonian summer time (UTC+3)', () => {
    expect(todayInTallinn(new Date('2024-06-30T20:59:59Z'))).toBe('2024-06-30');
    expect(todayInTallinn(new Date('2024-06-30T21:00:00Z'))).toBe('2024-07-01');
  });

  it('X-CAL: todayInTallinn stays right when instants jump back and forth across midnight and DST (per-minute memo)', () => {
    const instants: [string, string][] = [
      ['2024-12-31T21:59:00.000Z', '2024-12-31'],
      ['2024-12-31T21:59:59.999Z', '2024-12-31'],
      ['2024-12-31T22:00:00.000Z', '2025-01-01'],
      ['2024-12-31T21:59:30.000Z', '2024-12-31'],
      ['2024-03-30T22:00:00.000Z', '2024-03-31'], // the night summer time starts (03:00 → 04:00 on 31.03)
      ['2024-10-26T21:00:00.000Z', '2024-10-27'], // the night it ends, still UTC+3 at midnight
      ['2024-10-26T20:59:59.000Z', '2024-10-26'],
      ['2024-02-29T21:59:59.000Z', '2024-02-29'], // leap day
      ['2024-02-29T22:00:00.000Z', '2024-03-01'],
    ];
    for (const [at, date] of instants) expect(todayInTallinn(new Date(at)), at).toBe(date);
  });

  it('X-CAL: todayInTallinn rejects an invalid Date', () => {
    expect(() => todayInTallinn(new Date('nope'))).toThrow(InvalidDateError);
  });

  it('X-CAL: formatDateEt gives dd.mm.yyyy', () => {
    expect(formatDateEt('2025-01-02')).toBe('02.01.2025');
    expect(formatDateEt('2024-12-20')).toBe('20.12.2024');
  });
});

describe('X-CAL time-zone independence', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // Node re-reads TZ when process.env.TZ is assigned (main thread; Vitest runs
  // with pool 'forks'). CI additionally runs this file with TZ=America/Los_Angeles.
  for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Europe/Tallinn']) {
    it(`X-CAL: key results are identical with TZ=${tz}`, () => {
      process.env.TZ = tz;
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz === 'UTC' ? 'UTC' : tz);
      expect(addWorkingDays('2024-12-20', 5)).toBe('2025-01-02');
      expect(isPublicHoliday('2024-03-29')).toBe(true);
      expect(isPublicHoliday('2025-06-08')).toBe(true);
      expect(isWorkingDay('2024-12-31')).toBe(true);
      expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
      expect(todayInTallinn(new Date('2024-12-31T22:00:00Z'))).toBe('2025-01-01');
      expect([...publicHolidays(2032)].sort()).toEqual(specHolidays(2032));
    });
  }

  it('X-CAL: the implementation never uses local-time Date APIs', () => {
    const source = readFileSync(new URL('./working-days.ts', import.meta.url), 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // comments may name the APIs
    const localApis = /\.(getDate|getDay|getMonth|getFullYear|getYear|getHours|getMinutes|getTimezoneOffset|setDate|setMonth|setFullYear|setHours|toLocaleDateString|toDateString)\(|new Date\(\s*\d|\.start\b/;
    expect(code).not.toMatch(localApis);
  });
});

describe('X-CAL subtractWorkingDays (deadlines before a date)', () => {
  it('counts back over a weekend and the Christmas holidays', async () => {
    const { subtractWorkingDays } = await import('./working-days.js');
    // Thursday 2025-01-02 minus 5 working days is Friday 2024-12-20, the spec's example reversed.
    expect(subtractWorkingDays('2025-01-02', 5)).toBe('2024-12-20');
    // Monday 2024-04-01 (after Easter) minus 1 is Thursday 2024-03-28 (Good Friday 29.03 is a holiday).
    expect(subtractWorkingDays('2024-04-01', 1)).toBe('2024-03-28');
    expect(subtractWorkingDays('2024-03-01', 0)).toBe('2024-03-01');
    expect(() => subtractWorkingDays('2024-03-01', -1)).toThrow(RangeError);
  });
});
