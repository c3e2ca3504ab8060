/**
 * X-DOC — the header (issuer, reference) and footer (free text, creation
 * stamp, "page X of Y") repeated on every page. Drawn after the body, once the
 * page count is known, by revisiting PDFKit's buffered pages.
 */
import { contentBox, style, type Doc } from './pdf-flow.js';
import { createdStamp, pdfLabels, type PdfLanguage } from './pdf-labels.js';
import { cleanText } from './pdf-text.js';
import { COLOR, PAGE, TYPE } from './pdf-theme.js';

export type Furniture = { language: PdfLanguage; issuer: string; reference?: string; footer?: string; createdAt: Date };

function rule(doc: Doc, y: number): void {
  const { left, width } = contentBox(doc);
  doc.lineWidth(0.5).strokeColor(COLOR.rule).moveTo(left, y).lineTo(left + width, y).stroke();
}

function drawHeader(doc: Doc, f: Furniture): void {
  const { left, width } = contentBox(doc);
  const y = PAGE.headerY;
  const reference = f.reference ? `${pdfLabels(f.language).reference} ${cleanText(f.reference)}` : '';
  const refWidth = Math.min(width * 0.4, style(doc, 'regular', TYPE.small + 0.5).widthOfString(reference) + 1);
  style(doc, 'bold', TYPE.body, COLOR.brand).text(cleanText(f.issuer), left, y, {
    width: width - refWidth - 12,
    height: TYPE.body * 1.3,
    ellipsis: '…',
  });
  if (reference) {
    style(doc, 'regular', TYPE.small + 0.5, COLOR.muted).text(reference, left + width - refWidth, y + 1.5, {
      width: refWidth,
      align: 'right',
      height: TYPE.small * 1.3,
      ellipsis: '…',
    });
  }
  rule(doc, y + 20);
}

function drawFooter(doc: Doc, f: Furniture, page: number, total: number): void {
  const { left, width } = contentBox(doc);
  const y = doc.page.height - PAGE.footerRuleFromBottom;
  rule(doc, y);
  const pageText = pdfLabels(f.language).pageOf(page, total);
  const pageWidth = style(doc, 'regular', TYPE.small).widthOfString(pageText) + 1;
  const textWidth = width - pageWidth - 16;
  doc.text(pageText, left + width - pageWidth, y + 6, { width: pageWidth, align: 'right', lineBreak: false });
  doc.y = y + 6;
  if (f.footer) {
    // At most two lines of free text, so the stamp below stays inside the band.
    const twoLines = 2 * doc.currentLineHeight(true) + 1;
    doc.text(cleanText(f.footer), left, doc.y, { width: textWidth, height: twoLines, ellipsis: '…' });
  }
  doc.text(createdStamp(f.language, f.createdAt), left, doc.y, { width: textWidth, lineBreak: false });
}

/** Header and footer on every buffered page; call once, after the body. */
export function drawFurniture(doc: Doc, f: Furniture): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    // Writing in the margins must not make PDFKit think the page is full.
    const { top, bottom } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    drawHeader(doc, f);
    drawFooter(doc, f, i - start + 1, count);
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
}
