import { buildApp } from '../../../app.js';
import { addMessages } from '../../../platform/i18n/messages.js';
import { registerDueItems } from '../../../platform/home/due-items.js';
import type { Database } from '../../../platform/db/database.js';
import type { Role } from '../../../platform/db/schema.js';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from '../../../seed/demo.js';
import { seedReferenceData } from '../../../seed/reference.js';
import { TestClient } from '../../../../test/client.js';
import { createTestDatabase } from '../../../../test/database.js';
import { testConfig, type TestApp } from '../../../../test/harness.js';
import { registerInvoiceRoutes, invoiceMessages } from './invoice-routes.js';
import { registerProviderReportRoutes, providerReportDueItems, providerReportMessages } from './provider-report-routes.js';

/**
 * The test harness's app with this slice's routes (B-REP-2, B-REP-3, spend):
 * until the reporting entry point wires them in, they are registered here;
 * once it does, the app's own registration is used (no duplicate routes).
 * Test set-up, not a test file.
 */
export async function createReportingTestApp(): Promise<TestApp> {
  const database: Database = await createTestDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  const config = testConfig();
  const app = await buildApp({ db: database.db, config, jobs: null }, { logger: false, serveWeb: false });
  const deps = { db: database.db, config, jobs: null };
  if (!app.hasRoute({ method: 'POST', url: '/api/families/monthly-reports/:id/e-invoice' })) registerInvoiceRoutes(app, deps);
  if (!app.hasRoute({ method: 'GET', url: '/api/families/provider-reports' })) registerProviderReportRoutes(app, deps);
  addMessages(invoiceMessages);
  addMessages(providerReportMessages);
  for (const provider of providerReportDueItems) registerDueItems(provider);
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
    loginAs: (role: Role) => login(DEMO_LOGINS.find((l) => l.role === role)!.email),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
