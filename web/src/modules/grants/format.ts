import { formatEuros } from '../../platform/format';
import { currentLanguage } from '../../platform/i18n';
import type { ApplicationStatus } from './types';

/** Money is integer cents: shown with the platform's formatter in the UI language. */
export const euros = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : formatEuros(cents, currentLanguage()));

/**
 * A euro amount typed by a person → integer cents, without floating point:
 * "170 983", "170983,00", "170,983.00" (en), "1905.31" → 17098300, …, 190531; null if it is not an amount.
 */
export function parseEuros(text: string): number | null {
  let s = text.replace(/[\s\u00a0€]/g, '');
  if (!s) return null;
  // "170,983.00": a comma before a dot is a thousands separator.
  if (/,\d{3}(\.|$)/.test(s) && s.includes('.')) s = s.replace(/,/g, '');
  s = s.replace(',', '.');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Cents as an editable amount: 17098300 → "170983,00" (en "170983.00"). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return currentLanguage() === 'en' ? text : text.replace('.', ',');
}

export const STATUS_COLOR: Record<ApplicationStatus, string> = {
  draft: 'gray', submitted: 'blue', in_review: 'blue', eligible: 'green', rejected: 'red', granted: 'green', not_funded: 'orange', contract_sent: 'orange', contract_signed: 'green', lapsed: 'gray',
};
