import path from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  TUGI_DATA_DIR: z.string().default(path.resolve('data')),
  TUGI_DEMO: z.enum(['true', 'false']).default('true'),
  TUGI_PUBLIC_URL: z.string().optional(),
  TUGI_SESSION_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  TUGI_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TUGI_ENCRYPTION_KEY: z.string().optional(),
  TUGI_ENCRYPTION_OLD_KEYS: z.string().optional(),
  TUGI_RATE_LIMIT_SESSION: z.coerce.number().int().min(1).default(1200),
  TUGI_RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).default(300),
  TUGI_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  SMTP_URL: z.string().optional(),
  SIVA_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Tugi <no-reply@tugi.example>'),
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().optional(),
  OIDC_ACR: z.string().default('high'),
  OIDC_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  TUGI_REGISTER_URL: z.string().url().optional(),
  TUGI_REGISTER_CLIENT: z.string().default('EE/GOV/70001975/tugi'),
  TUGI_REGISTER_SERVICE: z.string().default('EE/GOV/70008440/rr/parentingAgreement/v1'),
  TUGI_REGISTER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  acr: string;
  allowHttp: boolean;
}

/** E-REG: the population register's parenting-agreement service, reached X-Road style. */
export interface RegisterConfig {
  /** Where agreements are POSTed; unset: deliveries wait, shown to SKA as "not configured". */
  url: string | undefined;
  /** X-Road-Client and X-Road-Service header values. */
  client: string;
  service: string;
  timeoutMs: number;
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  publicUrl: string;
  sessionMinutes: number;
  trustProxy: boolean;
  encryptionKey: string | undefined;
  /** Older keys still read (rotation); never written with. */
  encryptionOldKeys: string[];
  /** API requests per window: per session when logged in, per address when not. */
  rateLimit: { perSession: number; perAnonymousAddress: number; windowSeconds: number };
  smtpUrl: string | undefined;
  /** Signature validation service of the SiVa kind (X-DOC); unset: containers are stored unchecked. */
  sivaUrl: string | undefined;
  mailFrom: string;
  oidc: OidcConfig | undefined;
  logLevel: Env['LOG_LEVEL'];
  register: RegisterConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = envSchema.parse(env);
  const publicUrl = e.TUGI_PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const oidc =
    e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          redirectUri: e.OIDC_REDIRECT_URI ?? `${publicUrl}/api/auth/oidc/callback`,
          acr: e.OIDC_ACR,
          allowHttp: e.OIDC_ALLOW_HTTP === 'true',
        }
      : undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.TUGI_DATA_DIR,
    demo: e.TUGI_DEMO === 'true',
    publicUrl,
    sessionMinutes: e.TUGI_SESSION_MINUTES,
    trustProxy: e.TUGI_TRUST_PROXY === 'true',
    encryptionKey: e.TUGI_ENCRYPTION_KEY,
    encryptionOldKeys: (e.TUGI_ENCRYPTION_OLD_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    rateLimit: { perSession: e.TUGI_RATE_LIMIT_SESSION, perAnonymousAddress: e.TUGI_RATE_LIMIT_ANONYMOUS, windowSeconds: e.TUGI_RATE_LIMIT_WINDOW_SECONDS },
    smtpUrl: e.SMTP_URL,
    sivaUrl: e.SIVA_URL,
    mailFrom: e.MAIL_FROM,
    oidc,
    logLevel: e.LOG_LEVEL,
    register: { url: e.TUGI_REGISTER_URL, client: e.TUGI_REGISTER_CLIENT, service: e.TUGI_REGISTER_SERVICE, timeoutMs: e.TUGI_REGISTER_TIMEOUT_MS },
  };
}
