import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as samlify from 'samlify';
import * as xmllint from '@authenio/samlify-node-xmllint';

samlify.setSchemaValidator(xmllint);

/** A fresh RSA key and a self-signed certificate for it, made by openssl for this test only. */
export function newKeyAndCert(commonName: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'saml-idp-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '2',
        '-subj',
        `/CN=${commonName}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whom the IdP asserts, with the attributes it sends. */
export interface SamlUser {
  email: string;
  name?: string;
  department?: string;
  level?: string;
}

/** Ways a test bends the response away from a correct one. */
export interface ResponseOverrides {
  audience?: string;
  recipient?: string;
  /** The assertion's validity window (default: from now, 5 minutes). */
  notBefore?: Date;
  notOnOrAfter?: Date;
  /** Signed by a key the company never configured (another IdP posing as this one). */
  impostor?: boolean;
}

export interface SamlIdp {
  entityId: string;
  metadataXml: string;
  /** Trusts an SP by its metadata (as HR downloads it from the app); an IdP may trust several. */
  trustSp(spMetadataXml: string): void;
  /**
   * Answers a sign-in started at the app: reads (and verifies) the AuthnRequest in the IdP URL the
   * app answered, and builds the signed SAMLResponse the browser would post to the ACS.
   */
  respond(
    redirectUrl: string,
    user: SamlUser,
    overrides?: ResponseOverrides,
  ): Promise<{ SAMLResponse: string; RelayState: string; acsUrl: string }>;
  stop(): Promise<void>;
}

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const RESPONSE_TEMPLATE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}">' +
  '<saml:Issuer>{Issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
  '<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}">' +
  '<saml:Issuer>{Issuer}</saml:Issuer>' +
  '<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">{NameID}</saml:NameID>' +
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Recipient}" InResponseTo="{InResponseTo}"/></saml:SubjectConfirmation></saml:Subject>' +
  '<saml:Conditions NotBefore="{NotBefore}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>' +
  '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{AssertionID}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>' +
  '{AttributeStatement}</saml:Assertion></samlp:Response>';

function attributeStatement(user: SamlUser): string {
  const attrs: [string, string | undefined][] = [
    ['email', user.email],
    ['displayName', user.name],
    ['department', user.department],
    ['level', user.level],
  ];
  const body = attrs
    .filter((a): a is [string, string] => a[1] !== undefined)
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue xsi:type="xs:string">${esc(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  return `<saml:AttributeStatement>${body}</saml:AttributeStatement>`;
}

/**
 * A SAML 2.0 IdP built with samlify on a free loopback port: it takes AuthnRequests by the
 * HTTP-Redirect binding (their signature verified against the SP metadata), shows a one-field login
 * page, and answers with a signed assertion posted to the SP's ACS.
 */
export async function startSamlIdp(label = 'test-idp'): Promise<SamlIdp> {
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${base}/metadata/${label}`;
  const own = newKeyAndCert(label);
  const other = newKeyAndCert(`${label}-impostor`);
  const settings = (pair: { key: string; cert: string }) => ({
    entityID: entityId,
    privateKey: pair.key,
    signingCert: pair.cert,
    wantAuthnRequestsSigned: true,
    singleSignOnService: [{ Binding: REDIRECT, Location: `${base}/sso` }],
    nameIDFormat: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
  });
  const idp = samlify.IdentityProvider(settings(own));
  const impostor = samlify.IdentityProvider(settings(other));
  const sps: ReturnType<typeof samlify.ServiceProvider>[] = [];

  async function respond(redirectUrl: string, user: SamlUser, overrides: ResponseOverrides = {}) {
    const url = new URL(redirectUrl);
    const query = Object.fromEntries(url.searchParams);
    // The signature of a Redirect-bound request covers the query string exactly as sent.
    const octetString = url.search
      .slice(1)
      .split('&')
      .filter((p) => !p.startsWith('Signature='))
      .join('&');
    // The request must come, signed, from an SP this IdP trusts.
    let found: { sp: (typeof sps)[number]; parsed: Awaited<ReturnType<typeof idp.parseLoginRequest>> } | null = null;
    for (const candidate of sps) {
      try {
        found = { sp: candidate, parsed: await idp.parseLoginRequest(candidate, 'redirect', { query, octetString }) };
        break;
      } catch {
        // not this SP's request
      }
    }
    if (!found) throw new Error('No trusted SP signed this request');
    const { sp, parsed } = found;
    const requestId = parsed.extract.request?.id as string;
    const acsUrl = sp.entityMeta.getAssertionConsumerService('post') as string;
    const now = new Date();
    const signer = overrides.impostor ? impostor : idp;
    const result = await signer.createLoginResponse(
      sp,
      parsed as unknown as Parameters<typeof idp.createLoginResponse>[1],
      'post',
      { email: user.email },
      (template: string) => {
        const id = `_${randomBytes(16).toString('hex')}`;
        const values: Record<string, string> = {
          ID: id,
          AssertionID: `_${randomBytes(16).toString('hex')}`,
          IssueInstant: now.toISOString(),
          Destination: acsUrl,
          InResponseTo: requestId,
          Issuer: entityId,
          NameID: esc(user.email),
          Recipient: overrides.recipient ?? acsUrl,
          Audience: overrides.audience ?? sp.entityMeta.getEntityID(),
          NotBefore: (overrides.notBefore ?? new Date(now.getTime() - 1000)).toISOString(),
          NotOnOrAfter: (overrides.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString(),
          AttributeStatement: attributeStatement(user),
        };
        void template;
        return { id, context: RESPONSE_TEMPLATE.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '') };
      },
    );
    return { SAMLResponse: result.context, RelayState: query.RelayState ?? '', acsUrl };
  }

  /** The login page: one email field (prefilled), then an auto-posting form to the ACS. */
  async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const url = new URL(req.url ?? '/', base);
      if (req.method === 'GET' && url.pathname === '/sso') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><title>Test IdP</title><form method="post" action="/login"><input type="hidden" name="request" value="${esc(url.href)}">` +
            `<label>Email <input name="email" data-testid="idp-email"></label><button type="submit" data-testid="idp-submit">Sign in</button></form>`,
        );
        return;
      }
      if (req.method === 'POST' && url.pathname === '/login') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const answer = await respond(form.get('request') ?? '', { email: form.get('email') ?? '', name: form.get('name') ?? '統合 太郎' });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><title>Test IdP</title><form method="post" action="${esc(answer.acsUrl)}">` +
            `<input type="hidden" name="SAMLResponse" value="${esc(answer.SAMLResponse)}"><input type="hidden" name="RelayState" value="${esc(answer.RelayState)}">` +
            `<button type="submit" data-testid="idp-continue">Continue</button></form>`,
        );
        return;
      }
      res.writeHead(404).end();
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
    }
  }

  return {
    entityId,
    metadataXml: idp.getMetadata(),
    trustSp: (xml) => void sps.push(samlify.ServiceProvider({ metadata: xml })),
    respond,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
