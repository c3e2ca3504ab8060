/**
 * `npm run seed:scale -- --factor N [--cases N] [--only cases] [--force]`
 *
 * Fills the database named by DATABASE_URL (else PGlite in TUGI_DATA_DIR,
 * default ./data) with scale data (see generate.ts): migrations, reference
 * data and demo logins first, then bulk COPY. Prints rows per table and the
 * elapsed time; exits 0 without loading when the data is already there.
 */
import { openDatabase } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { seedReferenceData } from '../reference.js';
import { seedDemoData } from '../demo.js';
import { seedScale } from './generate.js';

function parseArgs(argv: string[]) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) args.set(key, inline);
    else if (argv[i + 1] && !argv[i + 1]!.startsWith('--')) args.set(key, argv[++i]!);
    else args.set(key, 'true');
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const factor = Number(args.get('factor') ?? '1');
const cases = args.has('cases') ? Number(args.get('cases')) : undefined;
const only = args.get('only');
if (!(factor > 0) || (cases !== undefined && !(cases >= 0)) || (only !== undefined && only !== 'cases')) {
  console.error('usage: npm run seed:scale -- --factor N [--cases N] [--only cases] [--force]');
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL;
const database = await openDatabase({ databaseUrl, dataDir: process.env.TUGI_DATA_DIR ?? './data', poolSize: 2 });
try {
  const started = Date.now();
  await migrateToLatest(database.db);
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  console.log(`schema and reference data ready (${database.kind}) — ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const result = await seedScale(database.db, {
    factor,
    casesOverride: cases,
    onlyCases: only === 'cases',
    force: args.has('force'),
    pg: databaseUrl ? { connectionString: databaseUrl } : undefined,
    pglite: database.pglite,
    log: (line) => console.log(line),
  });
  if (!result.skipped) console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
