import type { Level } from '../levels.js';
import type { Locale } from '../schemas.js';
import type { TenantRole, Role } from '../roles.js';
import { foldForSearch } from '../user.js';
import { importMessage } from './messages.js';
import type { ImportIssue, ImportRow } from './rows.js';

export interface ExistingUser {
  id: string;
  name: string;
  furigana?: string | null;
  email: string;
  role: Role;
  departmentId: string | null;
  level: Level | null;
  hireDate: string | null;
  jobRole?: string | null;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface PlannedRow extends ImportRow {
  action: ImportAction;
  userId: string | null;
  /** Department id, or null when the row names a department that will be created. */
  departmentId: string | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  errors: ImportIssue[];
  /** Department names (as first written in the file) that the commit will create. */
  newDepartments: string[];
}

export interface PlanContext {
  locale: Locale;
  /** Users of this tenant, keyed by normalised email. */
  existingByEmail: ReadonlyMap<string, ExistingUser>;
  /** Departments of this tenant: folded name → id. */
  departmentIdByName: ReadonlyMap<string, string>;
  /** Emails already used by an account of another tenant: cannot be imported here. */
  emailsTakenElsewhere: ReadonlySet<string>;
  /** The admin running the import, who must not change their own role. */
  actorUserId: string;
  /** Header name of each column, for error messages. */
  columnName: { email: string; role: string };
}

export const departmentKey = (name: string): string => foldForSearch(name);

/** Decides per valid row whether the commit creates, updates or leaves a user; re-import updates by email. */
export function planImport(rows: ImportRow[], ctx: PlanContext): ImportPlan {
  const errors: ImportIssue[] = [];
  const planned: PlannedRow[] = [];
  const newDepartments = new Map<string, string>();
  for (const row of rows) {
    if (ctx.emailsTakenElsewhere.has(row.email)) {
      errors.push({ row: row.row, column: ctx.columnName.email, code: 'email_taken', message: importMessage('email_taken', ctx.locale) });
      continue;
    }
    const existing = ctx.existingByEmail.get(row.email);
    if (existing && existing.id === ctx.actorUserId && existing.role !== row.role) {
      errors.push({
        row: row.row,
        column: ctx.columnName.role,
        code: 'self_demotion',
        message: importMessage('self_demotion', ctx.locale),
      });
      continue;
    }
    let departmentId: string | null = null;
    if (row.department !== null) {
      const key = departmentKey(row.department);
      departmentId = ctx.departmentIdByName.get(key) ?? null;
      if (departmentId === null && !newDepartments.has(key)) newDepartments.set(key, row.department);
    }
    let action: ImportAction = 'create';
    if (existing) {
      const sameDepartment =
        row.department === null ? existing.departmentId === null : departmentId !== null && departmentId === existing.departmentId;
      const unchanged =
        existing.name === row.name &&
        (row.furigana === undefined || (existing.furigana ?? null) === row.furigana) &&
        existing.role === (row.role satisfies TenantRole) &&
        sameDepartment &&
        existing.level === row.level &&
        existing.hireDate === row.hireDate &&
        (row.jobRole === undefined || (existing.jobRole ?? null) === row.jobRole);
      action = unchanged ? 'unchanged' : 'update';
    }
    planned.push({ ...row, action, userId: existing?.id ?? null, departmentId });
  }
  return { rows: planned, errors, newDepartments: [...newDepartments.values()] };
}
