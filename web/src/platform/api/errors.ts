/** Body of every 4xx/5xx answer from the Tugi server. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/** An error answer from the API, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** The server's request id (x-request-id header), shown as a reference code. */
  readonly requestId: string | null;

  constructor(status: number, body: ApiErrorBody, requestId: string | null = null) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.requestId = requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasCode(error: unknown, code: string): boolean {
  return isApiError(error) && error.code === code;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** Reads `{ error: { code, message, details } }`; anything else gives null. */
export function parseErrorBody(json: unknown): ApiErrorBody | null {
  if (typeof json !== 'object' || json === null) return null;
  const inner = (json as Record<string, unknown>).error;
  return isErrorBody(inner) ? inner : null;
}

/** Field problems from VALIDATION_FAILED: details.fields = [{ path, message }]. */
export interface FieldProblem {
  path: string;
  message: string;
}

export function fieldProblems(error: unknown): FieldProblem[] {
  if (!isApiError(error)) return [];
  const details = error.details as { fields?: unknown } | undefined;
  if (!details || !Array.isArray(details.fields)) return [];
  return details.fields.filter(
    (f): f is FieldProblem =>
      typeof f === 'object' && f !== null && typeof (f as FieldProblem).path === 'string',
  );
}

/** Password policy codes from details.problems (too_short, common, ...). */
export function passwordProblems(error: unknown): string[] {
  if (!isApiError(error)) return [];
  const details = error.details as { problems?: unknown } | undefined;
  if (!details || !Array.isArray(details.problems)) return [];
  return details.problems.filter((p): p is string => typeof p === 'string');
}
