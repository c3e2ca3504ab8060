import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { decryptBytes, encryptBytes, safeFilename } from './report-files.js';

describe('B-SEC report files are encrypted at rest', () => {
  const key = randomBytes(32);

  it('round-trips the bytes, and the stored form does not contain them', () => {
    const plain = Buffer.from('Osalejate nimekiri: Mari Tamm, allkiri');
    const stored = encryptBytes(key, plain);
    expect(stored.includes(plain)).toBe(false);
    expect(decryptBytes(key, stored).equals(plain)).toBe(true);
  });

  it('a fresh IV every time: the same file encrypts differently', () => {
    const plain = Buffer.from('sama fail');
    expect(encryptBytes(key, plain).equals(encryptBytes(key, plain))).toBe(false);
  });

  it('a changed byte or another key fails authentication', () => {
    const stored = encryptBytes(key, Buffer.from('allkirjastatud aruanne'));
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    expect(() => decryptBytes(key, tampered)).toThrow();
    expect(() => decryptBytes(randomBytes(32), stored)).toThrow();
  });

  it('filenames lose header-breaking characters', () => {
    expect(safeFilename('nimekiri "märts".pdf')).toBe('nimekiri _märts_.pdf');
    expect(safeFilename('a\r\nb.pdf')).toBe('a__b.pdf');
    expect(safeFilename('')).toBe('file');
  });
});
