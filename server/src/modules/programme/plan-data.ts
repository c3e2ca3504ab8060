import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { compareIsoDates, isIsoDate } from '../../platform/calendar/working-days.js';
import { GRANT_MEASURES, IMPLEMENTERS } from './tables.js';
import { parseTimeframe } from './rules.js';

/**
 * D-PLAN: the structured file a plan is imported from (`server/data/programme-<year>.json`,
 * format `tugi-programme-plan/1`). The 2024 plan was transcribed from seed 000 by hand;
 * `dates` keeps each table's start–end column as written and `note` explains where the
 * ISO `start`/`end` differ from it.
 */
const isoDate = z.string().refine(isIsoDate, 'expected a real date as YYYY-MM-DD');
/** Object refinements run even when a field failed: compare only real dates (the field reports the rest). */
const notBefore = (start: string, end: string) => !isIsoDate(start) || !isIsoDate(end) || compareIsoDates(end, start) >= 0;
const text = (max: number) => z.string().trim().min(1).max(max);

const subactivity = z
  .object({
    no: z.number().int().min(1).max(99),
    title: text(500),
    generalTimeframe: z.string().refine((v) => parseTimeframe(v) !== null, 'expected a year or a range of years, e.g. 2024–2027'),
    dates: text(100),
    start: isoDate,
    end: isoDate,
    note: text(2000).optional(),
  })
  .strict()
  .refine((s) => notBefore(s.start, s.end), { message: 'end is before start', path: ['end'] });

const measure = z
  .object({
    title: text(500),
    description: z.string().max(4000).default(''),
    implementers: z.array(z.enum(IMPLEMENTERS)).min(1),
    implementersAsWritten: z.string().max(500).default(''),
    targetGroup: z.string().max(2000).default(''),
    grantMeasure: z.enum(GRANT_MEASURES).optional(),
    note: text(2000).optional(),
    subactivities: z.array(subactivity).max(50),
  })
  .strict()
  .refine((m) => new Set(m.subactivities.map((s) => s.no)).size === m.subactivities.length, { message: 'sub-activity numbers repeat', path: ['subactivities'] });

const activity = z
  .object({
    code: z.string().regex(/^\d+\.\d+$/),
    title: text(500),
    description: z.string().max(4000).default(''),
    note: text(2000).optional(),
    measures: z.array(measure).min(1).max(30),
  })
  .strict();

export const planFileSchema = z
  .object({
    format: z.literal('tugi-programme-plan/1'),
    year: z.number().int().min(2000).max(2100),
    title: text(500),
    periodStart: isoDate,
    periodEnd: isoDate,
    source: text(1000),
    notes: z.array(text(2000)).max(50).default([]),
    activities: z.array(activity).min(1).max(20),
  })
  .strict()
  .refine((p) => notBefore(p.periodStart, p.periodEnd), { message: 'periodEnd is before periodStart', path: ['periodEnd'] })
  .refine((p) => new Set(p.activities.map((a) => a.code)).size === p.activities.length, { message: 'activity codes repeat', path: ['activities'] });

export type PlanFile = z.infer<typeof planFileSchema>;

export const DATA_DIR = path.resolve(import.meta.dirname, '../../../data');

/** The plans that ship with Tugi, by year. */
export const BUNDLED_PLAN_YEARS = [2024] as const;

/** A plan file shipped in `server/data`, validated. */
export function readBundledPlan(year: number): PlanFile {
  const file = path.join(DATA_DIR, `programme-${year}.json`);
  return planFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}
