import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '@manabi/api/aggregate';
import { keys } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
const dir = mkdtempSync(join(tmpdir(), 'certificates-api-'));

beforeAll(async () => {
  server = await startTestServer({ aggregate: true });
  [hr, other] = await Promise.all([signUpCompany(server.url, 'さくら商事株式会社'), signUpCompany(server.url, '別会社株式会社')]);
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Applies the change stream until nothing is left (issuing writes records of its own). */
async function settle() {
  for (let i = 0; i < 10 && (await server.drainStream()) > 0; i++);
}

async function learner(name: string): Promise<{ client: Client; id: string }> {
  const email = uniqueEmail('learner');
  const created = await hr.client.post('/api/users', {
    name,
    email,
    role: 'learner',
    departmentId: null,
    level: 'new_hire',
    sendInvite: true,
  });
  expect(created.status).toBe(201);
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  const token = new URL(mail.link).searchParams.get('token');
  client.token = (await client.post('/api/auth/set-password', { token, password: 'learner password' })).body.accessToken;
  return { client, id: created.body.id };
}

/** A binary download (the JSON client reads text). */
async function download(client: Client | null, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: client?.token ? { authorization: `Bearer ${client.token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

function pdfText(bytes: Uint8Array): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [path, '-']).toString('utf8');
}

// A 2×1 PNG, written by hand (the logo and signature stand-in).
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGPgK2D4/5+BDwATfgOhfiUNXQAAAABJRU5ErkJggg==', 'base64'),
);

/** An assignment's change to completed, as the stream delivers it (to deliver it again). */
function completion(userId: string, eventId: string) {
  const completed = {
    ...keys.assignment(hr.tenantId, userId, packageId),
    entity: 'assignment',
    tenantId: hr.tenantId,
    userId,
    packageId,
    dueDate: '2030-03-31',
    status: 'completed',
    completedAt: new Date().toISOString(),
    overdue: false,
  };
  return {
    eventId,
    eventName: 'MODIFY' as const,
    oldImage: { ...completed, status: 'in_progress', completedAt: null },
    newImage: completed,
  };
}

let packageId: string;

describe('certificates (修了証)', () => {
  let hanako: { client: Client; id: string };
  let taro: { client: Client; id: string };
  let code: string;

  beforeAll(async () => {
    const pkg = await hr.client.post('/api/packages', {
      title: { ja: '情報セキュリティ基礎', en: 'Information security basics' },
      description: { ja: '社内規程と実践' },
      level: 'new_hire',
      modules: [
        {
          id: 'practice',
          kind: 'ojt',
          title: { ja: '職場での実践' },
          estimatedMinutes: 30,
          instructions: { ja: '上長が確認する' },
        },
      ],
    });
    expect(pkg.status).toBe(201);
    packageId = pkg.body.id;
    [hanako, taro] = await Promise.all([learner('佐藤 花子'), learner('鈴木 太郎')]);
    const assigned = await hr.client.post(`/api/packages/${packageId}/assignments`, {
      userIds: [hanako.id, taro.id],
      dueDate: '2030-03-31',
    });
    expect(assigned.body.created).toBe(2);
  });

  it('lets HR design the template: placeholders checked, images checked, a sample preview', async () => {
    const current = (await hr.client.get('/api/certificate-template')).body;
    expect(current.template.title.ja).toBe('修了証');
    const bad = await hr.client.put('/api/certificate-template', { ...current.template, body: { ja: '{氏名}殿', en: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.ja');

    const template = {
      ...current.template,
      languages: 'ja+en',
      body: { ja: '{company}の研修を修了したことを証します。', en: 'has completed the course of {company}.' },
      signer: { name: '山田 一郎', title: '人事部長' },
    };
    const saved = await hr.client.put('/api/certificate-template', template);
    expect(saved.status).toBe(200);
    expect(saved.body.template.signer.name).toBe('山田 一郎');

    expect((await hr.client.putFile('/api/certificate-template/logo', PNG, 'image/png')).body.hasLogo).toBe(true);
    expect((await hr.client.putFile('/api/certificate-template/signature', PNG, 'image/png')).body.hasSignature).toBe(true);
    const svg = await hr.client.putFile(
      '/api/certificate-template/signature',
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image/svg+xml',
    );
    expect(svg.status).toBe(400);
    const fake = await hr.client.putFile('/api/certificate-template/logo', new TextEncoder().encode('not a png'), 'image/png');
    expect(fake.status).toBe(400);

    const preview = await fetch(`${server.url}/api/certificate-template/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hr.client.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...template, title: { ja: '修了証書', en: 'Certificate' } }),
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await preview.arrayBuffer()));
    expect(text).toContain('修了証書');
    expect(text).toContain('さくら商事株式会社の研修を修了したことを証します。');
    expect(text).toContain('山田 一郎');
    // The draft was only previewed, not saved.
    expect((await hr.client.get('/api/certificate-template')).body.template.title.ja).toBe('修了証');

    expect((await taro.client.get('/api/certificate-template')).status).toBe(403);
  });

  it('issues exactly one certificate when the package is completed, however often the completion is seen', async () => {
    await settle();
    expect((await hanako.client.get('/api/me/certificates')).body.items).toEqual([]);

    const signed = await hr.client.post(`/api/users/${hanako.id}/assignments/${packageId}/modules/practice/signoff`);
    expect(signed.status).toBe(200);
    expect(signed.body.progress.status).toBe('completed');
    await settle();

    const mine = (await hanako.client.get('/api/me/certificates')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ packageId, recipientName: '佐藤 花子', packageTitle: { ja: '情報セキュリティ基礎' } });
    expect(mine[0].code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(mine[0].verifyUrl).toBe(`${server.url}/verify/${mine[0].code}`);
    code = mine[0].code;

    // The completion seen again, twice at once and then once more (a retried, redelivered record).
    await Promise.all([
      applyChanges(server.deps, [completion(hanako.id, 'again-1')]),
      applyChanges(server.deps, [completion(hanako.id, 'again-2')]),
    ]);
    await applyChanges(server.deps, [completion(hanako.id, 'again-1')]);
    await settle();

    const after = (await hanako.client.get('/api/me/certificates')).body.items;
    expect(after).toHaveLength(1);
    expect(after[0].code).toBe(code);
    const ofPackage = (await hr.client.get(`/api/packages/${packageId}/certificates`)).body.items;
    expect(ofPackage.map((c: { userId: string; code: string }) => [c.userId, c.code])).toEqual([[hanako.id, code]]);
  });

  it('lets the learner download their own certificate, and nobody else get it', async () => {
    const pdf = await download(hanako.client, `/api/me/certificates/${packageId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`佐藤_花子_${code}.pdf`)}`);
    const text = pdfText(pdf.bytes);
    expect(text).toContain('佐藤 花子');
    expect(text).toContain('情報セキュリティ基礎');
    expect(text).toContain(code);
    expect(pdf.bytes.length).toBeLessThan(100_000);
    // The same file every time: it was generated once, at issue.
    expect((await download(hanako.client, `/api/me/certificates/${packageId}/pdf`)).bytes).toEqual(pdf.bytes);

    expect((await download(taro.client, `/api/me/certificates/${packageId}/pdf`)).status).toBe(404);
    expect((await download(taro.client, `/api/packages/${packageId}/certificates/${hanako.id}/pdf`)).status).toBe(403);
    expect((await download(other.client, `/api/packages/${packageId}/certificates/${hanako.id}/pdf`)).status).toBe(404);
    expect((await other.client.get(`/api/packages/${packageId}/certificates`)).status).toBe(404);
    expect((await download(other.client, `/api/packages/${packageId}/certificates.zip`)).status).toBe(404);
    expect((await download(other.client, `/api/me/certificates/${packageId}/pdf`)).status).toBe(404);
    expect((await download(null, `/api/me/certificates/${packageId}/pdf`)).status).toBe(401);

    const byHr = await download(hr.client, `/api/packages/${packageId}/certificates/${hanako.id}/pdf`);
    expect(byHr.bytes).toEqual(pdf.bytes);
  });

  it('gives HR every certificate of a package in one zip', async () => {
    await hr.client.post(`/api/users/${taro.id}/assignments/${packageId}/modules/practice/signoff`);
    // Three issuers race before the stream's own record is applied: one certificate, and its PDF kept.
    await Promise.all(['race-1', 'race-2', 'race-3'].map((id) => applyChanges(server.deps, [completion(taro.id, id)])));
    await settle();
    const taros = (await taro.client.get('/api/me/certificates')).body.items;
    expect(taros).toHaveLength(1);
    expect(pdfText((await download(taro.client, `/api/me/certificates/${packageId}/pdf`)).bytes)).toContain(taros[0].code);
    const certificates = (await hr.client.get(`/api/packages/${packageId}/certificates`)).body.items as {
      recipientName: string;
      code: string;
    }[];
    expect(certificates).toHaveLength(2);

    const zip = await download(hr.client, `/api/packages/${packageId}/certificates.zip`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual(certificates.map((c) => `${c.recipientName.replace(' ', '_')}_${c.code}.pdf`).sort());
    for (const c of certificates) {
      const text = pdfText(files[`${c.recipientName.replace(' ', '_')}_${c.code}.pdf`]!);
      expect(text).toContain(c.recipientName);
      expect(text).toContain('情報セキュリティ基礎');
    }
    expect((await download(taro.client, `/api/packages/${packageId}/certificates.zip`)).status).toBe(403);
  });

  it('verifies a code publicly: valid or not, and nothing else', async () => {
    const anonymous = new Client(server.url);
    const real = await anonymous.get(`/api/certificates/verify/${code}`);
    expect(real.status).toBe(200);
    expect(real.body).toEqual({ valid: true });
    // Typed loosely (lower case, spaces for hyphens): still the same code.
    expect((await anonymous.get(`/api/certificates/verify/${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`)).body).toEqual({
      valid: true,
    });
    // Well formed (its check symbol holds) but never issued; then not a code at all.
    for (const made of ['0000-0000-0000-0000', 'ABCD-EFGH-JKMN-PQRS', 'nothing', '佐藤花子']) {
      const res = await anonymous.get(`/api/certificates/verify/${encodeURIComponent(made)}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ valid: false });
    }
    const raw = await fetch(`${server.url}/api/certificates/verify/${code}`);
    const text = await raw.text();
    expect(text).toBe('{"valid":true}');
    for (const secret of ['佐藤', 'さくら', '情報セキュリティ', hanako.id, hr.tenantId, packageId]) expect(text).not.toContain(secret);
    expect(raw.headers.get('cache-control')).toContain('max-age');
  });
});
