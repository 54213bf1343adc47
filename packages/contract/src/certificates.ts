import { z } from '@hono/zod-openapi';
import { certificateTemplateSchema } from '@manabi/certificates';
import { localizedTextSchema } from './text.js';

/** A certificate's wording, languages, signer and colour (the domain's own schema: the edge checks what the domain checks). */
export { certificateTemplateSchema };

export const certificateSchema = z
  .object({
    userId: z.string(),
    packageId: z.string(),
    code: z.string().openapi({ description: 'As printed: four groups of four' }),
    issuedAt: z.string(),
    completedOn: z.string(),
    recipientName: z.string(),
    packageTitle: localizedTextSchema,
    verifyUrl: z.string(),
  })
  .openapi('Certificate');
export const certificateListSchema = z.object({ items: z.array(certificateSchema) });

/** The company's template (the default until HR saves one), what its images are, and the brand it is drawn in. */
export const certificateTemplateViewSchema = z
  .object({
    template: certificateTemplateSchema,
    hasLogo: z.boolean(),
    hasSignature: z.boolean(),
    brand: z.object({ name: z.string(), color: z.string() }),
    companyName: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi('CertificateTemplate');

export const certificateVerificationSchema = z.object({ valid: z.boolean() }).openapi('CertificateVerification');
