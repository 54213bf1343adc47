import { isId } from '@manabi/core';
import { getUser, type TenantDb, type UserRecord } from '@manabi/data';
import type { AuthClaims } from '../env.js';
import { notFound } from '../errors.js';

/** Whether the caller leads this person: HR for everyone; a manager for the people of their own department. */
export async function leadsUser(db: TenantDb, auth: AuthClaims, user: UserRecord): Promise<boolean> {
  if (auth.role === 'tenant_admin') return true;
  if (auth.role !== 'manager') return false;
  const me = await getUser(db, auth.userId);
  return Boolean(me?.departmentId && me.departmentId === user.departmentId);
}

/**
 * A person of the caller's company whom the caller may see: themselves (when `self` allows it)
 * or someone they lead. Anyone else — another department, another company, a bad id — is a 404.
 */
export async function personInReach(db: TenantDb, auth: AuthClaims, id: string, self: boolean): Promise<UserRecord> {
  const user = isId(id) ? await getUser(db, id) : null;
  if (!user) throw notFound('user');
  if (self && user.id === auth.userId) return user;
  if (!(await leadsUser(db, auth, user))) throw notFound('user');
  return user;
}
