import { isId, newDepartmentId } from '@manabi/core';
import {
  ConflictError,
  createDepartmentItems,
  deleteDepartment,
  deleteScimGroupItem,
  getDepartment,
  getScimGroupExternalId,
  getUser,
  listDepartments,
  listUsers,
  NotFoundError,
  renameDepartment,
  scimGroupItem,
  updateUser,
  writeAtomically,
  isConditionFailure,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { Department } from '@manabi/core';
import { compileFilter } from 'scim-query-filter-parser';
import { z } from 'zod';
import type { AppDeps } from '../env.js';
import { auditEventItem, recordAuditEvent, scimActor } from '../services/audit.js';
import type { ScimCaller } from './caller.js';
import { ScimError, scimNotFound } from './errors.js';
import { parsePatch, type PatchOperation } from './patch.js';
import { GROUP_SCHEMA } from './schema.js';
import { listResponse, type Page } from './users.js';

type Resource = Record<string, unknown>;
interface Member {
  id: string;
  name: string;
}

/** A department as a SCIM Group (RFC 7643 §4.2); `members` null when the caller excluded them. */
function toScimGroup(department: Department, externalId: string | null, members: Member[] | null, base: string): Resource {
  return {
    schemas: [GROUP_SCHEMA],
    id: department.id,
    ...(externalId ? { externalId } : {}),
    displayName: department.name,
    ...(members ? { members: members.map((m) => ({ value: m.id, display: m.name, $ref: `${base}/Users/${m.id}` })) } : {}),
    meta: {
      resourceType: 'Group',
      created: department.createdAt,
      lastModified: department.updatedAt,
      location: `${base}/Groups/${department.id}`,
    },
  };
}

/** The people whose department this is (one Query per 200, on the by-department index). */
async function membersOf(db: TenantDb, departmentId: string): Promise<UserRecord[]> {
  const out: UserRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(db, { departmentId, limit: 200, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const DISPLAY_NAME_EQ = /^\s*displayName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i;

export async function listScimGroups(
  deps: AppDeps,
  caller: ScimCaller,
  filter: string | undefined,
  withMembers: boolean,
  page: Page,
  base: string,
) {
  const db = deps.data.clientFor({ tenantId: caller.tenantId });
  let departments = (await listDepartments(db)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const byName = filter ? DISPLAY_NAME_EQ.exec(filter) : null;
  if (byName) departments = departments.filter((d) => d.name === byName[1]!.replace(/\\(.)/g, '$1'));
  const shown = departments.slice(page.startIndex - 1, page.startIndex - 1 + page.count);
  let resources = await Promise.all(
    shown.map(async (d) =>
      toScimGroup(d, await getScimGroupExternalId(db, d.id), withMembers ? (await membersOf(db, d.id)).map(member) : null, base),
    ),
  );
  let total = departments.length;
  if (filter && !byName) {
    let test: (r: Resource) => boolean;
    try {
      test = compileFilter(filter) as (r: Resource) => boolean;
    } catch {
      throw new ScimError(400, 'The filter cannot be read', 'invalidFilter');
    }
    const all = await Promise.all(departments.map(async (d) => toScimGroup(d, await getScimGroupExternalId(db, d.id), null, base)));
    const matching = all.filter(test);
    total = matching.length;
    const ids = new Set(matching.slice(page.startIndex - 1, page.startIndex - 1 + page.count).map((r) => r.id));
    resources = await Promise.all(
      departments
        .filter((d) => ids.has(d.id))
        .map(async (d) =>
          toScimGroup(d, await getScimGroupExternalId(db, d.id), withMembers ? (await membersOf(db, d.id)).map(member) : null, base),
        ),
    );
  }
  return listResponse(resources, total, page);
}

const member = (u: UserRecord): Member => ({ id: u.id, name: u.name });

async function load(db: TenantDb, id: string): Promise<Department> {
  const department = isId(id) ? await getDepartment(db, id) : null;
  if (!department) throw scimNotFound('Group', id);
  return department;
}

export async function getScimGroup(deps: AppDeps, caller: ScimCaller, id: string, withMembers: boolean, base: string) {
  const db = deps.data.clientFor({ tenantId: caller.tenantId });
  const department = await load(db, id);
  const members = withMembers ? (await membersOf(db, id)).map(member) : null;
  return toScimGroup(department, await getScimGroupExternalId(db, id), members, base);
}

const memberList = z.array(z.looseObject({ value: z.string().max(100) })).max(1000);
const groupBody = z.looseObject({
  displayName: z.string().trim().min(1).max(100),
  externalId: z.string().trim().max(200).nullish(),
  members: memberList.nullish(),
});

function parseGroup(body: unknown) {
  const parsed = groupBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScimError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`, 'invalidValue');
  }
  return parsed.data;
}

/** The company's people with these ids; an id that is not one of them refuses the whole request (nothing changed). */
async function peopleOf(db: TenantDb, ids: string[]): Promise<UserRecord[]> {
  const people = await Promise.all([...new Set(ids)].map((id) => (isId(id) ? getUser(db, id) : null)));
  const missing = ids.find((_, i) => !people[i]);
  if (people.some((p) => !p)) throw new ScimError(400, `No person ${missing ?? ''} in this company`, 'invalidValue');
  return people as UserRecord[];
}

/**
 * Moves people into or out of the department (a person belongs to one department: joining this
 * one leaves their previous one). Each person is one conditional write on their version.
 */
async function setDepartment(deps: AppDeps, db: TenantDb, people: UserRecord[], departmentId: string | null): Promise<number> {
  let changed = 0;
  for (const person of people) {
    if (person.departmentId === departmentId) continue;
    try {
      await updateUser(db, person, { departmentId }, deps.now().toISOString());
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'stale')
        throw new ScimError(412, 'A member was changed at the same time; try again');
      throw error;
    }
    changed++;
  }
  return changed;
}

export async function createScimGroup(deps: AppDeps, caller: ScimCaller, body: unknown, base: string) {
  const input = parseGroup(body);
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  const people = await peopleOf(
    db,
    (input.members ?? []).map((m) => m.value),
  );
  const id = newDepartmentId();
  const now = deps.now().toISOString();
  try {
    await writeAtomically(db, [
      ...createDepartmentItems(db, id, input.displayName, now),
      scimGroupItem(db, id, input.externalId ?? null),
      auditEventItem(deps, caller.tenantId, {
        type: 'scim.group_created',
        actor: scimActor(caller.token),
        subject: { kind: 'department', id, name: input.displayName },
        ip: caller.ip,
      }),
    ]);
  } catch (error) {
    if (isConditionFailure(error)) throw new ScimError(409, 'A department with this name already exists', 'uniqueness');
    throw error;
  }
  await setDepartment(deps, db, people, id);
  return getScimGroup(deps, caller, id, true, base);
}

async function rename(db: TenantDb, department: Department, name: string, now: string): Promise<Department> {
  if (name === department.name) return department;
  try {
    return await renameDepartment(db, department, name, now);
  } catch (error) {
    if (error instanceof ConflictError) throw new ScimError(409, 'A department with this name already exists', 'uniqueness');
    if (error instanceof NotFoundError) throw scimNotFound('Group', department.id);
    throw error;
  }
}

export async function replaceScimGroup(deps: AppDeps, caller: ScimCaller, id: string, body: unknown, base: string) {
  const input = parseGroup(body);
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  const department = await load(db, id);
  const wanted = await peopleOf(
    db,
    (input.members ?? []).map((m) => m.value),
  );
  const current = await membersOf(db, id);
  const wantedIds = new Set(wanted.map((p) => p.id));
  await rename(db, department, input.displayName, deps.now().toISOString());
  const added = await setDepartment(deps, db, wanted, id);
  const removed = await setDepartment(
    deps,
    db,
    current.filter((p) => !wantedIds.has(p.id)),
    null,
  );
  await writeAtomically(db, [
    scimGroupItem(db, id, input.externalId ?? (await getScimGroupExternalId(db, id))),
    groupAudit(deps, caller, id, input.displayName, { added, removed, renamed: input.displayName === department.name ? 0 : 1 }),
  ]);
  return getScimGroup(deps, caller, id, true, base);
}

function groupAudit(deps: AppDeps, caller: ScimCaller, id: string, name: string, detail: Record<string, number>) {
  return auditEventItem(deps, caller.tenantId, {
    type: 'scim.group_updated',
    actor: scimActor(caller.token),
    subject: { kind: 'department', id, name },
    detail,
    ip: caller.ip,
  });
}

const MEMBER_FILTER = /^members\[\s*value\s+eq\s+"([^"]*)"\s*\]$/i;
const valuesOf = (value: unknown): string[] => {
  const parsed = memberList.safeParse(Array.isArray(value) ? value : value === undefined ? [] : [value]);
  if (!parsed.success) throw new ScimError(400, 'members must be a list of { value }', 'invalidValue');
  return parsed.data.map((m) => m.value);
};

/**
 * PATCH of a group as Entra ID and Okta send it: `add`/`remove` of `members` (a list of values,
 * or Okta's `members[value eq "…"]` path), and a `replace` of displayName or externalId, with a
 * path or as a value object (Okta includes the group's `id` in it, which cannot change).
 */
export async function patchScimGroup(deps: AppDeps, caller: ScimCaller, id: string, body: unknown) {
  const operations = parsePatch(body);
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  let department = await load(db, id);
  let externalId = await getScimGroupExternalId(db, id);
  const join = new Set<string>();
  const leave = new Set<string>();
  let replaceAll: string[] | null = null;
  let name = department.name;
  for (const op of operations)
    applyGroupOperation(op, {
      join,
      leave,
      setAll: (ids) => (replaceAll = ids),
      setName: (n) => (name = n),
      setExternalId: (e) => (externalId = e),
    });
  const joining = await peopleOf(db, [...(replaceAll ?? []), ...join]);
  const current = await membersOf(db, id);
  const stay = new Set(joining.map((p) => p.id));
  const leaving = replaceAll !== null ? current.filter((p) => !stay.has(p.id)) : current.filter((p) => leave.has(p.id) && !join.has(p.id));
  const renamed = name !== department.name;
  department = await rename(db, department, name, deps.now().toISOString());
  const added = await setDepartment(deps, db, joining, id);
  const removed = await setDepartment(deps, db, leaving, null);
  await writeAtomically(db, [
    scimGroupItem(db, id, externalId),
    groupAudit(deps, caller, id, department.name, { added, removed, renamed: renamed ? 1 : 0 }),
  ]);
}

interface GroupChange {
  join: Set<string>;
  leave: Set<string>;
  setAll: (ids: string[]) => void;
  setName: (name: string) => void;
  setExternalId: (externalId: string | null) => void;
}

function applyGroupOperation(op: PatchOperation, change: GroupChange): void {
  const path = op.path?.trim();
  const memberPath = path ? MEMBER_FILTER.exec(path) : null;
  if (memberPath && op.op === 'remove') {
    change.leave.add(memberPath[1]!);
    return;
  }
  if (path?.toLowerCase() === 'members') {
    const ids = valuesOf(op.value);
    if (op.op === 'add') ids.forEach((v) => change.join.add(v));
    else if (op.op === 'replace') change.setAll(ids);
    else ids.forEach((v) => change.leave.add(v));
    return;
  }
  if (op.op === 'remove') throw new ScimError(400, `${path} cannot be removed`, 'mutability');
  const attributes: Record<string, unknown> = path ? { [path]: op.value } : ((op.value ?? {}) as Record<string, unknown>);
  if (typeof attributes !== 'object' || attributes === null) throw new ScimError(400, 'The value must be an object', 'invalidValue');
  for (const [key, value] of Object.entries(attributes)) {
    const k = key.toLowerCase();
    if (k === 'displayname') {
      if (typeof value !== 'string' || !value.trim() || value.length > 100)
        throw new ScimError(400, 'displayName must be a name', 'invalidValue');
      change.setName(value.trim());
    } else if (k === 'externalid') change.setExternalId(typeof value === 'string' ? value : null);
    else if (k === 'members') valuesOf(value).forEach((v) => change.join.add(v));
    else if (k !== 'id' && k !== 'schemas' && k !== 'meta')
      throw new ScimError(400, `${key} is not an attribute of a group`, 'invalidPath');
  }
}

/** Deleting a group leaves its people without a department, then removes the department. */
export async function deleteScimGroup(deps: AppDeps, caller: ScimCaller, id: string): Promise<void> {
  const db = deps.data.identityFor({ tenantId: caller.tenantId });
  const department = await load(db, id);
  await setDepartment(deps, db, await membersOf(db, id), null);
  await deleteDepartment(db, department);
  await writeAtomically(db, [deleteScimGroupItem(db, id)]);
  await recordAuditEvent(deps, caller.tenantId, {
    type: 'scim.group_deleted',
    actor: scimActor(caller.token),
    subject: { kind: 'department', id, name: department.name },
    ip: caller.ip,
  });
}
