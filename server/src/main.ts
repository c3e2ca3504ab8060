import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { startJobs } from './platform/jobs/jobs.js';
import { platformJobs } from './platform/jobs/definitions.js';
import { moduleJobs } from './modules/index.js';
import { createLogger } from './platform/logging.js';
import { seedReferenceData } from './seed/reference.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from './seed/demo.js';
import { seedDemoCases } from './seed/demo-cases.js';
import { seedDemoFamilies } from './seed/demo-families.js';
import { seedDemoFamilyServices } from './seed/demo-family-services.js';
import { seedDemoTrainings } from './seed/demo-trainings.js';
import { seedDemoMediation } from './seed/demo-mediation.js';
import { seedDemoProgramme } from './seed/demo-programme.js';
import { seedDemoGrants } from './seed/demo-grants.js';
import { encryptionKeyFrom } from './platform/crypto/keys.js';

/** `npm start`: migrate, load reference (and on first start demo) data, run jobs, serve. */
const config = loadConfig();
const logger = createLogger(config.logLevel);
// Outside demo mode a missing or malformed key (current or old) stops the start here, not at the first encrypted read.
try {
  encryptionKeyFrom(config);
} catch (error) {
  logger.fatal((error as Error).message);
  process.exit(1);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
logger.info({ 'db.system': database.kind }, database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL');
const applied = await migrateToLatest(database.db);
if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
await seedReferenceData(database.db);
const seeded = config.demo ? await seedDemoData(database.db) : false;
if (seeded) logger.info({ cases: await seedDemoCases(database.db) }, 'demo data loaded');
// Demo families also join a demo database seeded before module B existed (the seed does nothing when families exist).
if (config.demo) {
  const families = await seedDemoFamilies(database.db, encryptionKeyFrom(config));
  if (families) logger.info({ families }, 'demo families loaded');
  const services = await seedDemoFamilyServices(database.db, encryptionKeyFrom(config));
  if (services.sessions + services.groups + services.reports) logger.info(services, 'demo sessions, groups and monthly reports loaded');
  // Trainings join a demo database seeded before module C (the seed does nothing when trainings exist).
  const trainings = await seedDemoTrainings(database.db);
  if (trainings.trainings) logger.info(trainings, 'demo trainings loaded');
  // Mediation joins a demo database seeded before module E (the seed does nothing when proceedings exist).
  const mediation = await seedDemoMediation(database.db);
  if (mediation.proceedings) logger.info(mediation, 'demo mediation loaded');
  // The programme plan and grant rounds join a demo database seeded before module D (each seed does nothing when its data exists).
  if ((await seedDemoProgramme(database.db)).plans) logger.info('demo programme plan loaded');
  const grants = await seedDemoGrants(database.db);
  if (grants.applications) logger.info(grants, 'demo grant rounds loaded');
}

const jobs = await startJobs(database, [...platformJobs(database.db, config), ...moduleJobs(database.db, config)], logger);
const app = await buildApp({ db: database.db, config, jobs });
await app.listen({ port: config.port, host: config.host });

if (config.demo) printDemoLogins();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  });
}

function printDemoLogins() {
  const url = config.publicUrl;
  const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
  const lines = DEMO_LOGINS.map((l) => `  ${l.email.padEnd(width)}  ${l.role.padEnd(20)} ${l.name} (${l.organisation})`);
  process.stdout.write(
    `\nTugi is running at ${url}\nAPI documentation: ${url}/api/docs\n\nDemo logins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n\n`,
  );
}
