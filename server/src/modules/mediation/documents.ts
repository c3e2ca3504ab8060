import type { PdfDocument } from '../../platform/documents/pdf.js';
import { formatDateEt, todayInTallinn } from '../../platform/calendar/working-days.js';
import type { PartyRow, ProceedingRow } from './queries.js';

/** X-DOC for module E: an administrative decision delivered through the correspondence (E-MSG), in the proceeding's language. */
const LABELS = {
  et: { number: 'Otsuse number', date: 'Kuupäev', proceedings: 'Perelepituse menetlus', parents: 'Vanemad', children: 'Lapsed', decision: 'Otsus', decidedBy: 'Otsustaja' },
  en: { number: 'Decision number', date: 'Date', proceedings: 'Family mediation proceedings', parents: 'Parents', children: 'Children', decision: 'Decision', decidedBy: 'Decided by' },
  ru: { number: 'Номер решения', date: 'Дата', proceedings: 'Производство по семейной медиации', parents: 'Родители', children: 'Дети', decision: 'Решение', decidedBy: 'Принял решение' },
} as const;

export function decisionDocument(
  p: Pick<ProceedingRow, 'reference' | 'language'>,
  parties: readonly Pick<PartyRow, 'role' | 'first_name' | 'last_name'>[],
  d: { number: string; title: string; body: string; decidedBy: string; createdAt: Date },
): PdfDocument {
  const l = LABELS[p.language];
  const names = (role: 'parent' | 'child') => parties.filter((x) => x.role === role).map((x) => `${x.first_name} ${x.last_name}`).join(', ');
  return {
    language: p.language,
    issuer: 'Sotsiaalkindlustusamet',
    title: d.title,
    reference: p.reference,
    meta: [
      { label: l.number, value: d.number },
      { label: l.date, value: formatDateEt(todayInTallinn(d.createdAt)) },
      { label: l.proceedings, value: p.reference },
      { label: l.parents, value: names('parent') },
      { label: l.children, value: names('child') },
    ],
    sections: [{ heading: l.decision, paragraphs: d.body.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean) }],
    signatureLines: [`${d.decidedBy}, ${l.decidedBy}`],
    createdAt: d.createdAt,
  };
}
