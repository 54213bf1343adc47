/** Emails are compared case-insensitively and without surrounding (including full-width) spaces. */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
