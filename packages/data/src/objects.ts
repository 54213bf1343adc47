import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

export interface StoredObject {
  body: Uint8Array;
  contentType: string;
}

/**
 * Where uploaded files live: S3 in the cloud, `.data/objects` locally (see `@manabi/data/local`).
 * Keys come from `objectKeys`; callers never see which store they use.
 */
export interface ObjectStore {
  put(key: string, object: StoredObject): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

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
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
