const CSRF_COOKIE = 'tugi_csrf';
let lastKnownToken: string | null = null;

/** Remembers the token from the session/login answer (fallback when the cookie is unreadable). */
export function rememberCsrfToken(token: string | null | undefined): void {
  lastKnownToken = token ?? null;
}

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? lastKnownToken;
}
