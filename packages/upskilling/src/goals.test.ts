import { describe, expect, it } from 'vitest';
import { achievability, validateGoal, type GoalInput } from './goals.js';
import { defaultFramework } from './framework.js';

const framework = defaultFramework();
const today = '2025-04-01';
const valid: GoalInput = {
  title: 'ロジカルに報告できるようになる',
  description: '週次報告を結論→理由→具体例の順で書き、上長のレビューを受ける',
  metric: { kind: 'proficiency', skillId: 'logical-thinking', target: 3 },
  skillId: 'logical-thinking',
  reason: '顧客への提案書の説得力を上げるため',
  dueDate: '2025-10-01',
};

describe('validateGoal', () => {
  it('accepts a complete SMART goal and trims it', () => {
    const result = validateGoal(
      { ...valid, title: `  ${valid.title}  ` },
      { framework, today, currentProficiency: { 'logical-thinking': 2 } },
    );
    expect(result.ok).toBe(true);
    expect(result.goal?.title).toBe('ロジカルに報告できるようになる');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('names the missing letter for a missing target, in both languages', () => {
    const result = validateGoal({ ...valid, metric: { kind: 'proficiency', skillId: 'logical-thinking' } }, { framework, today });
    expect(result.errors).toEqual([
      {
        letter: 'M',
        path: 'metric.target',
        message: { ja: 'M（測定可能）: 目標値を設定してください', en: 'M (Measurable): set a target value' },
      },
    ]);
  });

  it('reports every missing letter of an empty goal, in S M R T order', () => {
    const result = validateGoal({}, { framework, today });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.letter, e.path])).toEqual([
      ['S', 'title'],
      ['S', 'description'],
      ['M', 'metric'],
      ['R', 'skillId'],
      ['R', 'reason'],
      ['T', 'dueDate'],
    ]);
    expect(result.errors.map((e) => e.message.ja)).toEqual([
      'S（具体的）: 目標のタイトルを入力してください',
      'S（具体的）: 何を・どのように行うかを10文字以上で書いてください',
      'M（測定可能）: 測り方（習熟度またはアセスメントの得点）を選んでください',
      'R（関連性）: この目標で伸ばすスキルを選んでください',
      'R（関連性）: この目標が業務や役割にどう役立つかを書いてください',
      'T（期限）: 期限を設定してください',
    ]);
    expect(result.errors.every((e) => e.message.en.startsWith(`${e.letter} (`))).toBe(true);
    expect(validateGoal(null, { framework, today }).errors).toHaveLength(6);
  });

  it('refuses a vague description, an unknown skill, a due date not after today, an out-of-range score', () => {
    const result = validateGoal(
      {
        ...valid,
        description: '頑張る',
        skillId: 'golf',
        metric: { kind: 'assessment_score', assessmentId: 'A1', target: 120 },
        dueDate: '2025-04-01',
      },
      { framework, today },
    );
    expect(result.errors.map((e) => e.message.en)).toEqual([
      'S (Specific): describe what you will do and how, in at least 10 characters',
      'M (Measurable): set the target as a score from 0 to 100',
      'R (Relevant): the skill "golf" is not in the skill map',
      'T (Time-bound): set a due date after today',
    ]);
  });

  it('refuses a date that does not exist and an assessment metric without an assessment', () => {
    const result = validateGoal(
      { ...valid, metric: { kind: 'assessment_score', target: 80 }, dueDate: '2025-02-30' },
      { framework, today },
    );
    expect(result.errors.map((e) => `${e.letter} ${e.path}`)).toEqual(['M metric.assessmentId', 'T dueDate']);
  });

  it('requires a proficiency metric to measure the goal’s own skill', () => {
    const result = validateGoal({ ...valid, metric: { kind: 'proficiency', skillId: 'compliance', target: 3 } }, { framework, today });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ letter: 'M', path: 'metric.skillId' });
  });

  it('fails A when the target is not above the current proficiency', () => {
    const result = validateGoal(valid, { framework, today, currentProficiency: { 'logical-thinking': { value: 3 } } });
    expect(result.errors).toEqual([
      {
        letter: 'A',
        path: 'metric.target',
        message: {
          ja: 'A（達成可能）: 目標値が現在の習熟度（3）以下です。現在より高い値にしてください',
          en: 'A (Achievable): the target is not above the current proficiency (3); set a higher value',
        },
      },
    ]);
  });

  it('accepts a stretch goal but warns under A', () => {
    const result = validateGoal(
      { ...valid, metric: { ...valid.metric, target: 5 } },
      { framework, today, currentProficiency: { 'logical-thinking': 2 } },
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.letter, w.path])).toEqual([['A', 'dueDate']]);
  });
});

describe('achievability (one proficiency step per 90 days)', () => {
  const goal = (target: 1 | 2 | 3 | 4 | 5, dueDate: string) => ({
    metric: { kind: 'proficiency' as const, skillId: 'compliance', target },
    dueDate,
  });

  it('allows exactly 90 days per step and warns one day short', () => {
    expect(achievability(goal(4, '2025-09-28'), 2, today)).toEqual({ ok: true, warning: null }); // 180 days
    const short = achievability(goal(4, '2025-09-27'), 2, today); // 179 days
    expect(short.ok).toBe(false);
    expect(short.warning).toEqual({
      ja: 'A（達成可能）: 習熟度を 2 → 4（2段階）上げるには目安で180日かかりますが、期限まで179日です。期限を延ばすか、目標値を見直してください',
      en: 'A (Achievable): raising proficiency from 2 to 4 (2 steps) takes about 180 days, but only 179 days remain; move the due date or lower the target',
    });
  });

  it('counts from 1 when there is no current value', () => {
    expect(achievability(goal(2, '2025-06-30'), null, today).ok).toBe(true); // 90 days, one step
    expect(achievability(goal(3, '2025-06-30'), null, today).warning?.en).toContain('from 1 to 3 (2 steps)');
    expect(achievability(goal(2, '2025-06-29'), null, today).warning?.en).toContain(
      '(1 step) takes about 90 days, but only 89 days remain',
    );
  });

  it('does not time-check score targets or targets already met, and flags a passed due date', () => {
    expect(
      achievability({ metric: { kind: 'assessment_score', assessmentId: 'A', target: 100 }, dueDate: '2025-04-02' }, null, today).ok,
    ).toBe(true);
    expect(achievability(goal(3, '2025-04-02'), 4, today).ok).toBe(true);
    expect(achievability(goal(4, '2025-03-01'), 3, today)).toEqual({
      ok: false,
      warning: {
        ja: 'A（達成可能）: 期限を過ぎているため、このままでは達成できません',
        en: 'A (Achievable): the due date has passed, so this cannot be achieved as it stands',
      },
    });
  });
});
