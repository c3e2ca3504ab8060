/**
 * X-DOC — "Documents that the seeds name (opinion, summary, cooperation
 * agreement, termination agreement, monthly schedule, attendance list,
 * certificate, monitoring report) are generated as PDF from the record …"
 *
 * renderPdf turns a document description (built by each case module from its
 * record) into an A4 PDF: issuer/reference header, title, key/value block,
 * sections, optional signature lines, and a footer with "page X of Y" and the
 * creation time on every page. Roboto is embedded so Estonian and Russian text
 * print correctly. The same spec and createdAt give the same bytes: PDFKit's
 * file id is derived from the document info, which holds createdAt, not "now".
 */
import PDFDocument from 'pdfkit';
import { drawMeta, drawSection, drawSignatures, drawTitle, type PdfMetaRow, type PdfSection } from './pdf-blocks.js';
import { FONT, fontData } from './pdf-fonts.js';
import type { Doc } from './pdf-flow.js';
import { drawFurniture } from './pdf-furniture.js';
import { pdfLabels, type PdfLanguage } from './pdf-labels.js';
import { cleanText } from './pdf-text.js';
import { PAGE } from './pdf-theme.js';

export type { PdfMetaRow, PdfSection } from './pdf-blocks.js';
export type { PdfTable } from './pdf-table.js';

export type PdfDocument = {
  language: PdfLanguage;
  /** The authority issuing the document, e.g. 'Sotsiaalkindlustusamet'. */
  issuer: string;
  title: string;
  /** Registry or case number, shown in the header of every page. */
  reference?: string;
  meta: PdfMetaRow[];
  sections: PdfSection[];
  /** Names/roles that get a line to sign on (paper signing). */
  signatureLines?: string[];
  footer?: string;
  createdAt: Date;
};

export type RenderOptions = {
  /** Deflate content streams (default true). Tests turn it off to inspect the file. */
  compress?: boolean;
};

export const PDF_CONTENT_TYPE = 'application/pdf';

function createDocument(spec: PdfDocument, options: RenderOptions): Doc {
  const title = cleanText(spec.title);
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    // Pages stay in memory until the end so the footer can say "of Y".
    bufferPages: true,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    lang: spec.language,
    displayTitle: true,
    info: {
      Title: title,
      Author: cleanText(spec.issuer),
      Subject: spec.reference ? `${title} (${cleanText(spec.reference)})` : title,
      Creator: 'Tugi',
      Producer: 'Tugi (PDFKit)',
      CreationDate: spec.createdAt,
      ModDate: spec.createdAt,
    },
  });
  const fonts = fontData();
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  return doc;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Renders a document description to PDF bytes. Rejects on an invalid createdAt. */
export async function renderPdf(spec: PdfDocument, options: RenderOptions = {}): Promise<Buffer> {
  if (Number.isNaN(spec.createdAt.getTime())) throw new RangeError('renderPdf: createdAt is an invalid Date');
  const doc = createDocument(spec, options);
  const bytes = collect(doc);
  drawTitle(doc, spec.title);
  drawMeta(doc, spec.meta);
  spec.sections.forEach((section) => drawSection(doc, section));
  drawSignatures(doc, spec.signatureLines ?? [], pdfLabels(spec.language));
  drawFurniture(doc, spec);
  doc.end();
  return bytes;
}
