import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { activePerson } from '../support/accounts.js';
import { startSamlIdp, type ResponseOverrides, type SamlIdp, type SamlUser } from '../support/saml-idp.js';
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.js';

let server: TestServer;
let a: SignedUpCompany;
let b: SignedUpCompany;
let idpA: SamlIdp;
let idpB: SamlIdp;
const domainA = `a-${randomUUID().slice(0, 8)}.example.test`;
const domainB = `b-${randomUUID().slice(0, 8)}.example.test`;

const samlConfig = (idp: SamlIdp, domains: string[], extra: Record<string, unknown> = {}) => ({
  protocol: 'saml',
  saml: { metadataXml: idp.metadataXml },
  domains,
  jit: { enabled: true, role: 'learner', departmentId: null },
  mapping: { name: 'displayName', department: 'department', level: 'level' },
  ...extra,
});

/** Configures a company's SAML SSO and lets its IdP trust the SP metadata HR downloads. */
async function configureSaml(company: SignedUpCompany, idp: SamlIdp, domains: string[]) {
  const saved = await company.client.put('/api/sso/config', samlConfig(idp, domains));
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const metadata = await company.client.get('/api/sso/saml/metadata');
  expect(metadata.status).toBe(200);
  expect(metadata.headers.get('content-type')).toContain('application/samlmetadata+xml');
  expect(metadata.body).toContain(`entityID="${saved.body.sp.entityId}"`);
  expect(metadata.body).toContain(`Location="${saved.body.sp.acsUrl}"`);
  idp.trustSp(metadata.body as string);
}

const start = async (email: string): Promise<string> => {
  const res = await new Client(server.url).post('/api/auth/sso/start', { email });
  expect(res.status).toBe(200);
  return res.body.redirectUrl;
};

/**
 * Posts a response to the ACS as the IdP's page would; answers where the app sends the browser. A
 * connection of its own each time: building a response can hold this process longer than the
 * server keeps an idle pooled connection, and a reused one may be closed under the request.
 */
function postAcs(form: { SAMLResponse: string; RelayState: string; acsUrl: string }): Promise<URL> {
  const body = new URLSearchParams({ SAMLResponse: form.SAMLResponse, RelayState: form.RelayState }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      form.acsUrl,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        try {
          expect(res.statusCode).toBe(303);
          resolve(new URL(res.headers.location!));
        } catch (error) {
          reject(error as Error);
        }
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A full SAML sign-in through `idp` for `user`, bent by `overrides`: the app's answer. */
async function samlSignIn(idp: SamlIdp, user: SamlUser, overrides?: ResponseOverrides, startEmail = user.email) {
  const form = await idp.respond(await start(startEmail), user, overrides);
  return { form, location: await postAcs(form) };
}

/** The session a successful sign-in's hand-off opens. */
async function complete(location: URL) {
  expect(location.searchParams.get('error')).toBeNull();
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  const client = new Client(server.url);
  const res = await client.post('/api/auth/sso/complete', { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  client.token = res.body.accessToken;
  return { client, body: res.body };
}

beforeAll(async () => {
  server = await startTestServer();
  [a, b, idpA, idpB] = await Promise.all([
    signUpCompany(server.url, '株式会社エー'),
    signUpCompany(server.url, '株式会社ビー'),
    startSamlIdp('idp-a'),
    startSamlIdp('idp-b'),
  ]);
  await configureSaml(a, idpA, [domainA]);
  await configureSaml(b, idpB, [domainB]);
});
afterAll(async () => {
  await Promise.all([idpA?.stop(), idpB?.stop()]);
  await server.stop();
});

describe('SAML sign-in', () => {
  it('signs a new person in through the company IdP, provisioned with the mapped name, department and level', async () => {
    const dept = await a.client.post('/api/departments', { name: '営業部' });
    expect(dept.status).toBe(201);
    const email = `sato-${randomUUID().slice(0, 6)}@${domainA}`;
    const { location } = await samlSignIn(idpA, { email, name: '佐藤 花子', department: '営業部', level: '若手' });
    expect(location.origin).toBe(server.url);
    expect(location.pathname).toBe('/signin/sso');
    const { client, body } = await complete(location);
    expect(body.user).toMatchObject({ email, name: '佐藤 花子', role: 'learner', departmentId: dept.body.id, level: 'junior' });
    expect(body.tenant.id).toBe(a.tenantId);
    expect(client.cookie).toMatch(/^manabi_refresh=/);
    // The same session as a password sign-in: the refresh cookie restores it.
    expect((await client.post('/api/auth/refresh')).status).toBe(200);
    // A hand-off works once.
    const again = await new Client(server.url).post('/api/auth/sso/complete', {
      token: new URLSearchParams(location.hash.slice(1)).get('token'),
    });
    expect(again.status).toBe(400);
    // The second sign-in finds the same person.
    const second = await complete((await samlSignIn(idpA, { email })).location);
    expect(second.body.user.id).toBe(body.user.id);
    // The company's audit log: the IdP's assertion accepted, and each session started as an SSO sign-in.
    const log = (await a.client.get('/api/audit-log')).body.items.filter((e: { actor: { id: string } }) => e.actor.id === body.user.id);
    expect(log.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['sso.signin_provisioned', 'sso.signin', 'signin.succeeded']),
    );
    const sessions = log.filter((e: { action: string }) => e.action === 'signin.succeeded');
    expect(sessions).toHaveLength(2);
    for (const e of sessions) expect(e.detail.method).toBe('sso');
  });

  it('refuses a tampered signature, a wrong audience, an expired assertion, a wrong recipient and another key', async () => {
    const email = `kato-${randomUUID().slice(0, 6)}@${domainA}`;
    const refused = async (overrides: ResponseOverrides | 'tamper') => {
      const form = await idpA.respond(await start(email), { email }, overrides === 'tamper' ? {} : overrides);
      if (overrides === 'tamper') {
        // Change who the signed assertion names, after signing.
        const xml = Buffer.from(form.SAMLResponse, 'base64').toString('utf8');
        const tampered = xml.replaceAll(email, `ceo@${domainA}`);
        expect(tampered).not.toBe(xml);
        form.SAMLResponse = Buffer.from(tampered, 'utf8').toString('base64');
      }
      return (await postAcs(form)).searchParams.get('error');
    };
    expect(await refused('tamper')).toBe('signature');
    expect(await refused({ impostor: true })).toBe('signature');
    expect(await refused({ audience: 'https://sp.elsewhere.example/metadata' })).toBe('audience');
    const past = Date.now() - 3600_000;
    expect(await refused({ notBefore: new Date(past - 600_000), notOnOrAfter: new Date(past) })).toBe('expired');
    expect(await refused({ recipient: 'https://sp.elsewhere.example/acs' })).toBe('recipient');
    // None of them signed anyone in or created anyone.
    expect((await a.client.get(`/api/users?q=${encodeURIComponent(email)}`)).body.items).toEqual([]);
  });

  it('refuses a replayed assertion: its state is used up, and under a new request it answers the wrong request', async () => {
    const email = `ito-${randomUUID().slice(0, 6)}@${domainA}`;
    const { form, location } = await samlSignIn(idpA, { email });
    await complete(location);
    expect((await postAcs(form)).searchParams.get('error')).toBe('state');
    // The same response under the state of a sign-in started afterwards.
    const fresh = new URL(await start(email)).searchParams.get('RelayState')!;
    expect((await postAcs({ ...form, RelayState: fresh })).searchParams.get('error')).toBe('in_response_to');
  });
});

describe('company isolation', () => {
  it('never signs a person of company A’s IdP into company B', async () => {
    // A's IdP asserting an address of B's domain, for a sign-in started at A.
    const intruder = `mallory-${randomUUID().slice(0, 6)}@${domainB}`;
    const viaA = await samlSignIn(idpA, { email: intruder }, {}, `x@${domainA}`);
    expect(viaA.location.searchParams.get('error')).toBe('domain_mismatch');

    // A's IdP answering a sign-in started at B (A's IdP trusts B's SP too): B trusts only its own IdP.
    const bMetadata = await b.client.get('/api/sso/saml/metadata');
    idpA.trustSp(bMetadata.body as string);
    const crossed = await samlSignIn(idpA, { email: intruder });
    expect(crossed.location.searchParams.get('error')).toBe('signature');

    // A person of A whose address is on a domain B's IdP serves: B's IdP cannot bring them into B.
    const person = await activePerson(a.client);
    const hrB = await b.client.get('/api/sso/config');
    const domainOfPerson = person.email.split('@')[1]!;
    expect(domainOfPerson).not.toBe(domainB);
    const withPersonDomain = await b.client.put('/api/sso/config', {
      ...samlConfig(idpB, [domainB, domainOfPerson]),
      saml: { keep: true },
      expectedVersion: hrB.body.version,
    });
    expect(withPersonDomain.status, JSON.stringify(withPersonDomain.body)).toBe(200);
    const elsewhere = await samlSignIn(idpB, { email: person.email });
    expect(elsewhere.location.searchParams.get('error')).toBe('account_elsewhere');
    const released = await b.client.put('/api/sso/config', { ...samlConfig(idpB, [domainB]), saml: { keep: true } });
    expect(released.status).toBe(200);

    expect((await b.client.get(`/api/users?q=mallory`)).body.items).toEqual([]);
  });

  it('refuses to configure a domain another company already uses, and the first company keeps it', async () => {
    const res = await b.client.put('/api/sso/config', { ...samlConfig(idpB, [domainB, domainA]), saml: { keep: true } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('sso_domain_taken');
    expect(new URL(await start(`anyone@${domainA}`)).origin).toBe(new URL(idpA.entityId).origin);
    expect((await b.client.get('/api/sso/config')).body.domains).toEqual([domainB]);
  });

  it('answers the same for a domain without SSO, whether or not anyone uses it', async () => {
    expect(await start(`nobody@unknown-${randomUUID().slice(0, 6)}.example.test`)).toBeNull();
    expect(await start(a.email)).toBeNull();
    expect((await new Client(server.url).post('/api/auth/sso/start', { email: 'not an email' })).body).toEqual({ redirectUrl: null });
  });

  it('refuses a callback whose state is unknown, whatever company the URL or form names', async () => {
    const res = await fetch(`${server.url}/api/auth/sso/oidc/callback?state=${'x'.repeat(43)}&code=abc&tenant=${a.tenantId}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('state');
  });
});

describe('SSO only', () => {
  it('refuses the password of a normal person but not of the break-glass HR admin', async () => {
    const person = await activePerson(a.client);
    const current = await a.client.get('/api/sso/config');
    const withoutAdmin = await a.client.put('/api/sso/config', { ...samlConfig(idpA, [domainA]), saml: { keep: true }, ssoOnly: true });
    expect(withoutAdmin.status).toBe(400);
    const on = await a.client.put('/api/sso/config', {
      ...samlConfig(idpA, [domainA]),
      saml: { keep: true },
      ssoOnly: true,
      breakGlassUserId: a.adminId,
      expectedVersion: current.body.version,
    });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    const refused = await new Client(server.url).post('/api/auth/signin', { email: person.email, password: person.password });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('sso_required');
    // HR sees the refused password in the audit log.
    const failures = (await a.client.get('/api/audit-log?type=signin.failed')).body.items;
    expect(failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: expect.objectContaining({ id: person.id }),
          detail: expect.objectContaining({ reason: 'sso_required' }),
        }),
      ]),
    );
    // A wrong password still says only that it is wrong.
    expect((await new Client(server.url).post('/api/auth/signin', { email: person.email, password: 'not the password' })).status).toBe(401);
    const admin = await new Client(server.url).post('/api/auth/signin', { email: a.email, password: a.password });
    expect(admin.status).toBe(200);
    expect(admin.body.accessToken).toBeTruthy();
    await a.client.put('/api/sso/config', { ...samlConfig(idpA, [domainA]), saml: { keep: true }, ssoOnly: false });
    expect((await new Client(server.url).post('/api/auth/signin', { email: person.email, password: person.password })).status).toBe(200);
  });
});

describe('OIDC', () => {
  let oidcIdp: OidcIdp;
  let c: SignedUpCompany;
  const domainC = `c-${randomUUID().slice(0, 8)}.example.test`;
  beforeAll(async () => {
    c = await signUpCompany(server.url, '株式会社シー');
    oidcIdp = await startOidcIdp(`${server.url}/api/auth/sso/oidc/callback`);
  });
  afterAll(() => oidcIdp?.stop());

  it('keeps the client secret sealed, and starts a code flow with PKCE, state and nonce', async () => {
    const saved = await c.client.put('/api/sso/config', {
      protocol: 'oidc',
      oidc: { issuer: oidcIdp.issuer, clientId: oidcIdp.clientId, clientSecret: oidcIdp.clientSecret },
      domains: [domainC],
      jit: { enabled: false },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(JSON.stringify(saved.body)).not.toContain(oidcIdp.clientSecret);
    expect(saved.body.oidc).toMatchObject({ issuer: oidcIdp.issuer, clientId: oidcIdp.clientId, clientSecretSet: true });
    const url = new URL(await start(`someone@${domainC}`));
    expect(url.origin).toBe(oidcIdp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${server.url}/api/auth/sso/oidc/callback`);
    // An issuer that is not an OIDC provider is refused at configuration time.
    const wrong = await c.client.put('/api/sso/config', {
      protocol: 'oidc',
      oidc: { issuer: `${server.url}/nothing`, clientId: 'x', clientSecret: 'y' },
      domains: [domainC],
      jit: { enabled: false },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('oidc.issuer');
  });
});
