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

/** Display name as Estonians write it: "Tartu linn", "Saaremaa vald". */
export function municipalityName(m: Municipality): string {
  return `${m.name} ${m.kind}`;
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
  const known = new Set(existing.map((o) => `${o.kind}:${o.name.toLowerCase()}`));
  const missing = [...core, ...municipalities].filter((o) => !known.has(`${o.kind}:${o.name.toLowerCase()}`));
  if (missing.length === 0) return;
  await db
    .insertInto('organisations')
    .values(missing.map((o) => ({ county: null, population: null, island: false, regional_specialist_id: null, ...o })))
    .execute();
}
