import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app.js';
import { loadConfig, type AppConfig } from '../server/src/config.js';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { loadSession } from '../server/src/platform/auth/sessions.js';
import type { Actor } from '../server/src/platform/policy/actor.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../server/src/seed/demo.js';
import type { Role } from '../server/src/platform/db/schema.js';

export function benchConfig(databaseUrl: string): AppConfig {
  return { ...loadConfig({ TUGI_DEMO: 'true', LOG_LEVEL: 'silent' }), databaseUrl };
}

/** The whole application (web app included) on a bench database, on a loopback port. */
export interface RunningApp {
  url: string;
  app: FastifyInstance;
  database: Database;
  config: AppConfig;
  login(role: Role): Promise<Session>;
  close(): Promise<void>;
}

export async function startApp(databaseUrl: string): Promise<RunningApp> {
  const config = benchConfig(databaseUrl);
  // The same pool as `npm start` against PostgreSQL (openDatabase's default size).
  const database = await openDatabase({ databaseUrl });
  const app = await buildApp({ db: database.db, config, jobs: null }, { logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  config.publicUrl = url;
  return {
    url,
    app,
    database,
    config,
    login: (role) => login(url, database, DEMO_LOGINS.find((l) => l.role === role)!.email),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A logged-in user over real HTTP: session cookie and CSRF header, as the web app sends them. */
export class Session {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly csrf: string,
    readonly actor: Actor,
  ) {}

  get headers(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrf, accept: 'application/json' };
  }

  async get<T = unknown>(path: string): Promise<T> {
    const response = await fetch(this.baseUrl + path, { headers: this.headers });
    const body = await response.text();
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 300)}`);
    return JSON.parse(body) as T;
  }
}

export async function login(baseUrl: string, database: Database, email: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  const token = cookies.get('tugi_session');
  const csrf = cookies.get('tugi_csrf');
  if (!token || !csrf) throw new Error(`login of ${email}: no session cookies`);
  const loaded = await loadSession(database.db, decodeURIComponent(token));
  if (!loaded) throw new Error(`login of ${email}: session not found`);
  return new Session(baseUrl, [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), csrf, loaded.actor);
}
