import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config.js';
import type { Database } from '../src/platform/db/database.js';
import type { Role } from '../src/platform/db/schema.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from '../src/seed/demo.js';
import { seedReferenceData } from '../src/seed/reference.js';
import { TestClient } from './client.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: AppConfig;
  client(): TestClient;
  /** A client logged in as the demo user of a role. */
  loginAs(role: Role): Promise<TestClient>;
  login(email: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // Tests share one address and walk every route: the API rate limit is out of their way unless a test sets it (rate-limit.test.ts).
  const rateLimit = { perSession: 1_000_000, perAnonymousAddress: 1_000_000, windowSeconds: 60 };
  return { ...loadConfig({ TUGI_DEMO: 'true', LOG_LEVEL: 'silent' }), databaseUrl: undefined, rateLimit, ...overrides };
}

/** The whole application on a fresh database with reference and demo data, no network listener. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  const config = testConfig(overrides);
  const app = await buildApp({ db: database.db, config, jobs: null }, { logger: false, serveWeb: false });
  await app.ready();
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const client = new TestClient(app);
    const response = await client.post('/api/auth/login', { email, password });
    if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
    return client;
  };
  return {
    app,
    database,
    config,
    client: () => new TestClient(app),
    login,
    loginAs: (role) => login(DEMO_LOGINS.find((l) => l.role === role)!.email),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
