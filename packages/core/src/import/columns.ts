import { foldForSearch } from '../user.js';

/** The fields a user CSV carries, and the header names (ja or en) each may appear under. */
export const IMPORT_FIELDS = {
  name: ['name', 'full name', '氏名', '名前', '氏名(漢字)'],
  /** Optional: フリガナ in either kana (stored as katakana). */
  furigana: ['furigana', 'kana', 'name kana', 'フリガナ', 'ふりがな', 'よみがな', 'カナ', '氏名(フリガナ)', '氏名(カナ)', 'フリガナ(カナ)'],
  email: ['email', 'e-mail', 'email address', 'メールアドレス', 'メール', 'eメール'],
  role: ['role', 'ロール', '権限', '役割'],
  department: ['department', '部署', '所属', '部署名', '所属部署'],
  level: ['level', '階層', '等級'],
  hireDate: ['hire_date', 'hire date', 'hiredate', '入社日', '入社年月日'],
  /** Optional: a job role id of the company's skill framework. */
  jobRole: ['job_role', 'job role', 'jobrole', '職種', '職種id'],
} as const;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const REQUIRED_FIELDS: ImportField[] = ['name', 'email'];

/** Template header row per locale (also the documented column order). */
export const TEMPLATE_HEADERS: Record<'ja' | 'en', string[]> = {
  ja: ['氏名', 'フリガナ', 'メールアドレス', 'ロール', '部署', '階層', '入社日'],
  en: ['name', 'furigana', 'email', 'role', 'department', 'level', 'hire_date'],
};

const normalizeHeader = (h: string): string => foldForSearch(h).replace(/[（]/g, '(').replace(/[）]/g, ')');

export interface HeaderMapping {
  columns: Partial<Record<ImportField, number>>;
  /** Headers that map to no field: reported, never silently dropped. */
  unknown: string[];
  missing: ImportField[];
  duplicated: ImportField[];
}

export function mapHeaders(headers: string[]): HeaderMapping {
  const columns: Partial<Record<ImportField, number>> = {};
  const unknown: string[] = [];
  const duplicated: ImportField[] = [];
  headers.forEach((raw, index) => {
    const h = normalizeHeader(raw);
    if (h === '') return;
    const field = (Object.keys(IMPORT_FIELDS) as ImportField[]).find((f) =>
      (IMPORT_FIELDS[f] as readonly string[]).some((alias) => normalizeHeader(alias) === h),
    );
    if (!field) unknown.push(raw);
    else if (columns[field] !== undefined) duplicated.push(field);
    else columns[field] = index;
  });
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  return { columns, unknown, missing, duplicated };
}
