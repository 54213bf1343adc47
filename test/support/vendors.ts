import { request } from 'node:http';
import { expect } from 'vitest';
import { getVendor } from '@manabi/data';
import { createAccount } from '../../functions/api/src/services/vendors.js';
import type { TestServer } from './server.js';
import { Client, uniqueEmail } from './client.js';

type Role = 'platform_admin' | 'vendor_admin' | 'tenant_admin' | 'manager' | 'learner';

/** A client with a token minted for the given identity (as a sign-in would issue it). */
export async function clientAs(server: TestServer, userId: string, tenantId: string, vendorId: string | null, role: Role): Promise<Client> {
  const c = new Client(server.url);
  c.token = await server.deps.signer.signAccess({ userId, tenantId, vendorId, role }, server.deps.now());
  return c;
}

/** A platform admin in a platform home company of its own. */
export async function platformAdmin(server: TestServer): Promise<Client> {
  const home = await createAccount(server.deps, {
    name: 'Platform',
    adminName: 'Root',
    adminEmail: uniqueEmail('root'),
    locale: 'ja',
    vendorId: null,
    kind: 'platform_home',
  });
  return clientAs(server, home.adminUserId, home.tenant.id, null, 'platform_admin');
}

/** A vendor created by the platform console, with its first vendor admin's client. */
export async function createVendor(server: TestServer, platform: Client, name: string) {
  const created = await platform.post('/api/platform/vendors', { name, adminName: `${name} 管理者`, adminEmail: uniqueEmail('vendor') });
  expect(created.status).toBe(201);
  const v = (await getVendor(server.data.platform, created.body.vendor.id))!;
  const as = () => clientAs(server, created.body.adminUserId, v.homeTenantId!, v.id, 'vendor_admin');
  return { id: v.id, client: await as(), as };
}

/** A request with a chosen Host header (what a browser on a vendor's domain sends; fetch cannot set it). */
export function requestWithHost(
  server: TestServer,
  method: string,
  path: string,
  host: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${server.url}${path}`,
      {
        method,
        headers: { host, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A tiny valid PNG (1×1). */
export const PNG_1x1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);
/** A tiny valid ICO header. */
export const ICO = Uint8Array.from([0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0]);
