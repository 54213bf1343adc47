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

  it('refuses keys that leave its folder', async () => {
    await expect(store.put('../outside.png', { body: new Uint8Array(), contentType: 'image/png' })).rejects.toThrow('Invalid object key');
    await expect(store.get('brand/../../x')).rejects.toThrow('Invalid object key');
  });
});
