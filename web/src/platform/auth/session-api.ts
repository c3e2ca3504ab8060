import { api, post, put } from '../api/client';
import { rememberCsrfToken } from '../api/csrf';
import { isApiError } from '../api/errors';
import type { Language } from '../i18n/languages';
import type { Session } from './types';

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when not logged in (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('/api/auth/session');
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function login(email: string, password: string): Promise<Session> {
  const session = await post<Session>('/api/auth/login', { email, password });
  rememberCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  await post<void>('/api/auth/logout');
  rememberCsrfToken(null);
}

export function refreshSession(): Promise<{ expiresAt: string }> {
  return post<{ expiresAt: string }>('/api/auth/refresh');
}

export function saveLocale(locale: Language): Promise<void> {
  return put<void>('/api/me/locale', { locale });
}

export function fetchOidcConfig(): Promise<{ enabled: boolean }> {
  return api<{ enabled: boolean }>('/api/auth/oidc/config');
}
