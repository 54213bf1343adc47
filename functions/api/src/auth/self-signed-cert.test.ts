import { X509Certificate, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningKeyPair } from './self-signed-cert.js';

describe('self-signed certificate', () => {
  it('is a certificate Node reads, for the key it was made with, signed by it and valid now', async () => {
    const now = new Date('2026-12-07T00:00:00Z');
    const { keyPem, certPem } = await newSigningKeyPair('manabi-sp 企業', now);
    const cert = new X509Certificate(certPem);
    const publicKey = createPublicKey(keyPem);
    expect(cert.publicKey.export({ type: 'spki', format: 'pem' })).toBe(publicKey.export({ type: 'spki', format: 'pem' }));
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.subject).toBe('CN=manabi-sp 企業');
    expect(Date.parse(cert.validFrom)).toBeLessThan(now.getTime());
    expect(Date.parse(cert.validTo)).toBeGreaterThan(now.getTime() + 3000 * 86400_000);
  });
});
