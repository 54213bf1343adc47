import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locale, PlanRecommendation } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeAttempt, makeResult, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import AttemptResultPage from './AttemptResultPage.vue';

async function open(view: ReturnType<typeof makeAttempt>, locale: Locale = 'ja', recommendations: PlanRecommendation[] = []) {
  const { plugins } = await setupApp({
    path: '/attempts/att1/result',
    locale,
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
      'GET /api/attempts/att1': () => json(200, view),
      'GET /api/me/plan': () =>
        json(200, { weeklyBudgetMinutes: 60, level: 'new_hire', weeks: [], late: [], unscheduled: [], recommendations }),
    }),
  });
  const wrapper = mount(AttemptResultPage, { props: { id: 'att1' }, global: { plugins: [...plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

const text = (wrapper: Awaited<ReturnType<typeof open>>, id: string) => wrapper.find(`[data-testid="${id}"]`).text();

describe('AttemptResultPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows score, pass/fail, the level with its meaning, skills, time and a note when the review is hidden', async () => {
    const wrapper = await open(makeAttempt({ status: 'finished', current: null, result: makeResult() }));

    expect(text(wrapper, 'page-heading')).toBe('ビジネス基礎テスト');
    expect(text(wrapper, 'result-score')).toBe('80');
    expect(text(wrapper, 'result-passed')).toBe('合格');
    expect(wrapper.find('[data-testid="result-passed"]').attributes('data-passed')).toBe('true');
    expect(text(wrapper, 'result-band')).toBe('4');
    expect(text(wrapper, 'result-band-name')).toBe('難しい場面にも対応できる');
    expect(text(wrapper, 'result-band-meaning')).toBe('難しい場面にも対応でき、周りの人を手助けできる段階です。');
    expect(text(wrapper, 'result-correct')).toBe('8 / 10');
    expect(text(wrapper, 'result-time')).toBe('12分34秒');
    const skills = wrapper.findAll('[data-testid="result-skill-row"]');
    expect(skills).toHaveLength(2);
    expect(skills[0]!.text()).toContain('論理的思考');
    expect(skills[0]!.text()).toContain('5 人に教えられる');
    expect(skills[0]!.text()).toContain('4 / 5');
    expect(skills[1]!.text()).toContain('4 難しい場面にも対応できる');
    // Fixed form: no note about adaptive difficulty; never any psychometric jargon.
    expect(wrapper.find('[data-testid="result-adaptive-note"]').exists()).toBe(false);
    expect(wrapper.text()).not.toMatch(/θ|SE|スケール/);
    expect(text(wrapper, 'result-focus')).toBe('今回いちばん低かったのは「報連相」です。');
    expect(text(wrapper, 'result-review-hidden')).toContain('締め切り後に公開');
    expect(wrapper.findAll('[data-testid="result-review-item"]')).toHaveLength(0);
  });

  it('rates adaptive skills one by one, says when a skill cannot be judged, and suggests modules for the weakest, in English', async () => {
    const weak = {
      skill: 'ビジネス基礎',
      skillId: 'business-basics',
      name: { ja: 'ビジネス基礎', en: 'Business basics' },
      correct: 1,
      answered: 4,
      percent: 25,
      band: 2,
      evidence: 'enough' as const,
    };
    const wrapper = await open(
      makeAttempt({
        mode: 'adaptive',
        status: 'expired',
        current: null,
        result: makeResult({
          passed: false,
          score: 45.5,
          band: 2,
          bySkill: [
            weak,
            { skill: '報連相', skillId: null, name: null, correct: 2, answered: 2, percent: 100, band: null, evidence: 'too_few_items' },
          ],
          focus: weak,
        }),
      }),
      'en',
      [
        {
          id: 'p1:manners',
          packageId: 'p1',
          moduleId: 'manners',
          moduleKind: 'lesson',
          title: { ja: 'ビジネスマナーの基本', en: 'Business manners' },
          skillId: 'business-basics',
          estimatedMinutes: 20,
          reasonText: { ja: 'ビジネス基礎: 現在 2', en: 'Business basics: current 2' },
        },
        {
          id: 'p1:logic',
          skillId: 'logical-thinking',
          estimatedMinutes: 15,
          title: { en: 'Logic' },
          reasonText: { en: 'Logical thinking' },
        },
      ],
    );

    expect(text(wrapper, 'result-score')).toBe('45.5');
    expect(text(wrapper, 'result-passed')).toBe('Not passed');
    expect(text(wrapper, 'result-band')).toBe('2');
    expect(text(wrapper, 'result-band-name')).toBe('Handles routine work');
    expect(text(wrapper, 'result-adaptive-note')).toContain('adapts the difficulty');
    const rows = wrapper.findAll('[data-testid="result-skill-row"]');
    expect(rows[0]!.text()).toContain('Business basics');
    expect(rows[0]!.text()).toContain('2 Handles routine work');
    expect(rows[1]!.text()).toContain('Not judged yet');
    expect(rows[1]!.text()).toContain('too few questions');
    expect(text(wrapper, 'result-focus')).toBe('Your lowest result this time was in “Business basics”.');
    const modules = wrapper.findAll('[data-testid="result-focus-module"]');
    expect(modules.map((m) => m.attributes('data-module-id'))).toEqual(['manners']);
    expect(modules[0]!.text()).toContain('Business manners');
    expect(modules[0]!.find('a').attributes('href')).toBe('/me/plan');
    expect(wrapper.text()).not.toMatch(/θ|\bSE\b|[Ss]caled/);
    expect(text(wrapper, 'result-expired')).toContain('time ran out');
  });

  it('lists the review with both answers and the explanation', async () => {
    const review = [
      {
        index: 0,
        questionId: 'q1',
        type: 'single_choice' as const,
        stem: { ja: '報連相の「相」は？' },
        options: [
          { id: 'a', text: { ja: '相談' } },
          { id: 'b', text: { ja: '相互' } },
        ],
        response: { optionId: 'b' },
        correct: false,
        correctAnswer: { optionIds: ['a'] },
        explanation: { ja: '相談の「相」です。' },
        images: [],
      },
      {
        index: 1,
        questionId: 'q2',
        type: 'numeric' as const,
        stem: { ja: '1 + 1 は？' },
        options: [],
        response: { value: '２' },
        correct: true,
        correctAnswer: { value: 2, tolerance: 0 },
        explanation: null,
        images: [],
      },
      {
        index: 2,
        questionId: 'q3',
        type: 'true_false' as const,
        stem: { ja: '報告は結論から。' },
        options: [],
        response: null,
        correct: false,
        correctAnswer: true,
        explanation: null,
        images: [],
      },
    ];
    const wrapper = await open(makeAttempt({ status: 'finished', current: null, result: makeResult({ review }) }));

    const items = wrapper.findAll('[data-testid="result-review-item"]');
    expect(items).toHaveLength(3);
    expect(items[0]!.attributes('data-correct')).toBe('false');
    expect(items[0]!.find('[data-testid="result-review-response"]').text()).toBe('相互');
    expect(items[0]!.find('[data-testid="result-review-correct"]').text()).toBe('相談');
    expect(items[0]!.text()).toContain('解説');
    expect(items[0]!.text()).toContain('相談の「相」です。');
    expect(items[1]!.find('[data-testid="result-review-response"]').text()).toBe('２');
    expect(items[1]!.find('[data-testid="result-review-correct"]').text()).toBe('2');
    expect(items[2]!.find('[data-testid="result-review-response"]').text()).toBe('（回答なし）');
    expect(items[2]!.find('[data-testid="result-review-correct"]').text()).toBe('正しい（○）');
    expect(wrapper.find('[data-testid="result-review-hidden"]').exists()).toBe(false);
  });

  it('offers to resume an attempt that is still in progress', async () => {
    const wrapper = await open(makeAttempt());
    expect(text(wrapper, 'result-in-progress')).toContain('まだ受験中');
    expect(wrapper.find('[data-testid="result-score"]').exists()).toBe(false);
  });
});
