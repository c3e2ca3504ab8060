import { i18n, currentLanguage } from '../i18n';
import { ApiError, parseErrorBody } from './errors';
import { csrfToken } from './csrf';
import { noteServerDate } from './server-clock';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** A raw body (file upload), sent as application/octet-stream instead of JSON. */
  rawBody?: Blob;
  query?: QueryParams;
  signal?: AbortSignal;
}

/** Paths where 401 is an expected answer, not a lost session. */
const AUTH_PATHS = ['/api/auth/session', '/api/auth/login'];

let onUnauthorized: (() => void) | null = null;
let onSessionExpiry: ((expiresAt: string) => void) | null = null;

/** Called on any 401 outside the auth endpoints (the app then goes to /login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Called when the server reports a new session expiry in the `x-session-expires-at` header. */
export function setSessionExpiryHandler(handler: ((expiresAt: string) => void) | null): void {
  onSessionExpiry = handler;
}

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function buildHeaders(method: Method, contentType: string | null): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': currentLanguage() });
  if (contentType) headers.set('Content-Type', contentType);
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers.set('x-csrf-token', token);
  }
  return headers;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const raw = options.rawBody;
  const hasBody = options.body !== undefined;
  const contentType = raw ? 'application/octet-stream' : hasBody ? 'application/json' : null;
  try {
    return await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, contentType),
      body: raw ?? (hasBody ? JSON.stringify(options.body) : undefined),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toError(response: Response, json: unknown): ApiError {
  const requestId = response.headers.get('x-request-id');
  const body = parseErrorBody(json);
  if (body) return new ApiError(response.status, body, requestId);
  const key = response.status >= 500 ? 'errors.server' : 'errors.generic';
  const fallback = { code: `HTTP_${response.status}`, message: i18n.t(key) };
  return new ApiError(response.status, fallback, requestId);
}

function noticeHeaders(path: string, response: Response): void {
  noteServerDate(response.headers.get('date'));
  const expiresAt = response.headers.get('x-session-expires-at');
  if (expiresAt && onSessionExpiry) onSessionExpiry(expiresAt);
  if (response.status === 401 && !AUTH_PATHS.includes(path) && onUnauthorized) onUnauthorized();
}

/** JSON request to the Tugi API with cookies, CSRF header and the UI language. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  noticeHeaders(path, response);
  const json = await readJson(response);
  if (!response.ok) throw toError(response, json);
  return json as T;
}

export const get = <T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T> =>
  api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown): Promise<T> =>
  api<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body?: unknown): Promise<T> =>
  api<T>(path, { method: 'PUT', body: body ?? {} });
export const patch = <T>(path: string, body?: unknown): Promise<T> =>
  api<T>(path, { method: 'PATCH', body: body ?? {} });
/** Uploads a file as the raw request body (`Content-Type: application/octet-stream`). */
export const postFile = <T>(path: string, file: Blob, query?: QueryParams): Promise<T> =>
  api<T>(path, { method: 'POST', rawBody: file, query });

/** URL of a list export: `/api/x/export?format=csv&...filters`. */
export function exportUrl(listPath: string, format: 'csv' | 'xlsx', query: QueryParams = {}): string {
  return withQuery(`${listPath}/export`, { ...query, format });
}
