import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VendorUsage } from '../api/types';
import { fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import VendorUsagePage from './VendorUsagePage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'v1', role: 'vendor_admin' }) });

const USAGE: VendorUsage = {
  months: ['2025-04', '2025-05', '2025-06'],
  tenants: [
    {
      id: 't1',
      name: '株式会社さくら商事',
      status: 'active',
      seatLimit: 50,
      seatsUsed: 12,
      byMonth: [
        { month: '2025-04', activeLearners: 8, attempts: 20 },
        { month: '2025-05', activeLearners: 10, attempts: 31 },
        { month: '2025-06', activeLearners: 11, attempts: 1234 },
      ],
    },
    {
      id: 't2',
      name: 'みどり製作所',
      status: 'suspended',
      seatLimit: null,
      seatsUsed: 3,
      // A month left out counts as nothing.
      byMonth: [{ month: '2025-05', activeLearners: 2, attempts: 4 }],
    },
  ],
  totals: {
    seatsUsed: 15,
    byMonth: [
      { month: '2025-04', activeLearners: 8, attempts: 20 },
      { month: '2025-05', activeLearners: 12, attempts: 35 },
      { month: '2025-06', activeLearners: 11, attempts: 1234 },
    ],
  },
};

async function open(routes: Record<string, FakeHandler> = {}, path = '/vendor/usage') {
  const requests: FakeRequest[] = [];
  const { plugins, router } = await setupApp({
    path,
    fetch: fakeApi({
      'POST /api/auth/refresh': session,
      'GET /api/vendor/usage': (request) => {
        requests.push(request);
        return json(200, USAGE);
      },
      ...routes,
    }),
  });
  const wrapper = mount(VendorUsagePage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return { wrapper, router, requests };
}

const cells = (row: ReturnType<ReturnType<typeof mount>['find']>, testid: string) =>
  row.findAll(`[data-testid="${testid}"]`).map((cell) => cell.text());

describe('VendorUsagePage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows each company per month, with seats and a totals row', async () => {
    const { wrapper, requests } = await open();

    expect(requests.map((r) => r.query.get('months'))).toEqual(['6']);
    expect(wrapper.findAll('.usage-table__month').map((th) => th.text())).toEqual(['2025年4月', '2025年5月', '2025年6月']);
    const rows = wrapper.findAll('[data-testid="vendor-usage-row"]');
    expect(rows.map((row) => row.attributes('data-id'))).toEqual(['t1', 't2']);
    expect(rows[0]!.find('a').attributes('href')).toBe('/vendor/tenants/t1');
    expect(rows[0]!.find('[data-testid="vendor-usage-seats"]').text()).toBe('12 / 50');
    expect(cells(rows[0]!, 'usage-active-learners')).toEqual(['8', '10', '11']);
    expect(cells(rows[0]!, 'usage-attempts')).toEqual(['20', '31', '1,234']);
    expect(rows[1]!.find('[data-testid="vendor-usage-seats"]').text()).toBe('3 / 無制限');
    expect(rows[1]!.text()).toContain('利用停止中');
    expect(cells(rows[1]!, 'usage-active-learners')).toEqual(['0', '2', '0']);

    const total = wrapper.find('[data-testid="vendor-usage-total"]');
    expect(total.find('th').text()).toBe('合計');
    expect(total.find('[data-testid="vendor-usage-seats"]').text()).toBe('15');
    expect(cells(total, 'usage-active-learners')).toEqual(['8', '12', '11']);
    expect(cells(total, 'usage-attempts')).toEqual(['20', '35', '1,234']);
  });

  it('asks for the months chosen, kept in the URL', async () => {
    const { wrapper, router, requests } = await open({}, '/vendor/usage?months=3');
    expect(requests.map((r) => r.query.get('months'))).toEqual(['3']);
    expect((wrapper.find('[data-testid="vendor-usage-months"]').element as HTMLSelectElement).value).toBe('3');

    await wrapper.find('[data-testid="vendor-usage-months"]').setValue('12');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ months: '12' });
    expect(requests.map((r) => r.query.get('months'))).toEqual(['3', '12']);
  });

  it('downloads the CSV for the months shown', async () => {
    const createObjectURL = vi.fn(() => 'blob:usage');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const csv: FakeRequest[] = [];
    const { wrapper } = await open(
      {
        'GET /api/vendor/usage.csv': (request) => {
          csv.push(request);
          return new Response('\uFEFFmonth,tenant_id\r\n', { status: 200, headers: { 'content-type': 'text/csv' } });
        },
      },
      '/vendor/usage?months=12',
    );

    await wrapper.find('[data-testid="vendor-usage-csv"]').trigger('click');
    await settle();
    expect(csv.map((r) => [r.query.get('months'), r.headers.get('authorization')])).toEqual([['12', 'Bearer tok']]);
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('says so when there are no companies', async () => {
    const { wrapper } = await open({
      'GET /api/vendor/usage': () => json(200, { ...USAGE, tenants: [], totals: { seatsUsed: 0, byMonth: [] } }),
    });
    expect(wrapper.find('[data-testid="vendor-usage-empty"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vendor-usage-total"]').exists()).toBe(false);
  });
});
