import type { PdfDocument } from '../../platform/documents/pdf.js';
import { formatDateEt } from '../../platform/calendar/working-days.js';
import type { Locale } from '../../platform/db/schema.js';
import { certificateNumber } from './rules.js';

/**
 * C-5, X-DOC: the certificate of a training attended in full, built from the
 * record, in the participant's language. Issued by the training provider,
 * which SKA commissioned (004: "Sotsiaalkindlustusameti hange"); the trainer
 * signs it. Tugi records attendance, not an assessment of learning outcomes, so
 * it certifies attendance (a "tõend", see docs/decisions.md).
 */
export interface CertificateInput {
  language: Locale;
  participant: string;
  organisation: string;
  training: { reference: string; title: string; academicHours: number; days: number; form: 'in_person' | 'online'; topics: string[] };
  group: { number: number; city: string | null; venue: string | null; days: string[] };
  provider: string;
  trainer: string | null;
  queueNo: number;
  createdAt: Date;
}

const LABELS = {
  et: {
    title: 'Tõend koolitusel osalemise kohta',
    intro: (name: string, title: string) => `${name} osales koolitusel „${title}“ täies mahus.`,
    participant: 'Osaleja',
    organisation: 'Asutus',
    training: 'Koolitus',
    volume: 'Maht',
    volumeText: (h: number, d: number) => `${h} akadeemilist tundi, ${d} ${d === 1 ? 'koolituspäev' : 'koolituspäeva'}`,
    form: 'Õppevorm',
    forms: { in_person: 'kontaktõpe', online: 'veebiõpe' },
    dates: 'Toimumisaeg',
    place: 'Toimumiskoht',
    provider: 'Koolitaja',
    commissioned: 'Tellija',
    number: 'Tõendi number',
    topics: 'Koolitusel käsitletud teemad',
    trainer: 'koolitaja',
  },
  en: {
    title: 'Certificate of attendance',
    intro: (name: string, title: string) => `${name} attended the training “${title}” in full.`,
    participant: 'Participant',
    organisation: 'Organisation',
    training: 'Training',
    volume: 'Volume',
    volumeText: (h: number, d: number) => `${h} academic hours, ${d} ${d === 1 ? 'training day' : 'training days'}`,
    form: 'Form',
    forms: { in_person: 'in person', online: 'online' },
    dates: 'Dates',
    place: 'Place',
    provider: 'Training provider',
    commissioned: 'Commissioned by',
    number: 'Certificate number',
    topics: 'Topics covered',
    trainer: 'trainer',
  },
  ru: {
    title: 'Справка об участии в обучении',
    intro: (name: string, title: string) => `${name} полностью прошёл(ла) обучение «${title}».`,
    participant: 'Участник',
    organisation: 'Учреждение',
    training: 'Обучение',
    volume: 'Объём',
    volumeText: (h: number, d: number) => `${h} академических часов, учебных дней: ${d}`,
    form: 'Форма обучения',
    forms: { in_person: 'очно', online: 'онлайн' },
    dates: 'Время проведения',
    place: 'Место проведения',
    provider: 'Организатор обучения',
    commissioned: 'Заказчик',
    number: 'Номер справки',
    topics: 'Темы обучения',
    trainer: 'тренер',
  },
} as const;

export function certificateDocument(c: CertificateInput): PdfDocument {
  const l = LABELS[c.language];
  const number = certificateNumber(c.training.reference, c.group.number, c.queueNo);
  const place = [c.group.venue, c.group.city].filter(Boolean).join(', ') || l.forms.online;
  return {
    language: c.language,
    issuer: c.provider,
    title: l.title,
    reference: number,
    meta: [
      { label: l.participant, value: c.participant },
      { label: l.organisation, value: c.organisation },
      { label: l.training, value: c.training.title },
      { label: l.volume, value: l.volumeText(c.training.academicHours, c.training.days) },
      { label: l.form, value: l.forms[c.training.form] },
      { label: l.dates, value: c.group.days.map(formatDateEt).join(', ') },
      { label: l.place, value: place },
      { label: l.provider, value: c.provider },
      { label: l.commissioned, value: 'Sotsiaalkindlustusamet' },
      { label: l.number, value: number },
    ],
    sections: [
      { heading: l.training, paragraphs: [l.intro(c.participant, c.training.title)] },
      { heading: l.topics, items: c.training.topics },
    ],
    signatureLines: [c.trainer ? `${c.trainer}, ${l.trainer}` : l.provider],
    createdAt: c.createdAt,
  };
}

export function certificateFilename(reference: string, groupNumber: number, queueNo: number): string {
  return `certificate-${certificateNumber(reference, groupNumber, queueNo)}.pdf`;
}
