import { LOCALES, type Locale } from '../db/schema.js';

/** Picks the first supported language from an Accept-Language header; Estonian by default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'et';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((r) => (LOCALES as readonly string[]).includes(r.lang));
  return (hit?.lang as Locale | undefined) ?? 'et';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
