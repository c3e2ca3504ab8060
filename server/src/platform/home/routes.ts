import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/index.js';
import { dueItemsFor } from './due-items.js';

const dueItem = z.object({
  id: z.string(),
  module: z.string(),
  titleKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  count: z.number().optional(),
  dueDate: z.string().optional(),
  severity: z.enum(['info', 'warning', 'overdue']),
  link: z.string().optional(),
});

export function registerHomeRoutes(root: FastifyInstance, deps: AppDeps): void {
  root.withTypeProvider<ZodTypeProvider>().get('/api/home', {
    config: { access: 'authenticated' },
    schema: { tags: ['home'], summary: "What is due for the current user, from every module", response: { 200: z.object({ items: z.array(dueItem) }) } },
    handler: async (request) => ({ items: await dueItemsFor(deps.db, request.actor!) }),
  });
}
