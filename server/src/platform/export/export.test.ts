import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_CONTENT_TYPES,
  exportFilename,
  neutraliseCell,
  neutraliseText,
  sanitiseSheetName,
  toCsv,
  toXlsx,
  type ExportColumn,
} from './export.js';

type Row = { name: string; note: string | null; amount: number | null; active: boolean; due: string | null; at: Date | null };

const columns: ExportColumn<Row>[] = [
  { key: 'name', header: 'Nimi', value: (r) => r.name },
  { key: 'note', header: 'Märkus', value: (r) => r.note },
  { key: 'amount', header: 'Summa', value: (r) => r.amount },
  { key: 'active', header: 'Aktiivne', value: (r) => r.active },
  { key: 'due', header: 'Tähtaeg', value: (r) => r.due, kind: 'date' },
  { key: 'at', header: 'Loodud', value: (r) => r.at },
];

const row = (over: Partial<Row>): Row => ({ name: 'Mari', note: null, amount: null, active: true, due: null, at: null, ...over });

/** Splits a CSV produced by toCsv into records of fields (RFC 4180 reader for the tests). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), (i += 1);
    else field += ch;
  }
  return records;
}

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

const INJECTIONS: Array<[string, string]> = [
  ['=', '=HYPERLINK("http://evil.example","x")'],
  ['+', '+1+cmd|"/C calc"!A0'],
  ['-', '-1+1'],
  ['@', '@SUM(1,1)'],
  ['tab', '\t=1+1'],
  ['CR', '\r=1+1'],
];

describe('X-EXPORT neutraliseCell', () => {
  it.each(INJECTIONS)('X-EXPORT: a string starting with %s gets a leading apostrophe', (_label, value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(neutraliseText(value)).toBe(`'${value}`);
  });

  it("X-EXPORT: '=cmd' and '-1+1' are neutralised; the string '-5' too (only real numbers are exempt)", () => {
    expect(neutraliseCell('=cmd')).toBe("'=cmd");
    expect(neutraliseCell('-1+1')).toBe("'-1+1");
    expect(neutraliseCell('-5')).toBe("'-5");
  });

  it('X-EXPORT: real numbers stay numbers, including negative ones', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(-0.25)).toBe(-0.25);
    expect(neutraliseCell(0)).toBe(0);
  });

  it('X-EXPORT: non-finite numbers and invalid Dates become empty (null)', () => {
    expect(neutraliseCell(Number.NaN)).toBeNull();
    expect(neutraliseCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(neutraliseCell(new Date('nope'))).toBeNull();
  });

  it('X-EXPORT: safe strings, booleans, Dates and empties pass through unchanged', () => {
    const d = new Date('2025-01-02T10:00:00Z');
    expect(neutraliseCell('Mari Tamm')).toBe('Mari Tamm');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell(" '=already")).toBe(" '=already");
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(d)).toBe(d);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(undefined)).toBeUndefined();
  });
});

describe('X-EXPORT CSV', () => {
  it('X-EXPORT: starts with a UTF-8 BOM, uses CRLF and a header row', () => {
    const csv = toCsv(columns, [row({})]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFFNimi,Märkus,Summa,Aktiivne,Tähtaeg,Loodud\r\nMari,,,true,,\r\n');
  });

  it.each(INJECTIONS)('X-EXPORT: CSV neutralises a cell starting with %s', (_label, value) => {
    const csv = toCsv(columns, [row({ name: value })]);
    const records = parseCsv(csv.slice(1));
    expect(records[1]?.[0]).toBe(`'${value}`);
  });

  it('X-EXPORT: injected header text is neutralised too', () => {
    const csv = toCsv([{ key: 'x', header: '=1+1', value: () => 1 }], []);
    expect(csv).toBe("\uFEFF'=1+1\r\n");
  });

  it('X-EXPORT: RFC 4180 quoting for quotes, commas, CR/LF; plain cells stay unquoted', () => {
    const csv = toCsv(columns, [row({ name: 'Tamm, Mari', note: 'ütles "tere"\r\nja läks\nkoju' })]);
    expect(csv).toContain('"Tamm, Mari","ütles ""tere""\r\nja läks\nkoju"');
    expect(parseCsv(csv.slice(1))[1]?.slice(0, 2)).toEqual(['Tamm, Mari', 'ütles "tere"\r\nja läks\nkoju']);
  });

  it('X-EXPORT: Estonian õäöüšž and Cyrillic survive the UTF-8 round trip', () => {
    const csv = toCsv(columns, [row({ name: 'Õie Äärelinn-Šõkolaad Žürii', note: 'Иванова Мария Сергеевна' })]);
    const decoded = new TextDecoder('utf-8').decode(Buffer.from(csv, 'utf8'));
    expect(parseCsv(decoded.slice(1))[1]?.slice(0, 2)).toEqual(['Õie Äärelinn-Šõkolaad Žürii', 'Иванова Мария Сергеевна']);
  });

  it('X-EXPORT: numbers (negative too) are written as plain numbers, not neutralised', () => {
    const csv = toCsv(columns, [row({ amount: -12.5 }), row({ amount: Number.NaN })]);
    const records = parseCsv(csv.slice(1));
    expect(records[1]?.[2]).toBe('-12.5');
    expect(records[2]?.[2]).toBe('');
  });

  it('X-EXPORT: dates are dd.mm.yyyy; timestamps in Tallinn time with hh:mm', () => {
    const csv = toCsv(columns, [
      row({ due: '2025-01-02', at: new Date('2024-12-31T22:30:00Z') }),
      row({ due: '2025-02-30', at: new Date('2024-06-30T21:00:00Z') }),
    ]);
    const records = parseCsv(csv.slice(1));
    expect(records[1]?.slice(4)).toEqual(['02.01.2025', '01.01.2025 00:30']);
    // Not a real date → kept as text; Tallinn midnight → date only.
    expect(records[2]?.slice(4)).toEqual(['2025-02-30', '01.07.2024']);
  });

  it("X-EXPORT: kind 'date' with a Date value takes its Tallinn calendar date (22:30Z on 31.12 is 01.01)", () => {
    const csv = toCsv([{ key: 'd', header: 'D', value: () => new Date('2024-12-31T22:30:00Z'), kind: 'date' }], [1]);
    expect(csv).toBe('\uFEFFD\r\n01.01.2025\r\n');
  });

  it('X-EXPORT: no rows still yields the header line', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFNimi,Märkus,Summa,Aktiivne,Tähtaeg,Loodud\r\n');
  });
});

describe('X-EXPORT XLSX', () => {
  it('X-EXPORT: injected strings come back as neutralised text, never formulas', async () => {
    const rows = INJECTIONS.map(([, value]) => row({ name: value }));
    const sheet = await readXlsx(await toXlsx(columns, rows, 'Juhtumid'));
    INJECTIONS.forEach(([, value], i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
      // XML turns CR into LF; the apostrophe still comes first.
      expect(cell.value).toBe(`'${value}`.replace(/\r/g, '\n'));
    });
  });

  it('X-EXPORT: negative numbers stay numeric; booleans and empties keep their types', async () => {
    const sheet = await readXlsx(await toXlsx(columns, [row({ amount: -5, active: false, note: null })], 'S'));
    expect(sheet.getCell('C2').value).toBe(-5);
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('D2').value).toBe(false);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Null);
  });

  it('X-EXPORT: bold, frozen header row with an autofilter', async () => {
    const sheet = await readXlsx(await toXlsx(columns, [row({})], 'Juhtumid'));
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nimi', 'Märkus', 'Summa', 'Aktiivne', 'Tähtaeg', 'Loodud']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('F1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.name).toBe('Juhtumid');
  });

  it('X-EXPORT: dates are real dates formatted dd.mm.yyyy (timestamps in Tallinn time)', async () => {
    const sheet = await readXlsx(
      await toXlsx(columns, [row({ due: '2025-01-02', at: new Date('2024-12-31T22:30:00Z') }), row({ due: '1899-12-31' })], 'S'),
    );
    const due = sheet.getCell('E2');
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect((due.value as Date).toISOString()).toBe('2025-01-02T00:00:00.000Z');
    expect(due.numFmt).toBe('dd.mm.yyyy');
    const at = sheet.getCell('F2');
    expect(at.type).toBe(ExcelJS.ValueType.Date);
    expect((at.value as Date).toISOString()).toBe('2025-01-01T00:30:00.000Z');
    expect(at.numFmt).toBe('dd.mm.yyyy hh:mm');
    // Excel's serial dates are wrong before 1 March 1900, so such dates stay text.
    expect(sheet.getCell('E3').value).toBe('31.12.1899');
  });

  it('X-EXPORT: Estonian and Cyrillic text round-trips; XML-invalid control chars are dropped', async () => {
    const sheet = await readXlsx(await toXlsx(columns, [row({ name: 'Õie Žürii', note: 'Мария\u0001\u0008 ok' })], 'S'));
    expect(sheet.getCell('A2').value).toBe('Õie Žürii');
    expect(sheet.getCell('B2').value).toBe('Мария ok');
  });

  it("X-EXPORT: text longer than Excel's 32,767-character cell limit is cut to the limit", async () => {
    const sheet = await readXlsx(await toXlsx(columns, [row({ note: 'ä'.repeat(40_000) })], 'S'));
    expect(String(sheet.getCell('B2').value)).toHaveLength(32_767);
  });

  it('X-EXPORT: header cells are neutralised in XLSX as well', async () => {
    const sheet = await readXlsx(await toXlsx([{ key: 'x', header: '@x', value: () => 'y' }], [], 'S'));
    expect(sheet.getCell('A1').value).toBe("'@x");
  });

  it('X-EXPORT: sheet names obey Excel limits (≤ 31 chars, no []:*?/\\)', () => {
    expect(sanitiseSheetName('Juhtumid [2025]: a/b')).toBe('Juhtumid  2025   a b');
    expect([...sanitiseSheetName('x'.repeat(40))]).toHaveLength(31);
    expect(sanitiseSheetName("'''")).toBe('Export');
    expect(sanitiseSheetName('')).toBe('Export');
  });
});

describe('X-EXPORT file name and content types', () => {
  const now = new Date('2024-12-31T22:30:00Z'); // 01.01.2025 00:30 in Tallinn

  it('X-EXPORT: slug of the base plus Tallinn date and time', () => {
    expect(exportFilename('Juhtumid', 'csv', now)).toBe('juhtumid-2025-01-01-0030.csv');
    expect(exportFilename('Teenused ja tähtajad', 'xlsx', now)).toBe('teenused-ja-tahtajad-2025-01-01-0030.xlsx');
  });

  it('X-EXPORT: diacritics are folded, other scripts and path characters dropped', () => {
    expect(exportFilename('Õigusabi Šokk Žürii', 'csv', now)).toBe('oigusabi-sokk-zurii-2025-01-01-0030.csv');
    expect(exportFilename('../../etc/passwd', 'csv', now)).toBe('etc-passwd-2025-01-01-0030.csv');
    expect(exportFilename('Дела', 'xlsx', now)).toBe('export-2025-01-01-0030.xlsx');
  });

  it('X-EXPORT: invalid Date is rejected', () => {
    expect(() => exportFilename('x', 'csv', new Date('nope'))).toThrow(RangeError);
  });

  it('X-EXPORT: content types declare UTF-8 CSV and OOXML spreadsheet', () => {
    expect(EXPORT_CONTENT_TYPES.csv).toBe('text/csv; charset=utf-8');
    expect(EXPORT_CONTENT_TYPES.xlsx).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
