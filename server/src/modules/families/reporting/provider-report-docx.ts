import { strToU8, zipSync } from 'fflate';

/**
 * B-REP-3 (003 §3.3: "in a form that allows editing") — a minimal Word
 * document (Office Open XML): [Content_Types].xml, _rels/.rels and
 * word/document.xml, with headings, a key/value block, a figures table and
 * the text parts as paragraphs. Direct formatting only (no styles part), so
 * Word, LibreOffice and Google Docs open it as it is.
 */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export type DocxBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; headers: string[]; rows: string[][] };

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** Text safe for XML: markup escaped, characters XML 1.0 does not allow dropped. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function run(text: string, props = ''): string {
  // Line breaks inside a text part become <w:br/>; an empty text part still gets a paragraph to write in.
  const parts = text.split(/\r?\n/);
  return parts.map((p, i) => `${i > 0 ? '<w:br/>' : ''}<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(p)}</w:t></w:r>`).join('');
}

function paragraph(text: string, props = '', spacingAfter = 120): string {
  return `<w:p><w:pPr><w:spacing w:after="${spacingAfter}"/></w:pPr>${run(text, props)}</w:p>`;
}

function cell(text: string, bold: boolean): string {
  return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraph(text, bold ? '<w:b/>' : '', 0)}</w:tc>`;
}

/** A4 width (11 906) less the left (1 418) and right (1 134) margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 11_906 - 1_418 - 1_134;

function table(headers: string[], rows: string[][]): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
  const header = headers.some((h) => h) ? `<w:tr>${headers.map((h) => cell(h, true)).join('')}</w:tr>` : '';
  // The column grid is required by the schema (Word repairs a table without one); equal columns across the text width.
  const columns = Math.max(headers.length, ...rows.map((r) => r.length), 1);
  const grid = `<w:tblGrid>${`<w:gridCol w:w="${Math.floor(TEXT_WIDTH_TWIPS / columns)}"/>`.repeat(columns)}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>${borders}</w:tblPr>${grid}${header}${rows.map((r) => `<w:tr>${r.map((c) => cell(c, false)).join('')}</w:tr>`).join('')}</w:tbl>${paragraph('')}`;
}

export function documentXml(blocks: readonly DocxBlock[]): string {
  const body = blocks
    .map((b) => {
      if (b.kind === 'title') return paragraph(b.text, '<w:b/><w:sz w:val="32"/>', 240);
      if (b.kind === 'heading') return paragraph(b.text, '<w:b/><w:sz w:val="26"/>', 120);
      if (b.kind === 'paragraph') return paragraph(b.text);
      return table(b.headers, b.rows);
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

/** The .docx bytes; a fixed file time keeps the same report giving the same bytes. */
export function renderDocx(blocks: readonly DocxBlock[], modified = new Date('2020-01-01T00:00:00Z')): Buffer {
  const zipped = zipSync(
    {
      '[Content_Types].xml': [strToU8(CONTENT_TYPES), { mtime: modified }],
      '_rels/.rels': [strToU8(RELS), { mtime: modified }],
      'word/document.xml': [strToU8(documentXml(blocks)), { mtime: modified }],
    },
    { level: 6 },
  );
  return Buffer.from(zipped);
}
