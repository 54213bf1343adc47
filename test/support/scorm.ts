import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { Client, type ApiResponse } from './client.js';
import type { TestServer } from './server.js';

export const SCORM_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'scorm');

/**
 * Zips a test package from its folder under fixtures/scorm. `rename` stores a file under another
 * name (a zip-slip name cannot be a real file of the folder).
 */
export function zipFixture(name: string, rename: Record<string, string> = {}): Uint8Array {
  const root = join(SCORM_FIXTURES, name);
  const entries: Zippable = {};
  const walk = (dir: string) => {
    for (const item of readdirSync(dir).sort()) {
      const path = join(dir, item);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const rel = relative(root, path).split('\\').join('/');
        entries[rename[rel] ?? rel] = new Uint8Array(readFileSync(path));
      }
    }
  };
  walk(root);
  return zipSync(entries);
}

/** Starts an upload of `size` bytes (the SPA's first step): the upload id and where to PUT the zip. */
export const startZipUpload = (client: Client, size: number, fileName = 'package.zip') =>
  client.post('/api/scorm-packages/uploads', { fileName, size });

/** Sends bytes to an upload's signed URL, as the browser does (straight to storage, not through the API). */
export const putToSignedUrl = (client: Client, upload: { url: string; headers: Record<string, string> }, bytes: Uint8Array) =>
  fetch(new URL(upload.url, client.baseUrl), { method: 'PUT', headers: upload.headers, body: bytes.slice() });

export const completeZipUpload = (client: Client, uploadId: string) => client.post(`/api/scorm-packages/uploads/${uploadId}/complete`);

/**
 * Uploads a zip as the SPA does: start, PUT the bytes to the signed URL, complete. Answers the first
 * step that was refused (with `uploadId` once there is one), else the completion's answer.
 */
export async function uploadZip(client: Client, zip: Uint8Array, fileName = 'package.zip'): Promise<ApiResponse & { uploadId?: string }> {
  const started = await startZipUpload(client, zip.length, fileName);
  if (started.status !== 201) return started;
  const put = await putToSignedUrl(client, started.body.upload, zip);
  if (!put.ok) return { status: put.status, body: await put.json(), headers: put.headers, uploadId: started.body.uploadId as string };
  return { ...(await completeZipUpload(client, started.body.uploadId)), uploadId: started.body.uploadId as string };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/**
 * A request to the server as a given host (the content origin `content.localhost:<port>`, which
 * Node cannot resolve the way Chromium does): connects to the server and names the host.
 */
export function requestAs(
  server: TestServer,
  host: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { host, ...init.headers };
    if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body);
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        if ((res.headers['content-type'] ?? '').includes('json') && text) json = JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** The content origin's host for a test server (`content.localhost:<port>`). */
export const contentHost = (server: TestServer): string => new URL(server.deps.config.scormContentOrigin).host;

/** Opens the player for a launch URL; returns the page and the session it opened (its token and starting CMI data). */
export async function openPlayer(server: TestServer, launchUrl: string) {
  const url = new URL(launchUrl);
  const page = await requestAs(server, url.host, 'GET', `${url.pathname}${url.search}`);
  const config = /<script type="application\/json" id="scorm-config">([\s\S]*?)<\/script>/.exec(page.text);
  const parsed = config
    ? (JSON.parse(config[1]!) as { commitUrl: string; cmi: Record<string, any>; scoUrl: string; version: string })
    : null;
  // The session token is the last segment of the commit URL.
  return { page, config: parsed ? { ...parsed, token: parsed.commitUrl.split('/').pop()! } : null };
}

/** A commit as scorm-again sends it (flattened CMI, to the commit URL of the session). */
export const commit = (server: TestServer, token: string, flat: Record<string, unknown>, contentType = 'application/json') =>
  requestAs(server, contentHost(server), 'POST', `/scorm/commit/${token}`, {
    headers: { 'content-type': contentType },
    body: JSON.stringify(flat),
  });
