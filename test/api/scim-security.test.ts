import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { activePerson } from '../support/accounts.js';
import { ERROR_SCHEMA, filterQuery, GROUP_SCHEMA, PATCH_OP, ScimClient, scimTokenFor, USER_SCHEMA } from '../support/scim.js';

let server: TestServer;
let a: SignedUpCompany;
let b: SignedUpCompany;
let scimA: ScimClient;
let scimB: ScimClient;
beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([signUpCompany(server.url, '株式会社エーSCIM'), signUpCompany(server.url, '株式会社ビーSCIM')]);
  scimA = (await scimTokenFor(a.client, 'A の IdP')).scim;
  scimB = (await scimTokenFor(b.client, 'B の IdP')).scim;
});
afterAll(() => server.stop());

describe('SCIM tokens', () => {
  it('shows the secret once, lists name and dates only, and refuses a revoked token at once', async () => {
    const { id, secret, scim } = await scimTokenFor(a.client, '一時トークン');
    expect(secret).toMatch(/^mnbscim\./);
    expect((await scim.get('/Users?count=1')).status).toBe(200);

    const listed = await a.client.get('/api/scim-tokens');
    const mine = listed.body.items.find((t: { id: string }) => t.id === id);
    expect(mine).toMatchObject({ name: '一時トークン', revokedAt: null });
    expect(mine.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(secret.split('.')[2]);

    expect((await a.client.delete(`/api/scim-tokens/${id}`)).status).toBe(204);
    const refused = await scim.get('/Users?count=1');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/scim+json');
    expect(refused.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
    expect((await a.client.get('/api/scim-tokens')).body.items.find((t: { id: string }) => t.id === id).revokedAt).not.toBeNull();
    // Revoking again changes nothing; another company's token id is 404 to HR.
    expect((await a.client.delete(`/api/scim-tokens/${id}`)).status).toBe(204);
    expect((await b.client.delete(`/api/scim-tokens/${id}`)).status).toBe(404);
  });

  it('refuses no token, a forged one, and a token whose secret is wrong', async () => {
    expect((await new ScimClient(server.url, '').get('/Users')).status).toBe(401);
    expect((await new ScimClient(server.url, 'mnbscim.0123456789abcdef.forged').get('/Users')).status).toBe(401);
    const [prefix, id] = scimA.token.split('.');
    expect((await new ScimClient(server.url, `${prefix}.${id}.${'A'.repeat(43)}`).get('/Users')).status).toBe(401);
    // An app session is not a SCIM token either.
    expect((await new ScimClient(server.url, a.client.token!).get('/Users')).status).toBe(401);
  });

  it('is for HR admins only', async () => {
    const learner = await activePerson(a.client);
    const client = new Client(server.url);
    client.token = (await client.post('/api/auth/signin', { email: learner.email, password: learner.password })).body.accessToken;
    expect((await client.get('/api/scim-tokens')).status).toBe(403);
    expect((await client.post('/api/scim-tokens', { name: 'x' })).status).toBe(403);
  });
});

describe('a token of company A never reads or writes company B', () => {
  it('cannot see, find, change or delete B’s people or departments', async () => {
    const bPerson = await scimB.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: uniqueEmail('b.person'),
      displayName: 'B 社員',
      active: true,
    });
    const bGroup = await scimB.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'B 総務部' });
    expect(bPerson.status).toBe(201);
    expect(bGroup.status).toBe(201);
    const bId = bPerson.body.id as string;

    expect((await scimA.get(`/Users/${bId}`)).status).toBe(404);
    expect((await scimA.get(`/Users?${filterQuery(`userName eq "${bPerson.body.userName}"`)}`)).body.totalResults).toBe(0);
    const listed = await scimA.get('/Users?count=200');
    expect(JSON.stringify(listed.body)).not.toContain(bId);
    expect(
      (await scimA.patch(`/Users/${bId}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] })).status,
    ).toBe(404);
    expect(
      (
        await scimA.put(`/Users/${bId}`, {
          schemas: [USER_SCHEMA],
          userName: bPerson.body.userName,
          displayName: '乗っ取り',
          active: false,
        })
      ).status,
    ).toBe(404);
    expect((await scimA.delete(`/Users/${bId}`)).status).toBe(404);
    // Creating B's address in A is refused: the address is taken (and nothing of B is shown).
    const taken = await scimA.post('/Users', { schemas: [USER_SCHEMA], userName: bPerson.body.userName, active: true });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).not.toContain(bId);

    expect((await scimA.get(`/Groups/${bGroup.body.id}`)).status).toBe(404);
    expect(JSON.stringify((await scimA.get('/Groups')).body)).not.toContain(bGroup.body.id);
    expect(
      (
        await scimA.patch(`/Groups/${bGroup.body.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'displayName', value: 'x' }],
        })
      ).status,
    ).toBe(404);
    expect((await scimA.delete(`/Groups/${bGroup.body.id}`)).status).toBe(404);
    // B's person cannot be pulled into A's department.
    const aGroup = await scimA.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'A 営業部' });
    const pulled = await scimA.patch(`/Groups/${aGroup.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: bId }] }],
    });
    expect(pulled.status).toBe(400);
    expect(pulled.body.scimType).toBe('invalidValue');

    // B's data is exactly as it was.
    const after = await scimB.get(`/Users/${bId}`);
    expect(after.body).toMatchObject({ displayName: 'B 社員', active: true });
    expect(after.body.meta.version).toBe(bPerson.body.meta.version);
    expect((await scimB.get(`/Groups/${bGroup.body.id}`)).body).toMatchObject({ displayName: 'B 総務部', members: [] });
  });
});

describe('deactivation through SCIM', () => {
  it('refuses the person’s session at their next request, and their refresh', async () => {
    const person = await activePerson(a.client);
    const session = new Client(server.url);
    const signedIn = await session.post('/api/auth/signin', { email: person.email, password: person.password });
    expect(signedIn.status).toBe(200);
    session.token = signedIn.body.accessToken;
    expect((await session.get('/api/me')).status).toBe(200);

    const found = await scimA.get(`/Users?${filterQuery(`userName eq "${person.email}"`)}`);
    expect(found.body.Resources[0].id).toBe(person.id);
    const off = await scimA.patch(`/Users/${person.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.status).toBe(200);

    const refused = await session.get('/api/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('account_deactivated');
    expect((await session.post('/api/auth/refresh')).status).toBe(401);
    expect((await new Client(server.url).post('/api/auth/signin', { email: person.email, password: person.password })).status).toBe(401);

    // Active again: a person who had set a password is active (not invited) and can sign in.
    const on = await scimA.patch(`/Users/${person.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(on.body.active).toBe(true);
    expect((await a.client.get(`/api/users/${person.id}`)).body.status).toBe('active');
    expect((await new Client(server.url).post('/api/auth/signin', { email: person.email, password: person.password })).status).toBe(200);
  });
});
