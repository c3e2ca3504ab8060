import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config.js';
import type { Actor } from '../../platform/policy/actor.js';

/**
 * X-SECRET (003 §3.6): adoption secrecy. The child's origin data (birth name,
 * birth parents, where the child came from) is encrypted at rest with
 * AES-256-GCM and shown only to the SKA contact and the family's provider.
 *
 * The key comes from TUGI_ENCRYPTION_KEY (32 bytes as 64 hex characters or
 * base64). Demo and test installations without a key use a fixed development
 * key (SHA-256 of DEV_KEY_SEED), which is public and protects nothing; a
 * production start (TUGI_DEMO=false) without a key refuses to start.
 */
export interface ChildOrigin {
  birthName?: string | null;
  birthParents?: string | null;
  previousPlacement?: string | null;
  notes?: string | null;
}

export const DEV_KEY_SEED = 'tugi-demo-encryption-key-not-for-production';
const VERSION = 'v1';

export function encryptionKeyFrom(config: Pick<AppConfig, 'encryptionKey' | 'demo'>): Buffer {
  const raw = config.encryptionKey?.trim();
  if (!raw) {
    if (!config.demo) throw new Error('TUGI_ENCRYPTION_KEY is required when TUGI_DEMO=false (32 bytes: 64 hex characters or base64)');
    return createHash('sha256').update(DEV_KEY_SEED).digest();
  }
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('TUGI_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64');
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh 96-bit IV every time. */
export function encryptJson(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptJson<T>(key: Buffer, stored: string): T {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')) as T;
}

/**
 * Who sees a child's origin data. A family without adoption secrecy: everyone
 * who may open the family. With secrecy: only the SKA contact (the agency's
 * contact person for support services) and users of the family's own
 * provider(s); the KOV, the SKA manager and anyone else see it masked.
 */
export function canSeeOrigin(actor: Actor, family: { adoptionSecrecy: boolean }, familyProviderIds: readonly string[]): boolean {
  if (!family.adoptionSecrecy) return true;
  if (actor.role === 'ska_contact') return true;
  return (actor.role === 'provider_admin' || actor.role === 'provider_specialist') && familyProviderIds.includes(actor.organisationId);
}
