import { describe, expect, it } from 'vitest';
import { packageProgress, packageSchema, quizTemplateSchema } from './packages.js';

const pkg = packageSchema.parse({
  title: { ja: '新入社員研修' },
  description: { ja: '入社後3か月で身につけること' },
  level: 'new_hire',
  modules: [
    { id: 'manners', kind: 'lesson', title: { ja: 'ビジネスマナー' }, estimatedMinutes: 15, body: { ja: '# 挨拶' } },
    { id: 'check', kind: 'quiz', title: { ja: '確認テスト' }, estimatedMinutes: 10, assessmentId: 'a1' },
    { id: 'ojt-report', kind: 'ojt', title: { ja: '日報' }, estimatedMinutes: 20, instructions: { ja: '毎日書く' } },
  ],
});

describe('packageProgress', () => {
  it('counts lessons/OJT by recorded completion and quizzes by a pass', () => {
    const none = packageProgress(pkg, {}, new Map(), '2026-12-01', '2026-11-24');
    expect(none).toMatchObject({ done: 0, total: 3, percent: 0, status: 'not_started', overdue: false });
    const some = packageProgress(
      pkg,
      { manners: { at: '2026-11-20', by: 'u' } },
      new Map([['a1', '2026-11-21']]),
      '2026-12-01',
      '2026-11-24',
    );
    expect(some).toMatchObject({ done: 2, percent: 66, status: 'in_progress' });
    expect(some.modules.find((m) => m.moduleId === 'check')).toMatchObject({ done: true, completedAt: '2026-11-21' });
  });
  it('is overdue only when not completed after the due date', () => {
    expect(packageProgress(pkg, {}, new Map(), '2026-11-01', '2026-11-24').overdue).toBe(true);
    const all = { manners: { at: 'x', by: 'u' }, 'ojt-report': { at: 'x', by: 'm' } };
    expect(packageProgress(pkg, all, new Map([['a1', 'x']]), '2026-11-01', '2026-11-24')).toMatchObject({
      status: 'completed',
      overdue: false,
    });
  });
});

describe('packageSchema', () => {
  it('refuses duplicate module ids and quiz modules without an assessment', () => {
    const r = packageSchema.safeParse({
      title: { ja: 'x' },
      description: { ja: 'x' },
      level: 'junior',
      modules: [
        { id: 'a', kind: 'quiz', title: { ja: 'q' }, estimatedMinutes: 5 },
        { id: 'a', kind: 'ojt', title: { ja: 'o' }, estimatedMinutes: 5, instructions: { ja: 'i' } },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['modules.0', 'modules.1.id']);
  });
});

describe('quizTemplateSchema', () => {
  const bankIds = ['catalog:b1'];
  it('takes draws (optionally of one level) or an adaptive placement test, not both, not neither', () => {
    expect(quizTemplateSchema.parse({ bankIds, draws: [{ skill: '論理的思考', level: 'junior', count: 3 }] }).draws).toEqual([
      { skill: '論理的思考', level: 'junior', count: 3 },
    ]);
    const adaptive = { skills: ['論理的思考'], levels: ['new_hire', 'junior', 'mid'], minItems: 10, maxItems: 20, seTarget: 0.35 };
    expect(quizTemplateSchema.parse({ bankIds, adaptive, passMark: 1 })).toMatchObject({ draws: [], adaptive, passMark: 1 });
    const paths = (input: unknown) => quizTemplateSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ bankIds })).toEqual(['draws']);
    expect(paths({ bankIds, adaptive, draws: [{ skill: 's', count: 1 }], passMark: 1 })).toEqual(['draws']);
    // An adaptive test's pass mark is a proficiency band (the default 60 % would be one nobody reaches).
    expect(paths({ bankIds, adaptive })).toEqual(['passMark']);
    expect(paths({ bankIds, draws: [{ skill: 's', level: 'boss', count: 1 }] })).toEqual(['draws.0.level']);
  });
});
