import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/http/index.js';
import { contextOf } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { todayInTallinn } from '../../../platform/calendar/working-days.js';
import { contractSpend } from './spend.js';

const month = z.object({ month: z.string(), approvedCents: z.number().int(), submittedCents: z.number().int(), cumulativeApprovedCents: z.number().int() });
const contract = z.object({
  contractId: z.uuid(),
  reference: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  periodElapsed: z.number(),
  approvedToDateCents: z.number().int(),
  submittedCents: z.number().int(),
  invoicedCents: z.number().int(),
  months: z.array(month),
});

/** Spend against contract per provider (SKA; a provider admin sees its own contracts). */
export function registerSpendRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/families/spend', {
    config: { access: ['ska_contact', 'ska_manager', 'provider_admin'] },
    schema: {
      tags: ['families'],
      summary: 'Spend against contract: approved monthly totals per month and cumulative, submitted and waiting, e-invoiced (contracts have no ceiling amount, so none is shown)',
      querystring: z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() }).strict(),
      response: { 200: z.object({ year: z.number().int(), contracts: z.array(contract) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const today = todayInTallinn(new Date());
      const year = request.query.year ?? Number(today.slice(0, 4));
      const contracts = await contractSpend(deps.db, ctx.actor, year, today);
      await appendAudit(deps.db, ctx, contracts.map((c) => ({ action: 'list' as const, recordType: 'provider_contract', recordId: c.contractId })));
      return { year, contracts };
    },
  });
}
