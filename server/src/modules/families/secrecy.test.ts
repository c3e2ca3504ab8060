import { describe, expect, it } from 'vitest';
import { canSeeOrigin } from './secrecy.js';
import { decryptJson, encryptJson, encryptionKeyFrom, DEV_KEY_SEED } from '../../platform/crypto/keys.js';
import type { Actor } from '../../platform/policy/actor.js';

const actor = (role: Actor['role'], organisationId = 'org'): Actor => ({ userId: 'u', name: 'n', role, organisationId, organisationKind: 'provider', personId: null });

describe('X-SECRET adoption secrecy: encryption at rest and who sees origin data', () => {
  const key = encryptionKeyFrom({ demo: true, encryptionKey: undefined });

  it('X-SECRET: AES-256-GCM round trip with a fresh IV each time; tampering is detected', () => {
    const a = encryptJson(key, { birthName: 'Salajane' });
    const b = encryptJson(key, { birthName: 'Salajane' });
    expect(a).not.toBe(b);
    expect(a).not.toContain('Salajane');
    expect(decryptJson(key, a)).toEqual({ birthName: 'Salajane' });
    const [v, iv, tag, body] = a.split('.');
    const flipped = `${v}.${iv}.${tag}.${body!.slice(0, -2)}${body!.slice(-2) === 'AA' ? 'AB' : 'AA'}`;
    expect(() => decryptJson(key, flipped)).toThrow();
    expect(() => decryptJson(encryptionKeyFrom({ demo: false, encryptionKey: 'ab'.repeat(32) }), a)).toThrow();
  });

  it('X-SECRET: the key is 32 bytes from TUGI_ENCRYPTION_KEY (hex or base64); demo uses the documented dev key; production without a key refuses to start', () => {
    expect(encryptionKeyFrom({ demo: false, encryptionKey: 'ab'.repeat(32) })).toHaveLength(32);
    expect(encryptionKeyFrom({ demo: false, encryptionKey: Buffer.alloc(32, 7).toString('base64') })).toHaveLength(32);
    expect(() => encryptionKeyFrom({ demo: false, encryptionKey: 'short' })).toThrow(/32 bytes/);
    expect(() => encryptionKeyFrom({ demo: false, encryptionKey: undefined })).toThrow(/TUGI_ENCRYPTION_KEY/);
    expect(DEV_KEY_SEED).toContain('not-for-production');
  });

  it('X-SECRET: with secrecy only the SKA contact and the family’s own provider see origin data; without it, everyone in scope', () => {
    const secret = { adoptionSecrecy: true };
    expect(canSeeOrigin(actor('ska_contact'), secret, [])).toBe(true);
    expect(canSeeOrigin(actor('provider_admin', 'p1'), secret, ['p1'])).toBe(true);
    expect(canSeeOrigin(actor('provider_specialist', 'p1'), secret, ['p1'])).toBe(true);
    expect(canSeeOrigin(actor('provider_admin', 'p2'), secret, ['p1'])).toBe(false);
    expect(canSeeOrigin(actor('kov_worker'), secret, ['p1'])).toBe(false);
    expect(canSeeOrigin(actor('ska_manager'), secret, ['p1'])).toBe(false);
    expect(canSeeOrigin(actor('kov_worker'), { adoptionSecrecy: false }, [])).toBe(true);
  });
});
