/**
 * The app under measurement in a process of its own, so the load generator (fetch, autocannon)
 * does not share the server's event loop: `tsx bench/serve.ts <databaseUrl>`; prints its URL on
 * stdout as one JSON line once listening, and exits when its parent closes stdin.
 */
import { buildApp } from '../server/src/app.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { benchConfig } from './app.js';

const databaseUrl = process.argv[2];
if (!databaseUrl) throw new Error('usage: serve.ts <databaseUrl>');
const config = benchConfig(databaseUrl);
// The same pool as `npm start` against PostgreSQL (openDatabase's default size).
const database = await openDatabase({ databaseUrl });
const app = await buildApp({ db: database.db, config, jobs: null }, { logger: false });
const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 0) });
process.stdout.write(`${JSON.stringify({ url })}\n`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.stdin.on('end', () => void stop());
process.stdin.resume();
process.on('SIGTERM', () => void stop());
