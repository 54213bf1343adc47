import type { AssignmentImage, AttemptImage, Attribution } from './images.js';
import { weekOf } from './time.js';

/**
 * The aggregate cells. Every dimension of a cell is a value, NONE (the learner had no department or
 * level) or ALL (the rollup over every value, NONE included). A record adds to its exact cell and
 * to every rollup of it, so a dashboard reads exactly one cell per question it asks ("pass rate of
 * this test in 営業部, all levels, all time") and never sums cells at request time.
 */
export const ALL = '*';
export const NONE = '-';

/** Assessment results of one assessment: score moments, pass count, histogram, bands. */
export interface ResultCell {
  kind: 'result';
  tenantId: string;
  assessmentId: string;
  department: string;
  level: string;
  /** Monday (Asia/Tokyo) of the finish week, ALL, or NONE for a closed attempt without a finish time. */
  week: string;
}

/** One skill's row beside a result cell: correct and answered sums of that skill. */
export interface SkillCell extends Omit<ResultCell, 'kind'> {
  kind: 'skill';
  skill: string;
}

/** Completion counters of one learning package. */
export interface CompletionCell {
  kind: 'completion';
  tenantId: string;
  packageId: string;
  department: string;
  level: string;
}

/** Goals of a group, by status (the group the owner was in when the goal was set). */
export interface GoalCell {
  kind: 'goal';
  tenantId: string;
  department: string;
  level: string;
}

/**
 * Current skill gaps of a group: one cell holds every skill as fields (`users|<skill>`, …), so a
 * heatmap row is one read whatever the number of skills.
 */
export interface GapCell {
  kind: 'gap';
  tenantId: string;
  department: string;
  level: string;
}

/**
 * Skill gaps that closed or opened in a week (Asia/Tokyo Monday of the standing's change), by the
 * group the person was in then. History, like results: counted when it happened, never moved, and
 * not recounted by a rebuild (a past week's movement is not in today's standings).
 */
export interface GapWeekCell {
  kind: 'gapweek';
  tenantId: string;
  department: string;
  level: string;
  week: string;
}

/** Results per skill across every assessment of the company, every skill in one cell. */
export interface SkillSumCell {
  kind: 'skillsum';
  tenantId: string;
  department: string;
  level: string;
}

/**
 * Item analysis of one assessment: one cell per question (ALL: the attempts that answered anything,
 * the denominator of exposure rates). Stored as members of one group per assessment, so the whole
 * table is read with one Query per shard.
 */
export interface ItemCell {
  kind: 'item';
  tenantId: string;
  assessmentId: string;
  question: string;
}

export type CellKey = ResultCell | SkillCell | CompletionCell | GoalCell | GapCell | SkillSumCell | ItemCell | GapWeekCell;

/**
 * Encodes one key part: `/` separates parts, `%` escapes, `#` is refused by the table's key builder,
 * and a value spelled like a sentinel must not read as one (an id "*" would otherwise be counted
 * twice in the rollup). Key fields always hold encoded parts, so `cellId` only joins them.
 */
function part(value: string): string {
  const escaped = value.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  if (escaped === ALL) return '%2A';
  if (escaped === NONE) return '%2D';
  return escaped;
}

/** A dimension as a reader asks for it: undefined is ALL, null is NONE. */
const dim = (value: string | null | undefined): string => (value === undefined ? ALL : value === null ? NONE : part(value));

export interface ResultQuery {
  tenantId: string;
  /** Omitted: every assessment of the company (the overview). */
  assessmentId?: string;
  /** Omitted: all departments. null: learners without a department. */
  departmentId?: string | null;
  level?: string | null;
  /** A Monday `YYYY-MM-DD` (see `weekOf`); omitted: all weeks; null: closed without a finish time. */
  week?: string | null;
}

export function resultKey(q: ResultQuery): ResultCell {
  return {
    kind: 'result',
    tenantId: part(q.tenantId),
    assessmentId: dim(q.assessmentId),
    department: dim(q.departmentId),
    level: dim(q.level),
    week: dim(q.week),
  };
}

export function skillKey(q: ResultQuery & { skill: string }): SkillCell {
  return { ...resultKey(q), kind: 'skill', skill: part(q.skill) };
}

export function completionKey(q: {
  tenantId: string;
  /** Omitted: every package (the overview). */
  packageId?: string;
  departmentId?: string | null;
  level?: string | null;
}): CompletionCell {
  return {
    kind: 'completion',
    tenantId: part(q.tenantId),
    packageId: dim(q.packageId),
    department: dim(q.departmentId),
    level: dim(q.level),
  };
}

export interface GroupQuery {
  tenantId: string;
  departmentId?: string | null;
  level?: string | null;
}

const groupKey = <K extends 'goal' | 'gap' | 'skillsum'>(kind: K, q: GroupQuery) => ({
  kind,
  tenantId: part(q.tenantId),
  department: dim(q.departmentId),
  level: dim(q.level),
});
export const goalKey = (q: GroupQuery): GoalCell => groupKey('goal', q);
export const gapKey = (q: GroupQuery): GapCell => groupKey('gap', q);
export const skillSumKey = (q: GroupQuery): SkillSumCell => groupKey('skillsum', q);

/** A week's gap movement; department and level omitted: the whole company. */
export const gapWeekKey = (q: GroupQuery & { week: string }): GapWeekCell => ({
  kind: 'gapweek',
  tenantId: part(q.tenantId),
  department: dim(q.departmentId),
  level: dim(q.level),
  week: part(q.week),
});

/** The 4 cells a person's gap movement in a week adds to: {department, ALL} × {level, ALL}. */
export function gapWeekCells(tenantId: string, who: Attribution, week: string): GapWeekCell[] {
  const cells: GapWeekCell[] = [];
  for (const departmentId of withRollup(who.departmentId))
    for (const level of withRollup(who.level)) cells.push(gapWeekKey({ tenantId, departmentId, level, week }));
  return cells;
}

/** An item-analysis cell; `questionId` omitted: the assessment's count of attempts. */
export const itemKey = (q: { tenantId: string; assessmentId: string; questionId?: string }): ItemCell => ({
  kind: 'item',
  tenantId: part(q.tenantId),
  assessmentId: part(q.assessmentId),
  question: dim(q.questionId),
});

/** The cell's id: `result/<tenant>/<assessment>/<dept>/<level>/<week>`, `skill/…/<skill>`, `completion/<tenant>/<package>/<dept>/<level>`. */
export function cellId(key: CellKey): string {
  switch (key.kind) {
    case 'result':
      return ['result', key.tenantId, key.assessmentId, key.department, key.level, key.week].join('/');
    case 'skill':
      return ['skill', key.tenantId, key.assessmentId, key.department, key.level, key.week, key.skill].join('/');
    case 'completion':
      return ['completion', key.tenantId, key.packageId, key.department, key.level].join('/');
    case 'goal':
    case 'gap':
    case 'skillsum':
      return [key.kind, key.tenantId, key.department, key.level].join('/');
    case 'item':
      return ['item', key.tenantId, key.assessmentId, key.question].join('/');
    case 'gapweek':
      return ['gapweek', key.tenantId, key.department, key.level, key.week].join('/');
  }
}

/**
 * Cells read together as one group (an assessment's item table): the group id and the member. Null
 * for a cell that is read on its own.
 */
export function cellGroup(key: CellKey): { group: string; member: string } | null {
  return key.kind === 'item' ? { group: ['item', key.tenantId, key.assessmentId].join('/'), member: key.question } : null;
}

/** The rollups of a group cell: {department, ALL} × {level, ALL}. */
export function groupCells<K extends 'goal' | 'gap' | 'skillsum'>(
  kind: K,
  tenantId: string,
  who: Attribution,
): ReturnType<typeof groupKey<K>>[] {
  const cells = [];
  for (const departmentId of withRollup(who.departmentId))
    for (const level of withRollup(who.level)) cells.push(groupKey(kind, { tenantId, departmentId, level }));
  return cells;
}

/** The exact value and ALL, for one dimension. */
const withRollup = <T>(value: T): (T | undefined)[] => [value, undefined];

export const isClosed = (a: Pick<AttemptImage, 'status'>): boolean => a.status === 'finished' || a.status === 'expired';

/** The report week of a closed attempt; null (filed under NONE) when it has no finish time, which the API always writes. */
export const attemptWeek = (a: Pick<AttemptImage, 'finishedAt'>): string | null => (a.finishedAt === null ? null : weekOf(a.finishedAt));

/**
 * The 16 result cells of a closed attempt: {assessment, ALL} × {department, ALL} × {level, ALL} ×
 * {week, ALL}. The ALL-assessment cells are the company overview (pass rate and mean across tests).
 */
export function attemptResultCells(a: AttemptImage, who: Attribution): ResultCell[] {
  const cells: ResultCell[] = [];
  for (const assessmentId of withRollup(a.assessmentId))
    for (const departmentId of withRollup(who.departmentId))
      for (const level of withRollup(who.level))
        for (const week of withRollup(attemptWeek(a)))
          cells.push(resultKey({ tenantId: a.tenantId, assessmentId, departmentId, level, week }));
  return cells;
}

/** The rows of one skill beside result cells. */
export function skillRows(cells: readonly ResultCell[], skill: string): SkillCell[] {
  const encoded = part(skill);
  return cells.map((c) => ({ ...c, kind: 'skill', skill: encoded }));
}

/** The 8 rows of one skill, beside the result cells of the attempt's own assessment. */
export function attemptSkillCells(a: AttemptImage, who: Attribution, skill: string): SkillCell[] {
  return skillRows(ownResultCells(a, who), skill);
}

/** The 8 result cells of the attempt's own assessment (per-skill rows sit beside these only). */
export const ownResultCells = (a: AttemptImage, who: Attribution): ResultCell[] =>
  attemptResultCells(a, who).filter((c) => c.assessmentId !== ALL);

/**
 * Every cell a finished or expired attempt adds to: 8 result cells and 8 rows per skill answered.
 * An attempt still in progress adds to none.
 */
export function cellsOfAttempt(a: AttemptImage, who: Attribution): CellKey[] {
  if (!isClosed(a)) return [];
  const results = attemptResultCells(a, who);
  const own = results.filter((c) => c.assessmentId !== ALL);
  const skills = new Set(a.result?.bySkill.map((s) => s.skill));
  return [...results, ...[...skills].flatMap((s) => skillRows(own, s))];
}

/** The 8 completion cells of an assignment: {package, ALL} × {department, ALL} × {level, ALL}, by the department and level it carries. */
export function cellsOfAssignment(x: AssignmentImage): CompletionCell[] {
  const cells: CompletionCell[] = [];
  for (const packageId of withRollup(x.packageId))
    for (const departmentId of withRollup(x.departmentId))
      for (const level of withRollup(x.level)) cells.push(completionKey({ tenantId: x.tenantId, packageId, departmentId, level }));
  return cells;
}

/** The key of a cell id (for a rebuild that writes cells back and must know their shard count). */
export function parseCellId(id: string): CellKey {
  const p = id.split('/');
  const [kind, tenantId, subject, department, level, week, skill] = p;
  if (tenantId !== undefined && subject !== undefined && department !== undefined) {
    if ((kind === 'goal' || kind === 'gap' || kind === 'skillsum') && p.length === 4)
      return { kind, tenantId, department: subject, level: department };
    if (kind === 'item' && p.length === 4) return { kind, tenantId, assessmentId: subject, question: department };
    if (level !== undefined) {
      if (kind === 'completion' && p.length === 5) return { kind, tenantId, packageId: subject, department, level };
      if (kind === 'gapweek' && p.length === 5) return { kind, tenantId, department: subject, level: department, week: level };
      if (kind === 'result' && p.length === 6 && week !== undefined)
        return { kind, tenantId, assessmentId: subject, department, level, week };
      if (kind === 'skill' && p.length === 7 && week !== undefined && skill !== undefined)
        return { kind, tenantId, assessmentId: subject, department, level, week, skill };
    }
  }
  throw new RangeError(`Not a report cell id: "${id}"`);
}
