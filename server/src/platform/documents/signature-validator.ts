/**
 * X-DOC — "… validity is checked by a configurable signature validation
 * service of the SiVa kind, stubbed in tests".
 *
 * createSignatureValidator posts an uploaded container to SiVa's JSON API
 * (POST {url}/validate) and reduces the report to counts and a status:
 *   valid     – every signature passed (and there is at least one)
 *   invalid   – SiVa answered, and not every signature passed
 *   unchecked – no service configured (development, or validation switched off)
 *   error     – the service could not be asked: network, timeout, non-2xx, bad JSON
 * It never throws: an upload must still be storable when SiVa is down, with
 * 'error' recorded so it can be checked again later.
 *
 * Messages may be shown to staff, so they carry SiVa's own wording and the
 * HTTP status, never the service URL (it may contain credentials).
 */

export type ValidationStatus = 'valid' | 'invalid' | 'unchecked' | 'error';

export type ValidationResult = {
  status: ValidationStatus;
  validSignatures: number;
  totalSignatures: number;
  /** ISO instant of the check. */
  checkedAt: string;
  message?: string;
};

export type SignatureValidatorOptions = {
  /** SiVa base URL, e.g. 'https://siva.eesti.ee/v3'. Empty or missing → 'unchecked'. */
  url?: string;
  /** Whole request including the response body (default 30 s: SiVa makes OCSP calls of its own). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** SiVa validation policy (default 'POLv4', the EU qualified-signature policy). */
  signaturePolicy?: string;
  /** Clock for checkedAt (tests). */
  now?: () => Date;
};

export type SignatureValidator = {
  validate(bytes: Uint8Array, filename: string): Promise<ValidationResult>;
};

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_MESSAGE = 500;

type Counts = Pick<ValidationResult, 'status' | 'validSignatures' | 'totalSignatures' | 'message'>;

const failure = (message: string): Counts => ({ status: 'error', validSignatures: 0, totalSignatures: 0, message: message.slice(0, MAX_MESSAGE) });

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** SiVa's texts from a list of { message } (request errors) or { content } (signature errors) objects. */
function texts(list: unknown, key: 'message' | 'content'): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => record(item)[key]).filter((t): t is string => typeof t === 'string' && t !== '');
}

function signatureErrors(conclusion: Record<string, unknown>): string[] {
  const signatures = Array.isArray(conclusion.signatures) ? conclusion.signatures : [];
  return [...new Set(signatures.flatMap((s) => texts(record(s).errors, 'content')))];
}

/** Maps SiVa's validation report to counts; an unexpected shape is an 'error', not a guess. */
export function fromSivaReport(body: unknown): Counts {
  const conclusion = record(record(record(body).validationReport).validationConclusion);
  const valid = conclusion.validSignaturesCount;
  const total = conclusion.signaturesCount;
  if (!isCount(valid) || !isCount(total) || valid > total) return failure('Unexpected response from the signature validation service');
  if (total > 0 && valid === total) return { status: 'valid', validSignatures: valid, totalSignatures: total };
  const reasons = total === 0 ? ['No signatures found'] : signatureErrors(conclusion);
  const message = [`${valid} of ${total} signatures valid`, ...reasons].join('; ').slice(0, MAX_MESSAGE);
  return { status: 'invalid', validSignatures: valid, totalSignatures: total, message };
}

async function httpFailure(response: Response): Promise<Counts> {
  // SiVa explains a 400 in { requestErrors: [{ key, message }] }; other bodies are ignored.
  const body: unknown = await response.json().catch(() => null);
  const detail = texts(record(body).requestErrors, 'message');
  return failure([`Signature validation service answered HTTP ${response.status}`, ...detail].join(': '));
}

function networkFailure(error: unknown, timeoutMs: number): Counts {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return failure(`Signature validation service did not answer within ${timeoutMs} ms`);
  const cause = record(error instanceof Error ? error.cause : null).code;
  const text = error instanceof Error ? error.message : String(error);
  return failure(`Could not reach the signature validation service: ${text}${typeof cause === 'string' ? ` (${cause})` : ''}`);
}

async function askSiva(endpoint: string, body: string, { timeoutMs, fetchImpl }: { timeoutMs: number; fetchImpl: typeof fetch }): Promise<Counts> {
  try {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      // Covers connecting, waiting and reading the body.
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return await httpFailure(response);
    const report: unknown = await response.json().catch(() => undefined);
    return report === undefined ? failure('Signature validation service answered with invalid JSON') : fromSivaReport(report);
  } catch (error) {
    return networkFailure(error, timeoutMs);
  }
}

export function createSignatureValidator(options: SignatureValidatorOptions = {}): SignatureValidator {
  const base = options.url?.trim().replace(/\/+$/, '') ?? '';
  const { timeoutMs: t } = options;
  const timeoutMs = t !== undefined && Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const now = options.now ?? (() => new Date());
  const signaturePolicy = options.signaturePolicy ?? 'POLv4';
  return {
    async validate(bytes, filename) {
      if (!base) {
        return { status: 'unchecked', validSignatures: 0, totalSignatures: 0, checkedAt: now().toISOString(), message: 'No signature validation service is configured' };
      }
      const body = JSON.stringify({ document: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), filename, signaturePolicy });
      const counts = await askSiva(`${base}/validate`, body, { timeoutMs, fetchImpl });
      return { ...counts, checkedAt: now().toISOString() };
    },
  };
}
