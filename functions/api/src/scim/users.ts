import { isId, newUserId } from '@manabi/core';
import {
  ConflictError,
  createUser,
  findLogin,
  getScimUserLink,
  getScimUserLinks,
  getUser,
  listAllUsers,
  listDepartments,
  NotFoundError,
  revokeSessionsItem,
  scimUserLinkItem,
  updateUser,
  type ScimUserLink,
  type TenantDb,
  type TransactItem,
  type UserChanges,
  type UserRecord,
} from '@manabi/data';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import { compileFilter } from 'scim-query-filter-parser';
import type { AppDeps } from '../env.js';
import { forgetAccess } from '../auth/access-gate.js';
import { auditEventItem, personSubject, scimActor } from '../services/audit.js';
import { departmentNamed } from './departments.js';
import { ScimError, scimNotFound } from './errors.js';
import { parsePatch } from './patch.js';
import { LIST_SCHEMA } from './schema.js';
import { parseScimUser, toScimUser, userVersion, type ScimUserInput } from './user-resource.js';
import type { ScimCaller } from './caller.js';

type Resource = Record<string, unknown>;

/** A page as SCIM lists it (RFC 7644 §3.4.2): 1-based startIndex, count at most 200. */
export interface Page {
  startIndex: number;
  count: number;
}

export function listResponse(resources: Resource[], total: number, page: Page): Resource {
  return { schemas: [LIST_SCHEMA], totalResults: total, startIndex: page.startIndex, itemsPerPage: resources.length, Resources: resources };
}

const USER_NAME_EQ = /^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

/**
 * Answers one person for `userName eq "…"` (what Entra ID and Okta ask before creating anyone)
 * with one read of the sign-in claim; any other filter is evaluated over the company's people.
 */
export async function listScimUsers(deps: AppDeps, caller: ScimCaller, filter: string | undefined, page: Page, base: string) {
  const db = deps.data.clientFor({ tenantId: caller.tenantId });
  const departments = await departmentNames(db);
  const byName = filter ? USER_NAME_EQ.exec(filter) : null;
  let resources: Resource[];
  if (byName) {
    const login = await findLogin(deps.data.platform, byName[1]!.replace(/\\(.)/g, '$1').normalize('NFKC').trim().toLowerCase());
    // The claim is platform-wide: someone of another company is nobody here.
    const user = login && login.tenantId === caller.tenantId ? await getUser(db, login.userId) : null;
    const link = user ? await getScimUserLink(db, user.id) : null;
    resources = user && !link?.deleted ? [toScimUser(user, link, departmentOf(user, departments), base)] : [];
  } else {
    const users = await listAllUsers(db);
    const links = await getScimUserLinks(
      db,
      users.map((u) => u.id),
    );
    resources = users
      .filter((u) => !links.get(u.id)?.deleted)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((u) => toScimUser(u, links.get(u.id) ?? null, departmentOf(u, departments), base));
    if (filter) resources = resources.filter(compiled(filter));
  }
  return listResponse(resources.slice(page.startIndex - 1, page.startIndex - 1 + page.count), resources.length, page);
}

function compiled(filter: string): (r: Resource) => boolean {
  try {
    return compileFilter(filter) as (r: Resource) => boolean;
  } catch {
    throw new ScimError(400, 'The filter cannot be read', 'invalidFilter');
  }
}

async function departmentNames(db: TenantDb): Promise<Map<string, string>> {
  return new Map((await listDepartments(db)).map((d) => [d.id, d.name]));
}
const departmentOf = (user: UserRecord, names: Map<string, string>) => (user.departmentId ? (names.get(user.departmentId) ?? null) : null);

/** The person with their SCIM link; 404 for an unknown id, another company's, or one deleted through SCIM. */
async function load(db: TenantDb, id: string): Promise<{ user: UserRecord; link: ScimUserLink | null }> {
  const user = isId(id) ? await getUser(db, id) : null;
  const link = user ? await getScimUserLink(db, user.id) : null;
  if (!user || link?.deleted) throw scimNotFound('User', id);
  return { user, link };
}

async function present(db: TenantDb, user: UserRecord, link: ScimUserLink | null, base: string) {
  return { resource: toScimUser(user, link, departmentOf(user, await departmentNames(db)), base), version: userVersion(user) };
}

export async function getScimUser(deps: AppDeps, caller: ScimCaller, id: string, base: string) {
  const db = deps.data.clientFor({ tenantId: caller.tenantId });
  const { user, link } = await load(db, id);
  return present(db, user, link, base);
}

/** If-Match names the version the identity provider last saw; another one is 412 (nothing changed). */
function checkVersion(user: UserRecord, ifMatch: string | undefined): void {
  if (!ifMatch || ifMatch.trim() === '*') return;
  const wanted = ifMatch.split(',').map((v) => v.trim());
  if (!wanted.includes(userVersion(user)) && !wanted.includes(userVersion(user).slice(2)))
    throw new ScimError(412, 'The person was changed since that version');
}

const linkOf = (input: ScimUserInput, previous: ScimUserLink | null): ScimUserLink => ({
  externalId: input.externalId ?? previous?.externalId ?? null,
  givenName: input.givenName,
  familyName: input.familyName,
  deleted: false,
});

/** Refusals of the data layer in SCIM's words. */
function scimRefusal(error: unknown): never {
  if (error instanceof ConflictError) {
    if (error.code === 'email_taken') throw new ScimError(409, 'A person with this userName already exists', 'uniqueness');
    if (error.code === 'stale') throw new ScimError(412, 'The person was changed at the same time; read it again');
    if (error.code === 'seat_limit_reached') throw new ScimError(409, 'Every seat of the company’s plan is taken');
  }
  if (error instanceof NotFoundError) throw new ScimError(400, 'The department does not exist', 'invalidValue');
  throw error;
}

export async function createScimUser(deps: AppDeps, caller: ScimCaller, body: unknown, base: string) {
  const input = parseScimUser(body);
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  const now = deps.now().toISOString();
  const department = input.departmentName ? await departmentNamed(db, input.departmentName, now) : null;
  const id = newUserId();
  const link = linkOf(input, null);
  const audit = auditEventItem(deps, caller.tenantId, {
    type: 'scim.user_created',
    actor: scimActor(caller.token),
    subject: personSubject({ id, name: input.name }),
    detail: { userName: input.email, active: String(input.active) },
    ip: caller.ip,
  });
  try {
    // A person provisioned by the identity provider signs in through it (SSO), or is invited by HR.
    const user = await createUser(
      db,
      {
        id,
        name: input.name,
        email: input.email,
        role: 'learner',
        departmentId: department?.id ?? null,
        level: null,
        hireDate: null,
        locale: input.locale ?? 'ja',
        status: input.active ? 'invited' : 'deactivated',
        emailVerified: false,
        passwordHash: null,
      },
      now,
      [scimUserLinkItem(db, id, link), audit],
    );
    return { resource: toScimUser(user, link, department?.name ?? null, base), version: userVersion(user) };
  } catch (error) {
    return scimRefusal(error);
  }
}

/**
 * Makes the person what the identity provider says: name, email, language, department and whether
 * they are active. Deactivation voids their sessions in the same write (the access tokens by
 * `accessGen`, the refresh tokens by the sessions' cut-off) and frees their seat.
 */
async function apply(
  deps: AppDeps,
  caller: ScimCaller,
  db: TenantDb,
  user: UserRecord,
  previous: ScimUserLink | null,
  input: ScimUserInput,
) {
  const now = deps.now().toISOString();
  const changes: UserChanges = {};
  if (input.name !== user.name) changes.name = input.name;
  if (input.email !== user.email) changes.email = input.email;
  if (input.locale && input.locale !== user.locale) changes.locale = input.locale;
  if (input.departmentName !== undefined) {
    const departmentId = input.departmentName ? (await departmentNamed(db, input.departmentName, now)).id : null;
    if (departmentId !== user.departmentId) changes.departmentId = departmentId;
  }
  const deactivating = !input.active && user.status !== 'deactivated';
  const reactivating = input.active && user.status === 'deactivated';
  if (deactivating) changes.status = 'deactivated';
  if (reactivating) changes.status = user.passwordHash ? 'active' : 'invited';
  const link = linkOf(input, previous);
  const linkChanged = JSON.stringify(link) !== JSON.stringify(previous ?? null);
  if (Object.keys(changes).length === 0 && !linkChanged) return { user, link };
  const extra: TransactItem[] = [
    scimUserLinkItem(db, user.id, link),
    auditEventItem(deps, caller.tenantId, {
      type: deactivating ? 'scim.user_deactivated' : reactivating ? 'scim.user_reactivated' : 'scim.user_updated',
      actor: scimActor(caller.token),
      subject: personSubject({ id: user.id, name: changes.name ?? user.name }),
      detail: { changed: Object.keys(changes).join(',') || 'externalId' },
      ip: caller.ip,
    }),
  ];
  if (deactivating) extra.push(revokeSessionsItem(db, user.id, now));
  try {
    const updated = await updateUser(db, user, changes, now, extra);
    if (changes.status) forgetAccess({ tenantId: caller.tenantId, userId: user.id });
    return { user: updated, link };
  } catch (error) {
    return scimRefusal(error);
  }
}

export async function replaceScimUser(
  deps: AppDeps,
  caller: ScimCaller,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
  base: string,
) {
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  const current = await load(db, id);
  checkVersion(current.user, ifMatch);
  const input = parseScimUser(body);
  const { user, link } = await apply(deps, caller, db, current.user, current.link, input);
  return present(db, user, link, base);
}

/**
 * PATCH as identity providers send it (RFC 7644 §3.5.2): Entra ID's capitalised `Replace`/`Add`,
 * its `"False"` strings and no-path value objects with dotted names, Okta's `{ active: false }`.
 * The operations are applied to the person's SCIM view, which is then read like a PUT.
 */
export async function patchScimUser(
  deps: AppDeps,
  caller: ScimCaller,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
  base: string,
) {
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  const current = await load(db, id);
  checkVersion(current.user, ifMatch);
  const before = toScimUser(current.user, current.link, departmentOf(current.user, await departmentNames(db)), base);
  let patched: Resource;
  try {
    patched = scimPatch(structuredClone(before) as never, parsePatch(body) as ScimPatchOperation[]) as unknown as Resource;
  } catch (error) {
    if (error instanceof ScimError) throw error;
    throw new ScimError(400, error instanceof Error ? error.message : 'The operations cannot be applied', 'invalidPath');
  }
  const input = parseScimUser(patched, before);
  const { user, link } = await apply(deps, caller, db, current.user, current.link, input);
  return present(db, user, link, base);
}

/**
 * DELETE keeps the person and their learning history, deactivated (sessions voided, seat freed),
 * and hides them from SCIM: a later GET is 404, as RFC 7644 §3.6 asks.
 */
export async function deleteScimUser(deps: AppDeps, caller: ScimCaller, id: string, ifMatch: string | undefined): Promise<void> {
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  const { user, link } = await load(db, id);
  checkVersion(user, ifMatch);
  const now = deps.now().toISOString();
  const deactivating = user.status !== 'deactivated';
  const extra: TransactItem[] = [
    scimUserLinkItem(db, user.id, {
      externalId: link?.externalId ?? null,
      givenName: link?.givenName ?? null,
      familyName: link?.familyName ?? null,
      deleted: true,
    }),
    auditEventItem(deps, caller.tenantId, {
      type: 'scim.user_deleted',
      actor: scimActor(caller.token),
      subject: personSubject(user),
      ip: caller.ip,
    }),
  ];
  if (deactivating) extra.push(revokeSessionsItem(db, user.id, now));
  try {
    await updateUser(db, user, deactivating ? { status: 'deactivated' } : {}, now, extra);
  } catch (error) {
    scimRefusal(error);
  }
  forgetAccess({ tenantId: caller.tenantId, userId: user.id });
}
