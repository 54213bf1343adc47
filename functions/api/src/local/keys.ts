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
