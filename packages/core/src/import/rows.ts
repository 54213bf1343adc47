import { normalizeEmail } from '../email.js';
import { matchLevelName, type Level } from '../levels.js';
import { ROLE_LABELS, TENANT_ROLES, type TenantRole } from '../roles.js';
import { isRealIsoDate, type Locale } from '../schemas.js';
import { normalizeFurigana } from '../kana.js';
import { foldForSearch } from '../user.js';
import { mapHeaders, TEMPLATE_HEADERS, type ImportField } from './columns.js';
import { importMessage, type ImportMessageCode } from './messages.js';

export interface ImportRow {
  /** Line number in the file as a spreadsheet shows it: the header is row 1. */
  row: number;
  name: string;
  /** Undefined: the file has no furigana column (existing values are kept). */
  furigana?: string | null;
  email: string;
  role: TenantRole;
  department: string | null;
  level: Level | null;
  hireDate: string | null;
  /** Undefined: the file has no job-role column (existing values are kept). */
  jobRole?: string | null;
}

export interface ImportIssue {
  row: number;
  column: string | null;
  code: ImportMessageCode;
  message: string;
}

export interface ReadRowsResult {
  rows: ImportRow[];
  errors: ImportIssue[];
  /** Data rows in the file (blank lines excluded). */
  totalRows: number;
  /** Set when the file as a whole cannot be imported (missing column, no rows). */
  fatal: boolean;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const matchKey = <K extends string>(value: string, keys: readonly K[], labels: Record<K, { ja: string; en: string }>): K | undefined => {
  const v = foldForSearch(value);
  return keys.find((k) => k === v || foldForSearch(labels[k].ja) === v || foldForSearch(labels[k].en) === v);
};

/** Accepts YYYY-MM-DD and the YYYY/M/D Excel in Japan writes; returns YYYY-MM-DD or undefined. */
export function parseImportDate(raw: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.normalize('NFKC').trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : undefined;
}

/**
 * Turns parsed CSV records (header first) into validated rows and row-level errors.
 * Every row that cannot be imported is reported with its row number and column.
 */
export function readImportRows(records: string[][], locale: Locale, maxRows = 10_000): ReadRowsResult {
  const errors: ImportIssue[] = [];
  const issue = (row: number, column: string | null, code: ImportMessageCode, params: Record<string, string | number> = {}) =>
    errors.push({ row, column, code, message: importMessage(code, locale, params) });

  const [header = [], ...body] = records;
  const mapping = mapHeaders(header);
  const headerName = (field: ImportField): string => {
    const i = mapping.columns[field];
    return i === undefined ? TEMPLATE_HEADERS[locale][fieldOrder.indexOf(field)]! : header[i]!.trim();
  };
  for (const field of mapping.missing) issue(1, headerName(field), 'missing_column', { column: headerName(field) });
  for (const field of mapping.duplicated) issue(1, headerName(field), 'duplicate_column', { column: headerName(field) });
  for (const col of mapping.unknown) issue(1, col, 'unknown_column', { column: col });

  const dataRows = body.map((fields, i) => ({ fields, row: i + 2 })).filter(({ fields }) => fields.some((f) => f.trim() !== ''));
  if (dataRows.length === 0) issue(1, null, 'empty_file');
  if (dataRows.length > maxRows) issue(1, null, 'too_many_rows', { max: maxRows });
  const fatal = mapping.missing.length > 0 || mapping.duplicated.length > 0 || dataRows.length === 0 || dataRows.length > maxRows;
  if (fatal) return { rows: [], errors, totalRows: dataRows.length, fatal };

  const rows: ImportRow[] = [];
  const firstRowOfEmail = new Map<string, number>();
  for (const { fields, row } of dataRows) {
    const get = (field: ImportField): string => {
      const i = mapping.columns[field];
      return i === undefined ? '' : (fields[i] ?? '').normalize('NFC').trim();
    };
    const before = errors.length;
    if (fields.length !== header.length) issue(row, null, 'wrong_field_count');

    const name = get('name');
    if (name === '') issue(row, headerName('name'), 'required');
    else if (name.length > 100) issue(row, headerName('name'), 'too_long');

    const rawFurigana = get('furigana');
    const furigana = normalizeFurigana(rawFurigana);
    if (furigana === undefined) issue(row, headerName('furigana'), 'invalid_furigana');

    const rawEmail = get('email');
    const email = normalizeEmail(rawEmail);
    if (rawEmail === '') issue(row, headerName('email'), 'required');
    else if (!EMAIL_PATTERN.test(email) || email.length > 254) issue(row, headerName('email'), 'invalid_email');
    else if (firstRowOfEmail.has(email)) issue(row, headerName('email'), 'duplicate_in_file', { row: firstRowOfEmail.get(email)! });

    const rawRole = get('role');
    const role = rawRole === '' ? 'learner' : matchKey(rawRole, TENANT_ROLES, ROLE_LABELS);
    if (!role) issue(row, headerName('role'), 'invalid_role');

    const rawLevel = get('level');
    const level = rawLevel === '' ? null : matchLevelName(rawLevel);
    if (level === undefined) issue(row, headerName('level'), 'invalid_level');

    const rawDate = get('hireDate');
    const hireDate = rawDate === '' ? null : parseImportDate(rawDate);
    if (hireDate === undefined) issue(row, headerName('hireDate'), 'invalid_date');

    const rawJobRole = get('jobRole');
    const jobRole = rawJobRole === '' ? null : rawJobRole.toLowerCase();
    if (jobRole !== null && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(jobRole)) issue(row, headerName('jobRole'), 'invalid_job_role');

    const department = get('department');
    if (department.length > 100) issue(row, headerName('department'), 'too_long');

    if (!firstRowOfEmail.has(email) && email !== '') firstRowOfEmail.set(email, row);
    if (errors.length === before && role && level !== undefined && hireDate !== undefined && furigana !== undefined) {
      rows.push({
        row,
        name,
        ...(mapping.columns.furigana !== undefined ? { furigana } : {}),
        email,
        role,
        department: department === '' ? null : department,
        level,
        hireDate,
        ...(mapping.columns.jobRole !== undefined ? { jobRole } : {}),
      });
    }
  }
  return { rows, errors, totalRows: dataRows.length, fatal: false };
}

/** Fields in the order of TEMPLATE_HEADERS (for a missing column's name in a message). */
const fieldOrder: ImportField[] = ['name', 'furigana', 'email', 'role', 'department', 'level', 'hireDate', 'jobRole'];
