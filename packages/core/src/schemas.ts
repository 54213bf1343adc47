import { z } from 'zod';
import { isId } from './ids.js';
import { LEVELS } from './levels.js';
import { TENANT_ROLES } from './roles.js';
import { normalizeEmail } from './email.js';
import { normalizeFurigana } from './kana.js';

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const localeSchema = z.enum(LOCALES);
export const idSchema = z.string().refine(isId, { message: 'Invalid id' });
export const emailSchema = z
  .string()
  .max(254)
  .transform(normalizeEmail)
  .pipe(z.email({ message: 'Invalid email address' }));
export const passwordSchema = z
  .string()
  .min(10, { message: 'Password must be at least 10 characters' })
  .max(200, { message: 'Password must be at most 200 characters' });
export const personNameSchema = z.string().trim().min(1, { message: 'Required' }).max(100);
/** フリガナ: kana only (hiragana or katakana, ー, spaces), stored as katakana; empty is none. */
export const furiganaSchema = z
  .string()
  .max(200)
  .transform((raw, ctx) => {
    const value = normalizeFurigana(raw);
    if (value === undefined) {
      ctx.addIssue({ code: 'custom', message: 'Use kana only (hiragana or katakana, ー and spaces), 100 characters at most' });
      return z.NEVER;
    }
    return value;
  });
export const levelSchema = z.enum(LEVELS);
export const tenantRoleSchema = z.enum(TENANT_ROLES);

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const isoDateSchema = z.string().refine(isRealIsoDate, { message: 'Expected a date YYYY-MM-DD' });

export function isRealIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A job role id of the skill framework (a slug). */
export const jobRoleIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Expected a job role id' })
  .max(64);

export const signupSchema = z.object({
  companyName: z.string().trim().min(1, { message: 'Required' }).max(100),
  adminName: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  locale: localeSchema.default('ja'),
});
export type SignupInput = z.infer<typeof signupSchema>;

export const signinSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'Required' }).max(200),
});

export const userCreateSchema = z.object({
  name: personNameSchema,
  furigana: furiganaSchema.nullable().default(null),
  email: emailSchema,
  role: tenantRoleSchema.default('learner'),
  departmentId: idSchema.nullable().default(null),
  level: levelSchema.nullable().default(null),
  hireDate: isoDateSchema.nullable().default(null),
  jobRole: jobRoleIdSchema.nullable().default(null),
  locale: localeSchema.default('ja'),
  sendInvite: z.boolean().default(true),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    name: personNameSchema,
    furigana: furiganaSchema.nullable(),
    email: emailSchema,
    role: tenantRoleSchema,
    departmentId: idSchema.nullable(),
    level: levelSchema.nullable(),
    hireDate: isoDateSchema.nullable(),
    jobRole: jobRoleIdSchema.nullable(),
    locale: localeSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const departmentInputSchema = z.object({
  name: z.string().trim().min(1, { message: 'Required' }).max(100),
});
