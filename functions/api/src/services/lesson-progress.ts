import {
  applyHeartbeat,
  completionRuleOf,
  ruleRemaining,
  viewingMet,
  type CompletionRule,
  type LearningPackage,
  type PackageModule,
} from '@manabi/upskilling';
import {
  completeModule,
  getAssignment,
  getAssignmentLearnerProgress,
  getLessonViewing,
  getPackage,
  putLearningResume,
  saveLessonViewing,
  type AssignmentRecord,
  type TenantDb,
} from '@manabi/data';
import { isId } from '@manabi/core';
import type { AppDeps } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { presentAssignment, refreshAssignmentState } from './packages.js';

/** 409 naming the rule that completes the module instead (`completed_by_read_to_end`, `completed_by_viewed`, …). */
export function ruleRefusal(rule: CompletionRule): ApiError {
  const code = `completed_by_${rule.rule}` as const;
  return new ApiError(409, code, { key: code, params: rule.rule === 'viewed' ? { minutes: rule.minutes } : {} });
}

interface LearnerModule {
  assignment: AssignmentRecord;
  pkg: LearningPackage;
  module: PackageModule;
  rule: CompletionRule;
}

/** The caller's own assignment and one module of it; anything not theirs (or not there) is a 404. */
export async function loadLearnerModule(
  deps: AppDeps,
  db: TenantDb,
  userId: string,
  packageId: string,
  moduleId: string,
): Promise<LearnerModule> {
  const assignment = isId(packageId) ? await getAssignment(db, userId, packageId) : null;
  if (!assignment) throw notFound('assignment');
  const pkg = (await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: db.tenantId }, packageId))?.package;
  if (!pkg) throw notFound('package');
  const module = pkg.modules.find((m) => m.id === moduleId);
  if (!module) throw notFound('module');
  return { assignment, pkg, module, rule: completionRuleOf(module) };
}

/** The learner's view of an assignment: progress per module with its rule, viewing time left, and where they stopped. */
export async function presentMyAssignment(deps: AppDeps, db: TenantDb, a: AssignmentRecord, pkg: LearningPackage | null) {
  const view = await presentAssignment(deps, db, a, pkg);
  if (!view.progress) return { ...view, resume: null };
  const own = await getAssignmentLearnerProgress(db, a.userId, a.packageId);
  const modules = view.progress.modules.map((m) => {
    if (m.rule.rule !== 'viewed') return m;
    const viewedMs = own.viewedMs[m.moduleId] ?? 0;
    return { ...m, viewedSeconds: Math.floor(viewedMs / 1000), remainingMinutes: ruleRemaining(m.rule, viewedMs)!.remainingMinutes };
  });
  const resume = own.resume && pkg?.modules.some((m) => m.id === own.resume!.moduleId) ? own.resume : null;
  return { ...view, progress: { ...view.progress, modules }, resume };
}

/** Completes the module once (a module already done is left as it was, with no write). */
async function recordCompletion(deps: AppDeps, db: TenantDb, target: LearnerModule, by: string) {
  const { assignment, pkg, module } = target;
  if (assignment.completions[module.id]) return presentMyAssignment(deps, db, assignment, pkg);
  await completeModule(db, assignment.userId, assignment.packageId, module.id, { at: deps.now().toISOString(), by });
  await refreshAssignmentState(deps, db, assignment.userId, assignment.packageId);
  return presentMyAssignment(deps, db, (await getAssignment(db, assignment.userId, assignment.packageId))!, pkg);
}

/**
 * The learner completes a module by their own act: "done" (only where the author chose `self`) or
 * reaching the end of the text (a `read_to_end` lesson). Any other rule is a 409 naming it.
 * Repeating it is harmless: the first completion is kept.
 */
export async function completeByLearner(
  deps: AppDeps,
  db: TenantDb,
  userId: string,
  packageId: string,
  moduleId: string,
  act: 'self' | 'read_to_end',
) {
  const target = await loadLearnerModule(deps, db, userId, packageId, moduleId);
  if (target.rule.rule !== act) throw ruleRefusal(target.rule);
  return recordCompletion(deps, db, target, userId);
}

/**
 * One heartbeat of a `viewed` lesson's reader: the server credits the time since the last beat by
 * its own clock (capped, see @manabi/upskilling viewing.ts) and completes the module once the total
 * reaches the rule's minutes. The write is a compare-and-set on the last beat; a lost race reads
 * again, and a retried beat finds itself already counted.
 */
export async function recordHeartbeat(
  deps: AppDeps,
  db: TenantDb,
  userId: string,
  packageId: string,
  moduleId: string,
  beat: { view: string; seq: number },
) {
  const target = await loadLearnerModule(deps, db, userId, packageId, moduleId);
  const { rule } = target;
  if (rule.rule !== 'viewed') throw ruleRefusal(rule);
  const alreadyDone = target.assignment.completions[moduleId] !== undefined;
  let viewedMs = 0;
  for (let attempt = 0; ; attempt++) {
    const previous = await getLessonViewing(db, userId, packageId, moduleId);
    viewedMs = previous?.viewedMs ?? 0;
    if (alreadyDone) break;
    const outcome = applyHeartbeat(previous, beat, deps.now());
    if (outcome.kind === 'duplicate') break;
    const now = deps.now().toISOString();
    if (await saveLessonViewing(db, userId, packageId, moduleId, previous, outcome.state, now)) {
      viewedMs = outcome.state.viewedMs;
      break;
    }
    if (attempt >= 4) throw new ApiError(409, 'busy');
  }
  const met = alreadyDone || viewingMet(rule.minutes, viewedMs);
  const assignment = met ? await recordCompletion(deps, db, target, userId) : null;
  return {
    moduleId,
    viewedSeconds: Math.floor(viewedMs / 1000),
    remainingMinutes: ruleRemaining(rule, viewedMs)!.remainingMinutes,
    done: met,
    assignment,
  };
}

/** Remembers the module the learner last opened in the assignment and how far down they read. */
export async function saveResume(
  deps: AppDeps,
  db: TenantDb,
  userId: string,
  packageId: string,
  input: { moduleId: string; position: number },
): Promise<void> {
  await loadLearnerModule(deps, db, userId, packageId, input.moduleId);
  await putLearningResume(db, userId, packageId, {
    moduleId: input.moduleId,
    position: Math.round(input.position * 1000) / 1000,
    at: deps.now().toISOString(),
  });
}
