/**
 * X-AUTH — login through an OpenID Connect provider compatible with TARA, the
 * state's authentication service (ID card, Mobile-ID, Smart-ID).
 *
 * Authorization code flow with PKCE and a nonce. The `state` is kept in a
 * transaction row and bound to the browser by an HttpOnly cookie; it is used
 * once and lives ten minutes. The ID token's signature is checked against the
 * provider's JWKS, and `iss`, `aud`, `exp`, `nonce` by openid-client; `acr`,
 * `amr` and `sub` by our rules. TARA keeps no session: ours starts here.
 */
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';
import { appendAudit, type AuditSource } from '../audit/audit.js';
import type { Locale } from '../db/schema.js';
import type { AppDeps } from '../http/context.js';
import { acrSatisfies, amrAcceptable, isOidcMethod, personalCodeFromSubject, scopeFor, type OidcMethod } from './oidc-rules.js';
import { addressIsThrottled } from './throttle.js';
import { createSession, type CreatedSession } from './sessions.js';

export const OIDC_STATE_COOKIE = 'tugi_oidc_state';
/** A login not finished within this time starts over; the clean-up job removes the rows later. */
export const OIDC_TRANSACTION_MINUTES = 10;
/** Seconds to wait for the provider (discovery, token, JWKS) before giving up. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export type OidcFailureCode = 'OIDC_FAILED' | 'OIDC_NO_USER' | 'OIDC_STATE_MISMATCH';

export type OidcCallbackOutcome =
  | { ok: true; session: CreatedSession; userId: string }
  | { ok: false; code: OidcFailureCode; reason: string };

export interface OidcCallbackInput {
  /** The callback's query string, exactly as the provider sent it. */
  params: URLSearchParams;
  stateCookie: string | undefined;
  ip: string;
  userAgent: string | null;
}

export interface OidcClient {
  /** Opens a login: stores the transaction and returns the provider's authorization URL and the state to bind. */
  start(input: { method?: OidcMethod; locale: Locale }): Promise<{ url: URL; state: string }>;
  /** Finishes a login. Never throws for a failed login: the outcome says why, and the failure is audited. */
  callback(input: OidcCallbackInput): Promise<OidcCallbackOutcome>;
}

type Verdict =
  | { ok: true; personalCode: string }
  | { ok: false; code: OidcFailureCode; reason: string; personalCode?: string | null };

const failed = (code: OidcFailureCode, reason: string, personalCode?: string | null): Verdict => ({ ok: false, code, reason, personalCode });

/**
 * The method the user preselected rides on the state (which only we create and
 * store), so the callback can require the matching `amr` (TARA spec 5.1.6).
 */
function stateFor(method: OidcMethod | undefined): string {
  const random = client.randomState();
  return method ? `${random}.${method}` : random;
}

function methodOfState(state: string): OidcMethod | undefined {
  const suffix = state.slice(state.lastIndexOf('.') + 1);
  return state.includes('.') && isOidcMethod(suffix) ? suffix : undefined;
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** The client for the configured provider, or null when OIDC is not configured. */
export function createOidcClient(deps: AppDeps): OidcClient | null {
  return deps.config.oidc ? buildClient(deps, deps.config.oidc) : null;
}

function buildClient(deps: AppDeps, oidc: OidcConfig): OidcClient {
  const configuration = discoverer(oidc);

  async function start({ method, locale }: { method?: OidcMethod; locale: Locale }) {
    const config = await configuration();
    const state = stateFor(method);
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
    await deps.db.insertInto('oidc_transactions').values({ state, nonce, code_verifier: codeVerifier, locale }).execute();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: oidc.redirectUri,
      response_type: 'code',
      scope: scopeFor(method),
      state,
      nonce,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      acr_values: oidc.acr,
      ui_locales: locale,
    });
    return { url, state };
  }

  /** Talks to the provider and applies the rules; reads only, so no transaction is held open over the network. */
  async function verify(transaction: { state: string; nonce: string; code_verifier: string }, params: URLSearchParams): Promise<Verdict> {
    const providerError = params.get('error');
    if (providerError) return failed('OIDC_FAILED', `provider answered ${providerError.slice(0, 100)}`);
    let claims: client.IDToken | undefined;
    try {
      const config = await configuration();
      const currentUrl = new URL(oidc.redirectUri);
      currentUrl.search = params.toString();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: transaction.code_verifier,
        expectedNonce: transaction.nonce,
        expectedState: transaction.state,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      return failed('OIDC_FAILED', `code exchange or ID token check failed: ${describeError(error)}`);
    }
    if (!claims) return failed('OIDC_FAILED', 'no ID token');
    const personalCode = personalCodeFromSubject(claims.sub);
    if (!acrSatisfies(claims.acr, oidc.acr)) return failed('OIDC_FAILED', `acr ${String(claims.acr)} is below the required ${oidc.acr}`, personalCode);
    if (!amrAcceptable(claims.amr, methodOfState(transaction.state))) return failed('OIDC_FAILED', `amr ${JSON.stringify(claims.amr ?? null)} is not acceptable`, personalCode);
    if (!personalCode) return failed('OIDC_NO_USER', 'the subject is not an Estonian personal code');
    return { ok: true, personalCode };
  }

  /**
   * Every write of the callback in one transaction: the state is consumed,
   * then either a session and a 'login' entry or a 'login_failed' entry.
   */
  async function settle(consumeState: string | null, verdict: Verdict, input: OidcCallbackInput): Promise<OidcCallbackOutcome> {
    return deps.db.transaction().execute(async (trx): Promise<OidcCallbackOutcome> => {
      if (consumeState !== null) {
        const consumed = await trx.deleteFrom('oidc_transactions').where('state', '=', consumeState).returning('state').executeTakeFirst();
        // Another request with the same state got here first: only one of them may log in.
        if (!consumed && verdict.ok) verdict = failed('OIDC_STATE_MISMATCH', 'the state was used meanwhile', verdict.personalCode);
      }
      const user = verdict.personalCode
        ? await trx
            .selectFrom('users')
            .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
            .select(['users.id', 'users.name', 'users.role', 'users.organisation_id', 'users.active', 'organisations.active as organisation_active'])
            .where('users.personal_code', '=', verdict.personalCode)
            .executeTakeFirst()
        : undefined;
      const source: AuditSource = {
        actor: user ? { userId: user.id, name: user.name, role: user.role, organisationId: user.organisation_id } : null,
        ip: input.ip,
      };
      const usable = user?.active && user.organisation_active ? user : null;
      if (!verdict.ok || !usable) {
        const { code, reason } = !verdict.ok
          ? verdict
          : { code: 'OIDC_NO_USER' as const, reason: user ? 'the user or their organisation is deactivated' : 'no user has this personal code' };
        await trx.insertInto('login_attempts').values({ email: 'oidc', ip: input.ip, success: false }).execute();
        await appendAudit(trx, source, [{ action: 'login_failed', recordType: 'user', recordId: user?.id ?? 'unknown' }]);
        return { ok: false, code, reason };
      }
      await trx.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', usable.id).execute();
      const session = await createSession(trx, { userId: usable.id, method: 'oidc', ip: input.ip, userAgent: input.userAgent, minutes: deps.config.sessionMinutes });
      await appendAudit(trx, source, [{ action: 'login', recordType: 'user', recordId: usable.id }]);
      return { ok: true, session, userId: usable.id };
    });
  }

  async function callback(input: OidcCallbackInput): Promise<OidcCallbackOutcome> {
    // Failed callbacks count like failed passwords, so nobody can flood the audit log with them.
    if (await addressIsThrottled(deps.db, input.ip)) return { ok: false, code: 'OIDC_FAILED', reason: 'too many failed logins from this address' };
    const state = input.params.get('state');
    if (!state || !input.stateCookie || !sameString(state, input.stateCookie)) {
      return settle(null, failed('OIDC_STATE_MISMATCH', input.stateCookie ? 'the state differs from the cookie' : 'no state cookie'), input);
    }
    const transaction = await deps.db.selectFrom('oidc_transactions').select(['state', 'nonce', 'code_verifier', 'created_at']).where('state', '=', state).executeTakeFirst();
    if (!transaction) return settle(null, failed('OIDC_STATE_MISMATCH', 'unknown or already used state'), input);
    if (transaction.created_at.getTime() < Date.now() - OIDC_TRANSACTION_MINUTES * 60_000) {
      return settle(state, failed('OIDC_STATE_MISMATCH', 'the login took too long'), input);
    }
    return settle(state, await verify(transaction, input.params), input);
  }

  return { start, callback };
}

/**
 * Discovers the provider once and keeps the Configuration (with its JWKS
 * cache); a failed discovery is retried on the next login rather than cached.
 */
function discoverer(oidc: OidcConfig): () => Promise<client.Configuration> {
  let pending: Promise<client.Configuration> | null = null;
  return () => {
    pending ??= client
      .discovery(new URL(oidc.issuer), oidc.clientId, { client_secret: oidc.clientSecret }, client.ClientSecretBasic(oidc.clientSecret), {
        execute: oidc.allowHttp ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      })
      .then((config) => {
        config.timeout = PROVIDER_TIMEOUT_SECONDS;
        return config;
      })
      .catch((error: unknown) => {
        pending = null;
        throw error;
      });
    return pending;
  };
}
