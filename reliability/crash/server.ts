import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loginOverHttp } from '../../server/test/http-login.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The real server (`server/src/main.ts`: migrations, demo data, pg-boss jobs,
 * HTTP) as a child process on 127.0.0.1, run by node itself with tsx as a
 * loader, so the process we hold is the server and `kill -9` kills it (the tsx
 * CLI would fork a child that outlives its parent).
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  private output = '';
  readonly url: string;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and resolves once /health answers; rejects with its output if it exits first. */
  async start(timeoutMs = 240_000): Promise<void> {
    if (this.child) throw new Error('already running');
    this.output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', TUGI_PUBLIC_URL: this.url, LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-200_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) {
        this.child = null;
        throw new Error(`the server exited before answering:\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        this.kill9();
        throw new Error(`the server did not answer /health within ${timeoutMs} ms:\n${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** kill -9: no shutdown hook runs, open transactions and in-flight requests die with it. Resolves once it is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** A graceful stop (SIGTERM), used at the end. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }

  get log(): string {
    return this.output;
  }
}

/** A logged-in user over real HTTP: the session cookie and the CSRF header, as the web app sends them. */
export class HttpUser {
  constructor(
    readonly baseUrl: string,
    readonly email: string,
    private cookie: string,
    private csrf: string,
  ) {}

  static async login(baseUrl: string, email: string, password: string): Promise<HttpUser> {
    const { cookieHeader, csrf } = await loginOverHttp(baseUrl, email, password);
    return new HttpUser(baseUrl, email, cookieHeader, decodeURIComponent(csrf));
  }

  /** One request; resolves with the status and parsed body, or rejects on a network error (the server died). */
  async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, accept: 'application/json', origin: this.baseUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: any = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  }

  /** A request that must succeed (set-up); throws with the answer otherwise. */
  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const { status, body: answer } = await this.send(method, path, body);
    if (status < 200 || status > 299) throw new Error(`${method} ${path} as ${this.email}: ${status} ${JSON.stringify(answer).slice(0, 400)}`);
    return answer;
  }
}
