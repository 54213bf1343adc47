import { z } from 'zod';
import { createHash } from 'node:crypto';
import { questionSchema, defaultIrt, type Question, type QuestionInput } from '@manabi/questions';

/**
 * A catalog item as written in content/catalog/<level>/<skill>.yaml: the question model of
 * @manabi/questions (every type it scores) plus what a catalog needs on top of it.
 */
export const contentIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'id: a slug (lower-case letters, digits, single hyphens)' });

/** The catalog fields; everything else is handed to `questionSchema` as is. */
const catalogFieldsSchema = z.object({
  /** Stable across edits: re-publishing an edited item updates the stored question with this id. */
  id: contentIdSchema,
  /** A short workplace situation, then what to do. */
  scenario: z.boolean().default(false),
  /** IRT discrimination a (about 0.5 weak … 2 sharp); difficulty b is the model's `difficultyPrior`. */
  discriminationPrior: z.number().finite().min(0.2).max(3),
  difficultyPrior: z.number().finite().min(-4).max(4),
});

export interface CatalogItem {
  id: string;
  scenario: boolean;
  discriminationPrior: number;
  /** The question as stored and served (always published; irt from the priors). */
  question: Question;
}

export type ItemParse = { ok: true; item: CatalogItem } | { ok: false; issues: string[] };

/** Validates one raw item (as parsed from YAML) and turns it into a catalog item. */
export function parseItem(raw: unknown): ItemParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, issues: ['an item is a mapping'] };
  const { id, scenario, discriminationPrior, ...rest } = raw as Record<string, unknown>;
  const issues: string[] = [];
  const fields = catalogFieldsSchema.safeParse({ id, scenario, discriminationPrior, difficultyPrior: rest.difficultyPrior });
  if (!fields.success) issues.push(...fields.error.issues.map(describe));
  if ('status' in rest || 'irt' in rest) issues.push('status and irt are set by the loader: leave them out');
  if (rest.explanation === undefined) issues.push('explanation: Required');
  const question = questionSchema.safeParse({ ...rest, status: 'published' } as QuestionInput);
  if (!question.success) issues.push(...question.error.issues.map(describe));
  if (issues.length > 0 || !fields.success || !question.success) return { ok: false, issues };
  const q = question.data;
  const irt = { ...defaultIrt(q), a: fields.data.discriminationPrior };
  return {
    ok: true,
    item: {
      id: fields.data.id,
      scenario: fields.data.scenario,
      discriminationPrior: fields.data.discriminationPrior,
      question: { ...q, irt },
    },
  };
}

const describe = (i: { path: PropertyKey[]; message: string }): string =>
  i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * The stored id (the platform's 16-character id) of a content id: derived, so the same item
 * always lands on the same question and re-publishing updates it instead of adding a copy.
 */
export function storedIdOf(contentId: string): string {
  const digest = createHash('sha256').update(`manabi-catalog:${contentId}`).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[digest[i]! & 31];
  return out;
}

/** The one catalog bank every company reads (its id is derived the same way). */
export const CATALOG_BANK_CONTENT_ID = 'bank-platform-catalog';
export const CATALOG_BANK_NAME = 'Manabi カタログ（全階層）';
export const catalogBankId = (): string => storedIdOf(CATALOG_BANK_CONTENT_ID);
