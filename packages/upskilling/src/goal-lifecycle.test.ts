import { describe, expect, it } from 'vitest';
import { draftGoal, goalProgress, transitionGoal, type Goal, type GoalEvent } from './goal-lifecycle.js';

const draft = draftGoal(
  {
    title: 'Excel で月次集計を自動化',
    description: 'ピボットテーブルと XLOOKUP で月次集計を作り直す',
    metric: { kind: 'proficiency', skillId: 'excel-it', target: 4 },
    skillId: 'excel-it',
    reason: '月末の集計作業を半日短縮するため',
    dueDate: '2025-09-30',
  },
  { id: 'g1', userId: 'learner' },
);

const apply = (goal: Goal, event: GoalEvent, today = '2025-04-01'): Goal => {
  const result = transitionGoal(goal, event, today);
  if (!result.ok) throw new Error(result.message.en);
  return result.goal;
};
const agreed = apply(draft, { type: 'agree', approverId: 'manager', baseline: 2 });
const inProgress = apply(agreed, { type: 'start' });

describe('transitionGoal', () => {
  it('returns a draft to its owner once with the comment; it stays a draft the manager may still agree to', () => {
    const returned = apply(draft, { type: 'return', reviewerId: 'manager', note: '目標値を具体的に' });
    expect(returned).toMatchObject({ status: 'draft', returned: { by: 'manager', on: '2025-04-01', note: '目標値を具体的に' } });
    expect(transitionGoal(returned, { type: 'return', reviewerId: 'manager', note: '再度' }, '2025-04-02')).toMatchObject({
      ok: false,
      refusal: 'already_returned',
    });
    expect(transitionGoal(draft, { type: 'return', reviewerId: 'learner', note: '自分で' }, '2025-04-01')).toMatchObject({
      ok: false,
      refusal: 'self_approval',
    });
    expect(transitionGoal(agreed, { type: 'return', reviewerId: 'manager', note: '遅い' }, '2025-04-01')).toMatchObject({
      ok: false,
      refusal: 'illegal_transition',
    });
    expect(apply(returned, { type: 'agree', approverId: 'manager', baseline: 2 }).status).toBe('agreed');
  });

  it('walks draft → agreed → in_progress → achieved, recording who agreed, the baseline and the final value', () => {
    expect(agreed).toMatchObject({ status: 'agreed', baseline: 2, agreedBy: 'manager', agreedAt: '2025-04-01' });
    expect(inProgress.status).toBe('in_progress');
    const achieved = apply(inProgress, { type: 'evaluate', value: 4 }, '2025-07-01');
    expect(achieved).toMatchObject({ status: 'achieved', closedAt: '2025-07-01', finalValue: 4 });
    expect(draft.status).toBe('draft'); // inputs are never mutated
  });

  it('misses a goal short of its target on or after the due date, and refuses to judge it before', () => {
    expect(apply(inProgress, { type: 'evaluate', value: 3 }, '2025-09-30')).toMatchObject({ status: 'missed', finalValue: 3 });
    const early = transitionGoal(inProgress, { type: 'evaluate', value: 3 }, '2025-09-29');
    expect(early).toMatchObject({ ok: false, refusal: 'not_due', goal: inProgress });
  });

  it('refuses every event in a state it does not apply to, with a message naming both', () => {
    const events: GoalEvent[] = [{ type: 'agree', approverId: 'manager', baseline: 1 }, { type: 'start' }, { type: 'evaluate', value: 5 }];
    const legal: Record<string, string> = { agree: 'draft', start: 'agreed', evaluate: 'in_progress' };
    const achieved = apply(inProgress, { type: 'evaluate', value: 5 });
    const missed = apply(inProgress, { type: 'evaluate', value: 1 }, '2025-10-01');
    let refusals = 0;
    for (const goal of [draft, agreed, inProgress, achieved, missed]) {
      for (const event of events) {
        const result = transitionGoal(goal, event, '2025-04-01');
        if (legal[event.type] === goal.status) continue;
        expect(result.ok, `${event.type} from ${goal.status}`).toBe(false);
        if (!result.ok) expect(result.refusal).toBe('illegal_transition');
        refusals++;
      }
    }
    expect(refusals).toBe(12);
    const startDraft = transitionGoal(draft, { type: 'start' }, '2025-04-01');
    expect(startDraft.ok ? null : startDraft.message).toEqual({
      ja: '「下書き」の目標は開始できません',
      en: 'Cannot start a goal that is still a draft',
    });
    const reopen = transitionGoal(achieved, { type: 'evaluate', value: 1 }, '2025-04-01');
    expect(reopen.ok ? null : reopen.message.en).toBe('Cannot evaluate a goal that is achieved');
  });

  it('refuses self-approval, agreement on or after the due date, and a baseline already at the target', () => {
    expect(transitionGoal(draft, { type: 'agree', approverId: 'learner', baseline: 2 }, '2025-04-01')).toMatchObject({
      ok: false,
      refusal: 'self_approval',
    });
    expect(transitionGoal(draft, { type: 'agree', approverId: 'manager', baseline: 2 }, '2025-09-30')).toMatchObject({
      ok: false,
      refusal: 'past_due',
    });
    const reached = transitionGoal(draft, { type: 'agree', approverId: 'manager', baseline: 4 }, '2025-04-01');
    expect(reached).toMatchObject({ ok: false, refusal: 'already_reached' });
    expect(reached.ok ? null : reached.message.ja).toBe('現在の値（4）がすでに目標値（4）に達しています');
  });
});

describe('goalProgress', () => {
  it('measures from the baseline stored at agreement, floored and clamped to 0–100', () => {
    expect(goalProgress(draft, 3)).toBeNull();
    expect(goalProgress(agreed, 2)).toBe(0);
    expect(goalProgress(agreed, 3)).toBe(50);
    expect(goalProgress(agreed, 3.99)).toBe(99);
    expect(goalProgress(agreed, 4)).toBe(100);
    expect(goalProgress(agreed, 5)).toBe(100);
    expect(goalProgress(agreed, 1)).toBe(0);
  });

  it('works for score goals and does not lose a percent to floating point', () => {
    const score = { baseline: 40, metric: { kind: 'assessment_score' as const, assessmentId: 'A', target: 90 } };
    expect(goalProgress(score, 70)).toBe(60);
    expect(goalProgress({ baseline: 1, metric: { kind: 'proficiency' as const, skillId: 'x', target: 2 } }, 1.9)).toBe(90); // 89.999… in floating point
  });
});
