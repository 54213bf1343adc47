import { normalizeEmail, type Locale } from '@manabi/core';
import type { ScimUserLink, UserRecord } from '@manabi/data';
import { z } from 'zod';
import { ScimError } from './errors.js';
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './schema.js';

/** A person as SCIM shows them (RFC 7643 §4.1, and the enterprise extension's department). */
export function toScimUser(
  user: UserRecord,
  link: ScimUserLink | null,
  departmentName: string | null,
  base: string,
): Record<string, unknown> {
  return {
    schemas: departmentName ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    id: user.id,
    ...(link?.externalId ? { externalId: link.externalId } : {}),
    userName: user.email,
    name: {
      formatted: user.name,
      ...(link?.familyName ? { familyName: link.familyName } : {}),
      ...(link?.givenName ? { givenName: link.givenName } : {}),
    },
    displayName: user.name,
    active: user.status !== 'deactivated',
    emails: [{ value: user.email, type: 'work', primary: true }],
    preferredLanguage: user.locale,
    ...(departmentName ? { [ENTERPRISE_SCHEMA]: { department: departmentName } } : {}),
    ...(user.departmentId && departmentName
      ? { groups: [{ value: user.departmentId, display: departmentName, $ref: `${base}/Groups/${user.departmentId}` }] }
      : {}),
    meta: {
      resourceType: 'User',
      created: user.createdAt,
      lastModified: user.updatedAt,
      location: `${base}/Users/${user.id}`,
      version: userVersion(user),
    },
  };
}

/** The person's ETag: their item's version, which every change bumps (weak: the JSON may be shaped differently). */
export const userVersion = (user: Pick<UserRecord, 'version'>): string => `W/"${user.version}"`;

/** SCIM booleans as identity providers send them: Entra ID has sent `"False"` and `"True"` as strings. */
export function scimBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return null;
}

/** What a SCIM User says that Manabi keeps. `departmentName` undefined: the body does not say (keep it). */
export interface ScimUserInput {
  email: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  externalId: string | null;
  active: boolean;
  departmentName: string | null | undefined;
  locale: Locale | undefined;
}

const text = (max: number) => z.string().trim().max(max);
const userBody = z.looseObject({
  userName: z.string().trim().min(1).max(254),
  externalId: text(200).nullish(),
  displayName: text(100).nullish(),
  name: z.looseObject({ formatted: text(100).nullish(), givenName: text(100).nullish(), familyName: text(100).nullish() }).nullish(),
  active: z.unknown().optional(),
  preferredLanguage: z.string().max(35).nullish(),
  locale: z.string().max(35).nullish(),
  [ENTERPRISE_SCHEMA]: z.looseObject({ department: text(100).nullish() }).nullish(),
});
const emailOk = z.email();

const localeOf = (value: string | null | undefined): Locale | undefined =>
  value ? (/^en\b/i.test(value) ? 'en' : /^ja\b/i.test(value) ? 'ja' : undefined) : undefined;

/**
 * Reads a SCIM User (POST, PUT, or the result of a PATCH). The person's name is the display name;
 * without one, the formatted name; without that, family and given name (Japanese order). After a
 * PATCH (`before` given) a change to the name parts alone renames the person from the parts.
 */
export function parseScimUser(body: unknown, before?: Record<string, unknown>): ScimUserInput {
  const parsed = userBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScimError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`, 'invalidValue');
  }
  const b = parsed.data;
  const email = normalizeEmail(b.userName);
  if (!emailOk.safeParse(email).success) throw new ScimError(400, 'userName must be the person’s email address', 'invalidValue');
  const active = b.active === undefined ? true : scimBoolean(b.active);
  if (active === null) throw new ScimError(400, 'active must be a boolean', 'invalidValue');
  const given = b.name?.givenName || null;
  const family = b.name?.familyName || null;
  const fromParts = [family, given].filter(Boolean).join(' ');
  const beforeName = before?.name as { givenName?: string; familyName?: string; formatted?: string } | undefined;
  // After a PATCH, the name follows whichever of its forms the operations changed.
  const changed = (was: unknown, now: unknown) => before !== undefined && (was ?? null) !== (now ?? null);
  const displayChanged = changed(before?.displayName, b.displayName);
  const partsChanged = changed(beforeName?.givenName, given) || changed(beforeName?.familyName, family);
  const formattedChanged = changed(beforeName?.formatted, b.name?.formatted);
  const name =
    (displayChanged && b.displayName) ||
    (partsChanged && fromParts) ||
    (formattedChanged && b.name?.formatted) ||
    b.displayName ||
    b.name?.formatted ||
    fromParts ||
    email.split('@')[0]!;
  const enterprise = b[ENTERPRISE_SCHEMA];
  return {
    email,
    name,
    givenName: given,
    familyName: family,
    externalId: b.externalId || null,
    active,
    departmentName: enterprise === undefined ? undefined : (enterprise?.department ?? null) || null,
    locale: localeOf(b.preferredLanguage) ?? localeOf(b.locale),
  };
}
