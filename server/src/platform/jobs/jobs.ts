import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';

/** Background work on pg-boss, in the application's own database (PGlite or PostgreSQL). */
export interface Jobs {
  boss: PgBoss;
  /** Asks for a job to run soon (e.g. mail delivery right after a commit). */
  kick(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface JobDefinition {
  name: string;
  /** Cron schedule (pg-boss runs it once across all server processes). */
  cron?: string;
  run(): Promise<unknown>;
}

export async function startJobs(database: Database, definitions: JobDefinition[], logger: Logger): Promise<Jobs> {
  // On PGlite, pg-boss talks through the database's own SQL gate, so its statements
  // queue behind open transactions instead of joining them.
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) }, schema: 'pgboss', supervise: true, schedule: true })
      : new PgBoss({ connectionString: database.connectionString!, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const definition of definitions) {
    await boss.createQueue(definition.name);
    await boss.work(definition.name, { pollingIntervalSeconds: 5 }, async () => {
      await definition.run();
    });
    if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: 'Europe/Tallinn' });
  }
  return {
    boss,
    kick: async (name) => {
      await boss.send(name, {}, { singletonKey: name, singletonSeconds: 5 });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
