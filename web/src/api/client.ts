/**
 * Thin `fetch` wrapper for the Manabi API.
 *
 * - adds `Authorization: Bearer <token>` from an injected token getter,
 * - on a 401 it asks the injected refresher for a new token once, then retries once,
 * - turns error bodies `{ error: { code, message, details } }` into a typed `ApiError`
 *   carrying the `x-request-id` header for support.
 */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;
  /**
   * Whether `message` is in the UI's language: the server words it in the account's language
   * (`Content-Language`), which can differ from the language chosen on this device.
   */
  readonly inUiLanguage: boolean;
  /** From a 503's (or 429's) `Retry-After`: when the same request may be sent again, in seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: ErrorDetail[];
    requestId?: string | null;
    inUiLanguage?: boolean;
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId ?? null;
    this.inUiLanguage = init.inUiLanguage ?? true;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /**
   * Field-level messages keyed by the last segment of each detail's path
   * (`body.email` and `email` both become `email`). The first message per field wins.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const detail of this.details) {
      const key = lastPathSegment(detail.path);
      if (key && !(key in out)) out[key] = detail.message;
    }
    return out;
  }
}

export function lastPathSegment(path: string): string {
  const parts = path.split(/[.[\]/]+/).filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDetails(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  const out: ErrorDetail[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const rawPath = item['path'];
    const path = Array.isArray(rawPath) ? rawPath.map(String).join('.') : typeof rawPath === 'string' ? rawPath : '';
    const message = typeof item['message'] === 'string' ? item['message'] : '';
    if (message) out.push({ path, message });
  }
  return out;
}

/** Build an ApiError from a non-2xx response, whatever its body looks like. */
export async function toApiError(response: Response, uiLocale: string | null = null): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id');
  const language = response.headers.get('content-language');
  let body: unknown = null;
  try {
    const text = await response.text();
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = null;
  }
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : null;
  const code = error && typeof error['code'] === 'string' ? error['code'] : `http_${response.status}`;
  const message =
    error && typeof error['message'] === 'string' && error['message'] ? error['message'] : response.statusText || `HTTP ${response.status}`;
  return new ApiError({
    status: response.status,
    code,
    message,
    details: error ? parseDetails(error['details']) : [],
    requestId,
    inUiLanguage: !language || !uiLocale || language === uiLocale,
    retryAfterSeconds: retryAfterOf(response.headers.get('retry-after')),
  });
}

/** `Retry-After` in seconds (a number of seconds; an HTTP date is not sent by this API). */
function retryAfterOf(header: string | null): number | null {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON body. */
  json?: unknown;
  /** multipart/form-data body. */
  form?: FormData;
  /** Raw body (a file), sent with its own content type. */
  blob?: Blob;
  /** Query parameters; empty, null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  /** Send the bearer token (default true). */
  auth?: boolean;
  /** On 401, refresh once and retry once (default: same as `auth`). */
  retryOnUnauthorized?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. an Idempotency-Key). */
  headers?: Record<string, string>;
}

export interface ApiClientConfig {
  baseUrl?: string;
  fetch?: FetchLike;
  getAccessToken?: () => string | null;
  /** Obtain a fresh access token; resolve true when one is available. */
  refresh?: () => Promise<boolean>;
  /** UI language, sent as Accept-Language so the server may localise messages. */
  getLocale?: () => string | null;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>) {
  let url = baseUrl + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.append(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  return url;
}

export class ApiClient {
  private config: Required<ApiClientConfig>;
  private refreshing: Promise<boolean> | null = null;

  constructor(config: ApiClientConfig = {}) {
    this.config = {
      baseUrl: '',
      // Resolved at call time so the browser's fetch is never called unbound.
      fetch: (input, init) => globalThis.fetch(input, init),
      getAccessToken: () => null,
      refresh: async () => false,
      getLocale: () => null,
    };
    this.configure(config);
  }

  configure(config: ApiClientConfig): void {
    for (const [key, value] of Object.entries(config)) {
      if (value !== undefined) Object.assign(this.config, { [key]: value });
    }
  }

  /** Perform a request and return the raw successful Response (throws ApiError otherwise). */
  async raw(path: string, options: RequestOptions = {}): Promise<Response> {
    const auth = options.auth ?? true;
    const retry = options.retryOnUnauthorized ?? auth;
    let response = await this.send(path, options, auth);
    if (response.status === 401 && retry) {
      if (await this.refreshOnce()) {
        response = await this.send(path, options, auth);
      }
    }
    if (!response.ok) throw await toApiError(response, this.config.getLocale?.() ?? null);
    return response;
  }

  /** Perform a request and parse the JSON body (`undefined` for 204 / empty bodies). */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.body<T>(await this.raw(path, options));
  }

  /** A response fetched outside this client (index.html starts the session restore): its body, or its ApiError. */
  async read<T>(response: Response): Promise<T> {
    if (!response.ok) throw await toApiError(response);
    return this.body<T>(response);
  }

  private async body<T>(response: Response): Promise<T> {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError({
        status: response.status,
        code: 'invalid_response',
        message: 'The server returned an unreadable response.',
        requestId: response.headers.get('x-request-id'),
      });
    }
  }

  get<T>(path: string, query?: Record<string, QueryValue>, options: RequestOptions = {}) {
    return this.request<T>(path, { ...options, method: 'GET', query });
  }

  post<T>(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request<T>(path, { ...options, method: 'POST', json });
  }

  put<T>(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request<T>(path, { ...options, method: 'PUT', json });
  }

  patch<T>(path: string, json?: unknown, options: RequestOptions = {}) {
    return this.request<T>(path, { ...options, method: 'PATCH', json });
  }

  /** PUT a file as the raw body, with the file's content type (e.g. an uploaded logo). */
  putBlob<T>(path: string, blob: Blob, options: RequestOptions = {}) {
    return this.request<T>(path, { ...options, method: 'PUT', blob });
  }

  delete<T = void>(path: string, options: RequestOptions = {}) {
    return this.request<T>(path, { ...options, method: 'DELETE' });
  }

  /** Concurrent 401s share a single refresh. */
  private refreshOnce(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.config
        .refresh()
        .catch(() => false)
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  private async send(path: string, options: RequestOptions, auth: boolean): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json' });
    const locale = this.config.getLocale();
    if (locale) headers.set('Accept-Language', locale);
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    let body: BodyInit | undefined;
    if (options.form) {
      body = options.form;
    } else if (options.blob) {
      headers.set('Content-Type', options.blob.type || 'application/octet-stream');
      body = options.blob;
    } else if (options.json !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.json);
    }
    if (auth) {
      const token = this.config.getAccessToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
    }
    const init: RequestInit = {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'include',
    };
    if (options.signal) init.signal = options.signal;
    try {
      return await this.config.fetch(buildUrl(this.config.baseUrl, path, options.query), init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({
        status: 0,
        code: 'network_error',
        message: cause instanceof Error ? cause.message : 'Network error',
      });
    }
  }
}

/** The app-wide client; the auth store wires the token getter and refresher into it. */
export const api = new ApiClient();
