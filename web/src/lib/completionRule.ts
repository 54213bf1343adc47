import type { CompletionRule, LessonCompletion, ModuleStatus, MyAssignment, PackageModule } from '../api/types';

/** Seconds between heartbeats of a viewing-time lesson (the server caps each interval at twice this). */
export const HEARTBEAT_SECONDS = 15;

/** The rule of a module as the server derives it (a lesson without one reads to the end). */
export function ruleOf(module: Pick<PackageModule, 'kind' | 'completion'>): CompletionRule {
  switch (module.kind) {
    case 'lesson':
      return typeof module.completion === 'object' ? module.completion : { rule: 'read_to_end' };
    case 'scorm':
      return { rule: module.completion === 'passed' ? 'scorm_passed' : 'scorm_completed' };
    case 'quiz':
      return { rule: 'quiz_passed' };
    case 'ojt':
      return { rule: 'signed_off' };
    case 'session':
      return { rule: 'attended' };
  }
}

export const isLessonRule = (rule: CompletionRule): rule is LessonCompletion =>
  rule.rule === 'read_to_end' || rule.rule === 'viewed' || rule.rule === 'self';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * What completes the module, in the learner's words ("最後まで読むと完了", "5分間の閲覧で完了（あと2分）").
 * The minutes left are told only while a viewing-time lesson is not done yet.
 */
export function describeRule(
  rule: CompletionRule,
  status: Pick<ModuleStatus, 'done' | 'remainingMinutes'> | undefined,
  t: Translate,
): string {
  if (rule.rule === 'viewed') {
    const left = status && !status.done ? status.remainingMinutes : undefined;
    return left === undefined
      ? t('completion.rule.viewed', { minutes: rule.minutes })
      : t('completion.rule.viewedLeft', { minutes: rule.minutes, left });
  }
  return t(`completion.rule.${rule.rule}`);
}

/** A page-view id for heartbeats: random, 24 hex characters. */
export function newViewId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Where to continue: of the assignments not completed, the one the learner opened last, with the
 * module they were on (null when they have opened nothing, or it is no longer in the package).
 */
export function latestResume(items: readonly MyAssignment[]): { assignment: MyAssignment; module: PackageModule } | null {
  let best: { assignment: MyAssignment; module: PackageModule; at: string } | null = null;
  for (const assignment of items) {
    const resume = assignment.resume;
    if (!resume || assignment.progress?.status === 'completed') continue;
    const module = assignment.package?.modules.find((m) => m.id === resume.moduleId);
    if (module && (!best || resume.at > best.at)) best = { assignment, module, at: resume.at };
  }
  return best && { assignment: best.assignment, module: best.module };
}
