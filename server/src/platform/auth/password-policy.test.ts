import { describe, expect, it } from 'vitest';
import {
  COMMON_PASSWORDS,
  PASSPHRASE_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  checkPasswordPolicy,
} from './password-policy.js';

/** A password of exactly n characters with all four classes (Aa1! then lower-case filler). */
function strongOfLength(n: number): string {
  return `Aa1!${'x'.repeat(n - 4)}`;
}

const problemsOf = (password: string, identity = {}): string[] => {
  const result = checkPasswordPolicy(password, identity);
  return result.ok ? [] : result.problems;
};

describe('X-AUTH password length', () => {
  it('X-AUTH: limits are 12 and 256 characters, passphrases from 16', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    expect(PASSPHRASE_MIN_LENGTH).toBe(16);
  });

  it('X-AUTH: 11 characters is too short, 12 is accepted', () => {
    expect(problemsOf(strongOfLength(11))).toEqual(['too_short']);
    expect(checkPasswordPolicy(strongOfLength(12))).toEqual({ ok: true });
  });

  it('X-AUTH: 256 characters is accepted, 257 is too long (reported alone)', () => {
    expect(checkPasswordPolicy(strongOfLength(256))).toEqual({ ok: true });
    expect(checkPasswordPolicy(strongOfLength(257))).toEqual({ ok: false, problems: ['too_long'] });
    expect(problemsOf('a'.repeat(10_000))).toEqual(['too_long']);
  });

  it('X-AUTH: length counts characters, not UTF-16 units or combining marks', () => {
    // 11 × 'õ' written decomposed (o + U+0303) is 22 UTF-16 units but 11 characters.
    expect(problemsOf(`Õ1!${'o\u0303'.repeat(8)}`)).toEqual(['too_short']);
    // 12 characters including two astral emoji (4 UTF-16 units).
    expect(checkPasswordPolicy('Aa1!xxxxxx🙂🙂')).toEqual({ ok: true });
    expect(problemsOf('Aa1!xxxxx🙂🙂')).toEqual(['too_short']);
  });

  it('X-AUTH: empty password is too short and too simple', () => {
    expect(problemsOf('')).toEqual(['too_short', 'too_simple']);
  });
});

describe('X-AUTH character classes and passphrases', () => {
  it('X-AUTH: 15 characters with only 2 classes is too simple; 3 classes pass', () => {
    expect(problemsOf('abcdefghijklm12')).toEqual(['too_simple']);
    expect(checkPasswordPolicy('abcdefghijklM12')).toEqual({ ok: true });
    expect(checkPasswordPolicy('abcdefghijkl!12')).toEqual({ ok: true });
    expect(checkPasswordPolicy('ABCDEFGHIJK!x-z')).toEqual({ ok: true });
  });

  it('X-AUTH: 16 characters or more need no classes (passphrase)', () => {
    expect(problemsOf('kaskedlinnuvaade')).toEqual([]);
    expect(problemsOf('kaskedlinnuvaad')).toEqual(['too_simple']);
    expect(checkPasswordPolicy('roheline konn hüppab')).toEqual({ ok: true });
  });

  it('X-AUTH: Estonian and Cyrillic letters count as lower/upper case', () => {
    expect(checkPasswordPolicy('Õunapuu-äärel7')).toEqual({ ok: true });
    expect(checkPasswordPolicy('Ёжикvтумане12')).toEqual({ ok: true });
    expect(problemsOf('ёжиквтумане1')).toEqual(['too_simple']);
  });
});

describe('X-AUTH common passwords', () => {
  it.each(['password123456', 'qwertyuiop12', 'salasona1234', 'salasõna1234', 'parool123456', 'пароль123456'])(
    'X-AUTH: %s is rejected as common',
    (password) => {
      expect(problemsOf(password)).toContain('common');
    },
  );

  it('X-AUTH: the check ignores case (Password123456, QWERTYUIOP12)', () => {
    expect(problemsOf('Password123456')).toEqual(['common']);
    expect(problemsOf('QWERTYUIOP12')).toContain('common');
  });

  it('X-AUTH: the list has ~50+ entries, all lower-case and ≥ 12 characters (shorter ones are dead weight)', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(50);
    for (const entry of COMMON_PASSWORDS) {
      expect(entry).toBe(entry.toLowerCase());
      expect([...entry].length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(problemsOf(entry)).toContain('common');
    }
  });

  it('X-AUTH: a strong password that merely resembles a common one passes', () => {
    expect(checkPasswordPolicy('Password123456-Kass')).toEqual({ ok: true });
  });
});

describe('X-AUTH identity in password', () => {
  const identity = { email: 'mari.tamm@tallinn.ee', name: 'Mari-Liis Tamm' };

  it('X-AUTH: equal to the e-mail local part (padded to length) is rejected', () => {
    expect(problemsOf('mari.tamm', identity)).toEqual(['too_short', 'contains_identity', 'too_simple']);
    expect(problemsOf('Mari.Tamm!2024', identity)).toEqual(['contains_identity']);
  });

  it('X-AUTH: containing the name or a part of it is rejected, ignoring case and diacritics', () => {
    expect(problemsOf('Xy7!marililltamm', identity)).toContain('contains_identity');
    expect(problemsOf('Kevad!2025Tamm', identity)).toEqual(['contains_identity']);
    expect(problemsOf('TÄMM-kevad-2025', { name: 'Tamm' })).toEqual(['contains_identity']);
    expect(problemsOf('Sinu-OIE-2025x', { name: 'Õie Sõber' })).toEqual([]); // 'õie' is 3 letters: ignored
    expect(problemsOf('Sinu-SOBER-2025', { name: 'Õie Sõber' })).toEqual(['contains_identity']);
  });

  it('X-AUTH: the joined full name is checked too (MariLiisTamm)', () => {
    expect(problemsOf('xMariLiisTammx', { name: 'Mari Liis Tamm' })).toContain('contains_identity');
  });

  it('X-AUTH: identity fragments under 4 characters are ignored (Ann, Eva)', () => {
    expect(checkPasswordPolicy('Annapurna!2025', { email: 'ann@x.ee', name: 'Ann Eva' })).toEqual({ ok: true });
  });

  it('X-AUTH: unrelated strong password with identity given passes; missing identity is fine', () => {
    expect(checkPasswordPolicy('Roheline!Konn42', identity)).toEqual({ ok: true });
    expect(checkPasswordPolicy('Roheline!Konn42', { email: null, name: null })).toEqual({ ok: true });
    expect(checkPasswordPolicy('Roheline!Konn42')).toEqual({ ok: true });
  });
});
