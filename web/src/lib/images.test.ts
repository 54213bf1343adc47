import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, acceptFor, checkImage, imageTypeOf } from './images';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe('brand images', () => {
  it('takes PNG, JPEG, WebP and SVG logos, and ICO favicons too', () => {
    for (const [name, type] of [
      ['logo.png', 'image/png'],
      ['logo.jpg', 'image/jpeg'],
      ['logo.webp', 'image/webp'],
      ['logo.svg', 'image/svg+xml'],
    ]) {
      expect(checkImage(file(name!, type!), 'logo'), name).toHaveProperty('body');
    }
    expect(checkImage(file('favicon.ico', 'image/x-icon'), 'logo')).toEqual({ problem: 'invalid_image' });
    expect(checkImage(file('favicon.ico', 'image/vnd.microsoft.icon'), 'favicon')).toHaveProperty('body');
    expect(checkImage(file('photo.gif', 'image/gif'), 'logo')).toEqual({ problem: 'invalid_image' });
  });

  it('refuses files over 256 KB', () => {
    expect(checkImage(file('logo.png', 'image/png', MAX_IMAGE_BYTES), 'logo')).toHaveProperty('body');
    expect(checkImage(file('logo.png', 'image/png', MAX_IMAGE_BYTES + 1), 'logo')).toEqual({ problem: 'image_too_large' });
  });

  it('names the type from the extension when the system gives none', () => {
    expect(imageTypeOf({ name: 'FAVICON.ICO', type: '' })).toBe('image/x-icon');
    expect(imageTypeOf({ name: 'notes.txt', type: '' })).toBe('');
    const checked = checkImage(file('favicon.ico', ''), 'favicon');
    expect('body' in checked && checked.body.type).toBe('image/x-icon');
    expect(acceptFor('favicon')).toContain('.ico');
    expect(acceptFor('logo')).not.toContain('icon');
  });
});
