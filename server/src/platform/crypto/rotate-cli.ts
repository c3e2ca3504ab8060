import { loadConfig } from '../../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { encryptionKeyFrom, ringOf } from './keys.js';
import { countByKey, rotateEncryption } from './rotate.js';

/**
 * `npm run rotate-key`: re-encrypts every encrypted column and file under
 * TUGI_ENCRYPTION_KEY, reading with it and TUGI_ENCRYPTION_OLD_KEYS. Safe to
 * run while the server runs, to stop and to run again. Exits 1 when a value
 * could not be decrypted with any configured key. Procedure: docs/key-rotation.md.
 */
const config = loadConfig();
const key = encryptionKeyFrom(config);
const ring = ringOf(key);
const batchArg = process.argv.find((a) => a.startsWith('--batch='));
const batchSize = batchArg ? Number(batchArg.slice('--batch='.length)) : 200;
if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch must be a positive integer');

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(database.db);
  console.log(`Current key ${ring.currentId}; readable keys: ${[...ring.byId.keys()].join(', ')}.`);
  const counts = await rotateEncryption(database.db, key, { batchSize, onBatch: (table, n) => console.log(`  ${table}: ${n} re-encrypted`) });
  for (const c of counts) {
    console.log(`${c.table}.${c.column}: ${c.rotated} re-encrypted${c.failed.length ? `, ${c.failed.length} NOT READABLE (ids: ${c.failed.slice(0, 20).join(', ')}${c.failed.length > 20 ? ', …' : ''})` : ''}`);
  }
  const remaining = await countByKey(database.db);
  console.log('Stored values by key id now:');
  for (const [place, byKey] of Object.entries(remaining)) {
    const parts = Object.entries(byKey).map(([kid, n]) => `${kid === ring.currentId ? `${kid} (current)` : kid}: ${n}`);
    console.log(`  ${place}: ${parts.length ? parts.join(', ') : 'none'}`);
  }
  if (counts.some((c) => c.failed.length)) process.exitCode = 1;
} finally {
  await database.close();
}
