import type { Kysely } from 'kysely';
import { vi } from 'vitest';
import type { DB } from '../../platform/db/schema.js';
import { addCalendarDays, todayInTallinn } from '../../platform/calendar/working-days.js';
import { signedContainer, MARI_ID_CARD } from '../../platform/documents/fixtures/containers.js';

/** Shared by module D's tests (not a test file itself): KOV users, rounds around today, full budgets, uploads. */

/**
 * Module D's measures are the 2024 programme's: a Signs of Safety project must end by
 * 31.12.2027 (D-SOS). Tests that open rounds "around today" would start failing as that day
 * nears, so they run from a fixed Monday; the clock still moves on from it in real time.
 */
export const GRANTS_TEST_DAY = new Date('2026-11-23T08:00:00Z');
export function runOnGrantsTestDay() {
  // advanceTimeDelta 1: the clock moves by the millisecond, as a real one does (events are ordered by time).
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, advanceTimeDelta: 1, now: GRANTS_TEST_DAY });
}

export const today = () => todayInTallinn(new Date());
export const daysFromToday = (n: number) => addCalendarDays(today(), n);

/** A KOV worker of another municipality, with the demo password (copied from the demo KOV worker). */
export async function addKovWorker(db: Kysely<DB>, municipality: string, email: string) {
  const demo = await db.selectFrom('users').select('password_hash').where('email', '=', 'kov@tugi.demo').executeTakeFirstOrThrow();
  const org = await db.selectFrom('organisations').select('id').where('name', '=', municipality).executeTakeFirstOrThrow();
  await db.insertInto('users').values({ email, name: `KOV ${municipality}`, role: 'kov_worker', organisation_id: org.id, password_hash: demo.password_hash }).execute();
  return org.id;
}

export const staff = (costType: string, projectYear: number, months: number, grossMonthlyCents: number, employerMonthlyCents: number, ftePercent = 100) => ({ costType, projectYear, months, grossMonthlyCents, employerMonthlyCents, ftePercent });
export const cost = (costType: string, projectYear: number, amountCents: number) => ({ costType, projectYear, amountCents });

/** A Signs of Safety budget whose model part is `modelCents` (lead for 12 months in year 1 at the caps, the rest other model costs). */
export function sosBudget(modelCents: number, additionalCents = 0) {
  const lead = 12 * 334_500;
  return [staff('lead_salary', 1, 12, 250_000, 334_500), cost('model_other', 1, modelCents - lead), ...(additionalCents ? [cost('additional_supervision', 1, additionalCents)] : [])];
}

export function draftBody(version: number, over: Record<string, unknown> = {}) {
  return {
    version,
    contactName: 'Liis Lepik',
    contactEmail: 'lastekaitse@tartu.example',
    activity: null,
    plannedStart: daysFromToday(40),
    summary: 'Turvalisuse märkide mudeli rakendamine lastekaitse osakonnas.',
    explanation: 'Eestvedaja-projektijuht täistööajaga, muud mudeli rakendamise kulud.',
    sustainability: 'Mudel jätkub linna eelarvest pärast projekti lõppu.',
    lines: sosBudget(10_000_000),
    ...over,
  };
}

export const signedApplication = () => Buffer.from(signedContainer([[{ id: 'S0', certificate: MARI_ID_CARD, signingTime: '2026-11-20T10:00:00Z' }]]));
