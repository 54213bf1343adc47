import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileObjectStore } from './file-objects.js';

describe('fileObjectStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'objects-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const store = fileObjectStore(dir);

  it('stores, reads back with its type, and deletes', async () => {
    await store.put('brand/v/a/logo-1.png', { body: Uint8Array.from([1, 2, 3]), contentType: 'image/png' });
    expect(await store.get('brand/v/a/logo-1.png')).toEqual({ body: Uint8Array.from([1, 2, 3]), contentType: 'image/png' });
    await store.delete('brand/v/a/logo-1.png');
    expect(await store.get('brand/v/a/logo-1.png')).toBeNull();
  });

  it('lists the objects under a prefix, without their type files, and nothing of a neighbour', async () => {
    const one = { body: Uint8Array.from([1]), contentType: 'text/plain' };
    await store.put('files/t/aaa/1', one);
    await store.put('files/t/aaa/sub/2.txt', one);
    await store.put('files/t/aaab/3', one);
    expect(await store.list('files/t/aaa/')).toEqual(['files/t/aaa/1', 'files/t/aaa/sub/2.txt']);
    expect(await store.list('files/t/none/')).toEqual([]);
  });

  it('refuses keys that leave its folder', async () => {
    await expect(store.put('../outside.png', { body: new Uint8Array(), contentType: 'image/png' })).rejects.toThrow('Invalid object key');
    await expect(store.get('brand/../../x')).rejects.toThrow('Invalid object key');
  });
});

describe('fileObjectStore signed URLs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'objects-signed-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  let now = new Date('2026-04-01T00:00:00Z');
  const store = fileObjectStore(dir, { now: () => now });
  const tokenOf = (url: string) => new URL(url, 'http://x').searchParams.get('t')!;

  it('sizes and reads ranges of a stored object', async () => {
    await store.put('files/t/a/f', { body: Uint8Array.from([1, 2, 3, 4, 5]), contentType: 'application/octet-stream' });
    expect(await store.size('files/t/a/f')).toBe(5);
    expect(await store.size('files/t/a/none')).toBeNull();
    expect(await store.getRange('files/t/a/f', 1, 3)).toEqual(Uint8Array.from([2, 3]));
    expect(await store.getRange('files/t/a/f', 3, 99)).toEqual(Uint8Array.from([4, 5]));
  });

  it('verifies its own tokens until they expire, and refuses altered ones', async () => {
    const url = await store.signedGetUrl('files/t/a/f', {
      expiresInSeconds: 60,
      contentType: 'image/png',
      disposition: 'inline',
      fileName: 'a.png',
    });
    const token = tokenOf(url);
    expect(store.verify(token, 'get')).toMatchObject({ ok: true, payload: { key: 'files/t/a/f', type: 'image/png' } });
    expect(store.verify(token, 'put')).toEqual({ ok: false, reason: 'invalid' });
    const [body, sig] = token.split('.');
    const forged = Buffer.from(Buffer.from(body!, 'base64url').toString().replace('files/t/a/f', 'files/t/b/f')).toString('base64url');
    expect(store.verify(`${forged}.${sig}`, 'get')).toEqual({ ok: false, reason: 'invalid' });
    expect(store.verify(`${body}.${sig!.slice(0, -2)}AA`, 'get')).toEqual({ ok: false, reason: 'invalid' });
    expect(fileObjectStore(dir).verify(token, 'get')).toEqual({ ok: false, reason: 'invalid' });
    now = new Date(now.getTime() + 61_000);
    expect(store.verify(token, 'get')).toEqual({ ok: false, reason: 'expired' });
  });

  it('signs uploads with the exact length allowed', async () => {
    const upload = await store.signedPutUrl('files/t/a/g', { contentLength: 42, expiresInSeconds: 60 });
    expect(upload.method).toBe('PUT');
    expect(store.verify(tokenOf(upload.url), 'put')).toMatchObject({ ok: true, payload: { length: 42, key: 'files/t/a/g' } });
  });
});
