import { canSignIn, type Tenant } from '@manabi/core';
import { countFailures, findLogin, getTenant, getUser, recordFailure, type UserRecord } from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';

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
  if (!ok || !user || !canSignIn(user) || !tenant || tenant.status !== 'active') {
    await recordFailure(deps.data.platform, subjects, now, windowSeconds);
    throw INVALID();
  }
  return { user, tenant };
}
