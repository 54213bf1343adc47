import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface StoredObject {
  body: Uint8Array;
  contentType: string;
}

/** How a signed download presents the object: its type and whether the browser shows or saves it. */
export interface SignedGetOptions {
  expiresInSeconds: number;
  contentType: string;
  disposition: 'inline' | 'attachment';
  fileName: string;
}

/** Where the browser sends an upload's bytes: exactly `contentLength` bytes, before the URL expires. */
export interface SignedUpload {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

/**
 * Where uploaded files live: S3 in the cloud, `.data/objects` locally (see `@manabi/data/local`).
 * Keys come from `objectKeys`; callers never see which store they use. Lesson files never pass
 * through the API's body (the Lambda request limit is 6 MB): the browser puts them at a signed
 * URL and fetches them from one.
 */
export interface ObjectStore {
  put(key: string, object: StoredObject): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  /** The stored size in bytes, or null when there is no such object. */
  size(key: string): Promise<number | null>;
  /** Bytes [start, end) of an object (a ranged GET); fewer at its end. */
  getRange(key: string, start: number, end: number): Promise<Uint8Array>;
  /** Every object key under a prefix (a company's files: its export and its deletion). */
  list(prefix: string): Promise<string[]>;
  /** A URL that serves the object until it expires, with the given type and disposition. */
  signedGetUrl(key: string, options: SignedGetOptions): Promise<string>;
  /** A URL the browser PUTs exactly `contentLength` bytes to, until it expires. */
  signedPutUrl(key: string, options: { contentLength: number; expiresInSeconds: number }): Promise<SignedUpload>;
}

/** Where the local server answers signed downloads and uploads (see the API's local object routes). */
export const LOCAL_SIGNED_GET_PATH = '/api/objects/file';
export const LOCAL_SIGNED_PUT_PATH = '/api/objects/upload';

/** What a local signed URL allows: one operation on one object, until `exp` (seconds). */
export type SignedPayload =
  | { op: 'get'; key: string; exp: number; type: string; disposition: 'inline' | 'attachment'; name: string }
  | { op: 'put'; key: string; exp: number; length: number };

export type Verified = { ok: true; payload: SignedPayload } | { ok: false; reason: 'invalid' | 'expired' };

/** The local store (`.data/objects`): the server checks its signed URLs itself, as S3 does in the cloud. */
export interface LocalObjectStore extends ObjectStore {
  /** Checks a signed URL's token (constant-time) and its expiry. */
  verify(token: string, op: SignedPayload['op']): Verified;
}

export const isLocalObjectStore = (store: ObjectStore): store is LocalObjectStore => 'verify' in store;

/** `Content-Disposition` with the name in UTF-8 (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 5987 leaves ' ( ) * out of a value's plain characters; encodeURIComponent keeps them.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const missing = (error: unknown) =>
  error instanceof NoSuchKey || error instanceof NotFound || ['NoSuchKey', 'NotFound'].includes((error as { name?: string }).name ?? '');

export function s3ObjectStore(bucket: string, client: S3Client = new S3Client({})): ObjectStore {
  return {
    async put(key, object) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: object.body, ContentType: object.contentType }));
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return { body: await out.Body!.transformToByteArray(), contentType: out.ContentType ?? 'application/octet-stream' };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async size(key) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength ?? 0;
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async list(prefix) {
      const found: string[] = [];
      let token: string | undefined;
      do {
        const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        found.push(...(out.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : [])));
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      return found;
    },
    async getRange(key, start, end) {
      if (end <= start) return new Uint8Array();
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }));
      return out.Body!.transformToByteArray();
    },
    signedGetUrl(key, o) {
      // S3 answers with the overriding type and disposition the signature covers, whatever the
      // uploader sent; nosniff and the sandbox CSP come from the distribution's response headers.
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentType: o.contentType,
          ResponseContentDisposition: contentDisposition(o.disposition, o.fileName),
          ResponseCacheControl: 'private, max-age=300',
        }),
        { expiresIn: o.expiresInSeconds },
      );
    },
    async signedPutUrl(key, o) {
      // Content-Length is a signed header, so S3 refuses a body of any other size.
      const url = await getSignedUrl(
        client,
        new PutObjectCommand({ Bucket: bucket, Key: key, ContentLength: o.contentLength, ContentType: 'application/octet-stream' }),
        { expiresIn: o.expiresInSeconds, signableHeaders: new Set(['content-length', 'content-type']) },
      );
      return { url, method: 'PUT', headers: { 'content-type': 'application/octet-stream' } };
    },
  };
}
