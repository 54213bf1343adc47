import { LEVEL_LABELS, type Level } from '../levels.js';
import { ROLE_LABELS, type Role } from '../roles.js';
import type { Locale } from '../schemas.js';
import { TEMPLATE_HEADERS } from './columns.js';
import { neutraliseFormula } from '../csv-cell.js';

export interface ExportedPerson {
  name: string;
  furigana: string | null;
  email: string;
  role: Role;
  departmentName: string | null;
  level: Level | null;
  hireDate: string | null;
}

/** A field as CSV writes it: quoted when needed; a leading formula character is neutralised for spreadsheets. */
function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The company's people as a CSV in the template's columns and words (氏名, フリガナ, …), so the
 * file opens in Excel (UTF-8 with BOM) and imports back unchanged.
 */
export function exportUsersCsv(people: readonly ExportedPerson[], locale: Locale): string {
  const lines = [TEMPLATE_HEADERS[locale].join(',')];
  for (const p of people) {
    lines.push(
      [
        p.name,
        p.furigana ?? '',
        p.email,
        ROLE_LABELS[p.role][locale],
        p.departmentName ?? '',
        p.level ? LEVEL_LABELS[p.level][locale] : '',
        p.hireDate ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
