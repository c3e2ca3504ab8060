import type { PdfDocument, PdfSection } from '../../platform/documents/pdf.js';
import { formatDateEt } from '../../platform/calendar/working-days.js';
import type { EpisodeRecord, FamilyRecord } from './queries.js';
import type { KovReportKind, SupportKind } from './tables.js';

/**
 * X-DOC for family support: the cooperation agreement (003 Lisa 6/7), the
 * termination agreement (Lisa 10/11), the support plan (Lisa 9) and the
 * written overviews to the KOV (B-KOV), built from the record in the family's
 * language (Estonian or Russian, §2.8.9). No origin data of a child is ever
 * printed (X-SECRET).
 */
export const EPISODE_DOCUMENTS = ['cooperation_agreement', 'termination_agreement', 'support_plan'] as const;
export type EpisodeDocument = (typeof EPISODE_DOCUMENTS)[number];

type Lang = 'et' | 'ru';
type LabelKey =
  | EpisodeDocument
  | KovReportKind
  | 'family' | 'parents' | 'child' | 'kov' | 'provider' | 'specialist' | 'kind' | 'startsOn' | 'agreedOn' | 'endsOn' | 'endReason' | 'goals' | 'activities'
  | 'familyActivities' | 'goalsReached' | 'furtherNeeds' | 'kovRecommendations' | 'terminationActivities' | 'goal' | 'status' | 'addedOn' | 'meetings' | 'date'
  | 'contact' | 'duration' | 'notes' | 'period' | 'progress' | 'difficulties' | 'planAttached' | 'reference' | 'parentSignature' | 'specialistSignature'
  | 'adaptation' | 'needs_based' | 'mentoring' | 'open' | 'reached' | 'dropped' | 'start' | 'added';

const LABELS: Record<Lang, Record<LabelKey, string>> = {
  et: {
    cooperation_agreement: 'Peretoe teenuse koostöölepe',
    termination_agreement: 'Peretoe teenuse lõpetamise kokkulepe',
    support_plan: 'Peretoe plaan',
    start_notice: 'Teavitus peretoe teenuse alustamisest',
    quarterly_overview: 'Ülevaade peretoe teenuse kulgemisest',
    termination: 'Teavitus peretoe teenuse lõpetamisest',
    need_notice: 'Teavitus pere abivajadusest',
    family: 'Pere',
    parents: 'Vanemad',
    child: 'Laps',
    kov: 'Kohalik omavalitsus',
    provider: 'Teenuseosutaja',
    specialist: 'Peretoetaja',
    kind: 'Teenuse liik',
    startsOn: 'Teenuse algus',
    agreedOn: 'Koostöölepe sõlmitud',
    endsOn: 'Teenuse lõpp',
    endReason: 'Lõpetamise põhjus',
    goals: 'Teenuse eesmärgid',
    activities: 'Peretoetaja tegevused',
    familyActivities: 'Pere tegevused',
    goalsReached: 'Saavutatud eesmärgid',
    furtherNeeds: 'Pere edasised vajadused',
    kovRecommendations: 'Soovitused kohalikule omavalitsusele',
    terminationActivities: 'Teenuse jooksul ette võetud tegevused',
    goal: 'Eesmärk',
    status: 'Seis',
    addedOn: 'Lisatud',
    meetings: 'Kohtumiste sisu eesmärkide poole liikumisel',
    date: 'Kuupäev',
    contact: 'Kontakt',
    duration: 'Kestus (min)',
    notes: 'Sisu',
    period: 'Periood',
    progress: 'Teenuse kulg ja edusammud',
    difficulties: 'Raskused',
    planAttached: 'Peretoe plaan on lisatud.',
    reference: 'Pere viide',
    parentSignature: 'Pere esindaja',
    specialistSignature: 'Peretoetaja',
    adaptation: 'Peretugi kohanemise toetamiseks',
    needs_based: 'Vajaduspõhine peretugi',
    mentoring: 'Mentorlus',
    open: 'Pooleli',
    reached: 'Saavutatud',
    dropped: 'Loobutud',
    start: 'Algusest',
    added: 'Lisandunud',
  },
  ru: {
    cooperation_agreement: 'Соглашение о сотрудничестве (услуга поддержки семьи)',
    termination_agreement: 'Соглашение о прекращении услуги поддержки семьи',
    support_plan: 'План поддержки семьи',
    start_notice: 'Уведомление о начале услуги поддержки семьи',
    quarterly_overview: 'Обзор хода услуги поддержки семьи',
    termination: 'Уведомление о прекращении услуги поддержки семьи',
    need_notice: 'Уведомление о потребности семьи в помощи',
    family: 'Семья',
    parents: 'Родители',
    child: 'Ребёнок',
    kov: 'Самоуправление',
    provider: 'Поставщик услуги',
    specialist: 'Специалист по поддержке семьи',
    kind: 'Вид услуги',
    startsOn: 'Начало услуги',
    agreedOn: 'Соглашение заключено',
    endsOn: 'Окончание услуги',
    endReason: 'Причина прекращения',
    goals: 'Цели услуги',
    activities: 'Действия специалиста',
    familyActivities: 'Действия семьи',
    goalsReached: 'Достигнутые цели',
    furtherNeeds: 'Дальнейшие потребности семьи',
    kovRecommendations: 'Рекомендации самоуправлению',
    terminationActivities: 'Действия в ходе услуги',
    goal: 'Цель',
    status: 'Состояние',
    addedOn: 'Добавлена',
    meetings: 'Содержание встреч в движении к целям',
    date: 'Дата',
    contact: 'Контакт',
    duration: 'Длительность (мин)',
    notes: 'Содержание',
    period: 'Период',
    progress: 'Ход услуги и успехи',
    difficulties: 'Трудности',
    planAttached: 'План поддержки семьи прилагается.',
    reference: 'Номер семьи',
    parentSignature: 'Представитель семьи',
    specialistSignature: 'Специалист по поддержке семьи',
    adaptation: 'Поддержка семьи в период адаптации',
    needs_based: 'Поддержка семьи по потребности',
    mentoring: 'Менторство',
    open: 'В процессе',
    reached: 'Достигнута',
    dropped: 'Отменена',
    start: 'С начала',
    added: 'Добавлена позже',
  },
};

const END_REASONS: Record<Lang, Record<string, string>> = {
  et: { goals_reached: 'Eesmärgid saavutatud', volume_used: 'Teenuse maht täis', child_left: 'Laps lahkus perest', switch_to_adaptation: 'Üleminek kohanemise toele (uus laps)', family_request: 'Pere soovil', other: 'Muu' },
  ru: { goals_reached: 'Цели достигнуты', volume_used: 'Объём услуги исчерпан', child_left: 'Ребёнок покинул семью', switch_to_adaptation: 'Переход на поддержку адаптации (новый ребёнок)', family_request: 'По желанию семьи', other: 'Другое' },
};

const CONTACT_LABELS: Record<Lang, Record<string, string>> = {
  et: { call: 'Telefonikõne', email: 'E-kiri', message: 'Sõnum', home_visit: 'Kodukülastus', meeting: 'Kohtumine', remote_meeting: 'Kaugkohtumine', continued_support: 'Jätkutugi' },
  ru: { call: 'Звонок', email: 'Эл. письмо', message: 'Сообщение', home_visit: 'Визит на дом', meeting: 'Встреча', remote_meeting: 'Удалённая встреча', continued_support: 'Продолжение поддержки' },
};

export interface EpisodeDocumentInput {
  family: FamilyRecord;
  episode: EpisodeRecord;
  parents: { first_name: string; last_name: string }[];
  child: { first_name: string; last_name: string } | null;
  kovName: string;
  providerName: string;
  specialistName: string | null;
  goals: { id: string; text: string; origin: 'start' | 'added'; added_on: string; status: string }[];
  contacts: { kind: string; occurred_on: string; duration_minutes: number; notes: string | null; goal_notes: { goalId: string; note: string }[] }[];
  createdAt: Date;
}

export function documentAvailable(kind: EpisodeDocument, e: EpisodeRecord): boolean {
  if (kind === 'cooperation_agreement') return Boolean(e.agreement_on);
  if (kind === 'termination_agreement') return e.status === 'ended';
  return e.kind === 'needs_based';
}

const paragraphs = (text: string | null) => (text ?? '—').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const date = (d: string | null) => (d ? formatDateEt(d) : '—');
const name = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

function meta(input: EpisodeDocumentInput, l: Record<LabelKey, string>) {
  const { episode: e } = input;
  return [
    { label: l.reference, value: input.family.reference },
    { label: l.parents, value: input.parents.map(name).join(', ') || '—' },
    ...(input.child ? [{ label: l.child, value: name(input.child) }] : []),
    { label: l.kind, value: l[e.kind as SupportKind] },
    { label: l.provider, value: input.providerName },
    { label: l.specialist, value: input.specialistName ?? '—' },
    { label: l.startsOn, value: date(e.starts_on) },
    ...(e.agreement_on ? [{ label: l.agreedOn, value: date(e.agreement_on) }] : []),
    ...(e.ends_on ? [{ label: l.endsOn, value: date(e.ends_on) }] : []),
  ];
}

function planSections(input: EpisodeDocumentInput, l: Record<LabelKey, string>, lang: Lang): PdfSection[] {
  const goalText = new Map(input.goals.map((g) => [g.id, g.text]));
  const rows = input.contacts
    .filter((c) => c.goal_notes.length || c.notes)
    .slice()
    .sort((a, b) => a.occurred_on.localeCompare(b.occurred_on))
    .map((c) => [
      formatDateEt(c.occurred_on),
      CONTACT_LABELS[lang][c.kind] ?? c.kind,
      [c.notes ?? '', ...c.goal_notes.map((g) => `${goalText.get(g.goalId) ?? ''}: ${g.note}`)].filter(Boolean).join('\n'),
    ]);
  return [
    { heading: l.goals, table: { headers: [l.goal, l.addedOn, l.status], rows: input.goals.map((g) => [g.text, `${formatDateEt(g.added_on)} (${l[g.origin]})`, l[g.status as 'open' | 'reached' | 'dropped'] ?? g.status]) } },
    ...(rows.length ? [{ heading: l.meetings, table: { headers: [l.date, l.contact, l.notes], rows } }] : []),
  ];
}

export function episodeDocument(kind: EpisodeDocument, input: EpisodeDocumentInput): PdfDocument {
  const lang: Lang = input.family.language;
  const l = LABELS[lang];
  const e = input.episode;
  let sections: PdfSection[];
  if (kind === 'cooperation_agreement') {
    sections = [
      { heading: l.goals, paragraphs: paragraphs(e.agreement_goals) },
      { heading: l.activities, paragraphs: paragraphs(e.agreement_activities) },
      ...(e.family_activities ? [{ heading: l.familyActivities, paragraphs: paragraphs(e.family_activities) }] : []),
    ];
  } else if (kind === 'termination_agreement') {
    sections = [
      { heading: l.endReason, paragraphs: [e.end_reason ? (END_REASONS[lang][e.end_reason] ?? e.end_reason) : '—'] },
      { heading: l.terminationActivities, paragraphs: paragraphs(e.termination_activities) },
      { heading: l.goalsReached, paragraphs: paragraphs(e.termination_goals_reached) },
      { heading: l.furtherNeeds, paragraphs: paragraphs(e.termination_further_needs) },
      ...(e.termination_kov_recommendations ? [{ heading: l.kovRecommendations, paragraphs: paragraphs(e.termination_kov_recommendations) }] : []),
    ];
  } else {
    sections = planSections(input, l, lang);
  }
  return {
    language: lang,
    issuer: input.providerName,
    title: l[kind],
    reference: input.family.reference,
    meta: meta(input, l),
    sections,
    signatureLines: kind === 'support_plan' ? [] : [l.parentSignature, `${input.specialistName ?? ''}, ${l.specialistSignature}`],
    createdAt: input.createdAt,
  };
}

/** B-KOV: what the KOV receives — the start notice, a quarterly overview (with the support plan for needs-based support), the termination or a need notice. */
export function kovReportDocument(
  report: { kind: KovReportKind; period_start: string | null; period_end: string | null; progress: string | null; difficulties: string | null; includes_plan: boolean; sent_on: string },
  input: EpisodeDocumentInput,
): PdfDocument {
  const lang: Lang = input.family.language;
  const l = LABELS[lang];
  const sections: PdfSection[] = [];
  if (report.kind === 'start_notice') sections.push({ heading: l.goals, paragraphs: paragraphs(input.episode.agreement_goals) }, { heading: l.activities, paragraphs: paragraphs(input.episode.agreement_activities) });
  if (report.progress) sections.push({ heading: report.kind === 'termination' ? l.goalsReached : l.progress, paragraphs: paragraphs(report.progress) });
  if (report.difficulties) sections.push({ heading: l.difficulties, paragraphs: paragraphs(report.difficulties) });
  if (report.kind === 'termination' && input.episode.termination_kov_recommendations) sections.push({ heading: l.kovRecommendations, paragraphs: paragraphs(input.episode.termination_kov_recommendations) });
  if (report.includes_plan) sections.push(...planSections(input, l, lang));
  return {
    language: lang,
    issuer: input.providerName,
    title: l[report.kind],
    reference: input.family.reference,
    meta: [
      { label: l.kov, value: input.kovName },
      ...meta(input, l),
      ...(report.period_start ? [{ label: l.period, value: `${date(report.period_start)} – ${date(report.period_end)}` }] : []),
      { label: l.date, value: date(report.sent_on) },
    ],
    sections,
    signatureLines: [],
    createdAt: input.createdAt,
  };
}
