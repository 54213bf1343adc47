import { randomUUID } from 'node:crypto';
import { findLogin, listOutboxOfTenant } from '@manabi/data';
import { runningServers } from './registry.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * The test server answers 500 `response_contract_violation` when a route's JSON answer does not
 * match its schema in @manabi/contract: the request that got it fails its test, whatever it expected.
 */
function throwOnContractViolation(method: string, path: string, status: number, body: unknown): void {
  const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (status === 500 && error?.code === 'response_contract_violation')
    throw new Error(`${method} ${path}: ${error.message}\n${JSON.stringify(error.details, null, 2)}`);
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
    throwOnContractViolation(method, path, res.status, parsed);
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

/**
 * Signs up a fresh company (its own tenant) and returns its HR admin's signed-in client: the sign-up
 * answers 202, and the emailed link signs the new HR admin in.
 */
export async function signUpCompany(baseUrl: string, companyName = '株式会社テスト'): Promise<SignedUpCompany> {
  const client = new Client(baseUrl);
  const email = uniqueEmail('hr');
  const password = 'correct horse battery';
  const res = await client.post('/api/signup', { companyName, adminName: '人事 太郎', email, password, locale: 'ja' });
  if (res.status !== 202) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const session = await completeSignup(baseUrl, email, client);
  return { client, tenantId: session.tenant.id, adminId: session.user.id, email, password };
}

/** Follows the link a sign-up mailed to `email`: the session of the new HR admin (`client` is signed in with it). */
export async function completeSignup(baseUrl: string, email: string, client = new Client(baseUrl)): Promise<any> {
  const link = await verificationLink(baseUrl, email);
  const verified = await client.post('/api/auth/verify-email', { token: new URL(link).searchParams.get('token') });
  if (verified.status !== 200 || !verified.body.accessToken)
    throw new Error(`verification failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  client.token = verified.body.accessToken;
  return verified.body;
}

/** The sign-up verification link mailed to `email`: from the company's own outbox when the server is this process's. */
export async function verificationLink(baseUrl: string, email: string): Promise<string> {
  const server = runningServers.get(baseUrl);
  if (server) {
    const login = await findLogin(server.data.platform, email);
    const mails = login ? await listOutboxOfTenant(server.data.clientFor({ tenantId: login.tenantId })) : [];
    const mail = mails.find((m) => m.to === email && m.kind === 'verify_email');
    if (mail?.link) return mail.link;
  }
  const outbox = await new Client(baseUrl).get('/api/dev/outbox');
  const mail = (outbox.body.items as { to: string; kind: string; link: string }[]).find((m) => m.to === email && m.kind === 'verify_email');
  if (!mail) throw new Error(`No verification email to ${email}`);
  return mail.link;
}
