import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../../platform/http/index.js';
import type { DB } from '../../../platform/db/schema.js';
import type { Messages } from '../../../platform/i18n/messages.js';
import type { DueItemsProvider } from '../../../platform/home/due-items.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';

/** Module B part 2 — groups: the one entry point modules/index.ts wires in. */
export function registerGroupRoutes(_app: FastifyInstance, _deps: AppDeps): void {}

export const groupsMessages: Messages = {};

export const groupsDueItems: DueItemsProvider[] = [];

export function groupsJobs(_db: Kysely<DB>): JobDefinition[] {
  return [];
}
