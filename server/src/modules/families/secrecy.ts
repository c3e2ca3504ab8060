import type { Actor } from '../../platform/policy/actor.js';

/**
 * X-SECRET (003 §3.6): adoption secrecy. The child's origin data (birth name,
 * birth parents, where the child came from) is encrypted at rest with
 * AES-256-GCM and shown only to the SKA contact and the family's provider.
 *
 * The key comes from TUGI_ENCRYPTION_KEY, older keys from TUGI_ENCRYPTION_OLD_KEYS
 * (see platform/crypto/keys.ts and docs/key-rotation.md).
 */
export interface ChildOrigin {
  birthName?: string | null;
  birthParents?: string | null;
  previousPlacement?: string | null;
  notes?: string | null;
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
