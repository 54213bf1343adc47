import { randomUUID } from 'node:crypto';
import { searchEntryOf, searchUsers, type UserSearchEntry, type UserSearchQuery } from '@manabi/core';
import {
  claimSearchRebuild,
  getUser,
  getUsersByIds,
  listAllUsers,
  listDepartments,
  readSearchIndex,
  rebuildSearchIndex,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps } from '../env.js';

export interface UserSearchPage {
  items: { user: UserRecord; departmentName: string | null }[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * One page of the company's people matching a search: the whole company's index is read (one
 * Query, a few pages at 10,000 people), filtered, sorted and paged in memory, and the page's people
 * are read by id (one BatchGet). Departments are read alongside for their names and their order.
 */
export async function searchCompanyUsers(deps: AppDeps, db: TenantDb, query: UserSearchQuery): Promise<UserSearchPage> {
  const [entries, departments] = await Promise.all([indexEntries(deps, db), listDepartments(db)]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const result = searchUsers(entries, query, names);
  const users = await getUsersByIds(
    db,
    result.entries.map((e) => e.id),
  );
  return {
    items: users.map((user) => ({ user, departmentName: user.departmentId ? (names.get(user.departmentId) ?? null) : null })),
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
  };
}

/**
 * The index's entries. An index that is missing or of an older format (a company from before the
 * index, or a format change) is rebuilt once: the request that takes the lease rebuilds it; every
 * request meanwhile answers from one full read of the people, so no answer is ever incomplete.
 */
async function indexEntries(deps: AppDeps, db: TenantDb): Promise<UserSearchEntry[]> {
  const now = deps.now();
  const state = await readSearchIndex(db, now);
  if (state.ready) return state.entries;
  const people = await listAllUsers(db);
  const leaseId = randomUUID();
  if (!state.building && (await claimSearchRebuild(db, now, leaseId))) {
    const versioned = (u: UserRecord) => ({ entry: searchEntryOf(u), version: u.version });
    await rebuildSearchIndex(db, people.map(versioned), leaseId, async (id) => {
      const current = await getUser(db, id);
      return current ? versioned(current) : null;
    });
  }
  return people.map((u) => searchEntryOf(u));
}
