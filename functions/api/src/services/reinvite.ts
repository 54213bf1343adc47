import { isId } from '@manabi/core';
import {
  getDepartment,
  getTenant,
  isConditionFailure,
  listUsers,
  recordAudit,
  reinviteClaimItem,
  writeAtomically,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps } from '../env.js';
import { notFound } from '../errors.js';
import { mailContextFor } from './branding.js';
import { invitationItems } from './invitations.js';
import { pool } from './pool.js';

/**
 * Sends a fresh invitation (through the outbox) to everyone still invited, or to the invited people
 * of one department. Each person is claimed under the request's key in the invitation's own
 * transaction, so a retried request sends nothing twice and says how many it had already sent.
 * A fresh invitation ends the person's earlier ones.
 */
export async function reinvite(
  deps: AppDeps,
  db: TenantDb,
  hr: Pick<UserRecord, 'id' | 'name'>,
  input: { departmentId: string | null; requestKey: string },
): Promise<{ invited: number; alreadySent: number; matched: number }> {
  if (input.departmentId !== null && (!isId(input.departmentId) || !(await getDepartment(db, input.departmentId)))) {
    throw notFound('department');
  }
  const tenant = await getTenant(db);
  if (!tenant) throw notFound('company');
  const people: UserRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(db, {
      status: 'invited',
      ...(input.departmentId ? { departmentId: input.departmentId } : {}),
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    people.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const mail = await mailContextFor(deps, db.tenantId);
  const now = deps.now();
  let invited = 0;
  let alreadySent = 0;
  await pool(people, 4, async (user) => {
    try {
      await writeAtomically(db, [
        reinviteClaimItem(db, input.requestKey, user.id, now),
        ...invitationItems(deps, db, user, tenant.name, mail).items,
      ]);
      invited += 1;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      alreadySent += 1;
    }
  });
  await recordAudit(db, {
    at: now.toISOString(),
    actor: { kind: 'user', id: hr.id, name: hr.name },
    action: 'users.reinvited',
    detail: { departmentId: input.departmentId, invited, alreadySent },
  });
  return { invited, alreadySent, matched: people.length };
}
