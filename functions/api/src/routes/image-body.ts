import type { Context } from 'hono';
import { BRAND_IMAGE_MAX_BYTES } from '@manabi/core';
import { ApiError } from '../errors.js';

/** Beyond this the upload is not read at all (the connection may close before the answer arrives). */
const UNREAD_ABOVE_BYTES = 8 * 1024 * 1024;

const tooLarge = (path: string) =>
  new ApiError(400, 'image_too_large', { key: 'image_too_large', params: { max: BRAND_IMAGE_MAX_BYTES / 1024 } }, [
    { path, message: 'field.too_large' },
  ]);

/**
 * An uploaded image sent as the raw request body, with its declared type (checked by
 * checkBrandImage). A body somewhat over the limit is still read, so the browser gets a clear
 * answer instead of a reset connection; an absurd one is refused unread.
 */
export async function readImageBody(c: Context, path: string): Promise<{ bytes: Uint8Array; type: string }> {
  if (Number(c.req.header('content-length') ?? '0') > UNREAD_ABOVE_BYTES) throw tooLarge(path);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > BRAND_IMAGE_MAX_BYTES) throw tooLarge(path);
  return { bytes, type: c.req.header('content-type') ?? '' };
}
