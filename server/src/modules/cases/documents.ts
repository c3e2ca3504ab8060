import type { PdfDocument, PdfSection } from '../../platform/documents/pdf.js';
import { formatDateEt } from '../../platform/calendar/working-days.js';
import { CLOSING_ASSESSMENTS, type ClosingAssessment } from './tables.js';
import type { CaseRecord } from './queries.js';

/**
 * X-DOC for module A: the action plan, the case summary with recommendations
 * and the KLAT opinion, built from the record in the case's language.
 */
export const CASE_DOCUMENTS = ['action_plan', 'summary', 'klat_opinion'] as const;
export type CaseDocument = (typeof CASE_DOCUMENTS)[number];

type Lang = 'et' | 'en' | 'ru';
type Labels = Record<
  | 'action_plan' | 'summary' | 'klat_opinion' | 'reference' | 'child' | 'birthDate' | 'kov' | 'kovWorker' | 'specialist' | 'received' | 'star'
  | 'question' | 'plan' | 'assessments' | 'summaryText' | 'recommendations' | 'activities' | 'opinion' | 'supporting' | 'notSupporting'
  | 'opinionRecommendations' | 'alternativeMeasures' | 'courtDate' | 'issued' | 'date' | 'activity' | 'notes' | ClosingAssessment,
  string
>;

const LABELS: Record<Lang, Labels> = {
  et: {
    action_plan: 'Tegevuskava', summary: 'Nõustamise kokkuvõte', klat_opinion: 'Arvamus lapse vabadust piirava meetme sobivuse kohta',
    reference: 'Juhtumi viide', child: 'Laps', birthDate: 'Sünniaeg', kov: 'Kohalik omavalitsus', kovWorker: 'Lastekaitsetöötaja', specialist: 'SKA peaspetsialist',
    received: 'Taotlus saabunud', star: 'STAR-i menetlus', question: 'KOV-i küsimus', plan: 'Kokkulepitud tegevused', assessments: 'Lõpetamise hinnangud',
    summaryText: 'Kirjalik kokkuvõte', recommendations: 'Soovitused', activities: 'Toimingud', opinion: 'Arvamus', supporting: 'Toetav', notSupporting: 'Mittetoetav',
    opinionRecommendations: 'Soovitused lapse ja pere toetamiseks KLATis viibimise ajal ja järel', alternativeMeasures: 'Muud abimeetmed lapse vabadust piiramata',
    courtDate: 'Kohtuistung', issued: 'Arvamus antud', date: 'Kuupäev', activity: 'Toiming', notes: 'Märkused',
    measures_effective: 'Abimeetmete tulemuslikkus', kov_continues_independently: 'KOV jätkab menetlust iseseisvalt', network_functioning: 'Toimiv võrgustik',
    kov_active: 'KOV aktiivsus', child_rights_ensured: 'Lapse õigused ja huvid on tagatud',
  },
  en: {
    action_plan: 'Action plan', summary: 'Consultation summary', klat_opinion: 'Opinion on the suitability of a measure restricting the child’s liberty',
    reference: 'Case reference', child: 'Child', birthDate: 'Date of birth', kov: 'Municipality', kovWorker: 'Child protection worker', specialist: 'SKA chief specialist',
    received: 'Application received', star: 'STAR proceedings', question: 'The municipality’s question', plan: 'Agreed activities', assessments: 'Closing assessments',
    summaryText: 'Written summary', recommendations: 'Recommendations', activities: 'Activities', opinion: 'Opinion', supporting: 'Supporting', notSupporting: 'Not supporting',
    opinionRecommendations: 'Recommendations for supporting the child and family during and after the stay', alternativeMeasures: 'Alternative measures without restricting liberty',
    courtDate: 'Court hearing', issued: 'Opinion issued', date: 'Date', activity: 'Activity', notes: 'Notes',
    measures_effective: 'Effectiveness of measures', kov_continues_independently: 'The municipality continues independently', network_functioning: 'Functioning network',
    kov_active: 'Activity of the municipality', child_rights_ensured: 'The child’s rights and interests are ensured',
  },
  ru: {
    action_plan: 'План действий', summary: 'Резюме консультирования', klat_opinion: 'Мнение о целесообразности меры, ограничивающей свободу ребёнка',
    reference: 'Номер дела', child: 'Ребёнок', birthDate: 'Дата рождения', kov: 'Самоуправление', kovWorker: 'Специалист по защите детей', specialist: 'Главный специалист SKA',
    received: 'Заявка получена', star: 'Производство в STAR', question: 'Вопрос самоуправления', plan: 'Согласованные действия', assessments: 'Оценки при закрытии',
    summaryText: 'Письменное резюме', recommendations: 'Рекомендации', activities: 'Действия', opinion: 'Мнение', supporting: 'Поддерживающее', notSupporting: 'Неподдерживающее',
    opinionRecommendations: 'Рекомендации по поддержке ребёнка и семьи во время и после пребывания', alternativeMeasures: 'Альтернативные меры без ограничения свободы',
    courtDate: 'Судебное заседание', issued: 'Мнение выдано', date: 'Дата', activity: 'Действие', notes: 'Примечания',
    measures_effective: 'Эффективность мер', kov_continues_independently: 'Самоуправление продолжает самостоятельно', network_functioning: 'Действующая сеть',
    kov_active: 'Активность самоуправления', child_rights_ensured: 'Права и интересы ребёнка обеспечены',
  },
};

export interface CaseDocumentInput {
  record: CaseRecord;
  parties: { first_name: string; last_name: string; birth_date: string; kov_name: string; kov_worker_name: string; specialist_name: string | null };
  activities: { kind: string; occurred_on: string; notes: string | null }[];
  activityLabel: (kind: string) => string;
  createdAt: Date;
}

/** Whether the record holds what the document needs (otherwise there is nothing to print yet). */
export function documentAvailable(kind: CaseDocument, c: CaseRecord): boolean {
  if (kind === 'action_plan') return c.type === 'domestic' && Boolean(c.action_plan);
  if (kind === 'summary') return Boolean(c.summary);
  return c.type === 'klat_opinion' && Boolean(c.opinion);
}

export function caseDocument(kind: CaseDocument, input: CaseDocumentInput): PdfDocument {
  const { record: c, parties: p } = input;
  const l = LABELS[c.language];
  const date = (d: string | null) => (d ? formatDateEt(d) : '—');
  const meta = [
    { label: l.child, value: `${p.first_name} ${p.last_name}` },
    { label: l.birthDate, value: date(p.birth_date) },
    { label: l.kov, value: p.kov_name },
    { label: l.kovWorker, value: p.kov_worker_name },
    { label: l.specialist, value: p.specialist_name ?? '—' },
    { label: l.received, value: date(c.received_on) },
    ...(c.star_reference ? [{ label: l.star, value: c.star_reference }] : []),
    ...(kind === 'klat_opinion' && c.court_date ? [{ label: l.courtDate, value: date(c.court_date) }] : []),
    ...(kind === 'klat_opinion' && c.opinion_issued_on ? [{ label: l.issued, value: date(c.opinion_issued_on) }] : []),
  ];
  const sections: PdfSection[] = [{ heading: l.question, paragraphs: paragraphs(c.question) }];
  if (kind === 'action_plan') sections.push({ heading: l.plan, paragraphs: paragraphs(c.action_plan) });
  if (kind === 'summary') sections.push(...summarySections(input, l));
  if (kind === 'klat_opinion') sections.push(...opinionSections(c, l));
  return {
    language: c.language,
    issuer: 'Sotsiaalkindlustusamet',
    title: l[kind],
    reference: c.reference,
    meta,
    sections,
    signatureLines: [`${p.specialist_name ?? ''}, ${l.specialist}`],
    createdAt: input.createdAt,
  };
}

function summarySections(input: CaseDocumentInput, l: Labels): PdfSection[] {
  const c = input.record;
  const assessed = CLOSING_ASSESSMENTS.filter((k) => c.assessments[k]);
  return [
    ...(assessed.length ? [{ heading: l.assessments, table: { headers: [l.assessments, ''], rows: assessed.map((k) => [l[k], c.assessments[k]!]) } }] : []),
    ...(input.activities.length
      ? [{ heading: l.activities, table: { headers: [l.date, l.activity, l.notes], rows: input.activities.map((a) => [formatDateEt(a.occurred_on), input.activityLabel(a.kind), a.notes ?? '']) } }]
      : []),
    { heading: l.summaryText, paragraphs: paragraphs(c.summary) },
    ...(c.recommendations ? [{ heading: l.recommendations, paragraphs: paragraphs(c.recommendations) }] : []),
  ];
}

function opinionSections(c: CaseRecord, l: Labels): PdfSection[] {
  return [
    { heading: l.opinion, paragraphs: [c.opinion === 'supporting' ? l.supporting : l.notSupporting] },
    { heading: l.opinionRecommendations, paragraphs: paragraphs(c.opinion_recommendations) },
    ...(c.opinion === 'not_supporting' ? [{ heading: l.alternativeMeasures, paragraphs: paragraphs(c.alternative_measures) }] : []),
  ];
}

function paragraphs(text: string | null): string[] {
  return (text ?? '—').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

const ACTIVITY_LABELS: Record<Lang, Record<string, string>> = {
  et: { case_discussion: 'Juhtumiarutelu', network_meeting: 'Võrgustikukohtumine', information_exchange: 'Infovahetus', star_monitoring: 'STAR-i jälgimine', continuous_overview: 'Järjepidev ülevaade', foreign_correspondence: 'Kirjavahetus välisriigi asutusega', other: 'Muu' },
  en: { case_discussion: 'Case discussion', network_meeting: 'Network meeting', information_exchange: 'Information exchange', star_monitoring: 'STAR monitoring', continuous_overview: 'Continuous overview', foreign_correspondence: 'Correspondence with a foreign authority', other: 'Other' },
  ru: { case_discussion: 'Обсуждение случая', network_meeting: 'Сетевая встреча', information_exchange: 'Обмен информацией', star_monitoring: 'Мониторинг в STAR', continuous_overview: 'Постоянный обзор', foreign_correspondence: 'Переписка с иностранным органом', other: 'Другое' },
};

export function activityLabel(language: Lang, kind: string): string {
  return ACTIVITY_LABELS[language][kind] ?? kind.replace(/_/g, ' ');
}
