import { formatDateEt } from '../../../platform/calendar/working-days.js';
import type { GroupFamilyType } from '../service-tables.js';

/**
 * The embeddable list of upcoming support groups (§2.8.2.2): one small HTML
 * page without scripts, every value HTML-escaped, in Estonian, English or Russian.
 */
export const WIDGET_LANGS = ['et', 'en', 'ru'] as const;
export type WidgetLang = (typeof WIDGET_LANGS)[number];

export interface PublicGroup {
  id: string;
  date: string;
  startsAt: string;
  minutes: number;
  online: boolean;
  place: string | null;
  municipality: string | null;
  topic: string;
  familyType: GroupFamilyType;
  leaderName: string;
  publicInfo: string | null;
  provider: string;
}

const TEXT: Record<WidgetLang, { title: string; titleOf: string; empty: string; online: string; leader: string; join: string; forFamilies: Record<GroupFamilyType, string>; minutes: string; by: string; note: string }> = {
  et: {
    title: 'Tulevased tugigrupid',
    titleOf: 'Tulevased tugigrupid: {provider}',
    empty: 'Praegu ei ole tulevasi tugigruppe kavas.',
    online: 'veebis',
    leader: 'Läbiviija',
    join: 'Osalemine',
    forFamilies: { hooldus: 'hooldusperedele', eestkoste: 'eestkosteperedele', lapsendaja: 'lapsendajaperedele', mixed: 'kõigile kasuperedele' },
    minutes: 'min',
    by: 'Korraldaja',
    note: 'Tugigrupid on tasuta hooldus-, eestkoste- ja lapsendajaperedele (Sotsiaalkindlustusameti teenus).',
  },
  en: {
    title: 'Upcoming support groups',
    titleOf: 'Upcoming support groups: {provider}',
    empty: 'No upcoming support groups are planned at the moment.',
    online: 'online',
    leader: 'Led by',
    join: 'How to join',
    forFamilies: { hooldus: 'for foster families', eestkoste: 'for guardianship families', lapsendaja: 'for adoptive families', mixed: 'for all foster families' },
    minutes: 'min',
    by: 'Organised by',
    note: 'Support groups are free for foster, guardianship and adoptive families (a service of the Social Insurance Board).',
  },
  ru: {
    title: 'Предстоящие группы поддержки',
    titleOf: 'Предстоящие группы поддержки: {provider}',
    empty: 'Сейчас предстоящих групп поддержки нет.',
    online: 'онлайн',
    leader: 'Ведущий',
    join: 'Как участвовать',
    forFamilies: { hooldus: 'для приёмных семей', eestkoste: 'для семей опекунов', lapsendaja: 'для семей усыновителей', mixed: 'для всех замещающих семей' },
    minutes: 'мин',
    by: 'Организатор',
    note: 'Группы поддержки бесплатны для приёмных семей, семей опекунов и усыновителей (услуга Департамента социального страхования).',
  },
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function endTime(startsAt: string, minutes: number): string {
  const [h, m] = startsAt.split(':').map(Number) as [number, number];
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const STYLE = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:15px;line-height:1.45;color:#1b1b1b;background:#fff}
main{padding:12px}
h1{font-size:18px;margin:0 0 10px}
ul{list-style:none;margin:0;padding:0}
li{border:1px solid #d5d9de;border-radius:6px;padding:10px 12px;margin:0 0 10px}
.when{font-weight:600}
.topic{font-size:16px;margin:2px 0}
.meta{color:#4a4f55;font-size:14px}
.join{margin-top:6px;white-space:pre-line}
.note{color:#4a4f55;font-size:13px;margin-top:8px}
`;

/** A complete HTML document; `groups` come from `publicGroups` (public fields only). */
export function renderWidget(groups: readonly PublicGroup[], options: { lang: WidgetLang; providerName: string | null }): string {
  const t = TEXT[options.lang];
  const title = options.providerName ? t.titleOf.replace('{provider}', options.providerName) : t.title;
  const items = groups
    .map((g) => {
      const where = g.online ? t.online : [g.place, g.municipality].filter(Boolean).join(', ');
      const lines = [
        `<div class="when">${escapeHtml(formatDateEt(g.date))} ${escapeHtml(g.startsAt)}–${escapeHtml(endTime(g.startsAt, g.minutes))} · ${escapeHtml(where)}</div>`,
        `<div class="topic">${escapeHtml(g.topic)}</div>`,
        `<div class="meta">${escapeHtml(t.forFamilies[g.familyType])} · ${escapeHtml(t.leader)}: ${escapeHtml(g.leaderName)}${options.providerName ? '' : ` · ${escapeHtml(t.by)}: ${escapeHtml(g.provider)}`}</div>`,
        ...(g.publicInfo ? [`<div class="join"><strong>${escapeHtml(t.join)}:</strong> ${escapeHtml(g.publicInfo)}</div>`] : []),
      ];
      return `<li>${lines.join('')}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${groups.length ? `<ul>\n${items}\n</ul>` : `<p>${escapeHtml(t.empty)}</p>`}
<p class="note">${escapeHtml(t.note)}</p>
</main>
</body>
</html>
`;
}
