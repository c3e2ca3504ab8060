import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** A browser-like client over `app.inject`: keeps cookies and sends the CSRF header. */
export class TestClient {
  private cookies = new Map<string, string>();
  ip = '127.0.0.1';
  locale: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('tugi_csrf');
    if (csrf && !('x-csrf-token' in headers)) headers['x-csrf-token'] = csrf;
    if (this.locale && !headers['accept-language']) headers['accept-language'] = this.locale;
    const response = await this.app.inject({ ...options, headers, remoteAddress: this.ip });
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as object });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as object });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as object });
  }
  cookie(name: string) {
    return this.cookies.get(name);
  }
  forgetCookie(name: string) {
    this.cookies.delete(name);
  }
}
