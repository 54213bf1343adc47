import { daysBetween } from './dates.js';
import type { GoalInput } from './goals.js';
import type { LocalizedText } from './text.js';

/** draft → agreed (the manager approves) → in_progress → achieved | missed. */
export const GOAL_STATUSES = ['draft', 'agreed', 'in_progress', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface Goal extends GoalInput {
  id: string;
  /** The learner whose goal it is. */
  userId: string;
  status: GoalStatus;
  /** The measured value when the goal was agreed: progress is counted from here. */
  baseline: number | null;
  agreedBy: string | null;
  agreedAt: string | null;
  /** When it became achieved or missed, and the value it was judged on. */
  closedAt: string | null;
  finalValue: number | null;
  /** Sent back by the manager with a comment (差し戻し); absent on goals never returned. */
  returned?: { by: string; on: string; note: string } | null;
}

export type GoalEvent =
  /** The manager approves the goal and the value it starts from. */
  | { type: 'agree'; approverId: string; baseline: number }
  /** The manager sends a draft back to its owner with a comment, once. */
  | { type: 'return'; reviewerId: string; note: string }
  | { type: 'start' }
  /** The evaluation step: `value` is the measured proficiency or score on `today`. */
  | { type: 'evaluate'; value: number };

export type GoalTransitionRefusal =
  'illegal_transition' | 'self_approval' | 'past_due' | 'already_reached' | 'not_due' | 'already_returned';

export type GoalTransition = { ok: true; goal: Goal } | { ok: false; goal: Goal; refusal: GoalTransitionRefusal; message: LocalizedText };

/** A new goal from a validated input: a draft until the manager agrees to it. */
export function draftGoal(input: GoalInput, ids: { id: string; userId: string }): Goal {
  return { ...input, ...ids, status: 'draft', baseline: null, agreedBy: null, agreedAt: null, closedAt: null, finalValue: null };
}

const FROM: Record<GoalEvent['type'], GoalStatus> = { agree: 'draft', return: 'draft', start: 'agreed', evaluate: 'in_progress' };

const STATUS_WORDS: Record<GoalStatus, LocalizedText> = {
  draft: { ja: '下書き', en: 'still a draft' },
  agreed: { ja: '合意済み', en: 'agreed' },
  in_progress: { ja: '取り組み中', en: 'in progress' },
  achieved: { ja: '達成', en: 'achieved' },
  missed: { ja: '未達', en: 'missed' },
};
const EVENT_WORDS: Record<GoalEvent['type'], LocalizedText> = {
  agree: { ja: '合意', en: 'agree to' },
  return: { ja: '差し戻し', en: 'return' },
  start: { ja: '開始', en: 'start' },
  evaluate: { ja: '評価', en: 'evaluate' },
};

/**
 * Moves a goal one step, or refuses with a reason. Each event has exactly one state it applies to
 * (agree and return: draft, start: agreed, evaluate: in_progress); achieved and missed are final. Besides:
 * - return: by someone other than the owner, once; the goal stays a draft with the comment.
 * - agree: the approver cannot be the learner; the due date must still be ahead; the baseline
 *   must be below the target (otherwise there is nothing to achieve).
 * - evaluate: reaching the target achieves the goal on any day; falling short misses it only on
 *   or after the due date (before it, the goal stays in progress).
 */
export function transitionGoal(goal: Goal, event: GoalEvent, today: string): GoalTransition {
  const refuse = (refusal: GoalTransitionRefusal, ja: string, en: string): GoalTransition => ({
    ok: false,
    goal,
    refusal,
    message: { ja, en },
  });
  if (goal.status !== FROM[event.type]) {
    return refuse(
      'illegal_transition',
      `「${STATUS_WORDS[goal.status].ja}」の目標は${EVENT_WORDS[event.type].ja}できません`,
      `Cannot ${EVENT_WORDS[event.type].en} a goal that is ${STATUS_WORDS[goal.status].en}`,
    );
  }
  switch (event.type) {
    case 'agree':
      if (event.approverId === goal.userId)
        return refuse(
          'self_approval',
          '自分の目標は自分で承認できません。上長の承認が必要です',
          'You cannot approve your own goal; your manager must agree to it',
        );
      if (daysBetween(today, goal.dueDate) <= 0)
        return refuse(
          'past_due',
          '期限を過ぎた目標には合意できません。期限を見直してください',
          'Cannot agree to a goal whose due date has come; set a new due date',
        );
      if (event.baseline >= goal.metric.target)
        return refuse(
          'already_reached',
          `現在の値（${event.baseline}）がすでに目標値（${goal.metric.target}）に達しています`,
          `The current value (${event.baseline}) already meets the target (${goal.metric.target})`,
        );
      return { ok: true, goal: { ...goal, status: 'agreed', baseline: event.baseline, agreedBy: event.approverId, agreedAt: today } };
    case 'return':
      if (event.reviewerId === goal.userId) return refuse('self_approval', '自分の目標は差し戻せません', 'You cannot return your own goal');
      if (goal.returned) return refuse('already_returned', 'この目標はすでに差し戻されています', 'This goal has already been returned');
      return { ok: true, goal: { ...goal, returned: { by: event.reviewerId, on: today, note: event.note } } };
    case 'start':
      return { ok: true, goal: { ...goal, status: 'in_progress' } };
    case 'evaluate':
      if (event.value >= goal.metric.target)
        return { ok: true, goal: { ...goal, status: 'achieved', closedAt: today, finalValue: event.value } };
      if (daysBetween(today, goal.dueDate) > 0)
        return refuse(
          'not_due',
          '目標値に達しておらず、期限前のため判定できません',
          'The target is not reached and the due date has not come, so it cannot be judged yet',
        );
      return { ok: true, goal: { ...goal, status: 'missed', closedAt: today, finalValue: event.value } };
  }
}

/**
 * Percent of the way from the agreed baseline to the target, 0–100, floored so that 100 means the
 * target is reached. `null` before agreement (no baseline yet).
 */
export function goalProgress(goal: Pick<Goal, 'baseline' | 'metric'>, currentValue: number): number | null {
  if (goal.baseline === null) return null;
  const span = goal.metric.target - goal.baseline;
  if (span <= 0) return currentValue >= goal.metric.target ? 100 : 0;
  const percent = ((currentValue - goal.baseline) / span) * 100;
  // The epsilon keeps (1.9 − 1) / 1 × 100 = 89.999… at 90.
  return Math.min(100, Math.max(0, Math.floor(percent + 1e-9)));
}
