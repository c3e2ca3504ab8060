import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../../platform/http/index.js';
import type { DB } from '../../../platform/db/schema.js';
import type { Messages } from '../../../platform/i18n/messages.js';
import type { DueItemsProvider } from '../../../platform/home/due-items.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { registerMonthlyReportRoutes } from './monthly-routes.js';
import { monthlyMessages } from './monthly-messages.js';
import { monthlyReportDueItems } from './monthly-due.js';
import { draftDueReports } from './monthly-service.js';
import { registerInvoiceRoutes, invoiceMessages } from './invoice-routes.js';
import { registerProviderReportRoutes, providerReportDueItems, providerReportJobs, providerReportMessages } from './provider-report-routes.js';

/** Module B part 2 — reporting: the one entry point modules/index.ts wires in. */
export function registerReportRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerMonthlyReportRoutes(app, deps);
  registerInvoiceRoutes(app, deps);
  registerProviderReportRoutes(app, deps);
}

export const reportingMessages: Messages = { ...monthlyMessages, ...invoiceMessages, ...providerReportMessages };

export const reportingDueItems: DueItemsProvider[] = [monthlyReportDueItems, ...providerReportDueItems];

export function reportingJobs(db: Kysely<DB>): JobDefinition[] {
  // B-REP-1: on the 1st, each provider's report of the month before is drafted (idempotent).
  return [{ name: 'monthly-reports-draft', cron: '0 6 1 * *', run: () => draftDueReports(db) }, ...providerReportJobs(db)];
}
