import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { contentDisposition, s3ObjectStore } from './objects.js';

// Presigning is local computation (no request is sent), so a client with made-up credentials will do.
const store = s3ObjectStore(
  'manabi-objects',
  new S3Client({ region: 'ap-northeast-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }),
);

describe('S3 presigned URLs', () => {
  it('signs an upload for exactly its length and type', async () => {
    const upload = await store.signedPutUrl('files/t/x/f', { contentLength: 1234, expiresInSeconds: 900 });
    const url = new URL(upload.url);
    expect(url.hostname).toContain('manabi-objects');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/octet-stream' } });
  });

  it('signs a download that answers with the checked type and disposition', async () => {
    const url = new URL(
      await store.signedGetUrl('files/t/x/f', {
        expiresInSeconds: 3600,
        contentType: 'application/pdf',
        disposition: 'inline',
        fileName: '手順書.pdf',
      }),
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(contentDisposition('inline', '手順書.pdf'));
  });

  it('names a file in UTF-8 with an ASCII fallback that cannot break the header', () => {
    expect(contentDisposition('attachment', '資料 "v2" (最終)\'.pptx')).toBe(
      `attachment; filename="__ _v2_ (__)'.pptx"; filename*=UTF-8''${encodeURIComponent('資料 "v2" ')}%28${encodeURIComponent('最終')}%29%27.pptx`,
    );
  });
});
