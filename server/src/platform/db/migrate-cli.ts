import { loadConfig } from '../../config.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/** `npm run migrate`: brings the database of DATABASE_URL (or the embedded one in TUGI_DATA_DIR) to the latest migration. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrateToLatest(database.db);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
} finally {
  await database.close();
}
