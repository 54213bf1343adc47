import { personActor, recordAuditEvent } from './audit.js';
import { randomId, type Tenant } from '@manabi/core';
import { createSession, type UserRecord } from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ACCESS_TTL_SECONDS, REFRESH_TTL_SECONDS } from '../auth/jwt.js';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Starts a sign-in session: a stored session (for refresh rotation) and the two tokens. */
/**
 * How a session began, for the company's audit log: `method` names the way in (password, mfa,
 * passkey, link, sso…), `ip` the caller's address when the route knows it.
 */
export interface SignInWay {
  method: string;
  ip?: string;
}

export async function startSession(
  deps: AppDeps,
  user: UserRecord,
  tenant: Tenant,
  way: SignInWay = { method: 'password' },
): Promise<IssuedSession> {
  const now = deps.now();
  const db = deps.data.clientFor({ tenantId: user.tenantId });
  const session = await createSession(
    db,
    { id: randomId(), userId: user.id, expiresAt: new Date(now.getTime() + REFRESH_TTL_SECONDS * 1000).toISOString() },
    now.toISOString(),
  );
  // Every sign-in goes to the company's audit log, whichever way it came in.
  await recordAuditEvent(deps, user.tenantId, {
    type: 'signin.succeeded',
    actor: personActor(user),
    detail: { method: way.method },
    ip: way.ip,
  });
  return issueTokens(deps, user, tenant, session.id, session.generation);
}

export async function issueTokens(
  deps: AppDeps,
  user: UserRecord,
  tenant: Tenant,
  sessionId: string,
  generation: number,
): Promise<IssuedSession> {
  const now = deps.now();
  const accessToken = await deps.signer.signAccess(
    { userId: user.id, tenantId: user.tenantId, vendorId: tenant.vendorId, role: user.role, accessGen: user.accessGen ?? 0 },
    now,
  );
  const refreshToken = await deps.signer.signRefresh({ tenantId: user.tenantId, userId: user.id, sessionId, generation }, now);
  return { accessToken, refreshToken, expiresIn: ACCESS_TTL_SECONDS };
}
