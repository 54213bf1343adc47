import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSecretBox } from './secret-box.js';

describe('secret box', () => {
  const box = aesGcmSecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DP', 't1:u1');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(box.open(sealed, 't1:u1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DP');
  });

  it('refuses another owner’s context, a tampered value and another key', () => {
    const sealed = box.seal('secret', 't1:u1');
    expect(box.open(sealed, 't1:u2')).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(box.open(parts.join('.'), 't1:u1')).toBeNull();
    expect(aesGcmSecretBox(randomBytes(32)).open(sealed, 't1:u1')).toBeNull();
  });
});
