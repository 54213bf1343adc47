import type { Locale } from '@manabi/core';
import {
  countFailures,
  findLogin,
  getTenant,
  getUser,
  newLinkItems,
  outboxItem,
  recordFailure,
  writeAtomically,
  auditItem,
  type AuditActor,
  type TenantDb,
  type TransactItem,
} from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { mailContextFor, type MailContext } from './branding.js';
import { passwordResetMessage } from './emails.js';
import { invitationItems } from './invitations.js';

/** A reset link works for an hour, once, and only while it is the newest one. */
export const RESET_LINK_MINUTES = 60;
/**
 * Every answer to a reset request takes at least this long, whether the address exists, is
 * invited, or is unknown: the work differs (a transaction, or none), the time must not.
 */
export const RESET_RESPONSE_FLOOR_MS = 400;
const DEFAULT_LIMITS = { perEmail: 3, perIp: 20, windowSeconds: 3600 };

/** The items that store a reset link and queue its email (under the company's sender and host). */
export function passwordResetItems(
  deps: Pick<AppDeps, 'data' | 'now'>,
  db: TenantDb,
  user: { id: string; name: string; email: string; locale: Locale },
  mail: MailContext,
): TransactItem[] {
  const now = deps.now();
  const link = newLinkItems(deps.data.platform, db, {
    kind: 'password_reset',
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
  });
  const url = `${mail.baseUrl}/reset-password?token=${link.secret}`;
  const message = outboxItem(db, {
    to: user.email,
    fromName: mail.fromName,
    ...passwordResetMessage(user.locale, user.name, mail.fromName, url, RESET_LINK_MINUTES),
    link: url,
    kind: 'password_reset',
    createdAt: now.toISOString(),
  });
  return [...link.items, message.item];
}

/**
 * Someone asked to reset the password of `email`. The answer is the same, and takes about the
 * same time, whatever the address: an active person gets a reset link, an invited one a fresh
 * invitation, anyone else nothing. Requests are limited per email and per IP (counted always).
 */
export async function requestPasswordReset(deps: AppDeps, email: string, ip: string): Promise<void> {
  const started = performance.now();
  try {
    const limits = deps.config.resetRateLimit ?? DEFAULT_LIMITS;
    const subjects = [
      { kind: 'reset_email' as const, value: email },
      { kind: 'reset_ip' as const, value: ip },
    ];
    const now = deps.now();
    const [perEmail = 0, perIp = 0] = await countFailures(deps.data.platform, subjects, now.getTime(), limits.windowSeconds);
    if (perEmail >= limits.perEmail || perIp >= limits.perIp) {
      throw new ApiError(429, 'rate_limited', 'rate_limited.password_reset');
    }
    await recordFailure(deps.data.platform, subjects, now.getTime(), limits.windowSeconds);
    const login = await findLogin(deps.data.platform, email);
    if (!login) return;
    const db = deps.data.identityFor({ tenantId: login.tenantId });
    const [user, tenant] = await Promise.all([getUser(db, login.userId), getTenant(db)]);
    if (!user || !tenant || tenant.status !== 'active') return;
    const mail = await mailContextFor(deps, db.tenantId);
    const self: AuditActor = { kind: 'user', id: user.id, name: user.name };
    if (user.status === 'active') {
      await writeAtomically(db, [
        ...passwordResetItems(deps, db, user, mail),
        auditItem(db, { at: now.toISOString(), actor: self, action: 'password_reset.requested', detail: { userId: user.id } }),
      ]);
    } else if (user.status === 'invited') {
      await writeAtomically(db, invitationItems(deps, db, user, tenant.name, mail).items);
    }
  } finally {
    const left = RESET_RESPONSE_FLOOR_MS - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
