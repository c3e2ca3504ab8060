import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';
import { seedReferenceData } from '../server/src/seed/reference.js';
import { seedDemoData } from '../server/src/seed/demo.js';
import { seedDemoCases } from '../server/src/seed/demo-cases.js';
import { seedDemoFamilies } from '../server/src/seed/demo-families.js';
import { seedDemoFamilyServices } from '../server/src/seed/demo-family-services.js';
import { encryptionKeyFrom } from '../server/src/platform/crypto/keys.js';
import type { AppConfig } from '../server/src/config.js';

/** The data generator's interface (server/src/seed/scale/generate.ts, `npm run seed:scale`). */
export interface SeedScaleOptions {
  factor: number;
  casesOverride?: number;
  onlyCases?: boolean;
  log?: (line: string) => void;
  pg?: { connectionString: string };
}
type SeedScale = (db: Database['db'], options: SeedScaleOptions) => Promise<unknown>;

const GENERATOR = path.resolve(import.meta.dirname, '../server/src/seed/scale/generate.ts');

/** The scale generator when it is present; the harness falls back to the demo data without it. */
export async function loadSeedScale(): Promise<SeedScale | null> {
  if (!fs.existsSync(GENERATOR)) return null;
  const module = (await import(pathToFileURL(GENERATOR).href)) as { seedScale?: SeedScale };
  return typeof module.seedScale === 'function' ? module.seedScale : null;
}

export interface DataSpec {
  /** Database name on the bench server. */
  name: string;
  /** What the loaded data is; a database whose comment differs is dropped and loaded again. */
  signature: string;
  factor: number;
  cases?: number;
  onlyCases?: boolean;
}

export interface LoadedData {
  name: string;
  url: string;
  /** 'scale' (seed:scale generator) or 'demo' (fallback: the demo data only). */
  source: 'scale' | 'demo';
  loaded: boolean;
  seconds: number;
  cases: number;
}

/** Creates and loads the database unless it already holds data of the same signature (the database comment). */
export async function ensureData(url: (database: string) => string, spec: DataSpec, config: AppConfig, log: (line: string) => void): Promise<LoadedData> {
  const seedScale = await loadSeedScale();
  const source = seedScale ? 'scale' : 'demo';
  const signature = `tugi-bench ${source} ${spec.signature}`;
  const admin = new pg.Client({ connectionString: url('postgres') });
  await admin.connect();
  const started = performance.now();
  let loaded = false;
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
      [spec.name],
    );
    if (rows[0]?.comment !== signature) {
      if (rows.length) {
        log(`${spec.name}: holds other data (${rows[0]?.comment ?? 'unfinished load'}), dropping`);
        await admin.query(`drop database "${spec.name}" with (force)`);
      }
      await admin.query(`create database "${spec.name}"`);
      log(`${spec.name}: loading (${source}, ${spec.signature})`);
      const database = await openDatabase({ databaseUrl: url(spec.name) });
      try {
        await migrateToLatest(database.db);
        await seedReferenceData(database.db);
        // The demo logins (and SKA's regional specialists and teams the generator assigns cases to).
        await seedDemoData(database.db);
        if (seedScale) {
          await seedScale(database.db, {
            factor: spec.factor,
            ...(spec.cases !== undefined ? { casesOverride: spec.cases } : {}),
            ...(spec.onlyCases ? { onlyCases: true } : {}),
            log: (line) => log(`  ${spec.name}: ${line}`),
            pg: { connectionString: url(spec.name) },
          });
        } else {
          await seedDemoCases(database.db);
          await seedDemoFamilies(database.db, encryptionKeyFrom(config));
          await seedDemoFamilyServices(database.db, encryptionKeyFrom(config));
        }
      } finally {
        await database.close();
      }
      const client = new pg.Client({ connectionString: url(spec.name) });
      await client.connect();
      await client.query('vacuum analyze');
      await client.end();
      // The comment marks a finished load: an interrupted one is loaded again next time.
      await admin.query(`comment on database "${spec.name}" is '${signature.replace(/'/g, "''")}'`);
      loaded = true;
    } else {
      // Data loaded by an earlier version: bring its schema (indexes and all) to this version's.
      const database = await openDatabase({ databaseUrl: url(spec.name) });
      try {
        const applied = await migrateToLatest(database.db);
        if (applied.length) log(`${spec.name}: migrations applied: ${applied.join(', ')}`);
      } finally {
        await database.close();
      }
    }
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: url(spec.name) });
  await client.connect();
  const { rows } = await client.query<{ n: number }>('select count(*)::int as n from cases');
  await client.end();
  const seconds = (performance.now() - started) / 1000;
  if (loaded) log(`${spec.name}: loaded in ${seconds.toFixed(0)} s (${rows[0]!.n} cases)`);
  return { name: spec.name, url: url(spec.name), source, loaded, seconds, cases: rows[0]!.n };
}
