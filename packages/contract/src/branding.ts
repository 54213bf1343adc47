import { z } from '@hono/zod-openapi';
import { emailSchema } from '@manabi/core';
import { tenantPlanSchema } from './vendors.js';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Expected a colour #rrggbb' });
const signInText = z.object({ ja: z.string().optional(), en: z.string().optional() });

/** The brand a host (or a signed-in person's company) shows, and whether companies may sign up there. */
export const brandingSchema = z
  .object({
    productName: z.string(),
    primaryColor: z.string(),
    accentColor: z.string().nullable(),
    logoUrl: z.string().nullable(),
    faviconUrl: z.string().nullable(),
    signInText: signInText.nullable(),
    supportEmail: z.string().nullable(),
    selfSignup: z.boolean(),
  })
  .openapi('Branding');

/** A company's own brand touches over its provider's (null: the provider's), and what its people see. */
export const tenantBrandingSchema = z
  .object({
    allowed: z.boolean(),
    productName: z.string().nullable(),
    primaryColor: z.string().nullable(),
    logoUrl: z.string().nullable(),
    effective: brandingSchema,
  })
  .openapi('TenantBranding');

export const tenantBrandBodySchema = z.object({
  productName: z.string().trim().min(1).max(60).nullable(),
  primaryColor: colour.nullable(),
});

const host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Expected a host name such as learn.example.co.jp',
  });

/** What `PUT /api/vendor/branding` takes (the images have their own endpoints). */
export const vendorBrandingBodySchema = z.object({
  productName: z.string().trim().min(1).max(60),
  primaryColor: colour,
  accentColor: colour.nullable().default(null),
  signInText: z.object({ ja: z.string().max(200).optional(), en: z.string().max(200).optional() }).nullable(),
  supportEmail: emailSchema.nullable(),
  emailSenderName: z.string().trim().max(60).nullable(),
  domains: z
    .array(host)
    .max(10)
    .refine((d) => new Set(d).size === d.length, { message: 'Each host once' }),
  selfSignup: z.boolean(),
  allowTenantBranding: z.boolean().default(false),
  /** The plan a self-signed-up company starts with (null: unlimited seats, every feature, the whole catalog; absent: unchanged). */
  selfSignupPlan: tenantPlanSchema.nullable().optional(),
});

/** A vendor's white-label settings (what `/api/branding` answers on its domains). */
export const vendorBrandingSchema = z
  .object({
    productName: z.string(),
    primaryColor: z.string(),
    accentColor: z.string().nullable(),
    signInText: signInText.nullable(),
    supportEmail: z.string().nullable(),
    emailSenderName: z.string().nullable(),
    domains: z.array(z.string()),
    selfSignup: z.boolean(),
    allowTenantBranding: z.boolean(),
    selfSignupPlan: tenantPlanSchema.nullable(),
    logoUrl: z.string().nullable(),
    faviconUrl: z.string().nullable(),
  })
  .openapi('VendorBranding');
