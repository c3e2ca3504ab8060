import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { sendExport, exportQuery } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { statsYears, yearlyStats, type StatsRow } from './stats.js';

const STATS_ROLES = ['ska_specialist', 'ska_manager', 'kov_worker'] as const;
const statsQuery = { year: z.coerce.number().int().min(2000).max(2100), groupBy: z.enum(['total', 'county', 'kov', 'specialist']).default('total') };
const statsRow = z.object({ key: z.string(), label: z.string(), applications: z.number(), handled: z.number(), international: z.number(), klatOpinions: z.number() });

const columns: ExportColumn<StatsRow>[] = [
  { key: 'label', header: 'Rühm / Group', value: (r) => r.label },
  { key: 'applications', header: 'Nõustamistaotlusi / Applications', value: (r) => r.applications },
  { key: 'handled', header: 'Juhtumeid kokku / Cases handled', value: (r) => r.handled },
  { key: 'international', header: 'Rahvusvahelisi pöördumisi / International appeals', value: (r) => r.international },
  { key: 'klatOpinions', header: 'KLAT arvamusi / KLAT opinions', value: (r) => r.klatOpinions },
];

/** A-STAT: the yearly numbers as JSON for the dashboard, and as CSV/XLSX. */
export function registerCaseStatsRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/cases/stats', {
    config: { access: STATS_ROLES },
    schema: {
      tags: ['cases'],
      summary: 'Yearly numbers (applications, cases handled, international appeals, KLAT opinions) by group (A-STAT)',
      querystring: z.object(statsQuery).strict(),
      response: { 200: z.object({ year: z.number(), groupBy: z.string(), rows: z.array(statsRow), years: z.array(z.number()) }) },
    },
    handler: async (request) => {
      const { year, groupBy } = request.query;
      const [rows, years] = [await yearlyStats(deps.db, request.actor!, year, groupBy), await statsYears(deps.db, request.actor!)];
      return { year, groupBy, rows, years };
    },
  });

  app.get('/api/cases/stats/export', {
    config: { access: STATS_ROLES },
    schema: { tags: ['cases'], summary: 'The yearly numbers as CSV or XLSX (A-STAT, X-EXPORT)', querystring: z.object({ ...statsQuery, ...exportQuery }).strict() },
    handler: async (request, reply) => {
      const { year, groupBy, format } = request.query;
      const rows = await yearlyStats(deps.db, request.actor!, year, groupBy);
      return sendExport(reply, format, `statistika-${year}`, columns, rows);
    },
  });
}
