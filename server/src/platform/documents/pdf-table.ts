/**
 * X-DOC — simple ruled tables (monthly schedules, attendance lists) that break
 * across pages between rows and repeat the header row on each new page.
 *
 * A single row is never split: a row taller than a whole page is cut to fit and
 * ends with "…" (such cells belong in paragraphs, not tables).
 */
import { clipHeight, contentBox, ensureSpace, style, type Doc } from './pdf-flow.js';
import { cleanText } from './pdf-text.js';
import { COLOR, SPACE, TYPE } from './pdf-theme.js';

export type PdfTable = { headers: string[]; rows: string[][] };

/**
 * Splits `total` width between columns that would like `natural` widths.
 * Narrow columns get what they need; the rest share what is left equally
 * ("water filling"), so one long column cannot squeeze a date column into
 * wrapping. Spare width (when everything fits) is shared equally too.
 */
export function columnWidths(natural: readonly number[], total: number): number[] {
  const n = natural.length;
  const widths: number[] = new Array<number>(n).fill(0);
  const order = natural.map((w, i) => ({ w: Math.max(0, w), i })).sort((a, b) => a.w - b.w);
  let remaining = total;
  order.forEach(({ w, i }, k) => {
    const fair = remaining / (n - k);
    widths[i] = Math.min(w, fair);
    remaining -= widths[i] ?? 0;
  });
  return widths.map((w) => w + remaining / n);
}

/** Every row padded or cut to the same number of cells, text cleaned. */
function normalise(table: PdfTable): { header: string[] | null; rows: string[][]; columns: number } {
  const columns = Math.max(table.headers.length, ...table.rows.map((r) => r.length));
  const fit = (cells: readonly string[]): string[] => Array.from({ length: columns }, (_, i) => cleanText(cells[i] ?? ''));
  return { header: table.headers.length > 0 ? fit(table.headers) : null, rows: table.rows.map(fit), columns };
}

/** Widest line of a cell in the current font, plus padding. */
function naturalWidth(doc: Doc, text: string): number {
  const widest = Math.max(0, ...text.split('\n').map((line) => doc.widthOfString(line)));
  return widest + 2 * SPACE.cellPadding;
}

function measureColumns(doc: Doc, header: string[] | null, rows: string[][], columns: number): number[] {
  const natural = new Array<number>(columns).fill(0);
  const widen = (cells: string[]): void => cells.forEach((c, i) => (natural[i] = Math.max(natural[i] ?? 0, naturalWidth(doc, c))));
  if (header) {
    style(doc, 'bold', TYPE.table);
    widen(header);
  }
  style(doc, 'regular', TYPE.table);
  rows.forEach(widen);
  return natural;
}

type Row = { cells: string[]; bold: boolean };

function rowHeight(doc: Doc, row: Row, widths: number[], maxHeight: number): number {
  style(doc, row.bold ? 'bold' : 'regular', TYPE.table);
  const pad = 2 * SPACE.cellPadding;
  const text = row.cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 0) - pad, lineGap: TYPE.lineGap }));
  return Math.min(Math.max(...text) + pad, maxHeight);
}

function drawRow(doc: Doc, row: Row, widths: number[], height: number): void {
  const { left } = contentBox(doc);
  const top = doc.y;
  let x = left;
  row.cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    doc.lineWidth(0.5).rect(x, top, w, height);
    if (row.bold) doc.fillAndStroke(COLOR.tableHead, COLOR.rule);
    else doc.stroke(COLOR.rule);
    style(doc, row.bold ? 'bold' : 'regular', TYPE.table).text(cell, x + SPACE.cellPadding, top + SPACE.cellPadding, {
      width: w - 2 * SPACE.cellPadding,
      // A fixed height stops PDFKit from starting a page inside a cell.
      height: clipHeight(doc, height - 2 * SPACE.cellPadding, TYPE.lineGap),
      ellipsis: '…',
      lineGap: TYPE.lineGap,
    });
    x += w;
  });
  doc.x = left;
  doc.y = top + height;
}

// A row may fill a page except for this much, so the heading of a section
// that opens with a page-filling row still fits above it.
const HEADING_ROOM = 48;

type Layout = { head: Row | null; rows: Row[]; widths: number[]; headHeight: number; maxRow: number };

function layout(doc: Doc, table: PdfTable): Layout | null {
  const { header, rows, columns } = normalise(table);
  if (columns === 0) return null;
  const box = contentBox(doc);
  const widths = columnWidths(measureColumns(doc, header, rows, columns), box.width);
  const head: Row | null = header ? { cells: header, bold: true } : null;
  const headHeight = head ? rowHeight(doc, head, widths, (box.bottom - box.top) / 2) : 0;
  return { head, rows: rows.map((cells) => ({ cells, bold: false })), widths, headHeight, maxRow: box.bottom - box.top - headHeight - HEADING_ROOM };
}

/** Height of the header row plus the first body row: what a heading above the table should stay with. */
export function tableLeadHeight(doc: Doc, table: PdfTable): number {
  const l = layout(doc, table);
  if (!l) return 0;
  return l.headHeight + (l.rows[0] ? rowHeight(doc, l.rows[0], l.widths, l.maxRow) : 0);
}

/** Draws a table at the cursor across the content width. */
export function drawTable(doc: Doc, table: PdfTable): void {
  const l = layout(doc, table);
  if (!l) return;
  ensureSpace(doc, tableLeadHeight(doc, table));
  if (l.head) drawRow(doc, l.head, l.widths, l.headHeight);
  for (const row of l.rows) {
    const height = rowHeight(doc, row, l.widths, l.maxRow);
    if (doc.y + height > contentBox(doc).bottom) {
      doc.addPage();
      if (l.head) drawRow(doc, l.head, l.widths, l.headHeight);
    }
    drawRow(doc, row, l.widths, height);
  }
}
