import { loadConfig } from '../../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from './verify.js';

/** `npm run audit:verify`: checks the chain of the configured database and exits 1 on a break. */
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(database.db);
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} entries checked (last id ${result.lastVerifiedId ?? '-'}).`);
  } else {
    console.error(`Audit chain BROKEN at entry ${result.firstBroken!.id} (${result.firstBroken!.reason}); ${result.checked} entries before it are intact.`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
