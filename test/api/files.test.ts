import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_MAX_BYTES, FILE_UPLOAD_MAX_BYTES } from '@manabi/core';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { FIXTURES, pngOfSize, uploadFile } from '../support/files.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';

let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
// The server's clock: moved forward to expire signed URLs.
let offsetMs = 0;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(Date.now() + offsetMs) });
  hr = await signUpCompany(server.url, '株式会社資料');
  other = await signUpCompany(server.url, '株式会社よそ');
});
afterAll(() => server.stop());

const fetchUrl = (url: string) => fetch(new URL(url, server.url));

async function learner(): Promise<{ client: Client; id: string }> {
  const email = uniqueEmail('learner');
  const created = await hr.client.post('/api/users', { name: `受講者 ${email.slice(8, 14)}`, email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'learner password' })
  ).body.accessToken;
  return { client, id: created.body.id };
}

const lessonPackage = (body: string) => ({
  title: { ja: '資料つき研修' },
  description: { ja: '図と動画' },
  level: 'new_hire',
  modules: [{ id: 'intro', kind: 'lesson', title: { ja: 'はじめに' }, estimatedMinutes: 10, body: { ja: body } }],
});

describe('lesson files: uploaded by signed URL, checked by content, served by signed URL', () => {
  it('accepts each kind by its content whatever its name, and serves it with safe headers', async () => {
    const cases = [
      { name: 'diagram.png', bytes: FIXTURES.png, kind: 'png', type: 'image/png', disposition: 'inline' },
      { name: '手順書.pdf', bytes: FIXTURES.pdf, kind: 'pdf', type: 'application/pdf', disposition: 'inline' },
      {
        name: 'deck.pptx',
        bytes: FIXTURES.pptx,
        kind: 'pptx',
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        disposition: 'attachment',
      },
      { name: 'intro.mp4', bytes: FIXTURES.mp4, kind: 'mp4', type: 'video/mp4', disposition: 'inline' },
      // A misleading name does not matter either way: the bytes are a PNG.
      { name: 'notes.txt', bytes: FIXTURES.png, kind: 'png', type: 'image/png', disposition: 'inline' },
    ];
    for (const c of cases) {
      const up = await uploadFile(hr.client, c.name, c.bytes);
      expect(up.status, c.name).toBe(200);
      expect(up.body).toMatchObject({
        name: c.name,
        kind: c.kind,
        contentType: c.type,
        size: c.bytes.length,
        status: 'ready',
        uploadedBy: hr.adminId,
      });
      const res = await fetchUrl(up.body.url);
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(c.bytes);
      expect(res.headers.get('content-type')).toBe(c.type);
      expect(res.headers.get('content-disposition')).toContain(`${c.disposition}; filename=`);
      expect(res.headers.get('content-disposition')).toContain(encodeURIComponent(c.name));
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      if (c.kind === 'png' || c.kind === 'mp4') expect(csp).toContain("default-src 'none'");
      else expect(csp).toContain('sandbox');
    }
    // A video seeks by byte ranges.
    const video = (await hr.client.get('/api/files')).body.items.find((f: { name: string }) => f.name === 'intro.mp4');
    const part = await fetch(new URL(video.url, server.url), { headers: { range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${FIXTURES.mp4.length}`);
    expect(new TextDecoder().decode(await part.arrayBuffer())).toBe('ftypisom');
    const list = await hr.client.get('/api/files');
    expect(list.body.items.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(cases.map((c) => c.name)));
  });

  it('refuses a file whose content is not allowed, whatever its name says, and keeps nothing of it', async () => {
    for (const [name, bytes] of [
      ['slides.pptx', FIXTURES.docx],
      ['photo.png', FIXTURES.html],
      ['movie.mp4', FIXTURES.pdf.subarray(0, 20)],
    ] as const) {
      const up = await uploadFile(hr.client, name, bytes);
      expect(up.status, name).toBe(400);
      expect(up.body.error).toMatchObject({ code: 'file_type_not_allowed', details: [{ path: 'file' }] });
    }
    const names = (await hr.client.get('/api/files')).body.items.map((f: { name: string }) => f.name);
    expect(names).not.toContain('slides.pptx');
    expect(names).not.toContain('photo.png');
  });

  it('refuses what is too large: over any limit at the start, over its kind’s limit once its content is known', async () => {
    const start = await hr.client.post('/api/files', { name: 'huge.mp4', size: FILE_UPLOAD_MAX_BYTES + 1 });
    expect(start.status).toBe(400);
    expect(start.body.error.code).toBe('file_too_large');
    const big = await uploadFile(hr.client, 'big.png', pngOfSize(FILE_MAX_BYTES.png + 1));
    expect(big.status).toBe(400);
    expect(big.body.error.code).toBe('file_too_large');
    const invalid = await hr.client.post('/api/files', { name: '', size: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('validation_error');
  });

  it('accepts at an upload URL exactly the announced bytes, and nothing at an altered one', async () => {
    const started = await hr.client.post('/api/files', { name: 'a.png', size: FIXTURES.png.length });
    const url = new URL(started.body.upload.url, server.url);
    const wrongSize = await fetch(url, { method: 'PUT', body: new Uint8Array(FIXTURES.png.length + 5) });
    expect(wrongSize.status).toBe(400);
    const tampered = new URL(url);
    tampered.searchParams.set('t', `${url.searchParams.get('t')!.split('.')[0]}.AAAA`);
    expect((await fetch(tampered, { method: 'PUT', body: FIXTURES.png.slice() })).status).toBe(403);
    const notYet = await hr.client.post(`/api/files/${started.body.file.id}/complete`);
    expect(notYet.status).toBe(409);
    expect((await fetch(url, { method: 'PUT', body: FIXTURES.png.slice() })).status).toBe(200);
    expect((await hr.client.post(`/api/files/${started.body.file.id}/complete`)).body.status).toBe('ready');
  });

  it('refuses altered and expired download URLs, and forgets deleted files', async () => {
    const up = await uploadFile(hr.client, 'expiring.png', FIXTURES.png);
    const url = new URL(up.body.url, server.url);
    const token = url.searchParams.get('t')!;
    const [body, sig] = token.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const otherKey = Buffer.from(JSON.stringify({ ...payload, type: 'text/html' })).toString('base64url');
    for (const t of [`${otherKey}.${sig}`, `${body}.${sig!.slice(1)}`, 'nonsense', `${body}`]) {
      url.searchParams.set('t', t);
      expect((await fetch(url)).status, t).toBe(403);
    }
    offsetMs = 3601_000;
    try {
      const expired = await fetchUrl(up.body.url);
      expect(expired.status).toBe(403);
      expect((await expired.json()).error.code).toBe('link_expired');
    } finally {
      offsetMs = 0;
    }
    const fresh = (await hr.client.post('/api/files/links', { ids: [up.body.id] })).body.items[0].url;
    expect((await fetchUrl(fresh)).status).toBe(200);
    expect((await hr.client.delete(`/api/files/${up.body.id}`)).status).toBe(204);
    expect((await fetchUrl(fresh)).status).toBe(404);
    expect((await hr.client.delete(`/api/files/${up.body.id}`)).status).toBe(404);
  });

  it('treats another company’s file as not found', async () => {
    const up = await uploadFile(hr.client, 'ours.png', FIXTURES.png);
    expect((await other.client.post(`/api/files/${up.body.id}/complete`)).status).toBe(404);
    expect((await other.client.delete(`/api/files/${up.body.id}`)).status).toBe(404);
    expect((await other.client.post('/api/files/links', { ids: [up.body.id] })).body.items).toEqual([]);
    expect((await other.client.get('/api/files')).body.items.map((f: { id: string }) => f.id)).not.toContain(up.body.id);
    expect((await hr.client.get('/api/files')).body.items.map((f: { id: string }) => f.id)).toContain(up.body.id);
  });

  it('gives a learner URLs only for files the lessons of their assigned packages show', async () => {
    const shown = await uploadFile(hr.client, 'shown.png', FIXTURES.png);
    const hidden = await uploadFile(hr.client, 'hidden.pdf', FIXTURES.pdf);
    const foreign = await uploadFile(other.client, 'foreign.png', FIXTURES.png);
    const pkg = await hr.client.post(
      '/api/packages',
      lessonPackage(`# 図\n\n![構成図](file:${shown.body.id})\n\n![よそ](file:${foreign.body.id})`),
    );
    expect(pkg.status).toBe(201);
    const unassigned = await hr.client.post('/api/packages', lessonPackage(`[資料](file:${hidden.body.id})`));
    const me = await learner();
    const assigned = await hr.client.post(`/api/packages/${pkg.body.id}/assignments`, { userIds: [me.id], dueDate: '2027-03-31' });
    expect(assigned.status).toBe(200);

    const files = await me.client.get(`/api/me/assignments/${pkg.body.id}/files`);
    expect(files.status).toBe(200);
    expect(files.body.items.map((f: { id: string }) => f.id)).toEqual([shown.body.id]);
    expect((await fetchUrl(files.body.items[0].url)).status).toBe(200);

    expect((await me.client.get(`/api/me/assignments/${unassigned.body.id}/files`)).status).toBe(404);
    expect((await me.client.get('/api/me/assignments/not-an-id/files')).status).toBe(404);
    expect((await me.client.get('/api/files')).status).toBe(403);
    expect((await me.client.post('/api/files/links', { ids: [hidden.body.id] })).status).toBe(403);
    expect((await me.client.post('/api/files', { name: 'x.png', size: 10 })).status).toBe(403);
  });

  it('keeps a vendor’s files with the vendor: its client companies and their learners read them, no other company does', async () => {
    const vendor = await createVendor(server, await platformAdmin(server), `資料ベンダー${Date.now()}`);
    const up = await uploadFile(vendor.client, 'vendor.png', FIXTURES.png);
    expect(up.status).toBe(200);
    expect((await vendor.client.get('/api/files')).body.items.map((f: { id: string }) => f.id)).toEqual([up.body.id]);
    expect((await hr.client.post('/api/files/links', { ids: [up.body.id] })).body.items).toEqual([]);
    expect((await hr.client.post(`/api/files/${up.body.id}/complete`)).status).toBe(404);

    // A client company of the vendor reads it (its copies of the vendor's lessons show it), and so do its learners.
    const company = await vendor.client.post('/api/vendor/tenants', {
      name: '株式会社読み手',
      adminName: '人事',
      adminEmail: uniqueEmail('files-hr'),
      plan: { seatLimit: null, features: { adaptive: true, reportsExport: true } },
    });
    expect(company.status).toBe(201);
    const tenantId = company.body.tenant.id;
    const clientHr = await clientAs(server, company.body.adminUserId, tenantId, vendor.id, 'tenant_admin');
    expect((await clientHr.post('/api/files/links', { ids: [up.body.id] })).body.items.map((f: { id: string }) => f.id)).toEqual([
      up.body.id,
    ]);
    expect((await clientHr.delete(`/api/files/${up.body.id}`)).status).toBe(404);
    const pkg = await clientHr.post('/api/packages', lessonPackage(`![ベンダーの図](file:${up.body.id})`));
    const person = await clientHr.post('/api/users', { name: '受講者', email: uniqueEmail('files-learner'), role: 'learner' });
    await clientHr.post(`/api/packages/${pkg.body.id}/assignments`, { userIds: [person.body.id], dueDate: '2027-03-31' });
    const reader = await clientAs(server, person.body.id, tenantId, vendor.id, 'learner');
    const files = (await reader.get(`/api/me/assignments/${pkg.body.id}/files`)).body.items;
    expect(files.map((f: { id: string }) => f.id)).toEqual([up.body.id]);
    expect((await fetchUrl(files[0].url)).status).toBe(200);
  });
});
