import { z } from 'zod';
import type { CertificateLanguage } from './date.js';

/** The words a template may use; each is filled from the certificate's data. */
export const PLACEHOLDERS = ['name', 'package', 'date', 'company'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a text uses that are not known (so HR learns of a typo when saving). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
}

/** Fills a text's placeholders; anything else in braces stays as written. */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}

const wording = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((text, ctx) => {
      for (const p of unknownPlaceholders(text))
        ctx.addIssue({ code: 'custom', message: `Unknown placeholder {${p}}; use ${PLACEHOLDERS.map((x) => `{${x}}`).join(', ')}` });
    });

export const certificateTemplateSchema = z
  .object({
    /** Which language(s) the certificate is printed in: one, or Japanese with English beneath. */
    languages: z.enum(['ja', 'en', 'ja+en']),
    title: z.object({ ja: wording(40), en: wording(80) }),
    body: z.object({ ja: wording(300), en: wording(500) }),
    signer: z.object({ name: z.string().trim().max(60), title: z.string().trim().max(80) }),
    /** The accent colour of frame and title; null: the company's brand colour. */
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { message: 'Expected a colour #rrggbb' })
      .nullable(),
  })
  .superRefine((t, ctx) => {
    for (const lang of languagesOf(t.languages))
      if (!t.title[lang]) ctx.addIssue({ code: 'custom', path: ['title', lang], message: 'A title is needed for each printed language' });
  });

export type CertificateTemplate = z.infer<typeof certificateTemplateSchema>;

export const languagesOf = (languages: CertificateTemplate['languages']): CertificateLanguage[] =>
  languages === 'ja+en' ? ['ja', 'en'] : [languages];

/** What a company gets before HR designs anything. */
export const DEFAULT_TEMPLATE: CertificateTemplate = {
  languages: 'ja',
  title: { ja: '修了証', en: 'Certificate of Completion' },
  body: {
    ja: '{company}が実施する次の研修の全課程を修了したことをここに証します。',
    en: 'has completed every module of the following course offered by {company}.',
  },
  signer: { name: '', title: '' },
  color: null,
};
