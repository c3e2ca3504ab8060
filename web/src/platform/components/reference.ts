import { isApiError } from '../api/errors';

/** A short code the user can quote to support; the server's request id when there is one. */
export function errorReference(error: unknown): string {
  if (isApiError(error) && error.requestId) return error.requestId;
  const random = Math.random().toString(16).slice(2, 10).toUpperCase();
  return `WEB-${random}`;
}
