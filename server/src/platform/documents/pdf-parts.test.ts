import { describe, expect, it } from 'vitest';
import { createdStamp, formatTallinnDateTime, pdfLabels } from './pdf-labels.js';
import { columnWidths } from './pdf-table.js';
import { cleanText } from './pdf-text.js';

describe('X-DOC pdfLabels', () => {
  it('X-DOC: "page X of Y" in the document language', () => {
    expect(pdfLabels('et').pageOf(2, 5)).toBe('Lehekülg 2 / 5');
    expect(pdfLabels('en').pageOf(2, 5)).toBe('Page 2 of 5');
    expect(pdfLabels('ru').pageOf(2, 5)).toBe('Страница 2 из 5');
  });

  it('X-DOC: creation stamp is Tallinn wall-clock dd.mm.yyyy HH:mm, across DST', () => {
    expect(formatTallinnDateTime(new Date('2025-03-05T12:30:00Z'))).toBe('05.03.2025 14:30');
    expect(formatTallinnDateTime(new Date('2025-07-01T21:30:00Z'))).toBe('02.07.2025 00:30');
    expect(formatTallinnDateTime(new Date('2024-12-31T22:05:00Z'))).toBe('01.01.2025 00:05');
    expect(createdStamp('ru', new Date('2025-03-05T12:30:00Z'))).toBe('Создано 05.03.2025 14:30');
  });
});

describe('X-DOC columnWidths', () => {
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

  it('X-DOC: narrow columns keep their width, wide ones share the rest', () => {
    const widths = columnWidths([40, 600, 60, 900], 480);
    expect(sum(widths)).toBeCloseTo(480);
    expect(widths[0]).toBeCloseTo(40);
    expect(widths[2]).toBeCloseTo(60);
    expect(widths[1]).toBeCloseTo(190);
    expect(widths[3]).toBeCloseTo(190);
  });

  it('X-DOC: spare width is shared equally when everything fits', () => {
    expect(columnWidths([50, 100], 250)).toEqual([100, 150]);
    expect(columnWidths([0, 0], 100)).toEqual([50, 50]);
    expect(columnWidths([], 100)).toEqual([]);
  });
});

describe('X-DOC cleanText', () => {
  it('X-DOC: composes decomposed letters and strips controls', () => {
    expect(cleanText('o\u0303un')).toBe('õun');
    expect(cleanText('a\r\nb\rc\u0000d\u0007e\tf')).toBe('a\nb\ncde    f');
    expect(cleanText('Šmidt-Žukovskõ')).toBe('Šmidt-Žukovskõ');
  });
});
