import { z } from 'zod';
import { idSchema } from './schemas.js';
import { matchLevelName, type Level } from './levels.js';
import { normalizeEmail } from './email.js';

export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];

/** How long a started SSO sign-in may take at the identity provider before its state record dies. */
export const SSO_STATE_SECONDS = 600;
/** How long the browser has to exchange the one-time hand-off for a session after the callback. */
export const SSO_HANDOFF_SECONDS = 120;
/** The clock difference tolerated between the identity provider and us on SAML time limits. */
export const SAML_CLOCK_SKEW_MS = 120_000;

/** An email domain a company's identity provider serves: lower case, at least one dot, no wildcards. */
export const emailDomainSchema = z
  .string()
  .max(253)
  .transform((v) => v.normalize('NFKC').trim().toLowerCase())
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { message: 'Invalid domain' }));

/** The domain part of an email address (normalised), or null when there is none. */
export function emailDomain(email: string): string | null {
  const at = normalizeEmail(email).lastIndexOf('@');
  if (at < 1) return null;
  const domain = normalizeEmail(email).slice(at + 1);
  return emailDomainSchema.safeParse(domain).success ? domain : null;
}

const httpsUrl = z.url({ protocol: /^https?$/ }).max(2000);
/** An attribute or claim name the identity provider sends (empty: not mapped). */
const attributeName = z.string().trim().max(200);

export const ssoMappingSchema = z.object({
  name: attributeName.default(''),
  department: attributeName.default(''),
  level: attributeName.default(''),
});
export type SsoMapping = z.infer<typeof ssoMappingSchema>;

export const ssoJitSchema = z.object({
  enabled: z.boolean(),
  role: z.enum(['learner', 'manager']).default('learner'),
  departmentId: idSchema.nullable().default(null),
});
export type SsoJit = z.infer<typeof ssoJitSchema>;

const common = {
  domains: z.array(emailDomainSchema).min(1).max(20),
  jit: ssoJitSchema,
  mapping: ssoMappingSchema.default({ name: '', department: '', level: '' }),
  ssoOnly: z.boolean().default(false),
  /** The HR admin who may still use a password when SSO is the only way in. */
  breakGlassUserId: idSchema.nullable().default(null),
  enabled: z.boolean().default(true),
  /** The version HR edited (0: none yet); a save over a newer change is refused. Absent: no check. */
  expectedVersion: z.number().int().min(0).nullable().default(null),
};

/** What HR sends to configure SSO. The client secret may be omitted to keep the stored one. */
export const ssoConfigInputSchema = z.discriminatedUnion('protocol', [
  z.object({
    protocol: z.literal('oidc'),
    oidc: z.object({
      issuer: httpsUrl,
      clientId: z.string().trim().min(1).max(500),
      clientSecret: z.string().min(1).max(2000).optional(),
    }),
    ...common,
  }),
  z.object({
    protocol: z.literal('saml'),
    saml: z.union([
      z.object({ metadataXml: z.string().min(20).max(200_000) }),
      z.object({ metadataUrl: httpsUrl }),
      /** Keep the IdP as configured (change only domains, provisioning, mapping…). */
      z.object({ keep: z.literal(true) }),
    ]),
    ...common,
  }),
]);
export type SsoConfigInput = z.infer<typeof ssoConfigInputSchema>;

export const ssoStartSchema = z.object({ email: z.string().max(254) });

/** What a person is, as far as the identity provider says, after the attribute mapping. */
export interface SsoIdentity {
  email: string;
  name: string | null;
  department: string | null;
  level: Level | null;
}

const firstString = (value: unknown): string | null => {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/**
 * Reads the mapped attributes out of the IdP's claims (OIDC) or attributes (SAML). Unmapped or
 * absent values are null; a level names one of ours (in any of its import names) or is null.
 */
export function mapSsoIdentity(email: string, attributes: Record<string, unknown>, mapping: SsoMapping): SsoIdentity {
  const pick = (name: string) => (name ? firstString(attributes[name]) : null);
  const levelName = pick(mapping.level);
  return {
    email: normalizeEmail(email),
    name: pick(mapping.name)?.slice(0, 100) ?? null,
    department: pick(mapping.department)?.slice(0, 100) ?? null,
    level: levelName ? (matchLevelName(levelName) ?? null) : null,
  };
}
