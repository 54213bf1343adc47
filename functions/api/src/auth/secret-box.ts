import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals small secrets (TOTP seeds) before they are stored, and opens them again. `context` binds
 * a sealed value to its owner (e.g. tenant and person), so a value copied onto another record
 * does not open. Locally the key is a file in `.data/keys/`; in the cloud it is a data key the
 * deploy provides (derived from its app secret: cloud/app-secret.ts).
 */
export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string | null;
}

const VERSION = 'v1';

/** AES-256-GCM with a 32-byte key: `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function aesGcmSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== 32) throw new Error('The secrets key must be 32 bytes');
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
