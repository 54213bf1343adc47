/**
 * Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with `=`, `+`, `-` or `@`
 * as a formula, and a leading tab or carriage return can hide one: a learner named
 * `=HYPERLINK(…)` must not become a live link in HR's export. Such text gets a leading `'`, which
 * the spreadsheet shows as plain text (OWASP's advice for CSV injection). Numbers are not text and
 * are never passed here, so a score of -1 stays a number.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
