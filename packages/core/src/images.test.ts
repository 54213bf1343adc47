import { describe, expect, it } from 'vitest';
import { BRAND_IMAGE_MAX_BYTES, checkBrandImage, sniffImage } from './images.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const ICO = Uint8Array.from([0, 0, 1, 0, 1, 0, 16, 16]);
const WEBP = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ');
const svg = (s: string) => new TextEncoder().encode(s);

describe('sniffImage', () => {
  it('recognises each accepted type by its bytes', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(JPEG)).toBe('image/jpeg');
    expect(sniffImage(ICO)).toBe('image/x-icon');
    expect(sniffImage(WEBP)).toBe('image/webp');
    expect(sniffImage(svg('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('image/svg+xml');
    expect(sniffImage(svg('<html><body>hi</body></html>'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe('checkBrandImage', () => {
  it('accepts bytes that match the declared type', () => {
    expect(checkBrandImage(PNG, 'image/png')).toEqual({ type: 'image/png' });
    expect(checkBrandImage(ICO, 'image/vnd.microsoft.icon')).toEqual({ type: 'image/x-icon' });
  });

  it('refuses a file whose bytes are not what it claims', () => {
    expect(checkBrandImage(JPEG, 'image/png')).toMatchObject({ code: 'invalid_image' });
    expect(checkBrandImage(svg('<html></html>'), 'image/svg+xml')).toMatchObject({ code: 'invalid_image' });
  });

  it('refuses types that are not allowed here', () => {
    expect(checkBrandImage(ICO, 'image/x-icon', ['image/png'])).toMatchObject({ code: 'invalid_image', message: 'Upload one of: PNG' });
    expect(checkBrandImage(PNG, 'application/octet-stream')).toMatchObject({ code: 'invalid_image' });
  });

  it('refuses an SVG that could run script', () => {
    for (const body of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><image href="https://tracker.example/x.png"/></svg>',
      '<svg><foreignObject><div/></foreignObject></svg>',
    ])
      expect(checkBrandImage(svg(body), 'image/svg+xml')).toMatchObject({ code: 'invalid_image' });
    expect(checkBrandImage(svg('<svg viewBox="0 0 10 10"><use href="#a"/><circle r="4"/></svg>'), 'image/svg+xml')).toEqual({
      type: 'image/svg+xml',
    });
  });

  it('refuses a file over the size limit', () => {
    const big = new Uint8Array(BRAND_IMAGE_MAX_BYTES + 1);
    big.set(PNG);
    expect(checkBrandImage(big, 'image/png')).toMatchObject({ code: 'image_too_large' });
  });
});
