import { generateKeyPair, randomBytes, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * A self-signed X.509 certificate for an RSA key, written in DER by hand: SAML metadata publishes
 * keys as certificates, and Node can read certificates but not make them. Only what a SAML peer
 * reads is included (subject CN, validity, the public key), signed with SHA-256.
 */

const der = (tag: number, body: Buffer): Buffer => {
  const len = body.length;
  const head =
    len < 0x80 ? Buffer.from([tag, len]) : len < 0x100 ? Buffer.from([tag, 0x81, len]) : Buffer.from([tag, 0x82, len >> 8, len & 0xff]);
  return Buffer.concat([head, body]);
};
const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const oid = (hex: string) => der(0x06, Buffer.from(hex, 'hex'));
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));
const int = (bytes: Buffer) => der(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const time = (d: Date) => {
  // UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5).
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return d.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(`${iso.slice(2)}Z`)) : der(0x18, Buffer.from(`${iso}Z`));
};

const SHA256_WITH_RSA = seq(oid('2a864886f70d01010b'), Buffer.from([0x05, 0x00]));
const COMMON_NAME = '550403';

export function selfSignedCertificate(privateKey: KeyObject, publicKey: KeyObject, commonName: string, days: number, now: Date): string {
  const name = seq(set(seq(oid(COMMON_NAME), utf8(commonName.slice(0, 64)))));
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const tbs = seq(
    der(0xa0, int(Buffer.from([2]))),
    int(serial),
    SHA256_WITH_RSA,
    name,
    seq(time(new Date(now.getTime() - 86400_000)), time(new Date(now.getTime() + days * 86400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, SHA256_WITH_RSA, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = cert
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/**
 * A new RSA-2048 key (PKCS#8 PEM) and its ten-year self-signed certificate. The key is made off the
 * event loop: generating it takes long enough to stall every other request of the process.
 */
export async function newSigningKeyPair(commonName: string, now: Date): Promise<{ keyPem: string; certPem: string }> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certPem: selfSignedCertificate(privateKey, publicKey, commonName, 3650, now),
  };
}
