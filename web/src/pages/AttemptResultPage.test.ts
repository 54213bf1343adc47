import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeAttempt, makeResult, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import AttemptResultPage from './AttemptResultPage.vue';

async function open(view: ReturnType<typeof makeAttempt>, locale: Locale = 'ja') {
  const { plugins } = await setupApp({
    path: '/attempts/att1/result',
    locale,
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
      'GET /api/attempts/att1': () => json(200, view),
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

  it('shows score, pass/fail, band, skills, time and a note when the review is hidden', async () => {
    const wrapper = await open(makeAttempt({ status: 'finished', current: null, result: makeResult() }));

    expect(text(wrapper, 'page-heading')).toBe('ビジネス基礎テスト');
    expect(text(wrapper, 'result-score')).toBe('80');
    expect(text(wrapper, 'result-passed')).toBe('合格');
    expect(wrapper.find('[data-testid="result-passed"]').attributes('data-passed')).toBe('true');
    expect(text(wrapper, 'result-band')).toBe('4');
    expect(text(wrapper, 'result-correct')).toBe('8 / 10');
    expect(text(wrapper, 'result-time')).toBe('12分34秒');
    const skills = wrapper.findAll('[data-testid="result-skill-row"]');
    expect(skills).toHaveLength(2);
    expect(skills[0]!.text()).toContain('論理的思考');
    expect(skills[0]!.text()).toContain('4 / 5');
    expect(skills[0]!.text()).toContain('80%');
    // Fixed mode: no scaled score.
    expect(wrapper.find('[data-testid="result-scaled-score"]').exists()).toBe(false);
    expect(text(wrapper, 'result-review-hidden')).toContain('締め切り後に公開');
    expect(wrapper.findAll('[data-testid="result-review-item"]')).toHaveLength(0);
  });

  it('shows the scaled score and measurement for adaptive attempts, in English', async () => {
    const wrapper = await open(
      makeAttempt({
        mode: 'adaptive',
        status: 'expired',
        current: null,
        result: makeResult({ passed: false, score: 45.5, band: 2, scaledScore: 412.4, theta: -0.53, se: 0.29 }),
      }),
      'en',
    );

    expect(text(wrapper, 'result-score')).toBe('45.5');
    expect(text(wrapper, 'result-passed')).toBe('Not passed');
    expect(text(wrapper, 'result-band')).toBe('2');
    expect(text(wrapper, 'result-scaled-score')).toBe('412');
    expect(text(wrapper, 'result-measure')).toContain('θ = -0.53');
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
