/**
 * X-EXPORT — "Every list exports to CSV and XLSX with the filters applied;
 * cells that start with =, +, - or @ are neutralised (formula injection)."
 *
 * This module turns already-filtered rows into file contents; applying the
 * list's filters is the caller's job (pass exactly the rows the user sees).
 *
 * Value conventions for ExportColumn.value:
 *  - number  → a real number; never neutralised (−5 is data, not a formula).
 *              NaN/±Infinity become empty cells.
 *  - string  → text; neutralised when it starts with a formula trigger.
 *              Return numbers as numbers, not as strings, to keep them numeric.
 *  - boolean → TRUE/FALSE in XLSX, 'true'/'false' in CSV (translate in `value`
 *              if users should see words).
 *  - Date    → an instant, shown in Europe/Tallinn wall-clock time as a real
 *              date cell: 'dd.mm.yyyy', or 'dd.mm.yyyy hh:mm' when the
 *              Tallinn time of day is not midnight.
 *  - kind: 'date' on a column → the value is a calendar date: an IsoDate
 *              string ('YYYY-MM-DD') or a Date (its Tallinn calendar date),
 *              written as a real date 'dd.mm.yyyy'.
 *  - null/undefined → empty cell.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { isIsoDate } from '../calendar/working-days.js';

export type ExportValue = string | number | boolean | Date | null | undefined;

export type ExportColumn<T> = {
  key: string;
  header: string;
  value: (row: T) => ExportValue;
  /** 'date': IsoDate strings / Dates are calendar dates (see module comment). */
  kind?: 'date';
};

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// --- Formula-injection neutralisation ---------------------------------------

/**
 * Leading characters that make Excel, LibreOffice or Google Sheets evaluate a
 * cell: the spec's = + - @, plus tab and carriage return from the OWASP
 * CSV-injection list. Line feed is added for the same reason as CR (some
 * importers strip a leading line break and then see the formula).
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

/** Prefixes a single quote to a string that a spreadsheet could read as a formula. */
export function neutraliseText(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

/**
 * Makes one cell value safe. Only strings can carry a formula, so numbers,
 * booleans and dates pass through (invalid numbers and Dates become null).
 */
export function neutraliseCell(value: ExportValue): ExportValue {
  if (typeof value === 'string') return neutraliseText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return value;
}

// --- Dates: Europe/Tallinn wall clock ----------------------------------------

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const tallinnClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Tallinn',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Tallinn wall-clock fields of an instant (independent of the process TZ). */
function tallinnWallClock(instant: Date): WallClock {
  const parts = tallinnClock.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** A calendar date (time 00:00) from an IsoDate string, or null if it is not a real date. */
function wallClockFromIsoDate(text: string): WallClock | null {
  if (!isIsoDate(text)) return null;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour: 0, minute: 0, second: 0 };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function isMidnight(c: WallClock): boolean {
  return c.hour === 0 && c.minute === 0 && c.second === 0;
}

function formatWallClock(c: WallClock, withTime: boolean): string {
  const date = `${pad2(c.day)}.${pad2(c.month)}.${String(c.year).padStart(4, '0')}`;
  return withTime ? `${date} ${pad2(c.hour)}:${pad2(c.minute)}` : date;
}

/** Resolves a cell that should be shown as a date, or null when it is not one. */
function toWallClock(value: ExportValue, kind: ExportColumn<unknown>['kind']): { clock: WallClock; withTime: boolean } | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const clock = tallinnWallClock(value);
    if (kind === 'date') return { clock: { ...clock, hour: 0, minute: 0, second: 0 }, withTime: false };
    return { clock, withTime: !isMidnight(clock) };
  }
  if (kind === 'date' && typeof value === 'string') {
    const clock = wallClockFromIsoDate(value);
    return clock ? { clock, withTime: false } : null;
  }
  return null;
}

// --- CSV ----------------------------------------------------------------------

function csvText(value: ExportValue, kind: ExportColumn<unknown>['kind']): string {
  const date = toWallClock(value, kind);
  if (date) return formatWallClock(date.clock, date.withTime);
  const safe = neutraliseCell(value);
  if (safe === null || safe === undefined) return '';
  return String(safe);
}

/** RFC 4180: quote a field containing a quote, comma, CR or LF; double inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV per RFC 4180: comma separator, CRLF line ends, a header row, and a UTF-8
 * byte-order mark so Excel detects UTF-8 (õäöüšž, Cyrillic) instead of the
 * ANSI code page. Comma rather than ';' because it is the standard and what
 * other systems import; Excel with Estonian regional settings expects ';' on
 * double-click, so the XLSX export is the one to offer for Excel users.
 * Returns a string: send it encoded as UTF-8 (see EXPORT_CONTENT_TYPES.csv).
 */
export function toCsv<T>(columns: readonly ExportColumn<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((c) => csvField(neutraliseText(c.header))).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => csvField(csvText(c.value(row), c.kind))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// --- XLSX ---------------------------------------------------------------------

/** Characters XML 1.0 forbids; exceljs would write them and Excel would reject the file. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const EXCEL_MAX_CELL_TEXT = 32_767;
const EXCEL_FIRST_SAFE_DATE = { year: 1900, month: 3, day: 1 };

/**
 * Neutralise first (a leading CR counts as a trigger), then make the text
 * XML-safe. exceljs writes CR raw and XML parsers read it back as LF, so line
 * ends are normalised to LF here to make the written text what Excel reads.
 */
function xlsxText(text: string): string {
  return neutraliseText(text).replace(/\r\n?/g, '\n').replace(XML_INVALID, '').slice(0, EXCEL_MAX_CELL_TEXT);
}

/** Before 1 March 1900 Excel's serial numbers are off (its fictitious 29.02.1900), so such dates stay text. */
function excelCanRepresent(c: WallClock): boolean {
  const { year, month, day } = EXCEL_FIRST_SAFE_DATE;
  return c.year > year || (c.year === year && (c.month > month || (c.month === month && c.day >= day)));
}

type XlsxCell = { value: CellValue; numFmt?: string };

function xlsxCell(value: ExportValue, kind: ExportColumn<unknown>['kind']): XlsxCell {
  const date = toWallClock(value, kind);
  if (date) {
    const { clock, withTime } = date;
    if (!excelCanRepresent(clock)) return { value: formatWallClock(clock, withTime) };
    // exceljs converts a Date to a serial from its UTC fields, so UTC fields = Tallinn wall clock.
    const asUtc = new Date(0);
    asUtc.setUTCFullYear(clock.year, clock.month - 1, clock.day);
    asUtc.setUTCHours(clock.hour, clock.minute, clock.second, 0);
    return { value: asUtc, numFmt: withTime ? 'dd.mm.yyyy hh:mm' : 'dd.mm.yyyy' };
  }
  // Valid Dates were handled above; neutraliseCell turns invalid ones into null.
  const safe = neutraliseCell(value);
  if (typeof safe === 'string') return { value: xlsxText(safe) };
  return { value: safe ?? null };
}

/** Excel sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function sanitiseSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').replace(XML_INVALID, '').trim().replace(/^'+|'+$/g, '');
  const short = [...cleaned].slice(0, 31).join('').trim();
  return short === '' ? 'Export' : short;
}

function columnWidth(header: string): number {
  return Math.min(60, Math.max(12, [...header].length + 4));
}

function writeHeader<T>(sheet: Worksheet, columns: readonly ExportColumn<T>[]): void {
  const header = sheet.addRow(columns.map((c) => xlsxText(c.header)));
  header.font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = columnWidth(c.header);
  });
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

function writeRow<T>(sheet: Worksheet, columns: readonly ExportColumn<T>[], row: T): void {
  const cells = columns.map((c) => xlsxCell(c.value(row), c.kind));
  const added = sheet.addRow(cells.map((c) => c.value));
  cells.forEach((c, i) => {
    if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
  });
}

/**
 * One-sheet workbook: bold, frozen header row with an autofilter, dates as
 * real date cells ('dd.mm.yyyy'), strings neutralised exactly as in CSV (a
 * spreadsheet may be re-saved as CSV later, so XLSX gets no exemption).
 */
export async function toXlsx<T>(columns: readonly ExportColumn<T>[], rows: Iterable<T>, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tugi';
  const sheet = workbook.addWorksheet(sanitiseSheetName(sheetName), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  writeHeader(sheet, columns);
  for (const row of rows) writeRow(sheet, columns, row);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

// --- File name ----------------------------------------------------------------

/**
 * 'juhtumid-2025-01-02-1430.xlsx': an ASCII slug of `base` (diacritics folded,
 * so õ→o, š→s; other scripts dropped, so Content-Disposition needs no RFC 5987
 * encoding) plus the Tallinn date and time of `now`, so repeated exports do
 * not overwrite each other in the user's download folder.
 */
export function exportFilename(base: string, format: ExportFormat, now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('exportFilename: invalid Date');
  const slug = base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const c = tallinnWallClock(now);
  const stamp = `${c.year}-${pad2(c.month)}-${pad2(c.day)}-${pad2(c.hour)}${pad2(c.minute)}`;
  return `${slug || 'export'}-${stamp}.${format}`;
}
