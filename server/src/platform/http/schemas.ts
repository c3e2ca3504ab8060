import { z } from 'zod';
import { LOCALES, ORGANISATION_KINDS, ROLES } from '../db/schema.js';
import { isIsoDate } from '../calendar/working-days.js';

/** Shared request/response pieces, so the OpenAPI document names them once. */
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });
export const roleSchema = z.enum(ROLES);
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export const localeSchema = z.enum(LOCALES);
export const isoDate = z.string().refine(isIsoDate, 'expected a real date as YYYY-MM-DD');
export const timestamp = z.string();
export const versionBody = z.object({ version: z.number().int().min(1) }).strict();
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export const trimmed = (max: number) => z.string().trim().min(1).max(max);
