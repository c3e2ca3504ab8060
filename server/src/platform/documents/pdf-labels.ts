/**
 * X-DOC — the fixed words a generated PDF prints around the record's own
 * content (footer, reference, signature lines), in the document's language,
 * and the Tallinn wall-clock stamp shown in the footer.
 *
 * Kept apart from the renderer so the wording can be tested without parsing
 * PDF content streams (text in an embedded-font PDF is glyph ids, not words).
 */
import { formatDateEt, todayInTallinn } from '../calendar/working-days.js';

export type PdfLanguage = 'et' | 'en' | 'ru';

export type PdfLabels = {
  /** "page X of Y" as printed in the footer. */
  pageOf: (page: number, total: number) => string;
  /** Precedes the creation date in the footer. */
  created: string;
  /** Precedes the document reference in the header. */
  reference: string;
  /** Caption under the line to sign. */
  signature: string;
  /** Caption under the line for the signing date. */
  date: string;
};

const LABELS: Readonly<Record<PdfLanguage, PdfLabels>> = {
  et: {
    pageOf: (page, total) => `Lehekülg ${page} / ${total}`,
    created: 'Koostatud',
    reference: 'Nr',
    signature: 'Allkiri',
    date: 'Kuupäev',
  },
  en: {
    pageOf: (page, total) => `Page ${page} of ${total}`,
    created: 'Created',
    reference: 'No.',
    signature: 'Signature',
    date: 'Date',
  },
  ru: {
    pageOf: (page, total) => `Страница ${page} из ${total}`,
    created: 'Создано',
    reference: '№',
    signature: 'Подпись',
    date: 'Дата',
  },
};

/** Footer and caption words for a document language. */
export function pdfLabels(language: PdfLanguage): PdfLabels {
  return LABELS[language];
}

// 'en-GB' with h23 gives two-digit 24-hour parts on every ICU version we run.
const tallinnTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Tallinn',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * 'dd.mm.yyyy HH:mm' in Europe/Tallinn, whatever the server's TZ: the reader
 * of a case document is in Estonia. Throws InvalidDateError for an invalid Date.
 */
export function formatTallinnDateTime(instant: Date): string {
  const date = formatDateEt(todayInTallinn(instant));
  const parts = tallinnTime.formatToParts(instant);
  const get = (type: 'hour' | 'minute'): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${date} ${get('hour')}:${get('minute')}`;
}

/** The footer's left-hand stamp, e.g. 'Koostatud 05.03.2025 14:30'. */
export function createdStamp(language: PdfLanguage, createdAt: Date): string {
  return `${pdfLabels(language).created} ${formatTallinnDateTime(createdAt)}`;
}
