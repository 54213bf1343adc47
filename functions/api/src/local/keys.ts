import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeys, type KeyMaterial } from '../auth/jwt.js';

/** Loads the local ES256 signing keys from `<dataDir>/keys`, generating them on first start. */
export async function loadOrCreateKeys(dataDir: string): Promise<KeyMaterial> {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'jwt-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyMaterial;
  const keys = await generateKeys();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/**
 * The HMAC key of the local server's signed file URLs (the local stand-in for S3's presigned
 * URLs), kept beside the JWT keys so links survive a restart; generated on first start.
 */
export function loadOrCreateUrlSigningKey(dataDir: string): Uint8Array {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'url-signing.key');
  if (existsSync(file)) return new Uint8Array(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  const key = randomBytes(32);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return new Uint8Array(key);
}

/** The key that seals stored secrets (TOTP seeds) on the local server; generated on first start. */
export function loadOrCreateSecretsKey(dataDir: string): Uint8Array {
  const dir = join(dataDir, 'keys');
  const file = join(dir, 'secrets.key');
  if (existsSync(file)) return new Uint8Array(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  const key = randomBytes(32);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return new Uint8Array(key);
}
