import fc from 'fast-check';

/**
 * Hostile values, by the kind of field they are aimed at. Each is something a
 * careless parser, validator or database column chokes on; a sound server
 * answers every one of them with a 2xx or a 4xx.
 */

const HUGE = 100_001;

export const HOSTILE_STRINGS: readonly string[] = [
  // huge
  'A'.repeat(HUGE),
  'ž'.repeat(HUGE),
  '<'.repeat(HUGE),
  // unicode: RTL override, zero-width, BOM, emoji with joiners and skin tones, combining marks, lone surrogates, NUL, line separators
  '\u202Eenot\u202C Tamm',
  'Ma\u200Bri\u200C\u200D\uFEFF',
  '👨‍👩‍👧‍👦🧒🏽👶🏿',
  'Z̷̡̛̤͙a̸̧̛l̷g̶o̵ T̸a̶m̵m̷',
  '\uD800',
  'lone \uDC00 low',
  'a\u0000b',
  '\u0000',
  'line\u2028sep\u2029para\u0085nel',
  'Ｋａｔｉ　Ｋａｒｕ',
  'Õie Ülle Šarlota Žanna Äär',
  '\t\r\n',
  ' ',
  '',
  // SQL
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "Robert'); DELETE FROM people; --",
  '" OR ""="',
  "%' AND 1=1 --",
  '\\',
  "$$; select 1; $$",
  "E'\\x00'",
  '%_%',
  // HTML / JS / templates / prototype keys
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  "{{constructor.constructor('alert(1)')()}}",
  '${7*7}',
  '__proto__',
  'constructor',
  // formula injection
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  // paths and encodings
  '../../../../etc/passwd',
  '%00',
  '%ED%A0%80',
  'C:\\Windows\\system32',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 2147483648, -2147483649, -0, 0, -1, 1.5, 1e-300, 5e-324, 123456789012,
];

export const HOSTILE_NUMBER_STRINGS: readonly string[] = ['1e308', '9223372036854775808', '-9223372036854775809', '-0', '0x10', 'NaN', 'Infinity', '-Infinity', '1e5', ' 1', '1.0', '01', '2147483648', '-1', '1_000'];

export const BAD_DATES: readonly string[] = [
  '2025-02-29',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '0000-01-01',
  '2024-02-30T25:00',
  '2024-02-30',
  '2024-04-31',
  '9999-12-31',
  '10000-01-01',
  '-2024-01-01',
  '1900-01-01',
  '1800-02-29',
  '2024-1-1',
  '2024-02-29T24:00:00Z',
  '2024-12-31T23:59:60Z',
  '2024-06-01T12:00:00+99:00',
  '2024-06-01 12:00',
  '01.06.2024',
  'today',
  '2024-W23',
  '2024-06',
];

export const VALID_EDGE_DATES: readonly string[] = ['2024-02-29', '2000-02-29', '1970-01-01', '2027-12-31', '2026-01-01'];

/** Estonian personal code (isikukood): GYYMMDDSSSC with the two-pass mod-11 check digit. */
export function personalCodeCheckDigit(first10: string): number {
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
  const w2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];
  const sum = (w: number[]) => w.reduce((s, k, i) => s + k * Number(first10[i]), 0) % 11;
  const a = sum(w1);
  if (a < 10) return a;
  const b = sum(w2);
  return b < 10 ? b : 0;
}

export function personalCode(first10: string): string {
  return `${first10}${personalCodeCheckDigit(first10)}`;
}

function wrongCheck(first10: string): string {
  return `${first10}${(personalCodeCheckDigit(first10) + 1) % 10}`;
}

export const BAD_PERSONAL_CODES: readonly string[] = [
  wrongCheck('5100101000'), // right shape, wrong check digit
  personalCode('6230229000'), // 2023-02-29: no such day, right check digit
  personalCode('6241301000'), // month 13
  personalCode('6240230000'), // 30 February
  personalCode('6240000000'), // day 0
  personalCode('9240101000'), // century digit 9
  personalCode('0240101000'), // century digit 0
  '3900101000', // ten digits
  '390010100000', // twelve digits
  '3900101000X',
  '39001010001 ',
  '+3900101000',
  '-39001010001',
  '３９００１０１００１０',
];

/** Valid codes, including 29 February of a leap year: they must be accepted, not refused. */
export const VALID_PERSONAL_CODES: readonly string[] = [personalCode('6240229000'), personalCode('5000229002'), personalCode('3900101001'), personalCode('4991231998')];

/**
 * JSON nested `levels` deep, kept as text: JSON.stringify of a 5,000-level
 * object would overflow the test's own stack. `toJson` splices it in.
 */
export class DeepJson {
  constructor(readonly raw: string) {}
  toJSON() {
    return `\u0001deep:${DEEP_VALUES.indexOf(this)}\u0001`;
  }
}

export function deep(levels: number, kind: 'array' | 'object'): DeepJson {
  return new DeepJson(kind === 'array' ? `${'['.repeat(levels)}"bottom"${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}"bottom"${'}'.repeat(levels)}`);
}

/** JSON.stringify that writes deep values in full. */
export function toJson(value: unknown): string {
  if (value instanceof DeepJson) return value.raw;
  const text = JSON.stringify(value) ?? 'null';
  return text.includes('\\u0001deep:') ? text.replace(/"\\u0001deep:(\d+)\\u0001"/g, (_, i: string) => DEEP_VALUES[Number(i)]!.raw) : text;
}

export const DEEP_VALUES: readonly DeepJson[] = [deep(5_000, 'array'), deep(5_000, 'object'), deep(100, 'object')];

/** Values of the wrong type for any field. */
export const WRONG_TYPES: readonly unknown[] = [null, true, false, 0, -1, 1e308, '', 'x', [], [1, 2], [{}], {}, { a: 1 }, { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"polluted":1}}'), [null]];

/** Characters PostgreSQL text cannot hold or that are not Unicode at all: the likeliest 500s, so drawn more often. */
export const UNSTORABLE_STRINGS: readonly string[] = ['a\u0000b', '\u0000', 'x\uD800y', 'lone \uDC00 low', '\uDBFF'];

export const hostileString = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) }, { weight: 1, arbitrary: fc.constantFrom(...UNSTORABLE_STRINGS) });
export const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS);
export const badDate = fc.constantFrom(...BAD_DATES);
export const badPersonalCode = fc.constantFrom(...BAD_PERSONAL_CODES);
export const wrongType = fc.constantFrom(...WRONG_TYPES);
export const deepValue = fc.constantFrom(...DEEP_VALUES);

/** Anything hostile, of any type. */
export const anyHostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: badDate },
  { weight: 1, arbitrary: badPersonalCode },
  { weight: 2, arbitrary: wrongType },
  { weight: 1, arbitrary: deepValue },
);
