import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config.js';
import type { DB, Locale, Role } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import type { Jobs } from '../jobs/jobs.js';

/** Route guard, declared by every /api route in `config.access`; routes without one fail the build. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface SessionInfo {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  createdAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** What services need from the outside world; built once at start-up. */
export interface AppDeps {
  db: Kysely<DB>;
  config: AppConfig;
  jobs: Jobs | null;
}

/** One use case's view of the request: who, from where, in which language. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
  locale: Locale;
}
