import { describe, expect, it } from 'vitest';
import { inspectPdf } from './fixtures/pdf-inspect.js';
import { CREATED_AT, longDocument, opinionEt, scheduleRu } from './fixtures/sample-documents.js';
import { renderPdf, type PdfDocument } from './pdf.js';

const inspect = async (spec: PdfDocument) => inspectPdf(await renderPdf(spec, { compress: false }));

describe('X-DOC renderPdf: file and metadata', () => {
  it('X-DOC: produces an A4 PDF file', async () => {
    const bytes = await renderPdf(opinionEt);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(bytes.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('X-DOC: embeds Roboto regular and bold as font programs (compressed output too)', async () => {
    const pdf = (await renderPdf(opinionEt)).toString('latin1');
    expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+Roboto-Regular/);
    expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+Roboto-Bold/);
    expect(pdf.match(/\/FontFile2 \d+ 0 R/g)).toHaveLength(2);
    expect(pdf).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('X-DOC: sets Title, Author (issuer), Subject, CreationDate and Lang', async () => {
    const et = await inspect(opinionEt);
    expect(et.info).toMatchObject({
      Title: 'Arvamus lapse heaolu kohta',
      Author: 'Sotsiaalkindlustusamet',
      Subject: 'Arvamus lapse heaolu kohta (7.1-2/1234)',
      CreationDate: 'D:20250305123000Z',
    });
    expect(et.lang).toBe('et');
    const ru = await inspect(scheduleRu);
    expect(ru.info.Title).toBe('Ежемесячный график встреч');
    expect(ru.info.Author).toBe('Департамент социального страхования');
    expect(ru.lang).toBe('ru');
  });

  it('X-DOC: the same spec and createdAt give the same bytes', async () => {
    const [a, b] = await Promise.all([renderPdf(opinionEt), renderPdf(opinionEt)]);
    expect(a.equals(b)).toBe(true);
    const later = await renderPdf({ ...opinionEt, createdAt: new Date('2025-03-06T08:00:00Z') });
    expect(later.equals(a)).toBe(false);
  });

  it('X-DOC: rejects an invalid createdAt instead of printing "NaN"', async () => {
    await expect(renderPdf({ ...opinionEt, createdAt: new Date('nope') })).rejects.toThrow(RangeError);
  });
});

describe('X-DOC renderPdf: content', () => {
  it('X-DOC: prints Estonian letters (õäöüšž) as real characters', async () => {
    const { text } = await inspect(opinionEt);
    expect(text).toContain('Sõõrik Šmidt-Žukovskõ (isikukood 51107121760)');
    expect(text).toContain('Pere elab Õismäel');
    expect(text).toContain('Jüri Õunapuu, osakonna juhataja');
  });

  it('X-DOC: prints Cyrillic text, labels and footer in Russian', async () => {
    const { pages } = await inspect(scheduleRu);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toEqual(
      expect.arrayContaining(['Ежемесячный график встреч', 'Пётр Иванов', 'Ребёнок, мать, отец (по видеосвязи)', 'Подпись', 'Страница 1 из 1', 'Создано 05.03.2025 14:30']),
    );
  });

  it('X-DOC: header, meta, sections, bullets, table and signature lines all appear', async () => {
    const { pages } = await inspect(opinionEt);
    expect(pages).toHaveLength(1);
    const page = pages[0] ?? [];
    for (const run of ['Sotsiaalkindlustusamet', 'Nr 7.1-2/1234', 'Juhtumikorraldaja', 'Asjaolud', '•', 'Lapse põhivajadused on rahuldatud.', 'Tähtaeg', 'Perenõustamise taotlemine', 'Kuupäev', 'Lehekülg 1 / 1']) {
      expect(page).toContain(run);
    }
    expect(page.filter((r) => r === 'Allkiri')).toHaveLength(2);
    expect(page.some((r) => r.startsWith('Dokument on koostatud infosüsteemis Tugi.'))).toBe(true);
  });
});

describe('X-DOC renderPdf: page breaks', () => {
  it('X-DOC: a long attendance list spans the right number of pages, each with header and "page X of Y"', async () => {
    const pdf = await inspect(longDocument(120, 3));
    // 3 long paragraphs + 120 rows of ~21.5 pt: page 1 takes 4 rows, later pages 31 each → 5 pages.
    expect(pdf.pageCount).toBe(5);
    expect(pdf.pageObjects).toBe(5);
    expect(pdf.pages).toHaveLength(5);
    pdf.pages.forEach((page, i) => {
      expect(page).toContain(`Lehekülg ${i + 1} / 5`);
      expect(page).toContain('Koostatud 05.03.2025 14:30');
      expect(page).toContain('Sotsiaalkindlustusamet');
      // The table's header row is repeated on every page the table reaches.
      expect(page).toContain('Märkus');
    });
  });

  it('X-DOC: every table row is printed exactly once across the pages', async () => {
    const { pages } = await inspect(longDocument(120));
    const names = pages.flat().filter((r) => /^Osaleja \d+$/.test(r));
    expect(names).toEqual(Array.from({ length: 120 }, (_, i) => `Osaleja ${i + 1}`));
  });

  it('X-DOC: more content never means fewer pages, and a short document is one page', async () => {
    const counts = await Promise.all([0, 30, 60, 200].map(async (n) => (await inspect(longDocument(n))).pageCount));
    expect(counts[0]).toBe(1);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(counts[3]).toBeGreaterThan(counts[1] ?? 0);
  });

  it('X-DOC: a section heading stays on the page of its table, even when the first row is huge', async () => {
    const huge = 'Pikk lahter, mis täidab peaaegu terve lehekülje. '.repeat(400);
    const spec: PdfDocument = {
      ...opinionEt,
      sections: [{ heading: 'Eelnev', paragraphs: ['Lühike lõik.'.repeat(60)] }, { heading: 'Tabel', table: { headers: ['A', 'B'], rows: [['x', huge], ['y', 'z']] } }],
    };
    const { pages } = await inspect(spec);
    const withHeading = pages.find((p) => p.includes('Tabel'));
    expect(withHeading).toContain('x');
    // The oversized cell is cut with an ellipsis rather than lost or overflowing.
    expect(withHeading?.some((r) => r.endsWith('…'))).toBe(true);
  });
});

describe('X-DOC renderPdf: awkward input', () => {
  it('X-DOC: control characters, emoji, empty parts and ragged tables do not throw', async () => {
    const spec: PdfDocument = {
      language: 'en',
      issuer: 'Sotsiaalkindlustusamet',
      title: 'Tab\there\r\nNUL\u0000gone',
      meta: [{ label: 'Empty', value: '' }],
      sections: [
        { heading: 'Nothing' },
        { heading: 'Ragged', table: { headers: [], rows: [['a'], ['b', 'c', 'd']] } },
        { heading: 'Empty table', table: { headers: [], rows: [] } },
        { heading: 'Long word', paragraphs: ['x'.repeat(2000)] },
        // Not in Roboto: printed as a missing-glyph box, must not throw.
        { heading: 'Emoji 😀 汉字', items: ['🙂'] },
      ],
      createdAt: CREATED_AT,
    };
    const pdf = await inspect(spec);
    expect(pdf.pages[0]?.slice(0, 2)).toEqual(['Tab    here', 'NULgone']);
    expect(pdf.text).toContain('Page 1 of');
    expect(pdf.pages[0]).toContain('—');
  });
});
