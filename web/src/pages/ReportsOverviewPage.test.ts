import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompletionStats, GoalCounts, Locale, ReportsOverview, Role } from '../api/types';
import { apiError, fakeApi, json, type FakeRequest } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import ReportsOverviewPage from './ReportsOverviewPage.vue';

/** Chart.js stand-in: records each chart's config. */
const chartLib = vi.hoisted(() => ({
  configs: [] as {
    type: string;
    data: { labels: string[]; datasets: { label: string; data: unknown[] }[] };
    options: { scales: { x: { stacked: boolean }; y: { stacked: boolean; max?: number } } };
  }[],
}));

vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    data: unknown;
    constructor(_context: unknown, config: (typeof chartLib.configs)[number]) {
      this.data = config.data;
      chartLib.configs.push(config);
    }
    update() {}
    destroy() {}
  }
  const piece = (name: string) => ({ id: name });
  return {
    Chart,
    BarController: piece('bar'),
    BarElement: piece('barElement'),
    LineController: piece('line'),
    LineElement: piece('lineElement'),
    PointElement: piece('point'),
    CategoryScale: piece('category'),
    LinearScale: piece('linear'),
    Tooltip: piece('tooltip'),
  };
});

function completion(parts: Partial<CompletionStats> & { onTime: number; late: number; inProgress: number; notStarted: number }) {
  const completed = parts.onTime + parts.late;
  const assigned = completed + parts.inProgress + parts.notStarted;
  const overdue = parts.overdue ?? 0;
  return {
    assigned,
    notStarted: parts.notStarted,
    inProgress: parts.inProgress,
    completed,
    completedOnTime: parts.onTime,
    completedLate: parts.late,
    overdue,
    completionRate: assigned === 0 ? null : completed / assigned,
    onTimeRate: completed === 0 ? null : parts.onTime / completed,
    overdueRate: assigned === 0 ? null : overdue / assigned,
  } satisfies CompletionStats;
}

function goals(counts: Omit<GoalCounts, 'total' | 'achievedRate'>): GoalCounts {
  const total = counts.draft + counts.agreed + counts.in_progress + counts.achieved + counts.missed;
  const closed = counts.achieved + counts.missed;
  return { ...counts, total, achievedRate: closed === 0 ? null : counts.achieved / closed };
}

const HISTOGRAM = Array.from({ length: 10 }, (_, i) => ({ from: 10 * i, to: i === 9 ? 100 : 10 * i + 9, count: 0, share: 0 }));
HISTOGRAM[6] = { from: 60, to: 69, count: 1, share: 0.25 };
HISTOGRAM[8] = { from: 80, to: 89, count: 3, share: 0.75 };

const SALES = {
  departmentId: 'd1',
  name: '営業部',
  completion: completion({ onTime: 6, late: 1, inProgress: 3, notStarted: 2, overdue: 2 }),
  results: { count: 3, passRate: 2 / 3, mean: 80 },
  goals: goals({ draft: 1, agreed: 0, in_progress: 1, achieved: 3, missed: 1 }),
};
const DEV = {
  departmentId: 'd2',
  name: '開発部',
  completion: completion({ onTime: 2, late: 1, inProgress: 3, notStarted: 2, overdue: 1 }),
  results: { count: 1, passRate: 1, mean: 75 },
  goals: goals({ draft: 0, agreed: 1, in_progress: 2, achieved: 1, missed: 0 }),
};
const NONE = {
  departmentId: null,
  name: null,
  completion: completion({ onTime: 0, late: 0, inProgress: 0, notStarted: 0 }),
  results: { count: 0, passRate: null, mean: null },
  goals: goals({ draft: 0, agreed: 0, in_progress: 0, achieved: 0, missed: 0 }),
};

function makeOverview(overrides: Partial<ReportsOverview> = {}): ReportsOverview {
  return {
    filter: {},
    completion: completion({ onTime: 8, late: 2, inProgress: 6, notStarted: 4, overdue: 3 }),
    results: {
      closed: 5,
      count: 4,
      unscored: 1,
      expired: 1,
      passCount: 3,
      passRate: 0.75,
      score: { count: 4, mean: 78.75, variance: 60.1875, sd: 7.758 },
      histogram: HISTOGRAM,
      bands: [],
      theta: { count: 0, mean: null, variance: null, sd: null },
    },
    goals: goals({ draft: 1, agreed: 1, in_progress: 3, achieved: 4, missed: 1 }),
    byDepartment: [SALES, DEV, NONE],
    byLevel: [
      { level: 'mid', completion: DEV.completion, results: { count: 1, passRate: 1, mean: 75 }, goals: DEV.goals },
      { level: null, completion: NONE.completion, results: { count: 0, passRate: null, mean: null }, goals: NONE.goals },
      { level: 'new_hire', completion: SALES.completion, results: { count: 3, passRate: 2 / 3, mean: 80 }, goals: SALES.goals },
    ],
    bySkill: [
      { skill: '報連相', count: 4, answered: 10, percent: 75 },
      { skill: '論理的思考', count: 4, answered: 8, percent: 62.5 },
    ],
    trend: [
      { week: '2025-04-07', count: 0, mean: null, passRate: null },
      { week: '2025-04-14', count: 4, mean: 78.75, passRate: 0.75 },
    ],
    ...overrides,
  };
}

async function open(options: { role?: Role; locale?: Locale; path?: string; overview?: ReportsOverview; fail?: boolean } = {}) {
  const requests: FakeRequest[] = [];
  const { plugins, router } = await setupApp({
    path: options.path ?? '/admin/reports/overview',
    locale: options.locale ?? 'ja',
    fetch: fakeApi({
      'POST /api/auth/refresh': () =>
        json(200, {
          accessToken: 'tok',
          expiresIn: 900,
          user: makeUser({ role: options.role ?? 'tenant_admin', departmentId: 'd1', departmentName: '営業部' }),
        }),
      'GET /api/departments': () =>
        json(200, {
          items: [
            { id: 'd1', name: '営業部', userCount: 3 },
            { id: 'd2', name: '開発部', userCount: 2 },
          ],
        }),
      'GET /api/reports/overview': (request) => {
        requests.push(request);
        return options.fail ? apiError(500, 'internal', 'Something went wrong') : json(200, options.overview ?? makeOverview());
      },
    }),
  });
  const wrapper = mount(ReportsOverviewPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router, requests };
}

const cells = (row: { findAll: (s: string) => { text: () => string }[] }) => row.findAll('th, td').map((cell) => cell.text());
const texts = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], testid: string) =>
  wrapper.findAll(`[data-testid="${testid}"]`).map(cells);

describe('ReportsOverviewPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
    chartLib.configs.length = 0;
  });

  it('shows the key figures and every chart as a table with the same numbers', async () => {
    const { wrapper, requests } = await open();
    expect(requests).toHaveLength(1);
    expect([...requests[0]!.query.keys()]).toEqual([]);
    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('全社の概要');
    // The report pages link to one another; this one is marked current.
    const tabs = wrapper.findAll('.report-tabs a');
    expect(tabs.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['概要', '/admin/reports/overview'],
      ['テスト結果', '/admin/reports'],
      ['スキルギャップ', '/admin/reports/skill-gaps'],
    ]);
    expect(tabs[0]!.attributes('aria-current')).toBe('page');
    expect(tabs[1]!.attributes('aria-current')).toBeUndefined();

    expect(wrapper.find('[data-testid="overview-kpi-completion"]').text()).toBe('50%');
    expect(wrapper.find('[data-testid="overview-kpi-completion-sub"]').text()).toBe('20 件中 10 件修了');
    expect(wrapper.find('[data-testid="overview-kpi-on-time"]').text()).toBe('8 / 2');
    expect(wrapper.find('[data-testid="overview-kpi-not-started"]').text()).toBe('4');
    expect(wrapper.find('[data-testid="overview-kpi-overdue"]').text()).toBe('3');
    expect(wrapper.find('[data-testid="overview-kpi-overdue"]').element.closest('.stat')!.classList).toContain('stat--alert');
    expect(wrapper.find('[data-testid="overview-kpi-pass-rate"]').text()).toBe('75%');
    expect(wrapper.find('[data-testid="overview-kpi-mean"]').text()).toBe('78.8');
    expect(wrapper.find('[data-testid="overview-kpi-goals"]').text()).toBe('4 / 1');

    // Completion by department: on time / late / in progress / not started, as a table…
    expect(texts(wrapper, 'overview-completion-row')).toEqual([
      ['営業部', '12', '6', '1', '3', '2', '2', '58.3%'],
      ['開発部', '8', '2', '1', '3', '2', '1', '37.5%'],
      ['未所属', '0', '0', '0', '0', '0', '0', '—'],
    ]);
    // …and as a stacked bar chart with the same numbers.
    await vi.waitFor(() => expect(chartLib.configs.length).toBeGreaterThanOrEqual(6));
    const stacked = chartLib.configs.find((c) => c.options.scales.x.stacked)!;
    expect(stacked.data.labels).toEqual(['営業部', '開発部', '未所属']);
    expect(stacked.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['期限内に修了', [6, 2, 0]],
      ['期限後に修了', [1, 1, 0]],
      ['受講中', [3, 3, 0]],
      ['未着手', [2, 2, 0]],
    ]);
    expect(chartLib.configs.filter((c) => c.options.scales.x.stacked)).toHaveLength(1);

    expect(texts(wrapper, 'overview-dept-results-row')).toEqual([
      ['営業部', '3', '66.7%', '80'],
      ['開発部', '1', '100%', '75'],
      ['未所属', '0', '—', '—'],
    ]);
    // Levels in career order, "not set" last.
    expect(texts(wrapper, 'overview-level-results-row')).toEqual([
      ['新入社員', '3', '66.7%', '80', '58.3%'],
      ['中堅社員', '1', '100%', '75', '37.5%'],
      ['階層未設定', '0', '—', '—', '—'],
    ]);
    const levelChart = chartLib.configs.find((c) => c.data.labels[0] === '新入社員')!;
    expect(levelChart.data.datasets.map((d) => d.data)).toEqual([
      [66.7, 100, null],
      [80, 75, null],
    ]);

    expect(texts(wrapper, 'overview-histogram-row')[8]).toEqual(['80–89', '3', '75%']);
    expect(texts(wrapper, 'overview-trend-row')).toEqual([
      ['2025年4月7日', '0', '—', '—'],
      ['2025年4月14日', '4', '78.8', '75%'],
    ]);
    expect(texts(wrapper, 'overview-skill-row')).toEqual([
      ['報連相', '4', '10', '75%'],
      ['論理的思考', '4', '8', '62.5%'],
    ]);
    expect(texts(wrapper, 'overview-goals-row')).toEqual([
      ['営業部', '6', '3', '1', '2', '75%'],
      ['開発部', '4', '1', '0', '3', '100%'],
      ['未所属', '0', '0', '0', '0', '—'],
    ]);
  });

  it('sorts a table by a column, empty values last, and says so to assistive technology', async () => {
    const { wrapper } = await open();
    const button = wrapper.find('[data-testid="overview-dept-results-sort-passRate"]');
    await button.trigger('click');
    expect(button.element.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(texts(wrapper, 'overview-dept-results-row').map((c) => c[0])).toEqual(['営業部', '開発部', '未所属']);
    await button.trigger('click');
    expect(button.element.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(texts(wrapper, 'overview-dept-results-row').map((c) => c[0])).toEqual(['開発部', '営業部', '未所属']);
    // The other tables keep their own order.
    expect(texts(wrapper, 'overview-completion-row').map((c) => c[0])).toEqual(['営業部', '開発部', '未所属']);
  });

  it('filters by department and level through the URL', async () => {
    const { wrapper, router, requests } = await open();
    await wrapper.find('[data-testid="overview-filter-department"]').setValue('d2');
    await settle();
    await wrapper.find('[data-testid="overview-filter-level"]').setValue('new_hire');
    await settle();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ departmentId: 'd2', level: 'new_hire' });
    const last = requests.at(-1)!;
    expect(last.query.get('departmentId')).toBe('d2');
    expect(last.query.get('level')).toBe('new_hire');
    expect(wrapper.find('[data-testid="overview-print-filter"]').text()).toBe('部署: 開発部 / 階層: 新入社員');
  });

  it('prints the page', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { wrapper } = await open();
    await wrapper.find('[data-testid="report-print"]').trigger('click');
    expect(print).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('gives managers their own department without a department filter, in English', async () => {
    const { wrapper, requests } = await open({
      role: 'manager',
      locale: 'en',
      path: '/admin/reports/overview?departmentId=d9&level=mid',
      overview: makeOverview({ filter: { departmentId: 'd1', level: 'mid' }, byDepartment: [SALES] }),
    });
    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('Department overview');
    expect(wrapper.find('[data-testid="overview-filter-department"]').exists()).toBe(false);
    expect(requests[0]!.query.has('departmentId')).toBe(false);
    expect(requests[0]!.query.get('level')).toBe('mid');
    expect(wrapper.find('[data-testid="overview-own-department"]').text()).toBe('Showing your department (営業部).');
    expect(wrapper.find('[data-testid="overview-kpi-pass-rate"]').text()).toBe('75%');
    expect(texts(wrapper, 'overview-completion-row')).toEqual([['営業部', '12', '6', '1', '3', '2', '2', '58.3%']]);
    expect(wrapper.find('[data-testid="overview-print-filter"]').text()).toBe('Department: 営業部 / Level: Mid-career staff');
  });

  it('says when there is nothing yet, and shows API errors', async () => {
    const empty = makeOverview({
      completion: NONE.completion,
      goals: NONE.goals,
      byDepartment: [],
      byLevel: [],
      bySkill: [],
      results: { ...makeOverview().results, count: 0, passRate: null, score: { count: 0, mean: null, variance: null, sd: null } },
    });
    const { wrapper } = await open({ overview: empty });
    expect(wrapper.find('[data-testid="overview-no-assignments"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="overview-no-results"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="overview-no-skills"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="overview-no-goals"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="overview-kpi-completion"]').text()).toBe('—');
    expect(wrapper.find('[data-testid="overview-completion-chart"]').exists()).toBe(false);

    const failed = await open({ fail: true });
    expect(failed.wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(failed.wrapper.find('[data-testid="overview-kpis"]').exists()).toBe(false);
  });
});
