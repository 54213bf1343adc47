import { z } from 'zod';
import { isoDateSchema, isRealIsoDate } from '@manabi/core';
import { frameworkSkills, PROFICIENCIES, proficiencySchema, slugSchema, type SkillFramework } from './framework.js';
import { daysBetween } from './dates.js';
import { smartMessage, type SmartLetter } from './smart.js';
import type { CurrentValues } from './gap.js';
import type { LocalizedText } from './text.js';

export const TITLE_MAX = 100;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const REASON_MAX = 1000;

/** M: either a proficiency in a skill or a score on a given assessment. */
export const goalMetricSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proficiency'), skillId: slugSchema, target: proficiencySchema }),
  z.object({ kind: z.literal('assessment_score'), assessmentId: z.string().trim().min(1).max(100), target: z.number().min(0).max(100) }),
]);
export type GoalMetric = z.infer<typeof goalMetricSchema>;

/** A SMART goal as the learner writes it. `validateGoal` gives the per-letter messages; this is the shape. */
export const goalInputSchema = z.object({
  // S: what exactly.
  title: z.string().trim().min(1).max(TITLE_MAX),
  description: z.string().trim().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX),
  // M: how it is measured, and the target.
  metric: goalMetricSchema,
  // R: which skill it develops and why it matters for the work.
  skillId: slugSchema,
  reason: z.string().trim().min(1).max(REASON_MAX),
  // T: by when.
  dueDate: isoDateSchema,
});
export type GoalInput = z.infer<typeof goalInputSchema>;

export interface GoalProblem {
  letter: SmartLetter;
  path: string;
  message: LocalizedText;
}

export interface GoalValidationContext {
  framework: SkillFramework;
  today: string;
  /** The learner's current proficiency by skill id, for the A checks. */
  currentProficiency?: CurrentValues;
}

export type GoalValidation =
  | { ok: true; goal: GoalInput; errors: []; warnings: GoalProblem[] }
  | { ok: false; goal: null; errors: GoalProblem[]; warnings: GoalProblem[] };

/**
 * Checks a goal letter by letter and says which letter is missing, so the form can teach SMART
 * rather than report "invalid input". Errors come in S, M, A, R, T order. The time check of A is
 * a warning, not an error: the manager may agree to a stretch goal knowingly.
 */
export function validateGoal(input: unknown, context: GoalValidationContext): GoalValidation {
  const raw: Record<string, unknown> = isRecord(input) ? input : {};
  const errors: GoalProblem[] = [];
  const fail = (letter: SmartLetter, path: string, ja: string, en: string) =>
    errors.push({ letter, path, message: smartMessage(letter, { ja, en }) });

  // S — Specific
  const title = text(raw.title);
  if (title.length === 0) fail('S', 'title', '目標のタイトルを入力してください', 'enter a title for the goal');
  else if (title.length > TITLE_MAX)
    fail('S', 'title', `タイトルは${TITLE_MAX}文字以内にしてください`, `keep the title within ${TITLE_MAX} characters`);
  const description = text(raw.description);
  if (description.length < DESCRIPTION_MIN)
    fail(
      'S',
      'description',
      `何を・どのように行うかを${DESCRIPTION_MIN}文字以上で書いてください`,
      `describe what you will do and how, in at least ${DESCRIPTION_MIN} characters`,
    );
  else if (description.length > DESCRIPTION_MAX)
    fail('S', 'description', `説明は${DESCRIPTION_MAX}文字以内にしてください`, `keep the description within ${DESCRIPTION_MAX} characters`);

  // M — Measurable
  const skillId = text(raw.skillId);
  const metric = isRecord(raw.metric) ? raw.metric : null;
  if (!metric || (metric.kind !== 'proficiency' && metric.kind !== 'assessment_score')) {
    fail(
      'M',
      'metric',
      '測り方（習熟度またはアセスメントの得点）を選んでください',
      'choose how progress is measured (proficiency or assessment score)',
    );
  } else {
    if (metric.target === undefined || metric.target === null || metric.target === '')
      fail('M', 'metric.target', '目標値を設定してください', 'set a target value');
    else if (metric.kind === 'proficiency' && !(PROFICIENCIES as readonly unknown[]).includes(metric.target))
      fail('M', 'metric.target', '目標値は1〜5の習熟度で設定してください', 'set the target as a proficiency from 1 to 5');
    else if (metric.kind === 'assessment_score' && !(typeof metric.target === 'number' && metric.target >= 0 && metric.target <= 100))
      fail('M', 'metric.target', '目標値は0〜100点で設定してください', 'set the target as a score from 0 to 100');
    if (metric.kind === 'assessment_score' && text(metric.assessmentId).length === 0)
      fail('M', 'metric.assessmentId', '測定に使うアセスメントを選んでください', 'choose the assessment that measures it');
    if (metric.kind === 'proficiency' && skillId && metric.skillId !== skillId)
      fail(
        'M',
        'metric.skillId',
        '習熟度で測る場合は、目標のスキルの習熟度を目標値にしてください',
        "when measuring by proficiency, measure the goal's own skill",
      );
  }

  // A — Achievable: a proficiency target must be above where the learner already is.
  const current = currentValue(context.currentProficiency, skillId);
  if (metric?.kind === 'proficiency' && typeof metric.target === 'number' && current !== null && metric.target <= current)
    fail(
      'A',
      'metric.target',
      `目標値が現在の習熟度（${current}）以下です。現在より高い値にしてください`,
      `the target is not above the current proficiency (${current}); set a higher value`,
    );

  // R — Relevant
  if (skillId.length === 0) fail('R', 'skillId', 'この目標で伸ばすスキルを選んでください', 'choose the skill this goal develops');
  else if (!frameworkSkills(context.framework).some((s) => s.id === skillId))
    fail('R', 'skillId', `スキル「${skillId}」はスキルマップにありません`, `the skill "${skillId}" is not in the skill map`);
  if (text(raw.reason).length === 0)
    fail('R', 'reason', 'この目標が業務や役割にどう役立つかを書いてください', 'explain how this goal helps your work or role');
  else if (text(raw.reason).length > REASON_MAX)
    fail('R', 'reason', `理由は${REASON_MAX}文字以内にしてください`, `keep the reason within ${REASON_MAX} characters`);

  // T — Time-bound
  const dueDate = text(raw.dueDate);
  if (dueDate.length === 0) fail('T', 'dueDate', '期限を設定してください', 'set a due date');
  else if (!isRealIsoDate(dueDate))
    fail('T', 'dueDate', '期限は YYYY-MM-DD 形式の日付で入力してください', 'enter the due date as YYYY-MM-DD');
  else if (daysBetween(context.today, dueDate) <= 0)
    fail('T', 'dueDate', '期限は今日より後の日付にしてください', 'set a due date after today');

  if (errors.length > 0) return { ok: false, goal: null, errors, warnings: [] };
  const parsed = goalInputSchema.safeParse(input);
  if (!parsed.success) {
    // Only reachable through limits the checks above do not spell out (e.g. an over-long assessment id).
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      fail(LETTER_BY_FIELD[String(issue.path[0])] ?? 'S', path, 'この項目を確認してください', 'check this field');
    }
    return { ok: false, goal: null, errors, warnings: [] };
  }
  const goal = parsed.data;
  const check = achievability(goal, current, context.today);
  return { ok: true, goal, errors: [], warnings: check.warning ? [{ letter: 'A', path: 'dueDate', message: check.warning }] : [] };
}

/** The working assumption behind the A warning: one proficiency step takes about a quarter of a year. */
export const DAYS_PER_PROFICIENCY_STEP = 90;

/**
 * Whether the time to the due date allows the target: at most one proficiency step per
 * `DAYS_PER_PROFICIENCY_STEP` days, counted from the current value (from 1, the bottom of the
 * scale, when there is none). Score targets are not time-checked: there is no honest rate for them.
 */
export function achievability(
  goal: Pick<GoalInput, 'metric' | 'dueDate'>,
  currentProficiency: number | null,
  today: string,
): { ok: boolean; warning: LocalizedText | null } {
  if (goal.metric.kind !== 'proficiency') return { ok: true, warning: null };
  const from = currentProficiency ?? 1;
  const steps = goal.metric.target - from;
  if (steps <= 0) return { ok: true, warning: null };
  const daysLeft = daysBetween(today, goal.dueDate);
  const daysNeeded = steps * DAYS_PER_PROFICIENCY_STEP;
  if (daysLeft >= daysNeeded) return { ok: true, warning: null };
  if (daysLeft <= 0)
    return {
      ok: false,
      warning: smartMessage('A', {
        ja: '期限を過ぎているため、このままでは達成できません',
        en: 'the due date has passed, so this cannot be achieved as it stands',
      }),
    };
  return {
    ok: false,
    warning: smartMessage('A', {
      ja: `習熟度を ${from} → ${goal.metric.target}（${steps}段階）上げるには目安で${daysNeeded}日かかりますが、期限まで${daysLeft}日です。期限を延ばすか、目標値を見直してください`,
      en: `raising proficiency from ${from} to ${goal.metric.target} (${steps} ${steps === 1 ? 'step' : 'steps'}) takes about ${daysNeeded} days, but only ${daysLeft} days remain; move the due date or lower the target`,
    }),
  };
}

const LETTER_BY_FIELD: Record<string, SmartLetter> = { title: 'S', description: 'S', metric: 'M', skillId: 'R', reason: 'R', dueDate: 'T' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function currentValue(values: CurrentValues | undefined, skillId: string): number | null {
  const entry = values?.[skillId];
  if (entry === undefined || entry === null) return null;
  return typeof entry === 'number' ? entry : entry.value;
}
