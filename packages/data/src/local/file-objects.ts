import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { LOCAL_SIGNED_GET_PATH, LOCAL_SIGNED_PUT_PATH, type LocalObjectStore } from '../objects.js';
import { signPayload, verifyToken } from './signed-urls.js';

export interface FileObjectStoreOptions {
  /** The HMAC key of signed URLs (kept in `.data/keys`); a fresh random one when omitted. */
  signingKey?: Uint8Array;
  /** The clock expiries are measured by (tests move it). */
  now?: () => Date;
}

/**
 * The local object store: one file per object under `root` (`.data/objects`), its content type
 * in a sidecar file. Keys are resolved inside `root` only. Its signed URLs point at the local
 * server, which checks their HMAC as S3 checks a presigned URL's signature.
 */
export function fileObjectStore(root: string, options: FileObjectStoreOptions = {}): LocalObjectStore & { readonly root: string } {
  const base = resolve(root);
  const secret = options.signingKey ?? randomBytes(32);
  const nowSeconds = () => Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    if (!path.startsWith(base + sep) || key.includes('\0')) throw new Error('Invalid object key');
    return path;
  };
  const notFound = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
  return {
    root: base,
    async put(key, object) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside and renamed: a reader never sees half a file.
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, object.body);
      await writeFile(`${path}.type`, object.contentType);
      await rename(tmp, path);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const [body, type] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
        return { body: new Uint8Array(body), contentType: type };
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await Promise.all([rm(path, { force: true }), rm(`${path}.type`, { force: true })]);
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    async list(prefix) {
      // The directory the prefix names (prefixes here always end at a '/'), walked for objects.
      const dir = resolve(base, prefix);
      if (!(dir + sep).startsWith(base + sep)) throw new Error('Invalid object prefix');
      let names: string[];
      try {
        names = await readdir(dir, { recursive: true });
      } catch (error) {
        if (notFound(error)) return [];
        throw error;
      }
      const files: string[] = [];
      for (const name of names) {
        if (name.endsWith('.type') || name.endsWith('.tmp')) continue;
        const path = resolve(dir, name);
        if ((await stat(path)).isFile()) files.push(relative(base, path).split(sep).join('/'));
      }
      return files.filter((key) => key.startsWith(prefix)).sort();
    },
    async getRange(key, start, end) {
      if (end <= start) return new Uint8Array();
      const handle = await open(pathOf(key), 'r');
      try {
        const buffer = Buffer.alloc(end - start);
        const { bytesRead } = await handle.read(buffer, 0, end - start, start);
        return new Uint8Array(buffer.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
    },
    async signedGetUrl(key, o) {
      pathOf(key);
      const token = signPayload(secret, {
        op: 'get',
        key,
        exp: nowSeconds() + o.expiresInSeconds,
        type: o.contentType,
        disposition: o.disposition,
        name: o.fileName,
      });
      return `${LOCAL_SIGNED_GET_PATH}?t=${token}`;
    },
    async signedPutUrl(key, o) {
      pathOf(key);
      const token = signPayload(secret, { op: 'put', key, exp: nowSeconds() + o.expiresInSeconds, length: o.contentLength });
      return { url: `${LOCAL_SIGNED_PUT_PATH}?t=${token}`, method: 'PUT', headers: { 'content-type': 'application/octet-stream' } };
    },
    verify(token, op) {
      return verifyToken(secret, token, op, nowSeconds());
    },
  };
}
