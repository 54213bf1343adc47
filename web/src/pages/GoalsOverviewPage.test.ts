import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GoalOverviewItem, GoalsOverview } from '../api/types';
import { fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeFrameworkDocument, makeGoal, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import GoalsOverviewPage from './GoalsOverviewPage.vue';

function item(goal: Partial<GoalOverviewItem['goal']>, user: GoalOverviewItem['user']): GoalOverviewItem {
  return { goal: makeGoal(goal), user };
}

const sato = { id: 'u2', name: '佐藤 一郎', departmentId: 'd1', level: 'new_hire' as const };
const suzuki = { id: 'u3', name: '鈴木 次郎', departmentId: 'd2', level: 'mid' as const };

const overview: GoalsOverview = {
  items: [
    item({ id: 'g1', userId: 'u2', title: '報連相を徹底する', status: 'missed', dueDate: '2025-06-30', baseline: 1, finalValue: 2 }, sato),
    item(
      { id: 'g2', userId: 'u3', title: '提案書を書けるようになる', status: 'achieved', dueDate: '2025-07-31', baseline: 2, finalValue: 3 },
      suzuki,
    ),
    item({ id: 'g3', userId: 'u2', title: 'ロジカルに話す', status: 'in_progress', dueDate: '2025-09-30' }, sato),
    item({ id: 'g4', userId: 'u9', title: '引き継ぎ済み', status: 'achieved', dueDate: '2025-10-31' }, null),
  ],
  counts: { draft: 0, agreed: 0, in_progress: 1, achieved: 2, missed: 1 },
};

async function open(routes: Record<string, FakeHandler> = {}) {
  const app = await setupApp({
    path: '/admin/goals',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) }),
      'GET /api/goals/overview': () => json(200, overview),
      'GET /api/departments': () =>
        json(200, {
          items: [
            { id: 'd1', name: '営業部', userCount: 3 },
            { id: 'd2', name: '開発部', userCount: 5 },
          ],
        }),
      'GET /api/skills/framework': () => json(200, makeFrameworkDocument()),
      'GET /api/assessments': () => json(200, { items: [] }),
      ...routes,
    }),
  });
  const wrapper = mount(GoalsOverviewPage, { global: { plugins: [...app.plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router: app.router };
}

const rowIds = (wrapper: Awaited<ReturnType<typeof open>>['wrapper']) =>
  wrapper.findAll('[data-testid="goals-overview-row"]').map((row) => row.attributes('data-goal-id'));

describe('GoalsOverviewPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the counts by status, achieved and missed first', async () => {
    const { wrapper } = await open();
    const tiles = wrapper.findAll('[data-testid="goals-overview-count"]');
    expect(tiles.map((tile) => [tile.attributes('data-status'), tile.find('.stat__value').text()])).toEqual([
      ['achieved', '2'],
      ['missed', '1'],
      ['draft', '0'],
      ['agreed', '0'],
      ['in_progress', '1'],
    ]);
    expect(wrapper.find('[data-testid="goals-overview-rate"]').text()).toBe('評価済み 3 件のうち 67% を達成');
  });

  it('lists every goal, earliest due first, with its owner and a link to the follow-up page', async () => {
    const { wrapper } = await open();
    expect(rowIds(wrapper)).toEqual(['g1', 'g2', 'g3', 'g4']);
    const first = wrapper.find('[data-testid="goals-overview-row"][data-goal-id="g1"]');
    expect(first.attributes('data-status')).toBe('missed');
    expect(first.find('th[scope="row"]').text()).toBe('佐藤 一郎');
    expect(first.find('[data-testid="goals-overview-link"]').attributes('href')).toBe('/team/u2');
    expect(first.text()).toContain('営業部');
    expect(first.text()).toContain('新入社員');
    expect(first.text()).toContain('ビジネス基礎 の習熟度 3');
    expect(first.text()).toContain('結果: 2');
    expect(first.find('[data-testid="goals-overview-status"]').text()).toBe('未達');
    // A goal whose owner is gone is listed without a link.
    expect(wrapper.find('[data-goal-id="g4"] [data-testid="goals-overview-link"]').exists()).toBe(false);
    expect(wrapper.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);
  });

  it('narrows the rows by status and by department', async () => {
    const { wrapper, router } = await open();
    await wrapper.find('[data-testid="goals-overview-filter-status"]').setValue('achieved');
    await settle();
    expect(rowIds(wrapper)).toEqual(['g2', 'g4']);
    expect(router.currentRoute.value.query).toEqual({ status: 'achieved' });
    expect(wrapper.find('[data-testid="goals-overview-shown"]').text()).toBe('2 件を表示（全 4 件）');

    await wrapper.find('[data-testid="goals-overview-filter-department"]').setValue('d2');
    await settle();
    expect(rowIds(wrapper)).toEqual(['g2']);

    await wrapper.find('[data-testid="goals-overview-filter-status"]').setValue('missed');
    await settle();
    expect(rowIds(wrapper)).toEqual([]);
    expect(wrapper.find('[data-testid="goals-overview-empty"]').text()).toBe('条件に合う目標はありません。');

    await wrapper.find('[data-testid="goals-overview-clear"]').trigger('click');
    await settle();
    expect(rowIds(wrapper)).toEqual(['g1', 'g2', 'g3', 'g4']);
  });

  it('sorts by a column and says so to assistive technology', async () => {
    const { wrapper } = await open();
    expect(wrapper.find('[data-testid="goals-overview-sort-dueDate"]').element.closest('th')!.getAttribute('aria-sort')).toBe('ascending');

    await wrapper.find('[data-testid="goals-overview-sort-status"]').trigger('click');
    expect(rowIds(wrapper)).toEqual(['g3', 'g2', 'g4', 'g1']);
    const th = wrapper.find('[data-testid="goals-overview-sort-status"]').element.closest('th')!;
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    expect(wrapper.find('[data-testid="goals-overview-sort-dueDate"]').element.closest('th')!.hasAttribute('aria-sort')).toBe(false);

    await wrapper.find('[data-testid="goals-overview-sort-status"]').trigger('click');
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect(rowIds(wrapper)).toEqual(['g1', 'g2', 'g4', 'g3']);
  });

  it('says when there are no goals yet', async () => {
    const { wrapper } = await open({
      'GET /api/goals/overview': () => json(200, { items: [], counts: { draft: 0, agreed: 0, in_progress: 0, achieved: 0, missed: 0 } }),
    });
    expect(wrapper.find('[data-testid="goals-overview-empty"]').text()).toBe('まだ目標はありません。');
    expect(wrapper.find('[data-testid="goals-overview-rate"]').exists()).toBe(false);
  });
});
