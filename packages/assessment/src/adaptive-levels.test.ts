import { describe, expect, it } from 'vitest';
import { assessmentInputSchema, inAdaptiveLevels, type AssessmentSnapshot, type SnapshotItem } from './assessment.js';
import { nextAdaptiveItem, type AnsweredItem } from './engine.js';

const LEVEL_OF = ['pre_hire', 'new_hire', 'junior', 'mid', 'leader', 'manager', null] as const;
/** Seven items of each level (and seven without one), spread over the difficulty scale. */
const pool: SnapshotItem[] = LEVEL_OF.flatMap((level, l) =>
  Array.from({ length: 7 }, (_, i) => ({
    id: `${level ?? 'none'}-${i}`,
    owner: 'catalog' as const,
    version: 1,
    type: 'single_choice',
    skills: [i % 2 ? 's1' : 's2'],
    level,
    irt: { a: 1.2, b: -2 + l * 0.5 + i * 0.1, c: 0.25 },
  })),
);
const placement = (levels?: string[]) =>
  assessmentInputSchema.parse({
    title: { ja: '配置テスト' },
    mode: 'adaptive',
    bankIds: ['catalog:x'],
    adaptive: { skills: ['s1', 's2'], minItems: 5, maxItems: 12, seTarget: 0.1, ...(levels ? { levels } : {}) },
    passMark: 1,
  });

describe('an adaptive test limited to levels', () => {
  it('keeps the named levels in ladder order and refuses a level that does not exist', () => {
    expect(placement(['mid', 'new_hire', 'junior']).adaptive!.levels).toEqual(['new_hire', 'junior', 'mid']);
    expect(placement().adaptive!.levels).toBeUndefined();
    const wrong = assessmentInputSchema.safeParse({ ...placement(), adaptive: { skills: ['s1'], levels: ['boss'] } });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.path.slice(0, 2)).toEqual(['adaptive', 'levels']);
  });

  it('admits only items of those levels (items without a level too when none is named)', () => {
    const junior = { levels: ['new_hire', 'junior', 'mid'] };
    expect(pool.filter((p) => inAdaptiveLevels(p, junior)).map((p) => p.level)).toEqual([
      ...Array(7).fill('new_hire'),
      ...Array(7).fill('junior'),
      ...Array(7).fill('mid'),
    ]);
    expect(pool.filter((p) => inAdaptiveLevels(p, {})).length).toBe(pool.length);
    expect(pool.filter((p) => inAdaptiveLevels(p, { levels: [] })).length).toBe(pool.length);
  });

  it('serves only those levels to the end of an attempt, however the learner answers', () => {
    const settings = placement(['new_hire', 'junior', 'mid']);
    // Even a snapshot frozen with every level (an older publish) serves only the named ones.
    const snapshot: AssessmentSnapshot = { publishedVersion: 1, settings, pool };
    for (const [seed, right] of [
      [1, true],
      [2, false],
      [3, true],
    ] as const) {
      const answered: AnsweredItem[] = [];
      for (;;) {
        const next = nextAdaptiveItem(settings, snapshot, answered, seed);
        if (!next) break;
        answered.push({ questionId: next, correct: right, score: right ? 1 : 0 });
      }
      expect(answered.length).toBe(12);
      for (const a of answered) expect(['new_hire', 'junior', 'mid']).toContain(pool.find((p) => p.id === a.questionId)!.level);
    }
  });
});
