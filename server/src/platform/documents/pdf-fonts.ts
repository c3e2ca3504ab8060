/**
 * X-DOC — the fonts embedded in generated PDFs.
 *
 * The 14 standard PDF fonts are limited to WinAnsi (cp1252): no Cyrillic,
 * and names from outside Western Europe lose letters. Every document
 * therefore embeds Roboto (Latin Extended + Cyrillic) from the
 * roboto-fontface package. PDFKit subsets it, so only the glyphs used end up
 * in the file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { woffToSfnt } from './woff.js';

export type FontFace = 'regular' | 'bold';

/** PDFKit font alias for each face; the PDF's BaseFont is Roboto-Regular / Roboto-Bold. */
export const FONT: Readonly<Record<FontFace, string>> = { regular: 'Roboto', bold: 'Roboto-Bold' };

// The package ships only web fonts. WOFF 1.0 (zlib) rather than WOFF2
// (brotli + transforms): unpacked once here into plain TrueType, see woff.ts.
const FILES: Readonly<Record<FontFace, string>> = {
  regular: 'Roboto-Regular.woff',
  bold: 'Roboto-Bold.woff',
};

let cache: Readonly<Record<FontFace, Buffer>> | null = null;

/** The fonts as TrueType bytes, read and unpacked once per process (about 340 KB together). */
export function fontData(): Readonly<Record<FontFace, Buffer>> {
  if (cache) return cache;
  // Resolved through the package so it works from src (tsx/vitest) and dist alike.
  const root = dirname(createRequire(import.meta.url).resolve('roboto-fontface/package.json'));
  const dir = join(root, 'fonts', 'roboto');
  const load = (face: FontFace): Buffer => woffToSfnt(readFileSync(join(dir, FILES[face])));
  cache = { regular: load('regular'), bold: load('bold') };
  return cache;
}
