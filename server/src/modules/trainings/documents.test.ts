import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../platform/documents/pdf.js';
import { certificateDocument } from './documents.js';

const input = {
  participant: 'Liis Lepik',
  organisation: 'Tartu linn',
  training: { reference: 'KO-2024-01', title: 'Laste ja perede kiindumussuhte toetamine lastekaitsetöös', academicHours: 8, days: 1, form: 'in_person' as const, topics: ['Perekond kui süsteem', 'Kiindumussuhte areng'] },
  group: { number: 3, city: 'Tartu', venue: 'SKA koolitusruum', days: ['2024-11-19'] },
  provider: 'Koolituskeskus Kompass OÜ',
  trainer: 'Helen Org',
  queueNo: 42,
  createdAt: new Date('2024-11-20T10:00:00Z'),
};

describe('C-5 certificate (X-DOC)', () => {
  it('C-5: names the participant, the training, its volume, days and place, the provider for SKA, its number and the trainer to sign', () => {
    const doc = certificateDocument({ ...input, language: 'et' });
    expect(doc).toMatchObject({ title: 'Tõend koolitusel osalemise kohta', issuer: 'Koolituskeskus Kompass OÜ', reference: 'KO-2024-01-3-0042', signatureLines: ['Helen Org, koolitaja'] });
    const meta = Object.fromEntries(doc.meta.map((m) => [m.label, m.value]));
    expect(meta).toMatchObject({ Osaleja: 'Liis Lepik', Asutus: 'Tartu linn', Maht: '8 akadeemilist tundi, 1 koolituspäev', Toimumisaeg: '19.11.2024', Toimumiskoht: 'SKA koolitusruum, Tartu', Tellija: 'Sotsiaalkindlustusamet' });
    expect(doc.sections[1]!.items).toEqual(input.training.topics);
  });

  it('C-5: in the participant’s language, and renders to a PDF', async () => {
    expect(certificateDocument({ ...input, language: 'en' }).title).toBe('Certificate of attendance');
    const ru = certificateDocument({ ...input, language: 'ru', trainer: null });
    expect(ru.title).toBe('Справка об участии в обучении');
    expect(ru.signatureLines).toEqual(['Организатор обучения']);
    const pdf = await renderPdf(ru);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
