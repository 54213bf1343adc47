import { emailDomain, randomId, type SsoIdentity, type Tenant } from '@manabi/core';
import {
  ConflictError,
  NotFoundError,
  createUser,
  findLogin,
  getTenant,
  getUser,
  listDepartments,
  newOneTimeToken,
  recordAudit,
  updateUser,
  writeAtomically,
  type SsoConfigRecord,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import { SSO_HANDOFF_SECONDS } from '@manabi/core';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { refuseSuspended } from './signin.js';
import { SsoFailure } from './sso-failure.js';

/**
 * The person a company's IdP vouched for, in that company only: the address must be on one of the
 * company's SSO domains (so no IdP speaks for another company's people), an account of that address
 * elsewhere is refused, a missing one is created when just-in-time provisioning is on.
 */
export async function personForIdentity(
  deps: AppDeps,
  db: TenantDb,
  config: SsoConfigRecord,
  identity: SsoIdentity,
): Promise<{ user: UserRecord; tenant: Tenant; provisioned: boolean }> {
  const domain = emailDomain(identity.email);
  if (!domain || !config.domains.includes(domain)) throw new SsoFailure('domain_mismatch');
  const tenant = await getTenant(db);
  if (!tenant) throw new SsoFailure('not_configured');
  try {
    await refuseSuspended(deps, tenant);
  } catch {
    throw new SsoFailure('suspended');
  }
  const login = await findLogin(deps.data.platform, identity.email);
  if (login && login.tenantId !== db.tenantId) throw new SsoFailure('account_elsewhere');
  const now = deps.now().toISOString();
  if (login) {
    const user = await getUser(db, login.userId);
    if (!user || user.status === 'deactivated') throw new SsoFailure('deactivated');
    // An invited person's first SSO sign-in accepts the invitation: the IdP vouched for the address.
    const active = user.status === 'invited' ? await updateUser(db, user, { status: 'active', emailVerified: true }, now) : user;
    return { user: active, tenant, provisioned: false };
  }
  if (!config.jit.enabled) throw new SsoFailure('not_provisioned');
  const departments = identity.department ? await listDepartments(db) : [];
  const mapped = identity.department
    ? departments.find((d) => d.name.normalize('NFKC') === identity.department!.normalize('NFKC'))
    : undefined;
  try {
    const user = await createUser(
      db,
      {
        id: randomId(),
        name: identity.name ?? identity.email.slice(0, identity.email.indexOf('@')),
        email: identity.email,
        role: config.jit.role,
        departmentId: mapped?.id ?? config.jit.departmentId,
        level: identity.level,
        hireDate: null,
        locale: 'ja',
        status: 'active',
        emailVerified: true,
        passwordHash: null,
      },
      now,
    );
    return { user: { ...user, passwordHash: null, version: 1, accessGen: 0 }, tenant, provisioned: true };
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'seat_limit_reached') throw new SsoFailure('seat_limit');
    if (error instanceof ConflictError && error.code === 'email_taken') throw new SsoFailure('account_elsewhere');
    // The default department was deleted since SSO was configured.
    if (error instanceof NotFoundError) throw new SsoFailure('not_provisioned', 'default department missing');
    throw error;
  }
}

/**
 * The browser's way back from the IdP to a session: a short one-time token in the URL fragment of
 * the sign-in page, exchanged (once) for the same session a password sign-in starts.
 */
export async function newSsoHandoff(deps: AppDeps, user: Pick<UserRecord, 'id' | 'tenantId'>): Promise<string> {
  const token = newOneTimeToken(deps.data.platform, {
    kind: 'sso_handoff',
    tenantId: user.tenantId,
    userId: user.id,
    expiresAt: new Date(deps.now().getTime() + SSO_HANDOFF_SECONDS * 1000).toISOString(),
  });
  await writeAtomically(deps.data.platform, [token.item]);
  return token.secret;
}

/** Audits an SSO sign-in or its failure in the company's log. */
export async function auditSso(
  deps: AppDeps,
  db: TenantDb,
  outcome:
    | { ok: true; user: UserRecord; protocol: string; provisioned: boolean }
    | { ok: false; reason: string; protocol: string; email?: string | null },
): Promise<void> {
  const at = deps.now().toISOString();
  if (outcome.ok) {
    await recordAudit(db, {
      at,
      actor: { kind: 'user', id: outcome.user.id, name: outcome.user.name },
      action: outcome.provisioned ? 'sso.signin_provisioned' : 'sso.signin',
      detail: { userId: outcome.user.id, protocol: outcome.protocol },
    });
  } else {
    await recordAudit(db, {
      at,
      actor: { kind: 'system', id: 'sso', name: 'SSO' },
      action: 'sso.failed',
      detail: { reason: outcome.reason, protocol: outcome.protocol, email: outcome.email ?? null },
    });
  }
}

/** SSO only: a password works for nobody but the break-glass HR admin (told only to whoever knows the password). */
export function refusePasswordWhenSsoOnly(config: SsoConfigRecord | null, user: UserRecord): void {
  if (config?.enabled && config.ssoOnly && config.breakGlassUserId !== user.id) throw new ApiError(403, 'sso_required');
}
