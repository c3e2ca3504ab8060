import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { EXPORT_CONTENT_TYPES, exportFilename, toCsv, toXlsx, type ExportColumn, type ExportFormat } from './export.js';

/** Exports are bounded: a bigger list is narrowed by its filters first. */
export const EXPORT_ROW_LIMIT = 10_000;
export const exportQuery = { format: z.enum(['csv', 'xlsx']).default('csv') };

/** Sends a list as a CSV or XLSX download (X-EXPORT). */
export async function sendExport<T>(reply: FastifyReply, format: ExportFormat, base: string, columns: readonly ExportColumn<T>[], rows: T[]) {
  const body = format === 'csv' ? toCsv(columns, rows) : await toXlsx(columns, rows, base);
  return reply
    .header('content-type', EXPORT_CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${exportFilename(base, format, new Date())}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
