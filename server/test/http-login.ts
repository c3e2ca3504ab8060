/**
 * A login over real HTTP, for tests and benchmarks that run the server in its
 * own process: the Cookie header to send back, and the raw session and CSRF
 * cookie values (URL-encoded, as the server set them).
 */
export async function loginOverHttp(baseUrl: string, email: string, password: string): Promise<{ cookieHeader: string; sessionToken: string; csrf: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(baseUrl).origin },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  const sessionToken = cookies.get('tugi_session');
  const csrf = cookies.get('tugi_csrf');
  if (!sessionToken || !csrf) throw new Error(`login of ${email}: no session cookies`);
  return { cookieHeader: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), sessionToken, csrf };
}
