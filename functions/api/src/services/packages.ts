import { audienceOf, isId, randomId, tokyoDate, type Audience, type Level } from '@manabi/core';
import { assessmentInputSchema } from '@manabi/assessment';
import { packageSchema, packageProgress, type LearningPackage, type PackageProgress } from '@manabi/upskilling';
import {
  assignPackage,
  createAssessment,
  getAssessment,
  getAssignmentWithState,
  getLearningSettings,
  getPackage,
  listAssignmentsOfUser,
  passedAssessments,
  publishAssessment,
  saveAssignmentState,
  type AssignmentRecord,
  type AssignmentState,
  type DataAccess,
  type LearningSettings,
  type PackageRecord,
  type TenantDb,
} from '@manabi/data';
import type { AppDeps } from '../env.js';
import { notify, type NotifyDeps } from './notifications.js';
import { validationError, type Detail } from '../errors.js';
import { buildSnapshot } from './assessment-publish.js';
import { todayInJapan } from './skill-standing.js';
import { planOf, requireFeature } from './entitlements.js';

export function parsePackage(body: unknown, prefix?: string): LearningPackage {
  const parsed = packageSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, prefix);
  return parsed.data;
}

type QuizTemplate = NonNullable<Extract<LearningPackage['modules'][number], { kind: 'quiz' }>['template']>;

/** The fixed-form assessment a quiz template stands for, meant for the package's audience. */
function templateSettings(title: LearningPackage['title'], template: QuizTemplate, audience?: Audience) {
  const form = template.adaptive
    ? { mode: 'adaptive', adaptive: template.adaptive }
    : {
        mode: 'fixed',
        fixed: {
          questionIds: [],
          draws: template.draws.map((d) => ({ ...d, level: d.level ?? null })),
          shuffleQuestions: true,
          shuffleOptions: true,
        },
      };
  return assessmentInputSchema.parse({
    ...(audience ? { audience } : {}),
    title,
    ...form,
    bankIds: template.bankIds,
    timeLimitMinutes: template.timeLimitMinutes,
    passMark: template.passMark,
    attemptsAllowed: null,
    reviewPolicy: 'after_submit',
  });
}

/** Builds (and so checks exactly) a template's pool; a shortfall is a 400 naming the module. */
async function templateSnapshot(
  deps: AppDeps,
  tenantId: string | null,
  settings: ReturnType<typeof templateSettings>,
  moduleIndex: number,
  scope?: Parameters<typeof buildSnapshot>[4],
) {
  try {
    return await buildSnapshot(deps.data.platform, tenantId, settings, 1, scope);
  } catch (error) {
    if (error instanceof Error && 'details' in error) {
      (error as { details: { path: string }[] }).details.forEach((d) => (d.path = `modules.${moduleIndex}.template.${d.path}`));
    }
    throw error;
  }
}

/**
 * A vendor's quiz templates are checked as a company's would be when it copies them: every draw
 * must be met exactly by the vendor's and the catalog's published questions, so a vendor learns
 * of a shortfall when it saves, not when its clients copy the package.
 */
export async function checkVendorTemplates(deps: AppDeps, vendorId: string, pkg: LearningPackage): Promise<void> {
  for (const [i, m] of pkg.modules.entries()) {
    if (m.kind !== 'quiz' || !m.template) continue;
    await templateSnapshot(deps, null, templateSettings(m.title, m.template), i, {
      home: { kind: 'vendor', vendorId },
      vendorId,
    });
  }
}

/**
 * A company's quiz module may name only an assessment of that company: another company's id (or
 * one that never existed) reads as missing through the tenant's own keys, so it is refused here
 * instead of leaving learners a module they can never open.
 */
export async function quizModuleProblems(db: TenantDb, pkg: LearningPackage): Promise<Detail[]> {
  const problems: Detail[] = [];
  for (const [i, m] of pkg.modules.entries()) {
    if (m.kind !== 'quiz' || !m.assessmentId) continue;
    const found = isId(m.assessmentId) ? await getAssessment(db, m.assessmentId) : null;
    if (!found) problems.push({ path: `modules.${i}.assessmentId`, message: 'field.not_own_assessment' });
  }
  return problems;
}

/**
 * Gives each quiz module of a company package an assessment of the company: a module written with
 * a template (draw rules on question banks) gets one created and published now, so learners can
 * start it at once. Publishing checks the draws exactly (a shortfall is a 400 naming the module).
 */
export async function materializeQuizzes(deps: AppDeps, db: TenantDb, pkg: LearningPackage): Promise<LearningPackage> {
  const modules = [];
  for (const [i, m] of pkg.modules.entries()) {
    if (m.kind !== 'quiz' || m.assessmentId || !m.template) {
      modules.push(m);
      continue;
    }
    // An adaptive template becomes an adaptive test: only where the company's plan includes them.
    if (m.template.adaptive) await requireFeature(deps, db.tenantId, 'adaptive');
    const settings = templateSettings(m.title, m.template, pkg.audience);
    const now = deps.now().toISOString();
    const built = await templateSnapshot(deps, db.tenantId, settings, i);
    const created = await createAssessment(db, randomId(), settings, now);
    await publishAssessment(db, created, built.snapshot, built.questionCount, now);
    modules.push({ ...m, assessmentId: created.id });
  }
  return { ...pkg, modules };
}

const isAdaptiveQuiz = (m: LearningPackage['modules'][number]): boolean =>
  m.kind === 'quiz' && !m.assessmentId && m.template?.adaptive !== undefined;

/**
 * A catalog package as a company may copy it: without its placement test when the company's plan
 * leaves out adaptive tests (its lessons, quizzes and OJT work the same without it).
 */
export async function withinPlan(deps: AppDeps, tenantId: string, pkg: LearningPackage): Promise<LearningPackage> {
  if (!pkg.modules.some(isAdaptiveQuiz)) return pkg;
  const plan = await planOf(deps, tenantId);
  if (!plan || plan.features.adaptive) return pkg;
  return { ...pkg, modules: pkg.modules.filter((m) => !isAdaptiveQuiz(m)) };
}

export const packageSummary = (r: PackageRecord<LearningPackage>) => ({
  id: r.id,
  owner: r.owner,
  title: r.package.title,
  description: r.package.description,
  level: r.package.level,
  audience: audienceOf(r.package.audience),
  moduleCount: r.package.modules.length,
  totalMinutes: r.package.modules.reduce((n, m) => n + m.estimatedMinutes, 0),
  clonedFrom: r.clonedFrom,
  rev: r.rev,
  updatedAt: r.updatedAt,
});

/** An assignment with its package and progress, as the learner and HR see it. */
export async function presentAssignment(deps: AppDeps, db: TenantDb, a: AssignmentRecord, pkg: LearningPackage | null) {
  if (!pkg) return { ...a, package: null, progress: null };
  const quizIds = pkg.modules.flatMap((m) => (m.kind === 'quiz' && m.assessmentId ? [m.assessmentId] : []));
  const passed = quizIds.length > 0 ? await passedAssessments(db, a.userId, quizIds) : new Map<string, string>();
  return {
    packageId: a.packageId,
    userId: a.userId,
    dueDate: a.dueDate,
    assignedAt: a.assignedAt,
    via: a.via,
    package: { title: pkg.title, level: pkg.level, modules: pkg.modules },
    progress: packageProgress(pkg, a.completions, passed, a.dueDate, todayInJapan(deps.now())),
  };
}

/** The state reports count, from an assignment's progress; completed at its last module's completion. */
export function assignmentStateOf(progress: Pick<PackageProgress, 'status' | 'overdue' | 'modules'>): AssignmentState {
  const times = progress.modules.flatMap((m) => (m.completedAt ? [m.completedAt] : [])).sort();
  return {
    status: progress.status,
    overdue: progress.overdue,
    completedAt: progress.status === 'completed' ? (times[times.length - 1] ?? null) : null,
  };
}

/** A new assignment's state: nothing done; overdue at once if its due date has already passed. */
export const newAssignmentState = (dueDate: string | null, now: Date): AssignmentState => ({
  status: 'not_started',
  completedAt: null,
  overdue: dueDate !== null && dueDate < todayInJapan(now),
});

/**
 * Derives an assignment's progress again and stores its state if it changed (a module completed,
 * a quiz passed, the due date passed). The stored state is what completion reports count, through
 * the change stream; calling this twice writes once.
 */
export async function refreshAssignmentState(
  deps: { data: DataAccess; now: () => Date },
  db: TenantDb,
  userId: string,
  packageId: string,
): Promise<boolean> {
  const found = await getAssignmentWithState(db, userId, packageId);
  if (!found) return false;
  const pkg = (await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: db.tenantId }, packageId))?.package;
  if (!pkg) return false;
  const quizIds = pkg.modules.flatMap((m) => (m.kind === 'quiz' && m.assessmentId ? [m.assessmentId] : []));
  const passed = quizIds.length > 0 ? await passedAssessments(db, userId, quizIds) : new Map<string, string>();
  const next = assignmentStateOf(
    packageProgress(pkg, found.assignment.completions, passed, found.assignment.dueDate, todayInJapan(deps.now())),
  );
  const same =
    found.state &&
    found.state.status === next.status &&
    found.state.overdue === next.overdue &&
    found.state.completedAt === next.completedAt;
  return same ? false : saveAssignmentState(db, userId, packageId, next);
}

/** Assigns the level's package automatically (if HR set one), when a user is created or changes level. */
export async function autoAssignForLevel(
  deps: NotifyDeps,
  db: TenantDb,
  user: { id: string; level: Level | null; departmentId: string | null },
  by: string,
  known?: LearningSettings,
): Promise<void> {
  const { id: userId, level } = user;
  if (!level) return;
  const settings = known ?? (await getLearningSettings(db));
  const packageId = settings.autoAssign[level];
  if (!packageId) return;
  const now = deps.now();
  const dueDate = tokyoDate(new Date(now.getTime() + settings.autoAssignDueDays * 86400_000));
  const outcome = await assignPackage(
    db,
    {
      userId,
      packageId,
      dueDate,
      assignedAt: now.toISOString(),
      assignedBy: by,
      via: 'auto',
      completions: {},
      departmentId: user.departmentId,
      level,
    },
    newAssignmentState(dueDate, now),
  );
  if (outcome !== 'created') return;
  const pkg = (await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: db.tenantId }, packageId))?.package;
  if (pkg)
    await notify(deps, db, { kind: 'assignment_assigned', learnerId: userId, actorId: by, packageId, packageTitle: pkg.title, dueDate });
}

/**
 * The assessments the person has been given through their assignments (quiz modules of the
 * packages assigned to them): one Query for the assignments, one GetItem per assigned package.
 */
export async function assessmentsAssignedTo(deps: Pick<AppDeps, 'data'>, db: TenantDb, userId: string): Promise<Set<string>> {
  const assignments = await listAssignmentsOfUser(db, userId);
  const owner = { kind: 'tenant', tenantId: db.tenantId } as const;
  const packages = await Promise.all(assignments.map((a) => getPackage<LearningPackage>(deps.data.platform, owner, a.packageId)));
  return new Set(
    packages.flatMap((p) => (p?.package.modules ?? []).flatMap((m) => (m.kind === 'quiz' && m.assessmentId ? [m.assessmentId] : []))),
  );
}
