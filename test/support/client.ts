import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client for tests: JSON in/out, optional bearer token, keeps the refresh cookie. */
export class Client {
  token: string | null = null;
  cookie: string | null = null;
  ip: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: string | FormData | Blob } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.ip) headers['x-forwarded-for'] = this.ip;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: init.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && /=.+/.test(pair) ? pair : null;
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T = any>(path: string, body: unknown) => this.request<T>('PUT', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  /** Sends a file as the raw body with its content type (brand image uploads). */
  putFile = <T = any>(path: string, bytes: Uint8Array, contentType: string) =>
    this.request<T>('PUT', path, undefined, {
      raw: new Blob([bytes.slice()], { type: contentType }),
      headers: { 'content-type': contentType },
    });

  async upload<T = any>(
    path: string,
    bytes: Uint8Array,
    fields: Record<string, string> = {},
    filename = 'users.csv',
  ): Promise<ApiResponse<T>> {
    const form = new FormData();
    form.set('file', new Blob([bytes.slice()], { type: 'text/csv' }), filename);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return this.request<T>('POST', path, undefined, { raw: form });
  }
}

export const uniqueEmail = (label = 'user'): string => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export interface SignedUpCompany {
  client: Client;
  tenantId: string;
  adminId: string;
  email: string;
  password: string;
}

/** Signs up a fresh company (its own tenant) and returns its HR admin's signed-in client. */
export async function signUpCompany(baseUrl: string, companyName = '株式会社テスト'): Promise<SignedUpCompany> {
  const client = new Client(baseUrl);
  const email = uniqueEmail('hr');
  const password = 'correct horse battery';
  const res = await client.post('/api/signup', { companyName, adminName: '人事 太郎', email, password, locale: 'ja' });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  client.token = res.body.accessToken;
  return { client, tenantId: res.body.tenant.id, adminId: res.body.user.id, email, password };
}
