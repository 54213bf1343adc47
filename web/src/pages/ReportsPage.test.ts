import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentReport, AssessmentSummary, AssessmentTrend, ItemStatistics, Locale, Role } from '../api/types';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import ReportsPage from './ReportsPage.vue';

/** Chart.js stand-in: records each chart's config; its import waits on a gate the first test opens. */
const chartLib = vi.hoisted(() => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    gate,
    release: () => release(),
    configs: [] as { type: string; data: { labels: string[]; datasets: { data: unknown[] }[] } }[],
    registered: [] as unknown[],
  };
});

vi.mock('chart.js', async () => {
  await chartLib.gate;
  class Chart {
    static register(...items: unknown[]) {
      chartLib.registered.push(...items);
    }
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

const ASSESSMENTS: Partial<AssessmentSummary>[] = [
  { id: 'as1', title: { ja: 'ビジネス基礎テスト', en: 'Business basics' }, status: 'published', mode: 'fixed' },
  { id: 'as2', title: { ja: 'コンプライアンス確認', en: 'Compliance check' }, status: 'published', mode: 'adaptive' },
];

const HISTOGRAM = Array.from({ length: 10 }, (_, i) => ({ from: 10 * i, to: i === 9 ? 100 : 10 * i + 9, count: 0, share: 0 }));
HISTOGRAM[6] = { from: 60, to: 69, count: 1, share: 0.25 };
HISTOGRAM[8] = { from: 80, to: 89, count: 3, share: 0.75 };

function makeReport(): AssessmentReport {
  return {
    assessmentId: 'as1',
    filter: {},
    results: {
      closed: 5,
      count: 4,
      unscored: 1,
      expired: 1,
      passCount: 3,
      passRate: 0.75,
      score: { count: 4, mean: 78.75, variance: 60.1875, sd: 7.758 },
      histogram: HISTOGRAM,
      bands: [1, 2, 3, 4, 5].map((band) => ({ band, count: band === 3 ? 4 : 0, share: band === 3 ? 1 : 0 })),
      theta: { count: 0, mean: null, variance: null, sd: null },
    },
    skills: [
      { skill: '報連相', count: 4, correct: 7.5, answered: 10, percent: 75 },
      { skill: '論理的思考', count: 4, correct: 6, answered: 8, percent: 75 },
    ],
  };
}

const TREND: AssessmentTrend = {
  weeks: [
    { week: '2025-04-07', count: 0, mean: null, passRate: null },
    { week: '2025-04-14', count: 4, mean: 78.75, passRate: 0.75 },
  ],
};

const STATISTICS: ItemStatistics = {
  computedAt: '2025-04-15T09:30:00Z',
  attempts: 30,
  items: [
    { itemId: 'q-horenso', exposureCount: 30, exposureRate: 1, pValue: 0.8, pointBiserial: 0.45, optionRates: { b: 0.2, a: 0.8 } },
    {
      itemId: 'q-logic',
      exposureCount: 24,
      exposureRate: 0.8,
      pValue: 0.5,
      pointBiserial: 0.12,
      optionRates: { a: 0.5, b: 0.25, c: 0.25 },
    },
    { itemId: 'q-numeric', exposureCount: 12, exposureRate: 0.4, pValue: 1, pointBiserial: null, optionRates: {} },
    // Six answers: too few to judge, so its low figure is shown as indicative, not flagged.
    { itemId: 'q-rare', exposureCount: 6, exposureRate: 0.2, pValue: 0.5, pointBiserial: 0.05, optionRates: { a: 0.5, b: 0.5 } },
  ],
};

async function open(options: { role?: Role; locale?: Locale; path?: string; routes?: Record<string, FakeHandler> } = {}) {
  const requests: FakeRequest[] = [];
  const statisticsRequests: FakeRequest[] = [];
  const { plugins, router } = await setupApp({
    path: options.path ?? '/admin/reports',
    locale: options.locale ?? 'ja',
    fetch: fakeApi({
      'POST /api/auth/refresh': () =>
        json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: options.role ?? 'tenant_admin', departmentId: 'd1' }) }),
      'GET /api/departments': () => json(200, { items: [{ id: 'd1', name: '営業部', userCount: 1 }] }),
      'GET /api/assessments': () => json(200, { items: ASSESSMENTS }),
      'GET /api/reports/assessments/as1': (request) => {
        requests.push(request);
        return json(200, makeReport());
      },
      'GET /api/reports/assessments/as1/trend': (request) => {
        requests.push(request);
        return json(200, TREND);
      },
      'GET /api/assessments/as1/statistics': (request) => {
        statisticsRequests.push(request);
        return json(200, STATISTICS);
      },
      'GET /api/reports/assessments/as1/results.csv': (request) => {
        requests.push(request);
        return new Response('\uFEFF受験ID\r\n', {
          status: 200,
          headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="results-as1.csv"' },
        });
      },
      ...options.routes,
    }),
  });
  const wrapper = mount(ReportsPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router, requests, statisticsRequests };
}

const cells = (row: { findAll: (s: string) => { text: () => string }[] }) => row.findAll('th, td').map((cell) => cell.text());

describe('ReportsPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the tables before the chart library has loaded, then draws the charts with the same numbers', async () => {
    const { wrapper, router, requests } = await open();

    // The first published assessment is picked and its report and 12-week trend asked for.
    expect(router.currentRoute.value.query).toEqual({ assessmentId: 'as1' });
    expect((wrapper.find('[data-testid="report-assessment"]').element as HTMLSelectElement).value).toBe('as1');
    expect(requests.find((r) => r.path.endsWith('/trend'))!.query.get('weeks')).toBe('12');

    // Chart.js is still on its way: the tables already carry every number.
    expect(chartLib.configs).toHaveLength(0);
    const histogramChart = wrapper.find('[data-testid="report-histogram-chart"]');
    if (histogramChart.exists()) expect(histogramChart.attributes('data-state')).toBe('loading');
    const rows = wrapper.findAll('[data-testid="report-histogram-table"] [data-testid="report-histogram-row"]');
    expect(rows).toHaveLength(10);
    expect(cells(rows[8]!)).toEqual(['80–89', '3', '75%']);
    expect(cells(rows[6]!)).toEqual(['60–69', '1', '25%']);

    chartLib.release();
    await vi.waitFor(() => expect(chartLib.configs).toHaveLength(3));
    await flushPromises();
    expect(wrapper.find('[data-testid="report-histogram-chart"]').attributes('data-state')).toBe('ready');

    const [histogram, trend, bands] = [
      chartLib.configs.find((c) => c.type === 'bar' && c.data.labels[0] === '0–9')!,
      chartLib.configs.find((c) => c.type === 'line')!,
      chartLib.configs.find((c) => c.type === 'bar' && c.data.labels[0] === 'バンド 1')!,
    ];
    expect(histogram.data.datasets[0]!.data).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 3, 0]);
    expect(trend.data.labels).toEqual(['2025年4月7日', '2025年4月14日']);
    expect(trend.data.datasets.map((d) => d.data)).toEqual([
      [null, 78.8],
      [null, 75],
    ]);
    expect(bands.data.datasets[0]!.data).toEqual([0, 0, 4, 0, 0]);
    // Only the pieces used are registered (tree-shaken).
    expect(new Set(chartLib.registered.map((p) => (p as { id: string }).id))).toEqual(
      new Set(['bar', 'barElement', 'line', 'lineElement', 'point', 'category', 'linear', 'tooltip']),
    );
  });

  it('shows HR the mean θ and its SD for an adaptive assessment (none for a fixed form)', async () => {
    const adaptive = makeReport();
    adaptive.results.theta = { count: 4, mean: 0.4213, variance: 0.25, sd: 0.5 };
    const { wrapper } = await open({ routes: { 'GET /api/reports/assessments/as1': () => json(200, adaptive) } });
    expect(wrapper.find('[data-testid="report-summary"]').text()).toContain('θ の平均（標準偏差）');
    expect(wrapper.find('[data-testid="report-theta"]').text()).toBe('0.42 (0.5)');
    const fixed = await open();
    expect(fixed.wrapper.find('[data-testid="report-theta"]').exists()).toBe(false);
  });

  it('renders the summary tiles, the per-skill, trend and band tables', async () => {
    const { wrapper } = await open();

    expect(wrapper.find('[data-testid="report-count"]').text()).toBe('4');
    expect(wrapper.find('[data-testid="report-mean"]').text()).toBe('78.8');
    expect(wrapper.find('[data-testid="report-sd"]').text()).toBe('7.8');
    expect(wrapper.find('[data-testid="report-pass-rate"]').text()).toBe('75%');

    const skills = wrapper.findAll('[data-testid="report-skill-row"]');
    expect(skills.map(cells)).toEqual([
      ['報連相', '4', '7.5', '10', '75%'],
      ['論理的思考', '4', '6', '8', '75%'],
    ]);

    const weeks = wrapper.findAll('[data-testid="report-trend-table"] [data-testid="report-trend-row"]');
    expect(weeks.map(cells)).toEqual([
      ['2025年4月7日', '0', '—', '—'],
      ['2025年4月14日', '4', '78.8', '75%'],
    ]);

    const bands = wrapper.findAll('[data-testid="report-band-row"]');
    expect(cells(bands[2]!)).toEqual(['バンド 3', '4', '100%']);
  });

  it('filters by department and level through the URL and downloads the CSV with the token', async () => {
    const createObjectURL = vi.fn(() => 'blob:report');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const { wrapper, router, requests } = await open();

    await wrapper.find('[data-testid="report-filter-department"]').setValue('d1');
    await settle();
    await wrapper.find('[data-testid="report-filter-level"]').setValue('new_hire');
    await settle();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ assessmentId: 'as1', departmentId: 'd1', level: 'new_hire' });
    const last = requests.filter((r) => r.path === '/api/reports/assessments/as1').at(-1)!;
    expect(last.query.get('departmentId')).toBe('d1');
    expect(last.query.get('level')).toBe('new_hire');

    await wrapper.find('[data-testid="report-csv"]').trigger('click');
    await flushPromises();
    const csv = requests.find((r) => r.path.endsWith('/results.csv'))!;
    expect(csv.query.get('locale')).toBe('ja');
    expect(csv.headers.get('authorization')).toBe('Bearer tok');
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('prints the page', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { wrapper } = await open();
    await wrapper.find('[data-testid="report-print"]').trigger('click');
    expect(print).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('shows HR the item analysis of the assessment, flags weak items and sorts the table', async () => {
    const { wrapper, statisticsRequests } = await open();
    expect(statisticsRequests).toHaveLength(1);
    // It covers the whole assessment: the filters are not sent.
    expect([...statisticsRequests[0]!.query.keys()]).toEqual([]);

    const section = wrapper.find('[data-testid="item-analysis"]');
    expect(section.find('h2').text()).toBe('項目分析');
    expect(section.find('[data-testid="item-analysis-note"]').text()).toContain('自動で更新されます');
    expect(section.find('[data-testid="item-analysis-updated"]').text()).toContain('対象の受験 30 件');
    // Maintained continuously: only the sort buttons, no recompute action.
    expect(section.findAll('button').every((b) => b.classes('sort-button'))).toBe(true);

    const rows = () => wrapper.findAll('[data-testid="item-analysis-row"]');
    expect(rows().map(cells)).toEqual([
      ['q-horenso', '30', '100%', '0.8', '0.45', 'a 80%b 20%'],
      ['q-logic', '24', '80%', '0.5', '0.12 要見直し', 'a 50%b 25%c 25%'],
      ['q-numeric', '12', '40%', '1', '—', '—'],
      ['q-rare', '6', '20%', '0.5', '0.05 参考値', 'a 50%b 50%'],
    ]);
    expect(rows()[1]!.attributes('data-review')).toBe('true');
    expect(rows()[0]!.attributes('data-review')).toBeUndefined();
    expect(rows()[3]!.attributes('data-review')).toBeUndefined();
    expect(section.text()).toContain('回答が 20 件に満たない問題は値が安定しないため参考値とし、判定しません');
    expect(
      rows()[1]!
        .findAll('[data-testid="item-analysis-options"] li')
        .map((li) => li.text()),
    ).toEqual(['a 50%', 'b 25%', 'c 25%']);
    expect(section.find('[data-testid="item-analysis-review-count"]').text()).toBe('見直しをおすすめする問題が 1 問あります。');

    await wrapper.find('[data-testid="item-analysis-sort-pointBiserial"]').trigger('click');
    expect(rows().map((row) => row.attributes('data-item-id'))).toEqual(['q-rare', 'q-logic', 'q-horenso', 'q-numeric']);
    await wrapper.find('[data-testid="item-analysis-sort-pValue"]').trigger('click');
    await wrapper.find('[data-testid="item-analysis-sort-pValue"]').trigger('click');
    expect(wrapper.find('[data-testid="item-analysis-sort-pValue"]').element.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(rows().map((row) => row.attributes('data-item-id'))).toEqual(['q-numeric', 'q-horenso', 'q-logic', 'q-rare']);

    // Changing a filter keeps the same assessment: no new request.
    await wrapper.find('[data-testid="report-filter-level"]').setValue('new_hire');
    await settle();
    await flushPromises();
    expect(statisticsRequests).toHaveLength(1);
  });

  it('does not ask for the item analysis for a manager (the endpoint is HR only)', async () => {
    const { wrapper, statisticsRequests } = await open({ role: 'manager' });
    expect(wrapper.find('[data-testid="report-count"]').text()).toBe('4');
    expect(wrapper.find('[data-testid="item-analysis"]').exists()).toBe(false);
    expect(statisticsRequests).toHaveLength(0);
  });

  it('gives managers their own department without a department filter or CSV, in English', async () => {
    const { wrapper, requests } = await open({ role: 'manager', locale: 'en', path: '/admin/reports?assessmentId=as1&departmentId=d9' });
    expect(wrapper.find('[data-testid="report-filter-department"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-csv"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-own-department"]').text()).toBe('Showing the results of your department.');
    expect(requests[0]!.query.has('departmentId')).toBe(false);
    expect(wrapper.find('[data-testid="report-pass-rate"]').text()).toBe('75%');
    expect(cells(wrapper.findAll('[data-testid="report-trend-row"]')[1]!)).toEqual(['April 14, 2025', '4', '78.8', '75%']);
  });

  it('shows a note instead of the CSV button when the plan leaves exporting out', async () => {
    const { wrapper } = await open({
      routes: {
        'GET /api/me': () =>
          json(200, {
            user: makeUser(),
            tenant: { id: 't1', name: '株式会社テスト', features: { adaptive: true, reportsExport: false }, seats: { used: 3, limit: 10 } },
          }),
      },
    });
    expect(wrapper.find('[data-testid="report-csv"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-csv-not-in-plan"]').text()).toBe('ご契約のプランには結果の CSV 出力が含まれていません。');
    expect(wrapper.find('[data-testid="report-print"]').exists()).toBe(true);
  });

  it('explains a refused export (the plan changed since the page opened) and then hides the button', async () => {
    let planAsked = 0;
    const { wrapper } = await open({
      routes: {
        'GET /api/me': () => {
          planAsked++;
          return json(200, {
            user: makeUser(),
            tenant: {
              id: 't1',
              name: '株式会社テスト',
              features: { adaptive: true, reportsExport: planAsked === 1 },
              seats: { used: 3, limit: null },
            },
          });
        },
        'GET /api/reports/assessments/as1/results.csv': () =>
          apiError(403, 'feature_not_in_plan', 'Exporting reports is not part of your company’s plan; ask your provider'),
      },
    });

    await wrapper.find('[data-testid="report-csv"]').trigger('click');
    await settle();
    await flushPromises();
    expect(wrapper.find('[data-testid="error-alert"]').text()).toContain('ご契約のプランにはこの機能が含まれていません。');
    expect(planAsked).toBe(2);
    expect(wrapper.find('[data-testid="report-csv"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-csv-not-in-plan"]').exists()).toBe(true);
  });
});
