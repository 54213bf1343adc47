import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale, MySkills } from '../api/types';
import { apiError, fakeApi, json, type FakeRequest } from '../testing/fakeApi';
import { makeFrameworkDocument, makeStanding, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import MySkillsPage from './MySkillsPage.vue';

function mySkills(): MySkills {
  return {
    level: 'new_hire',
    skills: [
      makeStanding({
        skillId: 'compliance',
        name: { ja: 'コンプライアンス', en: 'Compliance' },
        required: 4,
        current: null,
        gap: 4,
        source: null,
        date: null,
        explanation: { ja: 'まだアセスメントも評価もありません。', en: 'No assessment or rating yet.' },
      }),
      makeStanding(),
      makeStanding({
        skillId: 'teamwork',
        name: { ja: 'チームワーク', en: 'Teamwork' },
        required: 2,
        current: 3,
        gap: 0,
        source: 'self_rating',
        selfReported: true,
        stale: true,
        date: '2023-06-01',
        explanation: {
          ja: '習熟度 3：2023-06-01 の自己評価による暫定値。',
          en: 'Proficiency 3: provisional, from the self rating of 2023-06-01.',
        },
      }),
    ],
  };
}

async function open(options: { data?: MySkills; locale?: Locale; rating?: (request: FakeRequest) => Response } = {}) {
  const posts: FakeRequest[] = [];
  const { plugins } = await setupApp({
    path: '/me/skills',
    locale: options.locale ?? 'ja',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
      'GET /api/me/skills': () => json(200, options.data ?? mySkills()),
      'GET /api/skills/framework': () => json(200, makeFrameworkDocument()),
      'POST /api/me/ratings': (request) => {
        posts.push(request);
        return options.rating
          ? options.rating(request)
          : json(
              201,
              makeStanding({
                current: 3,
                gap: 0,
                source: 'self_rating',
                selfReported: true,
                date: '2025-06-01',
                explanation: { ja: '習熟度 3：2025-06-01 の自己評価による暫定値。', en: 'Proficiency 3: provisional self rating.' },
              }),
            );
      },
    }),
  });
  const wrapper = mount(MySkillsPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, posts };
}

type Wrapper = Awaited<ReturnType<typeof open>>['wrapper'];
const row = (wrapper: Wrapper, skillId: string) => wrapper.find(`[data-testid="my-skill-row"][data-skill-id="${skillId}"]`);
const cell = (wrapper: Wrapper, skillId: string, testid: string) => row(wrapper, skillId).find(`[data-testid="${testid}"]`).text();

describe('MySkillsPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lists each required skill with current, required, gap, source, date, why and badges', async () => {
    const { wrapper } = await open();

    expect(wrapper.find('[data-testid="my-skills-level"]').text()).toContain('新入社員');
    const table = wrapper.find('[data-testid="my-skills-table"]');
    expect(table.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);
    expect(wrapper.findAll('[data-testid="my-skill-row"]').map((r) => r.attributes('data-skill-id'))).toEqual([
      'compliance',
      'business-basics',
      'teamwork',
    ]);

    expect(row(wrapper, 'business-basics').find('th[scope="row"]').text()).toBe('ビジネス基礎');
    expect(cell(wrapper, 'business-basics', 'my-skill-current')).toBe('2');
    expect(cell(wrapper, 'business-basics', 'my-skill-required')).toBe('3');
    const gap = row(wrapper, 'business-basics').find('[data-testid="my-skill-gap"]');
    expect(gap.attributes('data-gap')).toBe('1');
    expect(gap.classes()).toContain('gap--1');
    expect(gap.text()).toContain('▼1');
    expect(gap.text()).toContain('要求水準まで 1 不足');
    expect(cell(wrapper, 'business-basics', 'my-skill-source')).toBe('アセスメント');
    expect(cell(wrapper, 'business-basics', 'my-skill-date')).toBe('2025年4月1日');
    expect(cell(wrapper, 'business-basics', 'my-skill-explanation')).toContain('アセスメント（正答率 45%）');

    expect(cell(wrapper, 'compliance', 'my-skill-current')).toBe('未評価');
    expect(cell(wrapper, 'compliance', 'my-skill-source')).toBe('未評価');
    expect(row(wrapper, 'compliance').find('[data-testid="my-skill-gap"]').classes()).toContain('gap--3');

    expect(cell(wrapper, 'teamwork', 'my-skill-source')).toBe('自己評価');
    expect(cell(wrapper, 'teamwork', 'my-skill-self-reported')).toBe('自己申告');
    expect(cell(wrapper, 'teamwork', 'my-skill-stale')).toBe('古い評価');
    expect(row(wrapper, 'teamwork').find('[data-testid="my-skill-gap"]').text()).toContain('要求水準を満たしています');
    expect(row(wrapper, 'business-basics').find('[data-testid="my-skill-stale"]').exists()).toBe(false);
  });

  it('draws the chart as a labelled picture of the table', async () => {
    const { wrapper } = await open();
    // The chart is a lazily loaded component: wait for it rather than for a number of ticks.
    await vi.waitFor(() => expect(wrapper.find('[data-testid="skill-chart"]').exists()).toBe(true), { timeout: 10_000 });
    const chart = wrapper.find('[data-testid="skill-chart"]');
    expect(chart.find('[role="img"]').attributes('aria-label')).toContain('同じ内容を下の表に掲載');
    expect(chart.findAll('.skill-chart__row:not(.skill-chart__row--axis)')).toHaveLength(3);
    expect(chart.text()).toContain('– / 4');
  });

  it('shows the descriptor of the chosen value and saves a self rating, updating the row', async () => {
    const { wrapper, posts } = await open();

    await row(wrapper, 'business-basics').find('[data-testid="my-skill-rate"]').trigger('click');
    await flushPromises();
    const skillSelect = wrapper.find('[data-testid="rating-skill"]');
    expect((skillSelect.element as HTMLSelectElement).value).toBe('business-basics');
    expect(document.activeElement).toBe(skillSelect.element);
    expect(wrapper.find('#rating-skill-hint').text()).toBe('現在 2・要求水準 3');

    expect(wrapper.find('[data-testid="rating-descriptor"]').exists()).toBe(false);
    await wrapper.find('[data-testid="rating-value"]').setValue('3');
    const descriptor = wrapper.find('[data-testid="rating-descriptor"]');
    expect(descriptor.text()).toContain('習熟度 3 の目安');
    expect(descriptor.text()).toContain('ビジネス基礎の習熟度3の目安');
    expect(wrapper.find('[data-testid="rating-value"]').attributes('aria-describedby')).toContain('rating-descriptor');

    const date = wrapper.find('[data-testid="rating-date"]');
    expect((date.element as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await date.setValue('2025-06-01');
    await wrapper.find('[data-testid="rating-comment"]').setValue('  研修後に自信がついた  ');
    await wrapper.find('form').trigger('submit');
    await settle();
    await flushPromises();

    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ skillId: 'business-basics', value: 3, date: '2025-06-01', comment: '研修後に自信がついた' });
    // Same place in the list, new values.
    expect(wrapper.findAll('[data-testid="my-skill-row"]').map((r) => r.attributes('data-skill-id'))).toEqual([
      'compliance',
      'business-basics',
      'teamwork',
    ]);
    expect(cell(wrapper, 'business-basics', 'my-skill-current')).toBe('3');
    expect(row(wrapper, 'business-basics').find('[data-testid="my-skill-gap"]').attributes('data-gap')).toBe('0');
    expect(cell(wrapper, 'business-basics', 'my-skill-source')).toBe('自己評価');
    expect(cell(wrapper, 'business-basics', 'my-skill-self-reported')).toBe('自己申告');
    expect(cell(wrapper, 'business-basics', 'my-skill-explanation')).toContain('自己評価による暫定値');
    // Ready for the next rating.
    expect((wrapper.find('[data-testid="rating-value"]').element as HTMLSelectElement).value).toBe('');
  });

  it('checks the form before sending and shows API field errors', async () => {
    const { wrapper, posts } = await open({
      rating: () =>
        json(422, { error: { code: 'validation_error', message: 'Invalid', details: [{ path: 'body.date', message: '日付が不正です' }] } }),
    });

    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(posts).toHaveLength(0);
    const errors = wrapper.findAll('[data-testid="field-error"]').map((e) => e.text());
    expect(errors).toEqual(['スキルを選んでください。', '習熟度を選んでください。']);
    expect(wrapper.find('[data-testid="rating-skill"]').attributes('aria-invalid')).toBe('true');

    await wrapper.find('[data-testid="rating-skill"]').setValue('compliance');
    await wrapper.find('[data-testid="rating-value"]').setValue('2');
    await wrapper.find('form').trigger('submit');
    await settle();
    await flushPromises();
    expect(posts).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="field-error"]').map((e) => e.text())).toEqual(['日付が不正です']);
    expect(wrapper.find('[data-testid="error-alert"]').text()).toContain('入力内容を確認してください。');
  });

  it('explains that HR must set the level when there is none', async () => {
    const { wrapper } = await open({ data: { level: null, skills: [] }, locale: 'en' });
    expect(wrapper.find('[data-testid="my-skills-no-level"]').text()).toContain('Ask HR to set your level');
    expect(wrapper.find('[data-testid="my-skills-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="rating-form"]').exists()).toBe(false);
  });

  it('shows an error when the standing cannot be loaded', async () => {
    const { plugins } = await setupApp({
      path: '/me/skills',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
        'GET /api/me/skills': () => apiError(500, 'internal', 'boom', [], 'req-9'),
        'GET /api/skills/framework': () => json(200, makeFrameworkDocument()),
      }),
    });
    const wrapper = mount(MySkillsPage, { global: { plugins: [...plugins] } });
    await settle();
    await flushPromises();
    expect(wrapper.find('[data-testid="error-alert"]').text()).toContain('req-9');
  });
});
