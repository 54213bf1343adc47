/**
 * Brand images (logos, favicons) uploaded by vendors and companies. The declared type is only
 * believed when the bytes agree: an upload is served back to every visitor of the sign-in page.
 */
export const BRAND_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'image/x-icon'] as const;
export type BrandImageType = (typeof BRAND_IMAGE_TYPES)[number];

export const BRAND_IMAGE_MAX_BYTES = 256 * 1024;

const EXTENSIONS: Record<BrandImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'image/x-icon': 'ico',
};

export const extensionOf = (type: BrandImageType): string => EXTENSIONS[type];

/** The content type a file extension was stored under (for serving it back). */
export function typeOfExtension(ext: string): BrandImageType | null {
  const found = Object.entries(EXTENSIONS).find(([, e]) => e === ext);
  return found ? (found[0] as BrandImageType) : null;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** What the bytes are, or null when they are none of the accepted image types. */
export function sniffImage(bytes: Uint8Array): BrandImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length > 6) return 'image/x-icon';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(head)) return 'image/svg+xml';
  return null;
}

/** SVG is text that browsers execute: refuse scripts, event handlers, foreign objects and external references. */
export function isSafeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes).toLowerCase();
  return !/<script|<foreignobject|\son[a-z]+\s*=|javascript:|<iframe|<embed|<object|xlink:href\s*=\s*["'](?!#)|href\s*=\s*["'](?!#)/.test(
    text,
  );
}

/** Why an image is refused; `reason` and `values` let the API word the message in each language. */
export type BrandImageProblem = {
  code: 'invalid_image' | 'image_too_large';
  reason: 'too_large' | 'type_not_allowed' | 'not_valid' | 'unsafe_svg';
  values: Record<string, string | number>;
  message: string;
};

/**
 * Checks an upload against the type it was declared as. `image/vnd.microsoft.icon` is the
 * registered name of `.ico` and is accepted as `image/x-icon`.
 */
export function checkBrandImage(
  bytes: Uint8Array,
  declared: string,
  allowed: readonly BrandImageType[] = BRAND_IMAGE_TYPES,
): { type: BrandImageType } | BrandImageProblem {
  if (bytes.length > BRAND_IMAGE_MAX_BYTES)
    return {
      code: 'image_too_large',
      reason: 'too_large',
      values: { max: BRAND_IMAGE_MAX_BYTES / 1024 },
      message: `The image is larger than ${BRAND_IMAGE_MAX_BYTES / 1024} KB`,
    };
  const type = declared.split(';')[0]!.trim().toLowerCase().replace('image/vnd.microsoft.icon', 'image/x-icon');
  if (!(allowed as readonly string[]).includes(type)) {
    const types = allowed.map((t) => extensionOf(t).toUpperCase()).join(', ');
    return { code: 'invalid_image', reason: 'type_not_allowed', values: { types }, message: `Upload one of: ${types}` };
  }
  if (bytes.length === 0 || sniffImage(bytes) !== type) {
    const format = extensionOf(type as BrandImageType).toUpperCase();
    return { code: 'invalid_image', reason: 'not_valid', values: { format }, message: `The file is not a valid ${format} image` };
  }
  if (type === 'image/svg+xml' && !isSafeSvg(bytes))
    return {
      code: 'invalid_image',
      reason: 'unsafe_svg',
      values: {},
      message: 'SVG images may not contain scripts, event handlers or external references',
    };
  return { type: type as BrandImageType };
}
