/**
 * X-DOC — the body blocks of a generated document, drawn top to bottom at the
 * cursor: title, key/value meta block, sections (heading, paragraphs, bullet
 * items, table) and signature lines. Page breaks inside paragraphs are left to
 * PDFKit; blocks that read badly when split start a new page instead.
 */
import { contentBox, ensureSpace, lineHeight, style, type Doc } from './pdf-flow.js';
import type { PdfLabels } from './pdf-labels.js';
import { drawTable, tableLeadHeight, type PdfTable } from './pdf-table.js';
import { cleanText } from './pdf-text.js';
import { COLOR, SPACE, TYPE } from './pdf-theme.js';

export type PdfMetaRow = { label: string; value: string };

export type PdfSection = { heading: string; paragraphs?: string[]; items?: string[]; table?: PdfTable };

const body = { lineGap: TYPE.lineGap } as const;

export function drawTitle(doc: Doc, title: string): void {
  const { left, width } = contentBox(doc);
  style(doc, 'bold', TYPE.title).text(cleanText(title), left, doc.y, { width });
  doc.y += SPACE.afterTitle;
}

/** Labels in a narrow bold column, values beside them; a row is kept on one page when it fits. */
export function drawMeta(doc: Doc, rows: readonly PdfMetaRow[]): void {
  if (rows.length === 0) return;
  const { left, width } = contentBox(doc);
  const labelWidth = Math.round(width * 0.32);
  const valueX = left + labelWidth + SPACE.metaColumnGap;
  const valueWidth = width - labelWidth - SPACE.metaColumnGap;
  for (const row of rows) {
    const label = cleanText(row.label);
    const value = cleanText(row.value) || '—';
    const height = Math.max(
      style(doc, 'bold').heightOfString(label, { width: labelWidth, ...body }),
      style(doc, 'regular').heightOfString(value, { width: valueWidth, ...body }),
    );
    ensureSpace(doc, height);
    const top = doc.y;
    const page = doc.page;
    style(doc, 'bold').text(label, left, top, { width: labelWidth, ...body });
    const labelBottom = doc.y;
    style(doc, 'regular').text(value, valueX, top, { width: valueWidth, ...body });
    // A value longer than a page flows on; only then is the cursor not the taller column.
    if (doc.page === page) doc.y = Math.max(labelBottom, doc.y);
    doc.x = left;
    doc.y += SPACE.metaRowGap;
  }
  doc.y += SPACE.afterTitle - SPACE.metaRowGap;
}

/**
 * How much of what follows a heading must share its page: three lines of
 * text, or the table's header and first row when the section opens with a
 * table (pdf-table leaves room for a heading above even a page-filling row).
 */
function keepWithHeading(doc: Doc, section: PdfSection): number {
  if (section.paragraphs?.length || section.items?.length || !section.table) return 3 * lineHeight(style(doc, 'regular'));
  return tableLeadHeight(doc, section.table);
}

function drawHeading(doc: Doc, section: PdfSection): void {
  const { left, width } = contentBox(doc);
  const heading = cleanText(section.heading);
  doc.y += SPACE.beforeHeading;
  const height = style(doc, 'bold', TYPE.heading).heightOfString(heading, { width });
  ensureSpace(doc, height + SPACE.afterHeading + keepWithHeading(doc, section));
  style(doc, 'bold', TYPE.heading, COLOR.brand).text(heading, left, doc.y, { width });
  doc.y += SPACE.afterHeading;
}

function drawParagraph(doc: Doc, text: string): void {
  const { left, width } = contentBox(doc);
  ensureSpace(doc, lineHeight(style(doc, 'regular')));
  style(doc, 'regular').text(cleanText(text), left, doc.y, { width, ...body });
  doc.y += SPACE.afterParagraph;
}

function drawItem(doc: Doc, text: string): void {
  const { left, width } = contentBox(doc);
  // The bullet and the first line of its text must share a page.
  ensureSpace(doc, lineHeight(style(doc, 'regular')));
  const top = doc.y;
  style(doc, 'regular').text('•', left + 2, top, { lineBreak: false });
  doc.text(cleanText(text), left + SPACE.bulletIndent, top, { width: width - SPACE.bulletIndent, ...body });
  doc.x = left;
  doc.y += 2;
}

export function drawSection(doc: Doc, section: PdfSection): void {
  drawHeading(doc, section);
  section.paragraphs?.forEach((p) => drawParagraph(doc, p));
  if (section.items?.length) {
    section.items.forEach((item) => drawItem(doc, item));
    doc.y += SPACE.afterParagraph - 2;
  }
  if (section.table) {
    drawTable(doc, section.table);
    doc.y += SPACE.afterParagraph;
  }
}

/** One signer: a long line to sign on, a short one for the date, captions below. */
function drawSignatureLine(doc: Doc, signer: string, labels: PdfLabels): void {
  const { left, width } = contentBox(doc);
  const signWidth = Math.round(width * 0.58);
  const dateX = left + signWidth + 28;
  const caption = { width: signWidth, lineGap: 1 };
  const name = cleanText(signer);
  const height = SPACE.signatureGap + style(doc, 'bold').heightOfString(name, caption) + 2 * lineHeight(style(doc, 'regular', TYPE.small));
  ensureSpace(doc, height);
  const lineY = doc.y + SPACE.signatureGap;
  doc.lineWidth(0.75).strokeColor(COLOR.text);
  doc.moveTo(left, lineY).lineTo(left + signWidth, lineY).stroke();
  doc.moveTo(dateX, lineY).lineTo(left + width, lineY).stroke();
  style(doc, 'regular', TYPE.small, COLOR.muted).text(labels.date, dateX, lineY + 4, { width: left + width - dateX });
  style(doc, 'bold').text(name, left, lineY + 4, caption);
  style(doc, 'regular', TYPE.small, COLOR.muted).text(labels.signature, left, doc.y, caption);
  doc.x = left;
  doc.y += 10;
}

export function drawSignatures(doc: Doc, signers: readonly string[], labels: PdfLabels): void {
  if (signers.length === 0) return;
  doc.y += SPACE.beforeHeading;
  signers.forEach((s) => drawSignatureLine(doc, s, labels));
}
