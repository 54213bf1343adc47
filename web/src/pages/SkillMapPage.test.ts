import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale, Role, SkillMap } from '../api/types';
import { fakeApi, json, type FakeRequest } from '../testing/fakeApi';
import { makeSkillMap, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import SkillMapPage from './SkillMapPage.vue';

async function open(options: { map?: SkillMap; role?: Role; locale?: Locale; path?: string } = {}) {
  const requests: FakeRequest[] = [];
  const { plugins, router } = await setupApp({
    path: options.path ?? '/admin/skills',
    locale: options.locale ?? 'ja',
    fetch: fakeApi({
      'POST /api/auth/refresh': () =>
        json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: options.role ?? 'tenant_admin', departmentId: 'd1' }) }),
      'GET /api/departments': () =>
        json(200, {
          items: [
            { id: 'd1', name: '営業部', userCount: 1 },
            { id: 'd2', name: '開発部', userCount: 1 },
          ],
        }),
      'GET /api/skills/map': (request) => {
        requests.push(request);
        return json(200, options.map ?? makeSkillMap());
      },
    }),
  });
  const wrapper = mount(SkillMapPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router, requests };
}

const cellOf = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], userId: string, skillId: string) =>
  wrapper.find(`[data-testid="skill-map-row"][data-user-id="${userId}"] [data-testid="skill-map-cell"][data-skill-id="${skillId}"]`);

describe('SkillMapPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('draws the heatmap: current/required per cell, a gap class, a text marker and a spoken label', async () => {
    const { wrapper } = await open();

    const headers = wrapper.findAll('[data-testid="skill-map-table"] thead th');
    expect(headers.map((th) => th.text())).toEqual(['社員', 'ビジネス基礎', 'コンプライアンス', 'リーダーシップ']);
    expect(headers.every((th) => th.attributes('scope') === 'col')).toBe(true);

    const rows = wrapper.findAll('[data-testid="skill-map-row"]');
    expect(rows.map((row) => row.attributes('data-user-id'))).toEqual(['u2', 'u3']);
    expect(rows[0]!.find('th[scope="row"]').text()).toContain('佐藤 美咲');
    expect(rows[0]!.find('th[scope="row"]').text()).toContain('営業部 · 新入社員');

    const met = cellOf(wrapper, 'u2', 'business-basics');
    expect(met.attributes('data-gap')).toBe('0');
    expect(met.classes()).toContain('gap--0');
    expect(met.find('.heatmap__value').text()).toBe('3/3');
    expect(met.find('.heatmap__marker').text()).toBe('✓');
    expect(met.find('.visually-hidden').text()).toBe('現在 3、要求水準 3、ギャップ 0');

    const two = cellOf(wrapper, 'u2', 'compliance');
    expect(two.attributes('data-gap')).toBe('2');
    expect(two.classes()).toContain('gap--2');
    expect(two.find('.heatmap__value').text()).toBe('2/4');
    expect(two.find('.heatmap__marker').text()).toBe('▼2');

    const notRequired = cellOf(wrapper, 'u2', 'leadership');
    expect(notRequired.attributes('data-gap')).toBeUndefined();
    expect(notRequired.classes()).toContain('gap--na');
    expect(notRequired.text()).toContain('この階層では要求なし');

    const one = cellOf(wrapper, 'u3', 'business-basics');
    expect(one.classes()).toContain('gap--1');
    expect(one.find('.heatmap__marker').text()).toBe('▼1');

    // Unassessed: whole requirement is the gap, shown in the ≥3 bucket.
    const unrated = cellOf(wrapper, 'u3', 'compliance');
    expect(unrated.attributes('data-gap')).toBe('4');
    expect(unrated.classes()).toContain('gap--3');
    expect(unrated.find('.heatmap__value').text()).toBe('–/4');
    expect(unrated.find('.visually-hidden').text()).toBe('未評価、要求水準 4、ギャップ 4');

    const legend = wrapper.find('[data-testid="skill-map-legend"]').text();
    for (const label of ['ギャップ 0（要求水準を満たす）', 'ギャップ 1', 'ギャップ 2', 'ギャップ 3 以上', '要求なし'])
      expect(legend).toContain(label);
    expect(wrapper.find('[data-testid="skill-map-truncated"]').exists()).toBe(false);
  });

  it('lists department × skill and level × skill averages', async () => {
    const { wrapper } = await open();

    await wrapper.find('[data-testid="skill-map-tab-averages"]').trigger('click');
    expect(wrapper.find('#skill-map-panel-averages').isVisible()).toBe(true);
    expect(wrapper.find('#skill-map-panel-people').isVisible()).toBe(false);
    expect(wrapper.find('[data-testid="skill-map-tab-averages"]').attributes('aria-selected')).toBe('true');

    const dept = wrapper.find('[data-testid="skill-map-dept-table"]');
    const deptRows = dept.findAll('[data-testid="skill-map-agg-row"]');
    expect(deptRows.map((row) => row.find('th').text())).toEqual(['営業部, 1 人', '未所属, 2 人']);
    expect(deptRows[1]!.attributes('data-key')).toBe('none');
    const compliance = deptRows[0]!.find('[data-testid="skill-map-agg-cell"][data-skill-id="compliance"]');
    expect(compliance.find('[data-testid="agg-mean-current"]').text()).toBe('平均習熟度 2');
    expect(compliance.find('[data-testid="agg-mean-gap"]').text()).toBe('ギャップ 2');
    expect(compliance.find('[data-testid="agg-with-gap"]').text()).toContain('1 / 1 人');
    expect(compliance.classes()).toContain('gap--2');
    const mixed = deptRows[1]!.find('[data-testid="skill-map-agg-cell"][data-skill-id="business-basics"]');
    expect(mixed.find('[data-testid="agg-mean-current"]').text()).toBe('平均習熟度 2.5');
    expect(mixed.find('[data-testid="agg-mean-gap"]').text()).toBe('ギャップ 1.3');
    expect(mixed.classes()).toContain('gap--1');
    expect(deptRows[1]!.find('[data-skill-id="leadership"]').text()).toBe('対象外');

    const level = wrapper.find('[data-testid="skill-map-level-table"]');
    const levelRows = level.findAll('[data-testid="skill-map-agg-row"]');
    // In level order, whatever the API's order.
    expect(levelRows.map((row) => row.attributes('data-key'))).toEqual(['new_hire', 'leader']);
    const unassessed = levelRows[0]!.find('[data-testid="skill-map-agg-cell"][data-skill-id="compliance"]');
    expect(unassessed.find('[data-testid="agg-mean-current"]').text()).toBe('平均習熟度 —');
    expect(unassessed.find('[data-testid="agg-mean-gap"]').text()).toBe('ギャップ 4');
    expect(unassessed.classes()).toContain('gap--3');
    expect(level.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);
    expect(level.findAll('tbody th').every((th) => th.attributes('scope') === 'row')).toBe(true);
  });

  it('moves between the tabs with the arrow keys', async () => {
    const { wrapper } = await open();
    const people = wrapper.find('[data-testid="skill-map-tab-people"]');
    expect(people.attributes('tabindex')).toBe('0');
    await people.trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    const averages = wrapper.find('[data-testid="skill-map-tab-averages"]');
    expect(averages.attributes('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(averages.element);
    expect(people.attributes('tabindex')).toBe('-1');
  });

  it('filters by department and level through the URL and asks the API again', async () => {
    const { wrapper, router, requests } = await open();
    expect(requests).toHaveLength(1);
    expect(wrapper.findAll('[data-testid="skill-map-filter-department"] option').map((o) => o.text())).toEqual([
      'すべて',
      '営業部',
      '開発部',
    ]);

    await wrapper.find('[data-testid="skill-map-filter-department"]').setValue('d2');
    await settle();
    await wrapper.find('[data-testid="skill-map-filter-level"]').setValue('leader');
    await settle();
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ departmentId: 'd2', level: 'leader' });
    const last = requests[requests.length - 1]!;
    expect(last.query.get('departmentId')).toBe('d2');
    expect(last.query.get('level')).toBe('leader');
  });

  it('opens the person from a row click', async () => {
    const { wrapper, router } = await open();
    await wrapper.find('[data-testid="skill-map-row"][data-user-id="u3"] [data-testid="skill-map-cell"]').trigger('click');
    // The route's page is loaded lazily, so the navigation may take a moment.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/admin/users/u3/skills'));
    expect(wrapper.find('[data-testid="skill-map-row"][data-user-id="u3"] a').attributes('href')).toBe('/admin/users/u3/skills');
  });

  it('says when the map is truncated and when no one matches', async () => {
    const { wrapper } = await open({ map: makeSkillMap({ rows: [], truncated: true }) });
    expect(wrapper.find('[data-testid="skill-map-truncated"]').text()).toContain('一部の社員のみ');
    expect(wrapper.find('[data-testid="skill-map-empty"]').exists()).toBe(true);
  });

  it('gives managers their own department without a department filter, in English', async () => {
    const { wrapper, requests } = await open({ role: 'manager', locale: 'en', path: '/admin/skills?departmentId=d2' });
    expect(wrapper.find('[data-testid="skill-map-filter-department"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="skill-map-own-department"]').text()).toBe('Showing the members of your department.');
    expect(requests[0]!.query.has('departmentId')).toBe(false);
    const cell = cellOf(wrapper, 'u2', 'compliance');
    expect(cell.find('.visually-hidden').text()).toBe('Current 2, required 4, gap 2');
  });
});
