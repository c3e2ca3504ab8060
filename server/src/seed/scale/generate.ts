/**
 * seed:scale — realistic, rule-abiding data at the volume of SPEC §9.
 *
 *   seedScale(db, { factor, casesOverride?, onlyCases?, force?, log?, pg?, pglite?, today? })
 *     → Promise<ScaleResult>   ({ skipped, marker, counts: { table: rows }, seconds })
 *
 * Factor 10 is SPEC §9 (80 KOVs, 3,000 users, 100,000 cases, 25,000 families,
 * 5 million contacts + sessions over ten years); factor 1 a tenth of it.
 * - `db` must be migrated and hold the reference data (seedReferenceData) and
 *   preferably the demo data (seedDemoData: SKA's regional specialists and the
 *   international/RV teams that cases are assigned to, and the demo logins).
 * - `pg: { connectionString }` bulk-loads with COPY FROM STDIN on a connection
 *   of its own (PostgreSQL); `pglite` (Database.pglite) with COPY FROM
 *   '/dev/blob'; neither: multi-row INSERTs through `db`.
 * - `casesOverride` sets the number of cases (e.g. 1,000,000 for the bench's
 *   list comparison); `onlyCases` skips module B (families, contacts, sessions).
 * - Deterministic: the same factor (and day) gives the same data (seeded PRNG
 *   per entity, server/src/seed/random.ts). Dates run over the ten years up to `today`.
 * - Idempotent: a run leaves one audit entry (record_type 'seed', record_id
 *   the marker, e.g. 'scale-f10' or 'scale-f10-cases-1000000'); a second run
 *   with the same marker does nothing unless `force` (then a fresh data set
 *   with its own seed is added). No other audit rows are written, so the
 *   chain still verifies.
 * - Scale users' password is the demo password (one argon2 hash for all).
 */
import { sql, type Kysely } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import type { DB } from '../../platform/db/schema.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { todayInTallinn, type IsoDate } from '../../platform/calendar/working-days.js';
import { openLoader, type Row } from './copy.js';
import { CASE_ACTIVITY_COLUMNS, CASE_COLUMNS, CASE_EVENT_COLUMNS, CASE_RISK_COLUMNS, emptyCaseRows, generateCase, LINK_COLUMNS } from './cases.js';
import { emitFamily, emptyFamilyRows, FAMILY_TABLES, planFamily, sessionsOf, type FamilyTable } from './families.js';
import { loadWorld, seedOrganisationsAndUsers } from './organisations.js';
import { PEOPLE_COLUMNS, PersonalCodes } from './people.js';

export interface ScaleOptions {
  factor: number;
  casesOverride?: number | undefined;
  onlyCases?: boolean | undefined;
  force?: boolean | undefined;
  log?: ((line: string) => void) | undefined;
  pg?: { connectionString: string } | undefined;
  pglite?: PGlite | undefined;
  today?: IsoDate | undefined;
}

export interface ScaleResult {
  skipped: boolean;
  marker: string;
  counts: Record<string, number>;
  seconds: number;
}

/** Rows per unit of factor (SPEC §9 at factor 10). */
export const PER_FACTOR = { users: 300, cases: 10_000, families: 2_500, contactsAndSessions: 500_000 } as const;

export function scaleMarker(options: Pick<ScaleOptions, 'factor' | 'casesOverride' | 'onlyCases'>): string {
  return `scale-f${options.factor}${options.casesOverride !== undefined ? `-cases-${options.casesOverride}` : ''}${options.onlyCases ? '-only-cases' : ''}`;
}

export async function seedScale(db: Kysely<DB>, options: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const marker = scaleMarker(options);
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const previous = await db.selectFrom('audit_log').select('id').where('record_type', '=', 'seed').where((eb) => eb.or([eb('record_id', '=', marker), eb('record_id', 'like', `${marker}#%`)])).execute();
  const runMarker = previous.length ? `${marker}#${previous.length + 1}` : marker;
  if (previous.length && !options.force) {
    log(`scale data ${marker} is already loaded (audit seed marker); nothing to do (use --force to add another set)`);
    return { skipped: true, marker, counts: {}, seconds: 0 };
  }
  const factor = options.factor;
  const today = options.today ?? todayInTallinn(new Date());
  const run = previous.length;
  const seed = (Math.round(factor * 1000) * 7919 + run * 104_729 + 20_260_301) >>> 0;
  const tag = `s${String(factor).replace('.', '_')}${run ? `r${run}` : ''}`;
  const counts: Record<string, number> = {};
  const count = (table: string, n: number) => (counts[table] = (counts[table] ?? 0) + n);

  const world = await loadWorld(db, seed, today, tag);
  const taken = new Set((await db.selectFrom('people').select('personal_code').where('personal_code', 'is not', null).execute()).map((p) => p.personal_code!));
  const codes = new PersonalCodes(taken);
  const loader = await openLoader(db, { pg: options.pg, pglite: options.pglite });
  log(`seed:scale factor ${factor} (${loader.kind}), today ${today}, marker ${runMarker}`);
  try {
    await seedOrganisationsAndUsers(db, loader, world, factor, codes, count);
    log(`organisations, users, specialists: ${JSON.stringify(counts)} — ${elapsed()}`);

    // Module A.
    const caseTotal = options.casesOverride ?? Math.round(PER_FACTOR.cases * factor);
    const { rows } = await sql<{ n: number }>`select (case when is_called then last_value else 0 end)::int8 as n from case_reference_seq`.execute(db);
    let caseSeq = Number(rows[0]?.n ?? 0) + 1;
    const caseChunk = 20_000;
    for (let from = 0; from < caseTotal; from += caseChunk) {
      const out = emptyCaseRows();
      for (let i = from; i < Math.min(caseTotal, from + caseChunk); i++) generateCase(world, codes, i, caseSeq++, out);
      count('people', await loader.load('people', PEOPLE_COLUMNS, out.people));
      count('cases', await loader.load('cases', CASE_COLUMNS, out.cases));
      count('person_links', await loader.load('person_links', LINK_COLUMNS, out.links));
      count('case_events', await loader.load('case_events', CASE_EVENT_COLUMNS, out.events));
      count('case_activities', await loader.load('case_activities', CASE_ACTIVITY_COLUMNS, out.activities));
      count('case_risk_assessments', await loader.load('case_risk_assessments', CASE_RISK_COLUMNS, out.risks));
      log(`cases ${counts.cases}/${caseTotal} (events ${counts.case_events}, activities ${counts.case_activities}) — ${elapsed()}`);
    }
    await sql`select setval('case_reference_seq', ${caseSeq})`.execute(db);

    // Module B.
    if (!options.onlyCases) {
      const familyTotal = Math.round(PER_FACTOR.families * factor);
      let contactDays = 0;
      let sessionTotal = 0;
      for (let f = 0; f < familyTotal; f++) {
        const plan = planFamily(world, f);
        contactDays += plan.contactDays;
        sessionTotal += sessionsOf(world, plan).length;
      }
      const contactTarget = Math.max(0, Math.round(PER_FACTOR.contactsAndSessions * factor) - sessionTotal);
      const density = contactDays ? contactTarget / contactDays : 0;
      log(`families planned: ${familyTotal}, sessions ${sessionTotal}, contacts to make ≈ ${contactTarget} (${density.toFixed(3)} per episode day) — ${elapsed()}`);
      const seqRows = await sql<{ f: number; r: number }>`select
          (select case when is_called then last_value else 0 end from family_reference_seq)::int8 as f,
          (select case when is_called then last_value else 0 end from family_referral_reference_seq)::int8 as r`.execute(db);
      const seq = { family: Number(seqRows.rows[0]!.f) + 1, referral: Number(seqRows.rows[0]!.r) + 1 };
      const familyChunk = Math.max(50, Math.min(1000, Math.round(familyTotal / 10)));
      for (let from = 0; from < familyTotal; from += familyChunk) {
        const out = emptyFamilyRows();
        for (let f = from; f < Math.min(familyTotal, from + familyChunk); f++) emitFamily(world, codes, planFamily(world, f), density, seq, out);
        for (const table of Object.keys(FAMILY_TABLES) as FamilyTable[]) {
          count(table, await loader.load(table, FAMILY_TABLES[table], out[table] as Row[]));
        }
        log(`families ${counts.families}/${familyTotal}: contacts ${counts.family_contacts}, sessions ${counts.service_sessions}, episodes ${counts.family_episodes} — ${elapsed()}`);
      }
      await sql`select setval('family_reference_seq', ${seq.family})`.execute(db);
      await sql`select setval('family_referral_reference_seq', ${seq.referral})`.execute(db);
    }
  } finally {
    await loader.close();
  }
  await sql`analyze`.execute(db);
  await db.transaction().execute((trx) => appendAudit(trx, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: runMarker }]));
  const seconds = (Date.now() - started) / 1000;
  log(`done in ${seconds.toFixed(1)} s: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  return { skipped: false, marker: runMarker, counts, seconds };
}
