/**
 * X-AUTH — the decisions of a TARA (OpenID Connect) login, as pure functions.
 *
 * "An OpenID Connect login compatible with the state's TARA service: … scope
 * `openid` (optionally `idcard`, `mid`, `smartid` to preselect the method),
 * `acr_values` (`high` by default) … `amr` and `acr` checked; the `sub` is
 * `EE` + personal code and maps the person to a user."
 *
 * Values follow the TARA technical specification (e-gov.github.io/TARA-Doku):
 * `acr` is an eIDAS level of assurance, `amr` an array with the method used.
 */
import { isValidPersonalCode } from '../../modules/people/personal-code.js';

/** The methods a user may preselect on our login page (TARA scopes of the same name). */
export const OIDC_METHODS = ['idcard', 'mid', 'smartid'] as const;
export type OidcMethod = (typeof OIDC_METHODS)[number];

/** eIDAS levels of assurance, weakest first: TARA's `acr` values. */
export const ACR_LEVELS = ['low', 'substantial', 'high'] as const;
export type AcrLevel = (typeof ACR_LEVELS)[number];

/**
 * TARA's `amr` values, case-sensitive as TARA sends them: Estonian ID card,
 * Mobile-ID, Smart-ID and cross-border eIDAS (TARA spec 4.3.1 writes `eIDAS`).
 */
export const allowedAmr: readonly string[] = ['idcard', 'mID', 'smartid', 'eIDAS'];

/** The `amr` value TARA reports for each method we can preselect. */
export const AMR_OF_METHOD: Readonly<Record<OidcMethod, string>> = { idcard: 'idcard', mid: 'mID', smartid: 'smartid' };

function levelOf(value: unknown): number {
  return typeof value === 'string' ? (ACR_LEVELS as readonly string[]).indexOf(value) : -1;
}

/**
 * Whether the level the provider reports is at least the one we asked for
 * (low < substantial < high). Fails closed: a missing or unknown `acr`, or an
 * unknown required level (a misconfiguration), is never enough.
 */
export function acrSatisfies(actual: unknown, required: string): boolean {
  const have = levelOf(actual);
  const need = levelOf(required);
  return have >= 0 && need >= 0 && have >= need;
}

/**
 * Whether the ID token's `amr` is acceptable: a non-empty array of TARA's
 * method values and nothing else. When the user preselected a method (TARA
 * spec 5.1.6: the scope can be tampered with in the browser), that method
 * must be among them.
 */
export function amrAcceptable(amr: unknown, method?: OidcMethod): boolean {
  if (!Array.isArray(amr) || amr.length === 0) return false;
  if (!amr.every((value) => typeof value === 'string' && allowedAmr.includes(value))) return false;
  return method === undefined || amr.includes(AMR_OF_METHOD[method]);
}

/**
 * The Estonian personal code in a TARA subject: 'EE' followed by a valid
 * code ('EE38001085718' → '38001085718'). Anything else — another country's
 * eIDAS identifier, a lower-case prefix, a code failing its check digit — is null.
 */
export function personalCodeFromSubject(sub: unknown): string | null {
  if (typeof sub !== 'string' || !sub.startsWith('EE')) return null;
  const code = sub.slice(2);
  return isValidPersonalCode(code) ? code : null;
}

/** The authorization request's scope: always `openid`, plus the preselected method if any. */
export function scopeFor(method?: OidcMethod): string {
  return method ? `openid ${method}` : 'openid';
}

export function isOidcMethod(value: unknown): value is OidcMethod {
  return typeof value === 'string' && (OIDC_METHODS as readonly string[]).includes(value);
}
