import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';

/** Every migration, in order. A new migration is added here and never edited after it lands. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
};
