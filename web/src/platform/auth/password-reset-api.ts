import { post } from '../api/client';

/** Always answers 202 (no hint whether the address has an account); 429 when asked too often. */
export function requestPasswordReset(email: string): Promise<{ accepted: true }> {
  return post<{ accepted: true }>('/api/auth/password-reset', { email });
}

export function confirmPasswordReset(token: string, password: string): Promise<void> {
  return post<void>('/api/auth/password-reset/confirm', { token, password });
}

/** The token from the e-mail link's fragment (`/reset-password#token=…`): fragments never reach a server log. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}
