import { mailContextFor } from './branding.js';
import {
  importMessage,
  newDepartmentId,
  newUserId,
  planImport,
  readImportRows,
  departmentKey,
  TEMPLATE_HEADERS,
  type ImportIssue,
  type Locale,
  type PlannedRow,
} from '@manabi/core';
import {
  ConflictError,
  createDepartment,
  createUser,
  createUserItems,
  findLogins,
  getTenant,
  listAllUsers,
  listDepartments,
  updateUser,
  writeAtomically,
  getLearningSettings,
  getFramework,
  type TenantDb,
  type UserRecord,
  freeSeats,
  seatClaim,
  searchIndexWrites,
  searchShardOf,
} from '@manabi/data';
import type { AppConfig, AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { decodeCsv, parseCsv, CsvSyntaxError, type CsvEncoding } from '../csv/decode.js';
import { invitationItems } from './invitations.js';
import { autoAssignForLevel } from './packages.js';
import { pool } from './pool.js';
import type { SkillFramework } from '@manabi/upskilling';
import { forgetAccess } from '../auth/access-gate.js';

export const MAX_IMPORT_ROWS = 10_000;

/** What an import needs: the API passes its deps, the background worker (a Lambda of its own) these alone. */
export type ImportDeps = Pick<AppDeps, 'data' | 'now'> & { config: Pick<AppConfig, 'publicUrl'> };

export interface ImportReport {
  mode: 'preview' | 'commit';
  encoding: CsvEncoding;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: { row: number; column: string | null; message: string }[];
  newDepartments: string[];
  preview: {
    row: number;
    name: string;
    email: string;
    role: string;
    department: string | null;
    level: string | null;
    hireDate: string | null;
    action: 'create' | 'update' | 'unchanged' | 'error';
  }[];
}

export interface ImportOptions {
  mode: 'preview' | 'commit';
  sendInvites: boolean;
  locale: Locale;
  actorUserId: string;
}

/** What the file says and what importing it would do, before anything is written. */
export type PreparedImport =
  | { fatal: true; report: ImportReport }
  | {
      fatal: false;
      report: ImportReport;
      rows: PlannedRow[];
      /** Row errors found by reading and planning (the commit adds its own). */
      errors: ImportIssue[];
      existingByEmail: Map<string, UserRecord>;
    };

/** Reads, validates and plans an import (no writes): the preview, the commit and the job share it. */
export async function prepareUserImport(
  deps: ImportDeps,
  db: TenantDb,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<PreparedImport> {
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const message = importMessage('unreadable', options.locale, { detail: error.message });
    return { fatal: true, report: emptyReport(options.mode, encoding, [{ row: 1, column: null, message }]) };
  }
  const read = readImportRows(records, options.locale, MAX_IMPORT_ROWS);
  if (read.fatal)
    return {
      fatal: true,
      report: { ...emptyReport(options.mode, encoding, read.errors.map(strip)), totalRows: read.totalRows, skipped: read.totalRows },
    };

  const [existing, departments] = await Promise.all([listAllUsers(db), listDepartments(db)]);
  const existingByEmail = new Map(existing.map((u) => [u.email, u]));
  const newEmails = read.rows.map((r) => r.email).filter((e) => !existingByEmail.has(e));
  const logins = await findLogins(deps.data.platform, newEmails);
  const header = records[0] ?? [];
  const columnName = (aliases: string, fallbackIndex: number) =>
    header.find((h) => aliases.split('|').includes(h.trim().toLowerCase())) ?? TEMPLATE_HEADERS[options.locale][fallbackIndex]!;
  // A job role must be one the company's skill framework defines.
  const jobRoles = new Set(((await getFramework<SkillFramework>(db))?.framework.jobRoles ?? []).map((r) => r.id));
  const unknownRole = read.rows.filter((r) => r.jobRole && !jobRoles.has(r.jobRole));
  for (const r of unknownRole) {
    read.errors.push({
      row: r.row,
      column: header.find((h) => /job.?role|職種/i.test(h)) ?? 'job_role',
      code: 'unknown_job_role',
      message: importMessage('unknown_job_role', options.locale),
    });
  }
  const knownRows = read.rows.filter((r) => !unknownRole.includes(r));
  const plan = planImport(knownRows, {
    locale: options.locale,
    existingByEmail,
    departmentIdByName: new Map(departments.map((d) => [departmentKey(d.name), d.id])),
    emailsTakenElsewhere: new Set(logins.keys()),
    actorUserId: options.actorUserId,
    columnName: { email: columnName('email|e-mail|メールアドレス|メール', 2), role: columnName('role|ロール|権限|役割', 3) },
  });
  const count = (a: PlannedRow['action']) => plan.rows.filter((r) => r.action === a).length;
  const report: ImportReport = {
    mode: options.mode,
    encoding,
    totalRows: read.totalRows,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    skipped: 0,
    errors: [],
    newDepartments: plan.newDepartments,
    preview: plan.rows.slice(0, 50).map((r) => ({
      row: r.row,
      name: r.name,
      email: r.email,
      role: r.role,
      department: r.department,
      level: r.level,
      hireDate: r.hireDate,
      action: r.action,
    })),
  };
  return { fatal: false, report, rows: plan.rows, errors: [...read.errors, ...plan.errors], existingByEmail };
}

/** The rows (by row number) that errors name, header problems aside: the rows skipped. */
export function skippedRows(errors: ImportIssue[]): Set<number> {
  return new Set(
    errors
      .filter((e) => e.code !== 'unknown_column')
      .map((e) => e.row)
      .filter((r) => r > 1),
  );
}

/**
 * Imports users from a CSV. Preview and commit run the same validation and plan, so what the
 * preview promised is what the commit does; every row not imported is reported with its reason.
 * Re-importing a file updates users by email and never duplicates them.
 */
export async function importUsers(deps: ImportDeps, db: TenantDb, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const prepared = await prepareUserImport(deps, db, bytes, options);
  if (prepared.fatal) return prepared.report;
  const { report, rows, existingByEmail } = prepared;
  const errors = [...prepared.errors];
  if (options.mode === 'commit') {
    await checkSeats(db, rows.filter((r) => r.action === 'create').length);
    const outcome = await commitPlan(deps, db, rows, existingByEmail, options);
    errors.push(...outcome.errors);
    report.created = outcome.created;
    report.updated = outcome.updated;
    const failed = new Set(outcome.errors.map((e) => e.row));
    report.preview = report.preview.map((p) => (failed.has(p.row) ? { ...p, action: 'error' as const } : p));
  }
  errors.sort((a, b) => a.row - b.row);
  report.errors = errors.map(strip);
  report.skipped = skippedRows(errors).size;
  return report;
}

export const strip = (e: ImportIssue) => ({ row: e.row, column: e.column, message: e.message });

function emptyReport(mode: ImportOptions['mode'], encoding: CsvEncoding, errors: ImportReport['errors']): ImportReport {
  return { mode, encoding, totalRows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, errors, newDepartments: [], preview: [] };
}

/** The plan's seats: an import that would add more people than are free is refused whole, up front. */
export async function checkSeats(db: TenantDb, creating: number): Promise<void> {
  const free = await freeSeats(db);
  if (free !== null && creating > free)
    throw new ApiError(409, 'seat_limit_reached', { key: 'seat_limit_reached.import', params: { free, creating } }, [
      { path: 'file', message: { key: 'field.seats_left', params: { free } } },
    ]);
}

/**
 * Writes planned rows (all of a file, or one chunk of a job). Every write is conditional: a new
 * person claims the email (a row written before is planned as unchanged or an update next time,
 * never created twice), an update checks the version it read.
 */
export async function commitPlan(
  deps: ImportDeps,
  db: TenantDb,
  rows: PlannedRow[],
  existingByEmail: Map<string, UserRecord>,
  options: Omit<ImportOptions, 'mode'>,
): Promise<{ created: number; updated: number; errors: ImportIssue[] }> {
  const now = deps.now().toISOString();
  const errors: ImportIssue[] = [];
  const tenant = await getTenant(db);
  // 1. Departments the file names that do not exist yet (one created by a concurrent import is reused).
  const departmentIds = new Map((await listDepartments(db)).map((d) => [departmentKey(d.name), d.id]));
  for (const row of rows) {
    if (row.department === null) continue;
    const key = departmentKey(row.department);
    if (!departmentIds.has(key)) {
      try {
        departmentIds.set(key, (await createDepartment(db, newDepartmentId(), row.department, now)).id);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        for (const d of await listDepartments(db)) departmentIds.set(departmentKey(d.name), d.id);
      }
    }
    row.departmentId = departmentIds.get(key) ?? null;
  }

  // 2. New users, many per transaction with their search index entries; a batch that fails (e.g. an
  //    email claimed meanwhile) is retried one by one.
  const toCreate = rows.filter((r) => r.action === 'create');
  // An invitation is three items: its token, the person's current-link pointer and the email.
  const perUser = 2 + (options.sendInvites ? 3 : 0);
  let created = 0;
  const newUser = (r: PlannedRow) => ({
    id: newUserId(),
    name: r.name,
    furigana: r.furigana ?? null,
    email: r.email,
    role: r.role,
    departmentId: r.departmentId,
    level: r.level,
    hireDate: r.hireDate,
    jobRole: r.jobRole ?? null,
    locale: options.locale,
    status: 'invited' as const,
    emailVerified: false,
    passwordHash: null,
  });
  const mail = options.sendInvites ? await mailContextFor(deps, db.tenantId) : null;
  const extras = (user: ReturnType<typeof newUser>) => (mail && tenant ? invitationItems(deps, db, user, tenant.name, mail).items : []);
  const assignLevels: { id: string; level: PlannedRow['level']; departmentId: string | null }[] = [];
  const batches = batchesByShard(
    toCreate.map((row) => ({ row, user: newUser(row) })),
    perUser,
  );
  await pool(batches, 4, async (users) => {
    try {
      await writeAtomically(db, [
        ...users.flatMap(({ user }) => [...createUserItems(db, user, now, false), ...extras(user)]),
        ...searchIndexWrites(
          db,
          users.map(({ user }) => user),
        ),
        seatClaim(db, users.length),
      ]);
      created += users.length;
      for (const { user } of users) assignLevels.push({ id: user.id, level: user.level, departmentId: user.departmentId });
    } catch {
      for (const { row, user } of users) {
        try {
          await createUser(db, user, now, extras(user));
          created += 1;
          assignLevels.push({ id: user.id, level: user.level, departmentId: user.departmentId });
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          errors.push({ row: row.row, column: null, code: 'email_taken', message: importMessage('email_taken', options.locale) });
        }
      }
    }
  });

  // 3. Changed users: each rewritten with its version checked, so a concurrent edit is not lost.
  let updated = 0;
  await pool(
    rows.filter((r) => r.action === 'update'),
    8,
    async (row) => {
      const current = existingByEmail.get(row.email)!;
      try {
        await updateUser(
          db,
          current,
          {
            name: row.name,
            ...(row.furigana !== undefined ? { furigana: row.furigana } : {}),
            role: row.role,
            departmentId: row.departmentId,
            level: row.level,
            hireDate: row.hireDate,
            ...(row.jobRole !== undefined ? { jobRole: row.jobRole } : {}),
          },
          now,
        );
        forgetAccess({ tenantId: db.tenantId, userId: current.id });
        updated += 1;
        if (row.level !== current.level) assignLevels.push({ id: current.id, level: row.level, departmentId: row.departmentId });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        errors.push({ row: row.row, column: null, code: 'email_taken', message: error.message });
      }
    },
  );
  // 4. The level's package for everyone new or moved to another level (if HR set one up).
  const learning = await getLearningSettings(db);
  if (Object.values(learning.autoAssign).some(Boolean)) {
    await pool(assignLevels, 8, (x) => autoAssignForLevel(deps, db, x, options.actorUserId, learning));
  }
  return { created, updated, errors };
}

/**
 * Packs new people into transactions of at most 100 items: each person's items, one index Update
 * per shard in the batch, and the seat claim. People are grouped by shard so that concurrent
 * batches seldom write the same shard item (a conflict is retried by writeAtomically).
 */
function batchesByShard<T extends { user: { id: string } }>(people: T[], perUser: number): T[][] {
  const byShard = new Map<number, T[]>();
  for (const p of people) {
    const shard = searchShardOf(p.user.id);
    byShard.set(shard, [...(byShard.get(shard) ?? []), p]);
  }
  const capacity = 99; // one item is the seat claim
  const batches: T[][] = [];
  let current: T[] = [];
  let shards = 0;
  for (const group of byShard.values()) {
    for (const p of group) {
      const newShard = current.length === 0 || searchShardOf(current[current.length - 1]!.user.id) !== searchShardOf(p.user.id);
      if ((current.length + 1) * perUser + shards + (newShard ? 1 : 0) > capacity) {
        batches.push(current);
        current = [];
        shards = 0;
      }
      if (current.length === 0 || newShard) shards += 1;
      current.push(p);
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
