import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';

/** One thing on a user's home page: something due, waiting or gone wrong. */
export interface DueItem {
  id: string;
  module: string;
  /** i18n key of the web app; `params` fill its placeholders. */
  titleKey: string;
  params?: Record<string, string | number>;
  count?: number;
  dueDate?: string;
  severity: 'info' | 'warning' | 'overdue';
  link?: string;
}

/**
 * The one small interface through which each module adds to the home page:
 * given the user, return what is due for them (already limited by the policy).
 */
export type DueItemsProvider = (db: Kysely<DB>, actor: Actor) => Promise<DueItem[]>;

// A set: the app may be built more than once in one process (tests), registering the same providers again.
const providers = new Set<DueItemsProvider>();

export function registerDueItems(provider: DueItemsProvider): void {
  providers.add(provider);
}

const SEVERITY_ORDER = { overdue: 0, warning: 1, info: 2 } as const;

export async function dueItemsFor(db: Kysely<DB>, actor: Actor): Promise<DueItem[]> {
  const lists = await Promise.all([...providers].map((provider) => provider(db, actor)));
  return lists.flat().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}
