/**
 * Every user-facing error has a stable code (X-LOG); the message is looked up
 * in the user's language when the error is serialised.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const versionConflict = (current: number) => new AppError(409, 'VERSION_CONFLICT', {}, { currentVersion: current });
export const badRequest = (code: string, details?: unknown, params: Record<string, string | number> = {}) =>
  new AppError(400, code, params, details);
