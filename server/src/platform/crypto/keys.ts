import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Field and file encryption at rest (X-SECRET, B-SEC, E-MSG): AES-256-GCM with
 * the installation key, with key rotation.
 *
 * Keys: TUGI_ENCRYPTION_KEY is the current key (32 bytes as 64 hex characters
 * or base64); TUGI_ENCRYPTION_OLD_KEYS (comma-separated) are older keys that
 * are still read but never written with. `dev` in the old keys stands for the
 * published development key, for an installation that started in demo mode.
 * Demo and test installations without a key use that development key (SHA-256
 * of DEV_KEY_SEED), which is public and protects nothing; a production start
 * (TUGI_DEMO=false) without a key refuses to start.
 *
 * Every ciphertext names its key by a key id, the first 8 hex characters of the
 * key's SHA-256 (not secret: it identifies, it does not reveal):
 * - text (JSON fields): `v2.<kid>.<iv>.<tag>.<body>`, base64url parts;
 * - bytes (files): `TGE2` | kid (4 bytes) | iv (12) | tag (16) | body.
 * Ciphertexts written before key ids (`v1.<iv>.<tag>.<body>`, and files as
 * iv | tag | body) stay readable: they are tried with the current key, then
 * the old keys; GCM's tag tells which one is right. `npm run rotate-key`
 * re-encrypts everything under the current key (see docs/key-rotation.md).
 */
export const DEV_KEY_SEED = 'tugi-demo-encryption-key-not-for-production';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const BYTES_MAGIC = Buffer.from('TGE2', 'latin1');
const BYTES_HEADER = BYTES_MAGIC.length + 4;

export interface KeyRing {
  current: Buffer;
  currentId: string;
  /** Every readable key by id, the current one first. */
  byId: ReadonlyMap<string, Buffer>;
}

export interface KeyConfig {
  encryptionKey?: string | undefined;
  encryptionOldKeys?: readonly string[] | undefined;
  demo: boolean;
}

/** The first 8 hex characters of the key's SHA-256: names the key in every ciphertext. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function devKey(): Buffer {
  return createHash('sha256').update(DEV_KEY_SEED).digest();
}

export function parseKey(raw: string, name = 'TUGI_ENCRYPTION_KEY'): Buffer {
  const text = raw.trim();
  if (text === 'dev') return devKey();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes: 64 hex characters or base64`);
  return key;
}

export function keyRingFrom(config: KeyConfig): KeyRing {
  const raw = config.encryptionKey?.trim();
  if (!raw && !config.demo) throw new Error('TUGI_ENCRYPTION_KEY is required when TUGI_DEMO=false (32 bytes: 64 hex characters or base64)');
  const current = raw ? parseKey(raw) : devKey();
  const byId = new Map<string, Buffer>([[keyIdOf(current), current]]);
  for (const old of config.encryptionOldKeys ?? []) {
    if (!old.trim()) continue;
    const key = parseKey(old, 'TUGI_ENCRYPTION_OLD_KEYS');
    const id = keyIdOf(key);
    if (!byId.has(id)) byId.set(id, key);
  }
  return { current, currentId: keyIdOf(current), byId };
}

// The key handed around the modules is the current key's Buffer (so call sites
// keep their `key: Buffer` parameters); the ring behind it is found here.
const rings = new WeakMap<Buffer, KeyRing>();
const cache = new Map<string, Buffer>();

/**
 * The installation key for encryptJson/encryptBytes and their decrypt
 * counterparts: the current key, which also carries the old keys for reading.
 */
export function encryptionKeyFrom(config: KeyConfig): Buffer {
  const cacheKey = JSON.stringify([config.demo, config.encryptionKey ?? '', config.encryptionOldKeys ?? []]);
  const known = cache.get(cacheKey);
  if (known) return known;
  const ring = keyRingFrom(config);
  const handle = Buffer.from(ring.current);
  rings.set(handle, ring);
  cache.set(cacheKey, handle);
  return handle;
}

/** The ring behind a key from encryptionKeyFrom; a bare key is a ring of one. */
export function ringOf(key: Buffer): KeyRing {
  const ring = rings.get(key);
  if (ring) return ring;
  const id = keyIdOf(key);
  return { current: key, currentId: id, byId: new Map([[id, key]]) };
}

function seal(key: Buffer, plain: Buffer): { iv: Buffer; tag: Buffer; body: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

function open(key: Buffer, iv: Buffer, tag: Buffer, body: Buffer): Buffer {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

/** Tries each key (v1 ciphertexts name none); GCM's tag refuses the wrong ones. */
function openWithAny(ring: KeyRing, iv: Buffer, tag: Buffer, body: Buffer): Buffer {
  for (const key of ring.byId.values()) {
    try {
      return open(key, iv, tag, body);
    } catch {
      // next key
    }
  }
  throw new Error('ciphertext cannot be decrypted with any configured key (tampered, or its key is not in TUGI_ENCRYPTION_OLD_KEYS)');
}

function keyFor(ring: KeyRing, kid: string): Buffer {
  const key = ring.byId.get(kid);
  if (!key) throw new Error(`ciphertext is under key ${kid}, which is not configured: add it to TUGI_ENCRYPTION_OLD_KEYS`);
  return key;
}

/** `v2.<kid>.<iv>.<tag>.<body>` under the current key; a fresh 96-bit IV every time. */
export function encryptJson(key: Buffer, value: unknown): string {
  const ring = ringOf(key);
  const { iv, tag, body } = seal(ring.current, Buffer.from(JSON.stringify(value), 'utf8'));
  return ['v2', ring.currentId, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptJson<T>(key: Buffer, stored: string): T {
  const ring = ringOf(key);
  const parts = stored.split('.');
  let plain: Buffer;
  if (parts[0] === 'v2' && parts.length === 5) {
    const [, kid, iv, tag, body] = parts as [string, string, string, string, string];
    plain = open(keyFor(ring, kid), Buffer.from(iv, 'base64url'), Buffer.from(tag, 'base64url'), Buffer.from(body, 'base64url'));
  } else if (parts[0] === 'v1' && parts.length === 4) {
    const [, iv, tag, body] = parts as [string, string, string, string];
    plain = openWithAny(ring, Buffer.from(iv, 'base64url'), Buffer.from(tag, 'base64url'), Buffer.from(body, 'base64url'));
  } else {
    throw new Error('unknown ciphertext format');
  }
  return JSON.parse(plain.toString('utf8')) as T;
}

/** The key id a text ciphertext names; null for v1 (no id). */
export function textKeyId(stored: string): string | null {
  const parts = stored.split('.');
  return parts[0] === 'v2' && parts.length === 5 ? parts[1]! : null;
}

/** `TGE2` | kid | iv | tag | body under the current key. */
export function encryptBytes(key: Buffer, plain: Buffer): Buffer {
  const ring = ringOf(key);
  const { iv, tag, body } = seal(ring.current, plain);
  return Buffer.concat([BYTES_MAGIC, Buffer.from(ring.currentId, 'hex'), iv, tag, body]);
}

export function decryptBytes(key: Buffer, raw: Buffer | Uint8Array): Buffer {
  const ring = ringOf(key);
  // PGlite hands bytea back as a Uint8Array.
  const stored = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const kid = bytesKeyId(stored);
  if (kid !== null) {
    const rest = stored.subarray(BYTES_HEADER);
    const parts = [rest.subarray(0, IV_BYTES), rest.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), rest.subarray(IV_BYTES + TAG_BYTES)] as const;
    try {
      return open(keyFor(ring, kid), ...parts);
    } catch (error) {
      // A v1 file whose random IV happens to begin with the magic (2^-32): read it as v1.
      try {
        return openV1Bytes(ring, stored);
      } catch {
        throw error;
      }
    }
  }
  return openV1Bytes(ring, stored);
}

function openV1Bytes(ring: KeyRing, stored: Buffer): Buffer {
  if (stored.length < IV_BYTES + TAG_BYTES) throw new Error('malformed ciphertext');
  return openWithAny(ring, stored.subarray(0, IV_BYTES), stored.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), stored.subarray(IV_BYTES + TAG_BYTES));
}

/** The key id a file ciphertext names; null for the older format without one. */
export function bytesKeyId(raw: Buffer | Uint8Array): string | null {
  const stored = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (stored.length < BYTES_HEADER + IV_BYTES + TAG_BYTES || !stored.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) return null;
  return stored.subarray(BYTES_MAGIC.length, BYTES_HEADER).toString('hex');
}

/** The first bytes of a file ciphertext under the given key: how the rotation finds files not yet moved. */
export function bytesPrefixFor(kid: string): Buffer {
  return Buffer.concat([BYTES_MAGIC, Buffer.from(kid, 'hex')]);
}
