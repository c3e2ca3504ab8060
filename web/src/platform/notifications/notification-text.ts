import type { i18n as I18n, TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../format';
import type { AppNotification } from './api';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Dates in the parameters are shown as dd.mm.yyyy (hh:mm) in Tallinn time. */
function displayParams(params: Record<string, string | number>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' && DATE_ONLY.test(value)) out[key] = formatDate(value);
    else if (typeof value === 'string' && TIMESTAMP.test(value)) out[key] = formatDateTime(value);
    else out[key] = value;
  }
  return out;
}

/**
 * The notification's text in the UI language. An unknown key, a key that names a group
 * instead of a text, or a text whose parameters were not given shows a generic fallback.
 */
export function notificationTitle(n: AppNotification, t: TFunction, i18n: I18n): string {
  const fallback = t('notifications.fallback');
  const params = displayParams(n.params);
  if (!n.titleKey || !i18n.exists(n.titleKey, params)) return fallback;
  const text: unknown = t(n.titleKey, { ...params, returnObjects: true });
  if (typeof text !== 'string' || text.includes('{{')) return fallback;
  return text;
}

/** Where a notification's link leads: a page of the app, a file of the API, or nowhere. */
export function linkTarget(link: string | null): { kind: 'route' | 'href'; to: string } | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link.startsWith('/api/') ? { kind: 'href', to: link } : { kind: 'route', to: link };
}
