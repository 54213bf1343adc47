import { z } from 'zod';

/** Text shown to people: every user-facing string in this package exists in both languages. */
export const localizedTextSchema = z.object({
  ja: z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
