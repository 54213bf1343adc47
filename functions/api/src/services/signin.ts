import { canSignIn, type Tenant } from '@manabi/core';
import { countFailures, findLogin, getTenant, getUser, getVendor, recordFailure, type UserRecord } from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';
import { personSubject, recordAuditEvent } from './audit.js';

const INVALID = () => new ApiError(401, 'invalid_credentials');

/**
 * Checks an email and password. Every failure answers the same way (no hint whether the email
 * exists), and failures are counted per email and per IP; over the limit the answer is 429.
 */
export async function signIn(deps: AppDeps, email: string, password: string, ip: string): Promise<{ user: UserRecord; tenant: Tenant }> {
  const { perEmail, perIp, windowSeconds } = deps.config.rateLimit;
  const subjects = [
    { kind: 'email' as const, value: email },
    { kind: 'ip' as const, value: ip },
  ];
  const now = deps.now().getTime();
  const [emailFailures = 0, ipFailures = 0] = await countFailures(deps.data.platform, subjects, now, windowSeconds);
  if (emailFailures >= perEmail || ipFailures >= perIp) {
    throw new ApiError(429, 'rate_limited');
  }
  const login = await findLogin(deps.data.platform, email);
  const db = login ? deps.data.clientFor({ tenantId: login.tenantId }) : null;
  const user = db && login ? await getUser(db, login.userId) : null;
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const tenant = ok && db ? await getTenant(db) : null;
  if (!ok || !user || !canSignIn(user) || !tenant) {
    await recordFailure(deps.data.platform, subjects, now, windowSeconds);
    // Only an address that belongs to a company has a log to write to; whoever tried is unknown.
    if (login && user)
      await recordAuditEvent(deps, login.tenantId, {
        type: 'signin.failed',
        subject: personSubject(user),
        detail: { method: 'password', reason: ok ? 'not_allowed' : 'wrong_password' },
        ip,
      });
    throw INVALID();
  }
  // Only someone who knows the password learns that the company (or its vendor) is suspended.
  await refuseSuspended(deps, tenant);
  return { user, tenant };
}

/** 403 `account_suspended` when the company or its vendor is suspended (sign-in and refresh say so). */
export async function refuseSuspended(deps: AppDeps, tenant: Tenant): Promise<void> {
  const vendor = tenant.status === 'active' && tenant.vendorId ? await getVendor(deps.data.platform, tenant.vendorId) : null;
  if (tenant.status !== 'active' || vendor?.status === 'suspended') throw new ApiError(403, 'account_suspended');
}
