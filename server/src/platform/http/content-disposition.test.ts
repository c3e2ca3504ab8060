import { describe, expect, it } from 'vitest';
import { attachment } from './content-disposition.js';

/** Node refuses a header value with a character it cannot send (ERR_INVALID_CHAR): the download answered 500. */
function sendable(value: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(value);
}

describe('attachment(): a Content-Disposition header for any stored filename', () => {
  it('keeps a plain name', () => {
    expect(attachment('otsus-7_2-4.pdf')).toBe(`attachment; filename="otsus-7_2-4.pdf"; filename*=UTF-8''otsus-7_2-4.pdf`);
  });

  it('gives Estonian and other letters in UTF-8, with an ASCII fallback', () => {
    expect(attachment('nõusolek žürii.pdf')).toBe(`attachment; filename="nousolek zurii.pdf"; filename*=UTF-8''n%C3%B5usolek%20%C5%BE%C3%BCrii.pdf`);
  });

  it('can always be sent: quotes, line breaks, NUL, emoji, lone surrogates, RTL marks, 100,000 characters', () => {
    for (const name of ['a"b.pdf', 'a\r\nSet-Cookie: x=1', 'a\u0000b', '👨‍👩‍👧.pdf', 'x\uD800y', '\u202Efdp.exe', 'Ж'.repeat(100_000), `${'a'.repeat(119)}😀😀`, '', '../../etc/passwd']) {
      const header = attachment(name);
      expect(sendable(header), JSON.stringify(header.slice(0, 80))).toBe(true);
      expect(header.match(/"/g)).toHaveLength(2);
      expect(header.length).toBeLessThan(1200);
    }
  });
});
