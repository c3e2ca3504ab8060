import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig, type AppConfig } from '../server/src/config.js';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { loadSession } from '../server/src/platform/auth/sessions.js';
import type { Actor } from '../server/src/platform/policy/actor.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../server/src/seed/demo.js';
import type { Role } from '../server/src/platform/db/schema.js';
import { loginOverHttp } from '../server/test/http-login.js';

export function benchConfig(databaseUrl: string): AppConfig {
  return { ...loadConfig({ TUGI_DEMO: 'true', LOG_LEVEL: 'silent' }), databaseUrl };
}

/**
 * The whole application (web app included) on a bench database, on a loopback port, in a process of
 * its own (bench/serve.ts): the load generators here must not share the server's event loop. The
 * bench keeps its own database handle for logins and for the measurements that call services directly.
 */
export interface RunningApp {
  url: string;
  database: Database;
  config: AppConfig;
  login(role: Role): Promise<Session>;
  close(): Promise<void>;
}

export async function startApp(databaseUrl: string): Promise<RunningApp> {
  const config = benchConfig(databaseUrl);
  const database = await openDatabase({ databaseUrl });
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'serve.ts'), databaseUrl], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await listeningUrl(server);
  config.publicUrl = url;
  return {
    url,
    database,
    config,
    login: (role) => login(url, database, DEMO_LOGINS.find((l) => l.role === role)!.email),
    close: async () => {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.stdin!.end();
      await exited;
      await database.close();
    },
  };
}

/** The URL the server prints once listening; rejects if it exits first. */
function listeningUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`bench/serve.ts exited with ${code} before listening`)));
    readline.createInterface({ input: server.stdout! }).once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
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
  const { cookieHeader, sessionToken: token, csrf } = await loginOverHttp(baseUrl, email, DEMO_PASSWORD);
  const loaded = await loadSession(database.db, decodeURIComponent(token));
  if (!loaded) throw new Error(`login of ${email}: session not found`);
  return new Session(baseUrl, cookieHeader, csrf, loaded.actor);
}
