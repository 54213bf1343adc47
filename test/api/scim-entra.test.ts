/**
 * Replays the requests Microsoft Entra ID's provisioning service sends, as Microsoft's public
 * documentation describes them (fixtures written here from that description, with our own values):
 * - "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID"
 *   (learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups),
 *   its "User operations" and "Group operations" request/response examples: the userName filter
 *   before a create, create, get, filter again, PATCH of attributes with capitalised `Replace`/`Add`,
 *   disable by PATCH of `active`, delete; create group, get and filter with
 *   `excludedAttributes=members`, PATCH `Add`/`Remove` members, `Replace` displayName, delete.
 * - "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user
 *   provisioning service" (learn.microsoft.com/entra/identity/app-provisioning/
 *   application-provisioning-config-problem-scim-compatibility): `"False"` sent as a string for
 *   `active`, and PATCH operations without a path whose value object names attributes with dots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTenantAccount } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import {
  ENTERPRISE_USER,
  ERROR_SCHEMA,
  filterQuery,
  GROUP_SCHEMA,
  PATCH_OP,
  scimTokenFor,
  USER_SCHEMA,
  type ScimClient,
} from '../support/scim.js';

let server: TestServer;
let hr: SignedUpCompany;
let scim: ScimClient;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社エントラ連携');
  scim = (await scimTokenFor(hr.client, 'Microsoft Entra ID')).scim;
});
afterAll(() => server.stop());

const seatsUsed = async () => (await getTenantAccount(server.data.platform, hr.tenantId))!.seatsUsed;

describe('Microsoft Entra ID provisioning a person', () => {
  it('matches, creates, reads, updates, disables and deletes a user the way Entra ID asks', async () => {
    const upn = uniqueEmail('entra.user');
    const externalId = '6c8d1a4e-3f2b-4b7a-9e51-0d2c7f4a8b19';

    // 1. Is there such a user? (Entra always asks before creating.)
    const none = await scim.get(`/Users?${filterQuery(`userName eq "${upn}"`)}`);
    expect(none.status).toBe(200);
    expect(none.headers.get('content-type')).toContain('application/scim+json');
    expect(none.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] });

    // 2. Create.
    const seatsBefore = await seatsUsed();
    const created = await scim.post('/Users', {
      schemas: [USER_SCHEMA, ENTERPRISE_USER],
      externalId,
      userName: upn,
      active: true,
      emails: [{ primary: true, type: 'work', value: upn }],
      meta: { resourceType: 'User' },
      name: { formatted: '山田 花子', familyName: '山田', givenName: '花子' },
      displayName: '山田 花子',
      roles: [],
      [ENTERPRISE_USER]: { department: '営業部' },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain('application/scim+json');
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      schemas: [USER_SCHEMA, ENTERPRISE_USER],
      externalId,
      userName: upn,
      active: true,
      displayName: '山田 花子',
      name: { familyName: '山田', givenName: '花子' },
      [ENTERPRISE_USER]: { department: '営業部' },
      meta: { resourceType: 'User', location: `${server.url}/scim/v2/Users/${id}` },
    });
    expect(created.headers.get('etag')).toBe(created.body.meta.version);
    expect(await seatsUsed()).toBe(seatsBefore + 1);

    // The person is in Manabi, in the department the extension named (created for them).
    const person = await hr.client.get(`/api/users/${id}`);
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ name: '山田 花子', email: upn, role: 'learner' });
    const departments = await hr.client.get('/api/departments');
    const sales = departments.body.items.find((d: { name: string }) => d.name === '営業部');
    expect(person.body.departmentId).toBe(sales.id);

    // A second create of the same userName is a uniqueness conflict.
    const again = await scim.post('/Users', { schemas: [USER_SCHEMA], userName: upn, active: true });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });

    // 3. Get by id, and 4. the filter finds it now.
    expect((await scim.get(`/Users/${id}`)).body.userName).toBe(upn);
    const found = await scim.get(`/Users?${filterQuery(`userName eq "${upn.toUpperCase()}"`)}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);

    // 5. Update attributes with Entra's capitalised operations and filtered paths.
    const newMail = uniqueEmail('entra.renamed');
    const patched = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'userName', value: newMail },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: newMail },
        { op: 'Replace', path: 'name.familyName', value: '佐藤' },
        { op: 'Add', path: `${ENTERPRISE_USER}:department`, value: '開発部' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ userName: newMail, displayName: '佐藤 花子', [ENTERPRISE_USER]: { department: '開発部' } });
    expect((await hr.client.get(`/api/users/${id}`)).body).toMatchObject({ email: newMail, name: '佐藤 花子' });

    // A PATCH without a path: a value object whose names carry dots.
    const noPath = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { 'name.givenName': '桜', displayName: '佐藤 桜', externalId: 'entra-2' } }],
    });
    expect(noPath.status).toBe(200);
    expect(noPath.body).toMatchObject({ displayName: '佐藤 桜', name: { givenName: '桜' }, externalId: 'entra-2' });

    // 6. Disable: `active` replaced by the string "False".
    const disabled = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await hr.client.get(`/api/users/${id}`)).body.status).toBe('deactivated');
    expect(await seatsUsed()).toBe(seatsBefore);

    // Enabled again with "True".
    const enabled = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect(enabled.body.active).toBe(true);
    expect((await hr.client.get(`/api/users/${id}`)).body.status).toBe('invited');

    // 7. Delete: gone for SCIM (404 in SCIM's error schema), kept deactivated in Manabi with their history.
    expect((await scim.delete(`/Users/${id}`)).status).toBe(204);
    const gone = await scim.get(`/Users/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toContain('application/scim+json');
    expect(gone.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
    expect((await scim.get(`/Users?${filterQuery(`userName eq "${newMail}"`)}`)).body.totalResults).toBe(0);
    expect((await hr.client.get(`/api/users/${id}`)).body.status).toBe('deactivated');
    expect(await seatsUsed()).toBe(seatsBefore);
  });

  it('answers 412 to an If-Match of an older version, and changes nothing', async () => {
    const upn = uniqueEmail('entra.etag');
    const created = await scim.post('/Users', { schemas: [USER_SCHEMA], userName: upn, displayName: '版 太郎', active: true });
    const first = created.headers.get('etag')!;
    const renamed = await scim.put(
      `/Users/${created.body.id}`,
      { schemas: [USER_SCHEMA], userName: upn, displayName: '版 次郎', active: true },
      { 'if-match': first },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).not.toBe(first);

    const stale = await scim.put(
      `/Users/${created.body.id}`,
      { schemas: [USER_SCHEMA], userName: upn, displayName: '版 三郎', active: true },
      { 'if-match': first },
    );
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '412' });
    const stalePatch = await scim.patch(
      `/Users/${created.body.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'displayName', value: '版 四郎' }] },
      { 'if-match': first },
    );
    expect(stalePatch.status).toBe(412);
    expect((await scim.get(`/Users/${created.body.id}`)).body.displayName).toBe('版 次郎');
  });

  it('refuses what it cannot take in SCIM’s error schema', async () => {
    const notEmail = await scim.post('/Users', { schemas: [USER_SCHEMA], userName: 'Test_User_no_at_sign', active: true });
    expect(notEmail.status).toBe(400);
    expect(notEmail.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400', scimType: 'invalidValue' });
    const badFilter = await scim.get(`/Users?${filterQuery('userName eq')}`);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.scimType).toBe('invalidFilter');
    const badOp = await scim.patch(`/Users/${'0'.repeat(16)}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: false }],
    });
    expect(badOp.status).toBe(404);
  });
});

describe('Microsoft Entra ID provisioning a group (a department)', () => {
  it('creates a group, finds it without members, adds and removes members, renames and deletes it', async () => {
    const a = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: uniqueEmail('entra.g1'),
      displayName: '部員 一郎',
      active: true,
    });
    const b = await scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: uniqueEmail('entra.g2'),
      displayName: '部員 二郎',
      active: true,
    });

    const created = await scim.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'マーケティング部',
      meta: { resourceType: 'Group' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      schemas: [GROUP_SCHEMA],
      displayName: 'マーケティング部',
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      members: [],
    });

    const one = await scim.get(`/Groups/${id}?excludedAttributes=members`);
    expect(one.status).toBe(200);
    expect(one.body.members).toBeUndefined();
    const filtered = await scim.get(`/Groups?excludedAttributes=members&${filterQuery('displayName eq "マーケティング部"')}`);
    expect(filtered.body.totalResults).toBe(1);
    expect(filtered.body.Resources[0].id).toBe(id);

    const added = await scim.patch(`/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Add',
          path: 'members',
          value: [
            { $ref: null, value: a.body.id },
            { $ref: null, value: b.body.id },
          ],
        },
      ],
    });
    expect(added.status).toBe(204);
    expect((await hr.client.get(`/api/users/${a.body.id}`)).body.departmentId).toBe(id);
    expect((await scim.get(`/Groups/${id}`)).body.members.map((m: { value: string }) => m.value).sort()).toEqual(
      [a.body.id, b.body.id].sort(),
    );

    const removed = await scim.patch(`/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: a.body.id }] }],
    });
    expect(removed.status).toBe(204);
    expect((await hr.client.get(`/api/users/${a.body.id}`)).body.departmentId).toBeNull();
    expect((await scim.get(`/Groups/${id}`)).body.members.map((m: { value: string }) => m.value)).toEqual([b.body.id]);

    const renamed = await scim.patch(`/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'displayName', value: '広報部' }],
    });
    expect(renamed.status).toBe(204);
    expect((await scim.get(`/Groups/${id}`)).body.displayName).toBe('広報部');
    expect((await scim.get(`/Users/${b.body.id}`)).body[ENTERPRISE_USER]).toEqual({ department: '広報部' });

    expect((await scim.delete(`/Groups/${id}`)).status).toBe(204);
    expect((await scim.get(`/Groups/${id}`)).status).toBe(404);
    expect((await hr.client.get(`/api/users/${b.body.id}`)).body.departmentId).toBeNull();
  });
});
