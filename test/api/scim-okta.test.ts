/**
 * Replays the requests Okta sends to a SCIM 2.0 application, as Okta's public "SCIM 2.0 protocol
 * reference" describes them (developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20/; the
 * fixtures are written here from that description, with our own values): "Create users" (the
 * `userName eq` filter with startIndex/count, then POST), "Retrieve a specific user", "Update a
 * specific user (PUT)", "Update a specific user (PATCH)" for deactivation
 * (`{ op: "replace", value: { active: false } }`) and reactivation, "Create groups", "Update a
 * specific group name" (a replace whose value object carries the group's id), "Update specific
 * group membership" (add to `members`, remove by `members[value eq "…"]`), "Delete a specific group".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTenantAccount } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { filterQuery, GROUP_SCHEMA, PATCH_OP, scimTokenFor, USER_SCHEMA, type ScimClient } from '../support/scim.js';

let server: TestServer;
let hr: SignedUpCompany;
let scim: ScimClient;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社オクタ連携');
  scim = (await scimTokenFor(hr.client, 'Okta')).scim;
});
afterAll(() => server.stop());

const seatsUsed = async () => (await getTenantAccount(server.data.platform, hr.tenantId))!.seatsUsed;

/** A user as Okta's "Create users" request sends one. */
const oktaUser = (login: string, given: string, family: string, active = true) => ({
  schemas: [USER_SCHEMA],
  userName: login,
  name: { givenName: given, familyName: family },
  emails: [{ primary: true, value: login, type: 'work' }],
  displayName: `${family} ${given}`,
  locale: 'en-US',
  externalId: '00u1a2b3c4D5e6F7g8h9',
  groups: [],
  password: 'never-stored-9F!x',
  active,
});

describe('Okta provisioning a person', () => {
  it('checks, creates, reads, replaces, deactivates and reactivates a user the way Okta asks', async () => {
    const login = uniqueEmail('okta.user');
    const check = await scim.get(`/Users?${filterQuery(`userName eq "${login}"`)}&startIndex=1&count=100`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });

    const seatsBefore = await seatsUsed();
    const created = await scim.post('/Users', oktaUser(login, 'Ken', 'Suzuki'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      userName: login,
      active: true,
      displayName: 'Suzuki Ken',
      externalId: '00u1a2b3c4D5e6F7g8h9',
      preferredLanguage: 'en',
    });
    expect(JSON.stringify(created.body)).not.toContain('never-stored');
    expect(await seatsUsed()).toBe(seatsBefore + 1);

    const read = await scim.get(`/Users/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.name).toMatchObject({ givenName: 'Ken', familyName: 'Suzuki' });

    // "Update a specific user (PUT)": Okta sends the whole user back with the changed profile.
    const replaced = await scim.put(`/Users/${id}`, { ...oktaUser(login, 'Kenji', 'Suzuki'), id, displayName: 'Suzuki Kenji' });
    expect(replaced.status).toBe(200);
    expect(replaced.body.displayName).toBe('Suzuki Kenji');
    expect((await hr.client.get(`/api/users/${id}`)).body.name).toBe('Suzuki Kenji');

    // Deactivation: a replace without a path, whose value is `{ active: false }`.
    const deactivated = await scim.patch(`/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await hr.client.get(`/api/users/${id}`)).body.status).toBe('deactivated');
    expect(await seatsUsed()).toBe(seatsBefore);

    const reactivated = await scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(reactivated.body.active).toBe(true);
    expect(await seatsUsed()).toBe(seatsBefore + 1);
  });

  it('pages the company’s users with startIndex and count', async () => {
    for (const n of [1, 2, 3])
      expect((await scim.post('/Users', oktaUser(uniqueEmail(`okta.page${n}`), `P${n}`, 'Page'))).status).toBe(201);
    const all = await scim.get('/Users?startIndex=1&count=200');
    const total = all.body.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(4);
    const second = await scim.get('/Users?startIndex=2&count=2');
    expect(second.body).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    expect(second.body.Resources.map((r: { id: string }) => r.id)).toEqual(all.body.Resources.slice(1, 3).map((r: { id: string }) => r.id));
  });
});

describe('Okta pushing a group (a department)', () => {
  it('creates a group, renames it, adds and removes a member and deletes it', async () => {
    const member = await scim.post('/Users', oktaUser(uniqueEmail('okta.member'), 'Mika', 'Tanaka'));
    const created = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Okta 推進部', members: [] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const renamed = await scim.patch(`/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { id, displayName: 'Okta 企画部' } }],
    });
    expect(renamed.status).toBe(204);
    expect((await scim.get(`/Groups/${id}`)).body.displayName).toBe('Okta 企画部');

    const added = await scim.patch(`/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: [{ value: member.body.id, display: member.body.userName }] }],
    });
    expect(added.status).toBe(204);
    expect((await hr.client.get(`/api/users/${member.body.id}`)).body.departmentId).toBe(id);

    const removed = await scim.patch(`/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: `members[value eq "${member.body.id}"]` }],
    });
    expect(removed.status).toBe(204);
    expect((await scim.get(`/Groups/${id}`)).body.members).toEqual([]);

    expect((await scim.delete(`/Groups/${id}`)).status).toBe(204);
    expect((await scim.get(`/Groups/${id}`)).status).toBe(404);
    expect((await hr.client.get('/api/departments')).body.items.some((d: { id: string }) => d.id === id)).toBe(false);
  });
});
