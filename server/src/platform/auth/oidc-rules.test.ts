import { describe, expect, it } from 'vitest';
import { personalCodeCheckDigit } from '../../modules/people/personal-code.js';
import { acrSatisfies, allowedAmr, amrAcceptable, isOidcMethod, personalCodeFromSubject, scopeFor } from './oidc-rules.js';

/** A valid personal code from its first ten digits. */
const code = (firstTen: string) => `${firstTen}${personalCodeCheckDigit(firstTen)}`;

describe('X-AUTH TARA level of assurance (acr)', () => {
  it('X-AUTH: orders levels low < substantial < high', () => {
    expect(acrSatisfies('high', 'high')).toBe(true);
    expect(acrSatisfies('high', 'substantial')).toBe(true);
    expect(acrSatisfies('high', 'low')).toBe(true);
    expect(acrSatisfies('substantial', 'substantial')).toBe(true);
    expect(acrSatisfies('substantial', 'low')).toBe(true);
    expect(acrSatisfies('low', 'low')).toBe(true);
  });

  it('X-AUTH: a lower level than required is refused', () => {
    expect(acrSatisfies('low', 'high')).toBe(false);
    expect(acrSatisfies('substantial', 'high')).toBe(false);
    expect(acrSatisfies('low', 'substantial')).toBe(false);
  });

  it('X-AUTH: fails closed on a missing, unknown or differently written acr, and on an unknown requirement', () => {
    for (const actual of [undefined, null, '', 'HIGH', 'very-high', 3, ['high'], {}]) expect(acrSatisfies(actual, 'low')).toBe(false);
    expect(acrSatisfies('high', 'extreme')).toBe(false);
    expect(acrSatisfies('high', '')).toBe(false);
  });
});

describe('X-AUTH TARA authentication method (amr)', () => {
  it("X-AUTH: knows TARA's four method values", () => {
    expect([...allowedAmr].sort()).toEqual(['eIDAS', 'idcard', 'mID', 'smartid'].sort());
  });

  it('X-AUTH: accepts an array of TARA method values', () => {
    expect(amrAcceptable(['idcard'])).toBe(true);
    expect(amrAcceptable(['mID'])).toBe(true);
    expect(amrAcceptable(['smartid'])).toBe(true);
    expect(amrAcceptable(['eIDAS'])).toBe(true);
  });

  it('X-AUTH: refuses a missing, empty, non-array or unknown amr', () => {
    for (const amr of [undefined, null, [], 'idcard', ['password'], ['idcard', 'pwd'], ['MID'], [1], {}]) expect(amrAcceptable(amr)).toBe(false);
  });

  it('X-AUTH: with a preselected method, the amr must name that method', () => {
    expect(amrAcceptable(['idcard'], 'idcard')).toBe(true);
    expect(amrAcceptable(['mID'], 'mid')).toBe(true);
    expect(amrAcceptable(['smartid'], 'smartid')).toBe(true);
    expect(amrAcceptable(['smartid'], 'idcard')).toBe(false);
    expect(amrAcceptable(['eIDAS'], 'mid')).toBe(false);
  });
});

describe('X-AUTH TARA subject', () => {
  const valid = code('4850612025');

  it("X-AUTH: 'EE' + a valid personal code gives the code", () => {
    expect(personalCodeFromSubject(`EE${valid}`)).toBe(valid);
    expect(personalCodeFromSubject('EE38001085718')).toBe('38001085718');
  });

  it('X-AUTH: anything else maps to no person', () => {
    const wrongCheck = `${valid.slice(0, 10)}${(Number(valid[10]) + 1) % 10}`;
    for (const sub of [valid, `ee${valid}`, `LV${valid}`, `EE${wrongCheck}`, `EE${valid}0`, `PNOEE-${valid}`, ` EE${valid}`, 'EE', 'CZ-1234567', '', undefined, null, 38001085718]) {
      expect(personalCodeFromSubject(sub)).toBeNull();
    }
  });
});

describe('X-AUTH TARA scope', () => {
  it('X-AUTH: always openid, plus the preselected method', () => {
    expect(scopeFor()).toBe('openid');
    expect(scopeFor('idcard')).toBe('openid idcard');
    expect(scopeFor('mid')).toBe('openid mid');
    expect(scopeFor('smartid')).toBe('openid smartid');
  });

  it('X-AUTH: recognises only the preselectable methods', () => {
    expect(isOidcMethod('idcard')).toBe(true);
    expect(isOidcMethod('eidas')).toBe(false);
    expect(isOidcMethod(undefined)).toBe(false);
  });
});
