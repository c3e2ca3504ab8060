import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';

export const MUNICIPALITIES_CSV = path.resolve(import.meta.dirname, '../../data/municipalities.csv');

export interface Municipality {
  name: string;
  kind: 'linn' | 'vald';
  county: string;
  population: number;
  island: boolean;
}

/** The 79 municipalities (15 towns, 64 rural municipalities), from the project's reference data. */
export function readMunicipalities(file = MUNICIPALITIES_CSV): Municipality[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  if (header !== 'name,kind,county,population_approx,island') throw new Error(`unexpected header in ${file}`);
  return lines.map((line) => {
    const [name, kind, county, population, island] = line.split(',');
    return { name: name!, kind: kind as 'linn' | 'vald', county: county!, population: Number(population), island: island === 'true' };
  });
}

// Official names put the town's name in the genitive where it differs.
const TOWN_GENITIVE: Record<string, string> = { Tallinn: 'Tallinna' };

/** The official name: "Tartu linn", "Tallinna linn", "Saaremaa vald", "Viljandi vald". */
export function municipalityName(m: Municipality): string {
  if (m.name.endsWith(` ${m.kind}`)) return m.name;
  return `${TOWN_GENITIVE[m.name] ?? m.name} ${m.kind}`;
}

/** Core organisations every installation has; safe to run on every start. */
export async function seedReferenceData(db: Kysely<DB>): Promise<void> {
  const core = [
    { name: 'Sotsiaalkindlustusamet', kind: 'ska' as const, registry_code: '70001975' },
    { name: 'Sotsiaalministeerium', kind: 'ministry' as const, registry_code: '70001952' },
    { name: 'Iseteenindus', kind: 'other' as const, registry_code: null },
  ];
  const municipalities = readMunicipalities().map((m) => ({
    name: municipalityName(m),
    kind: 'kov' as const,
    registry_code: null,
    county: m.county,
    population: m.population,
    island: m.island,
  }));
  const existing = await db.selectFrom('organisations').select(['kind', 'name']).execute();
  await insertMissing(db, existing, core, municipalities);
  await seedRvMunicipalities(db);
}

async function insertMissing(db: Kysely<DB>, existing: { kind: string; name: string }[], core: { name: string; kind: 'ska' | 'ministry' | 'other'; registry_code: string | null }[], municipalities: { name: string; kind: 'kov'; registry_code: null; county: string; population: number; island: boolean }[]) {
  const known = new Set(existing.map((o) => `${o.kind}:${o.name.toLowerCase()}`));
  const missing = [...core, ...municipalities].filter((o) => !known.has(`${o.kind}:${o.name.toLowerCase()}`));
  if (missing.length === 0) return;
  await db
    .insertInto('organisations')
    .values(missing.map((o) => ({ county: null, population: null, island: false, regional_specialist_id: null, ...o })))
    .execute();
}

/** A-RV: municipalities taking part in "Ringist välja" per period (seed 002). */
export const RV_MUNICIPALITIES_2024_2025 = ['Elva vald', 'Kohtla-Järve linn', 'Narva linn', 'Rapla vald', 'Saarde vald', 'Saaremaa vald', 'Tallinna linn', 'Viljandi linn'];

export async function seedRvMunicipalities(db: Kysely<DB>): Promise<void> {
  const existing = await db.selectFrom('rv_municipalities').select('organisation_id').where('period_start', '=', 2024).execute();
  if (existing.length) return;
  const organisations = await db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'kov').where('name', 'in', RV_MUNICIPALITIES_2024_2025).execute();
  if (organisations.length !== RV_MUNICIPALITIES_2024_2025.length) {
    const missing = RV_MUNICIPALITIES_2024_2025.filter((n) => !organisations.some((o) => o.name === n));
    throw new Error(`RV municipalities not found: ${missing.join(', ')}`);
  }
  await db.insertInto('rv_municipalities').values(organisations.map((o) => ({ organisation_id: o.id, period_start: 2024, period_end: 2025 }))).execute();
}
