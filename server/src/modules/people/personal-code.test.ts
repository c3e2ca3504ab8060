import { describe, expect, it } from 'vitest';
import { InvalidDateError } from '../../platform/calendar/working-days.js';
import {
  ageOn,
  isValidPersonalCode,
  normalisePersonalCode,
  parsePersonalCode,
  personalCodeCheckDigit,
} from './personal-code.js';

/** Independent reference for the two weighted sums, to prove which stage a fixture exercises. */
function stageRemainders(code: string): [number, number] {
  const d = [...code.slice(0, 10)].map(Number);
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
  const w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];
  const sum = (w: number[]): number => d.reduce((acc, digit, i) => acc + digit * (w[i] ?? 0), 0);
  return [sum(w1) % 11, sum(w2) % 11];
}

describe('X-ID valid codes', () => {
  it.each([
    ['37605030299', '1976-05-03', 'male'],
    ['49403136526', '1994-03-13', 'female'],
    ['38001085718', '1980-01-08', 'male'],
  ] as const)('X-ID: %s is valid, born %s, %s', (code, birthDate, sex) => {
    expect(parsePersonalCode(code)).toEqual({ ok: true, birthDate, sex });
    expect(isValidPersonalCode(code)).toBe(true);
  });

  it('X-ID: first-stage remainder 10 → second weights decide (51001010028, check digit 8 = second remainder)', () => {
    expect(stageRemainders('51001010028')).toEqual([10, 8]);
    expect(personalCodeCheckDigit('5100101002')).toBe(8);
    expect(parsePersonalCode('51001010028')).toEqual({ ok: true, birthDate: '2010-01-01', sex: 'male' });
    // The first-stage remainder (10) is not a digit, and the second must be used, not 1 or 0.
    expect(isValidPersonalCode('51001010020')).toBe(false);
  });

  it('X-ID: both remainders 10 → check digit 0 (51001010380)', () => {
    expect(stageRemainders('51001010380')).toEqual([10, 10]);
    expect(personalCodeCheckDigit('5100101038')).toBe(0);
    expect(parsePersonalCode('51001010380')).toEqual({ ok: true, birthDate: '2010-01-01', sex: 'male' });
  });

  it('X-ID: second-stage remainder is 10 but first is not → first remainder stands (38001085718)', () => {
    expect(stageRemainders('38001085718')).toEqual([8, 10]);
    expect(personalCodeCheckDigit('3800108571')).toBe(8);
  });

  it('X-ID: century digits map 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s, 7/8 → 2100s; odd = male', () => {
    expect(parsePersonalCode('10001010024')).toEqual({ ok: true, birthDate: '1800-01-01', sex: 'male' });
    expect(parsePersonalCode('20012310019')).toEqual({ ok: true, birthDate: '1800-12-31', sex: 'female' });
    expect(parsePersonalCode('70101010011')).toEqual({ ok: true, birthDate: '2101-01-01', sex: 'male' });
    expect(parsePersonalCode('89912310015')).toEqual({ ok: true, birthDate: '2199-12-31', sex: 'female' });
  });
});

describe('X-ID invalid codes', () => {
  it('X-ID: wrong check digit → checksum', () => {
    for (const code of ['37605030290', '37605030298', '49403136527', '38001085710']) {
      expect(parsePersonalCode(code)).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('X-ID: century digit 0 and 9 → century (even with a matching check digit)', () => {
    expect(personalCodeCheckDigit('0760503002')).toBe(3);
    expect(parsePersonalCode('07605030023')).toEqual({ ok: false, reason: 'century' });
    expect(personalCodeCheckDigit('9760503002')).toBe(1);
    expect(parsePersonalCode('97605030021')).toEqual({ ok: false, reason: 'century' });
  });

  it('X-ID: 30 February → date (check digit otherwise correct)', () => {
    expect(personalCodeCheckDigit('5250230002')).toBe(4);
    expect(parsePersonalCode('52502300024')).toEqual({ ok: false, reason: 'date' });
  });

  it('X-ID: 29 Feb 2000 is valid (leap), 29 Feb 1900 and 1800 are not, 29 Feb 2024 is valid', () => {
    expect(parsePersonalCode('50002290024')).toEqual({ ok: true, birthDate: '2000-02-29', sex: 'male' });
    expect(parsePersonalCode('30002290022')).toEqual({ ok: false, reason: 'date' });
    expect(parsePersonalCode('10002290020')).toEqual({ ok: false, reason: 'date' });
    expect(parsePersonalCode('62402290029')).toEqual({ ok: true, birthDate: '2024-02-29', sex: 'female' });
    expect(parsePersonalCode('62302290027')).toEqual({ ok: false, reason: 'date' }); // 2023 not leap
  });

  it('X-ID: month 13, day 32 and day 00 → date', () => {
    expect(parsePersonalCode('49413130025')).toEqual({ ok: false, reason: 'date' });
    expect(parsePersonalCode('37605320026')).toEqual({ ok: false, reason: 'date' });
    expect(parsePersonalCode('37605000027')).toEqual({ ok: false, reason: 'date' });
  });

  it.each(['3760503029', '376050302991', '', '3760503029O', 'abcdefghijk', '3760503029 ', ' 37605030299', '3760-503029', '３７６０５０３０２９９'])(
    'X-ID: %j → format',
    (code) => {
      expect(parsePersonalCode(code)).toEqual({ ok: false, reason: 'format' });
      expect(isValidPersonalCode(code)).toBe(false);
    },
  );

  it('X-ID: the EE prefix is a format error unless normalised first', () => {
    expect(parsePersonalCode('EE38001085718')).toEqual({ ok: false, reason: 'format' });
    expect(isValidPersonalCode(normalisePersonalCode('EE38001085718'))).toBe(true);
  });
});

describe('X-ID normalisation', () => {
  it.each([
    ['EE38001085718', '38001085718'],
    ['ee38001085718', '38001085718'],
    ['  38001085718\n', '38001085718'],
    [' EE38001085718 ', '38001085718'],
    ['PNOEE-38001085718', '38001085718'],
    ['38001085718', '38001085718'],
    ['EEabc', 'EEabc'],
    ['LV12345678901', 'LV12345678901'],
  ])('X-ID: normalisePersonalCode(%j) = %j', (input, expected) => {
    expect(normalisePersonalCode(input)).toBe(expected);
  });
});

describe('X-ID age from birth date', () => {
  it('X-ID: age the day before, on and after the birthday (born 1976-05-03)', () => {
    expect(ageOn('1976-05-03', '2025-05-02')).toBe(48);
    expect(ageOn('1976-05-03', '2025-05-03')).toBe(49);
    expect(ageOn('1976-05-03', '2025-05-04')).toBe(49);
  });

  it('X-ID: age 0 on the birth date, 1 on the first birthday', () => {
    expect(ageOn('2024-06-15', '2024-06-15')).toBe(0);
    expect(ageOn('2024-06-15', '2025-06-14')).toBe(0);
    expect(ageOn('2024-06-15', '2025-06-15')).toBe(1);
  });

  it('X-ID: born 29 Feb 2024 — in non-leap 2025 turns 1 on 1 March, not 28 Feb', () => {
    expect(ageOn('2024-02-29', '2025-02-28')).toBe(0);
    expect(ageOn('2024-02-29', '2025-03-01')).toBe(1);
    expect(ageOn('2024-02-29', '2028-02-28')).toBe(3);
    expect(ageOn('2024-02-29', '2028-02-29')).toBe(4);
  });

  it('X-ID: age derived from a code (18th birthday of 50002290024 is 2018-03-01)', () => {
    const parsed = parsePersonalCode('50002290024');
    if (!parsed.ok) throw new Error('fixture must be valid');
    expect(ageOn(parsed.birthDate, '2018-02-28')).toBe(17);
    expect(ageOn(parsed.birthDate, '2018-03-01')).toBe(18);
  });

  it('X-ID: an unborn child (expected birth date after onDate) is age 0, not an error', () => {
    expect(ageOn('2026-01-10', '2025-12-01')).toBe(0);
    expect(ageOn('2026-01-10', '2025-01-11')).toBe(0);
    expect(ageOn('2026-01-10', '2026-01-10')).toBe(0);
  });

  it('X-ID: invalid dates throw InvalidDateError', () => {
    expect(() => ageOn('2025-02-30', '2025-12-01')).toThrow(InvalidDateError);
    expect(() => ageOn('2025-01-01', '2025-13-01')).toThrow(InvalidDateError);
  });
});
