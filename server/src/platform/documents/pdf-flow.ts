/**
 * X-DOC — small helpers for laying out blocks on PDFKit pages: the content
 * box, switching face/size/colour in one call, and starting a new page when a
 * block that must stay together does not fit.
 */
import type PDFDocument from 'pdfkit';
import { FONT, type FontFace } from './pdf-fonts.js';
import { COLOR, TYPE } from './pdf-theme.js';

export type Doc = InstanceType<typeof PDFDocument>;

export type ContentBox = { left: number; width: number; top: number; bottom: number };

/** The printable area of the current page (inside the margins). */
export function contentBox(doc: Doc): ContentBox {
  const { margins, width, height } = doc.page;
  return { left: margins.left, width: width - margins.left - margins.right, top: margins.top, bottom: height - margins.bottom };
}

/** Sets font face, size and fill colour together, so no block inherits another's style. */
export function style(doc: Doc, face: FontFace, size: number = TYPE.body, color: string = COLOR.text): Doc {
  return doc.font(FONT[face]).fontSize(size).fillColor(color);
}

/**
 * Starts a new page when `height` points do not fit below the cursor. Used for
 * blocks that should not be split (a heading and its first lines, a table row,
 * a signature line). Never breaks at the very top of a page: a block taller
 * than a page would otherwise add blank pages forever.
 */
export function ensureSpace(doc: Doc, height: number): void {
  const box = contentBox(doc);
  if (doc.y > box.top && doc.y + height > box.bottom) doc.addPage();
  doc.x = box.left;
}

/** Height of one line in the current font and size, including the line gap. */
export function lineHeight(doc: Doc): number {
  return doc.currentLineHeight(true) + TYPE.lineGap;
}

/**
 * The `height` option for text clipped to `available` points with an ellipsis.
 * PDFKit decides on the "…" one line early but ignores the lineGap when it
 * does; a height of exactly n lines minus one gap puts the cut and the "…" on
 * the same line, so clipped text never ends without its ellipsis.
 */
export function clipHeight(doc: Doc, available: number, lineGap: number): number {
  const line = doc.currentLineHeight(true) + lineGap;
  const lines = Math.max(1, Math.floor((available + lineGap) / line));
  return lines * line - lineGap + 0.01;
}
