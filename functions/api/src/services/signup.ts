import { newTenantId, newUserId, type SignupInput, type Tenant } from '@manabi/core';
import {
  cancelledIndexes,
  createUserItems,
  isConditionFailure,
  newOneTimeToken,
  outboxItem,
  tenantItem,
  writeAtomically,
  initialFrameworkItem,
  searchIndexReadyItem,
  findLogin,
  getUser,
  updateUser,
  type TenantDb,
  type UserRecord,
  type Vendor,
} from '@manabi/data';
import { defaultFramework } from '@manabi/upskilling';
import type { AppDeps } from '../env.js';
import { hashPassword } from '../auth/password.js';
import { signupExistingMessage, verifyEmailMessage } from './emails.js';
import { mailContextOf, type MailContext } from './branding.js';

const VERIFY_DAYS = 7;

/**
 * Creates a company (tenant) and its first HR admin in one transaction, together with the email
 * verification link in the outbox and the default skill framework: all of it exists afterwards or
 * none of it. The admin can sign in once the link is followed (`activateSignup`), so an address
 * is proven before anything answers differently for it. An address that already has an account
 * gets a mail telling its owner instead, and the caller answers exactly the same (no enumeration).
 */
export async function signUpCompany(
  deps: AppDeps,
  input: SignupInput,
  /** The vendor whose host the company signed up on (null: the platform's own). */
  vendor: Vendor | null = null,
): Promise<{ tenant: Tenant; user: UserRecord } | null> {
  const vendorId = vendor?.id ?? null;
  const mailContext = mailContextOf(deps.config, vendor);
  const now = deps.now();
  const iso = now.toISOString();
  const tenantId = newTenantId();
  // The email's sign-in claim and the verification token are platform items, written with the person.
  const db = deps.data.identityFor({ tenantId });
  const tenant: Tenant = { id: tenantId, name: input.companyName, vendorId, locale: input.locale, status: 'active', createdAt: iso };
  const user = {
    id: newUserId(),
    name: input.adminName,
    email: input.email,
    role: 'tenant_admin' as const,
    departmentId: null,
    level: null,
    hireDate: null,
    jobRole: null,
    locale: input.locale,
    // Not active (no sign-in) until the emailed link proves the address.
    status: 'invited' as const,
    emailVerified: false,
    passwordHash: await hashPassword(input.password),
  };
  const token = newOneTimeToken(deps.data.platform, {
    kind: 'verify_email',
    tenantId,
    userId: user.id,
    expiresAt: new Date(now.getTime() + VERIFY_DAYS * 86400_000).toISOString(),
  });
  const link = `${mailContext.baseUrl}/verify-email?token=${token.secret}`;
  const mail = outboxItem(db, {
    to: user.email,
    fromName: mailContext.fromName,
    ...verifyEmailMessage(input.locale, user.name, link),
    link,
    kind: 'verify_email',
    createdAt: iso,
  });
  const { id: _id, ...tenantFields } = tenant;
  try {
    // The company starts with the default skill framework (HR edits it later).
    await writeAtomically(db, [
      // On a vendor's host the company starts with the plan the vendor set for sign-ups.
      tenantItem(db, tenantFields, { seats: 1, plan: vendor?.selfSignupPlan ?? undefined }),
      ...createUserItems(db, user, iso),
      token.item,
      mail.item,
      initialFrameworkItem(db, defaultFramework(), iso),
      searchIndexReadyItem(db),
    ]);
  } catch (error) {
    if (isConditionFailure(error) && cancelledIndexes(error).includes(2)) {
      await tellOwner(deps, input.email, mailContext, iso);
      return null;
    }
    throw error;
  }
  deps.log({ level: 'info', msg: 'outbox', kind: 'verify_email', to: user.email, link, tenantId });
  return { tenant, user: { ...user, furigana: null, tenantId, createdAt: iso, updatedAt: iso, version: 1 } };
}

/** Mails the owner of an address that already has an account, in their language, under the host's brand. */
async function tellOwner(deps: AppDeps, email: string, mailContext: MailContext, iso: string): Promise<void> {
  const login = await findLogin(deps.data.platform, email);
  const db = login ? deps.data.identityFor({ tenantId: login.tenantId }) : null;
  const owner = db && login ? await getUser(db, login.userId) : null;
  if (!db || !owner) return;
  const signinLink = `${mailContext.baseUrl}/signin`;
  const mail = outboxItem(db, {
    to: owner.email,
    fromName: mailContext.fromName,
    ...signupExistingMessage(owner.locale, owner.name, mailContext.fromName, signinLink, `${mailContext.baseUrl}/forgot-password`),
    link: signinLink,
    kind: 'signup_existing',
    createdAt: iso,
  });
  await writeAtomically(db, [mail.item]);
  deps.log({ level: 'info', msg: 'outbox', kind: 'signup_existing', to: owner.email, tenantId: owner.tenantId });
}

/**
 * The first use of a sign-up's verification link: the HR admin who chose a password at sign-up
 * becomes active (and verified). Null when the person is not such a pending sign-up.
 */
export async function activateSignup(deps: AppDeps, db: TenantDb, user: UserRecord): Promise<UserRecord | null> {
  if (user.status !== 'invited' || !user.passwordHash || user.role !== 'tenant_admin') return null;
  return updateUser(db, user, { status: 'active', emailVerified: true }, deps.now().toISOString());
}
