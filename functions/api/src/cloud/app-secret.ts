import { hkdfSync } from 'node:crypto';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

/** What the function needs from Secrets Manager (the real client, or a stand-in in tests). */
export interface SecretReader {
  send(command: GetSecretValueCommand): Promise<{ SecretString?: string }>;
}

export interface AppKeys {
  /** Seals TOTP seeds at rest (AES-256-GCM; the local server's `.data/keys/secrets.key`). */
  sealKey: Uint8Array;
  /** Signs the request function's SCORM launch and session tokens (HS256). */
  scopedTokenKey: Uint8Array;
}

/**
 * The deploy's keys, derived from one generated secret with HKDF-SHA256 and a label per use, so
 * neither key can stand in for the other. Rotating the secret voids sealed TOTP seeds (people
 * enrol again) and open SCORM sessions, so it is rotated only by hand.
 */
export function appKeysFrom(secret: string): AppKeys {
  if (secret.length < 32) throw new Error('The app secret must be at least 32 characters');
  const derive = (label: string) => new Uint8Array(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), label, 32));
  return { sealKey: derive('manabi secret box v1'), scopedTokenKey: derive('manabi scoped tokens v1') };
}

export async function loadAppKeys(secrets: SecretReader, secretArn: string): Promise<AppKeys> {
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!out.SecretString) throw new Error('The app secret has no value');
  return appKeysFrom(out.SecretString);
}
