/**
 * X-DOC — normalising record text before it is laid out in a PDF.
 */

// C0/C1 controls other than the line feed: PDFKit would draw them as
// missing-glyph boxes, and a stray NUL from pasted text must not reach the file.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text as it should be printed: NFC (so "õ" typed as o + combining tilde uses
 * the single Roboto glyph), CRLF/CR as LF, tabs as spaces, other controls removed.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(CONTROLS, '');
}
