import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlatformUsage } from '../api/types';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import PlatformUsagePage from './PlatformUsagePage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'p1', role: 'platform_admin' }) });

const USAGE: PlatformUsage = {
  months: ['2025-05', '2025-06'],
  vendors: [
    {
      id: 'v1',
      name: 'エグザンプル研修',
      status: 'active',
      tenants: 4,
      seatsUsed: 120,
      byMonth: [
        { month: '2025-05', activeLearners: 80, attempts: 300 },
        { month: '2025-06', activeLearners: 90, attempts: 310 },
      ],
    },
    {
      id: 'v2',
      name: 'ノースHRパートナーズ',
      status: 'suspended',
      tenants: 1,
      seatsUsed: 5,
      byMonth: [
        { month: '2025-05', activeLearners: 0, attempts: 0 },
        { month: '2025-06', activeLearners: 1, attempts: 2 },
      ],
    },
  ],
  totals: {
    seatsUsed: 125,
    byMonth: [
      { month: '2025-05', activeLearners: 80, attempts: 300 },
      { month: '2025-06', activeLearners: 91, attempts: 312 },
    ],
  },
};

async function open(routes: Record<string, FakeHandler> = {}, locale: 'ja' | 'en' = 'ja') {
  const requests: FakeRequest[] = [];
  const { plugins, router } = await setupApp({
    path: '/platform/usage',
    locale,
    fetch: fakeApi({
      'POST /api/auth/refresh': session,
      'GET /api/platform/usage': (request) => {
        requests.push(request);
        return json(200, USAGE);
      },
      ...routes,
    }),
  });
  const wrapper = mount(PlatformUsagePage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return { wrapper, router, requests };
}

describe('PlatformUsagePage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows each vendor per month, with companies, seats and a totals row', async () => {
    const { wrapper, requests } = await open({}, 'en');

    expect(requests.map((r) => r.query.get('months'))).toEqual(['6']);
    expect(wrapper.findAll('.usage-table__month').map((th) => th.text())).toEqual(['May 2025', 'Jun 2025']);
    const rows = wrapper.findAll('[data-testid="platform-usage-row"]');
    expect(rows.map((row) => [row.find('th').text(), row.find('[data-testid="platform-usage-tenants"]').text()])).toEqual([
      ['エグザンプル研修', '4'],
      ['ノースHRパートナーズ', '1'],
    ]);
    expect(rows[0]!.findAll('[data-testid="usage-attempts"]').map((cell) => cell.text())).toEqual(['300', '310']);
    const total = wrapper.find('[data-testid="platform-usage-total"]');
    expect(total.find('[data-testid="platform-usage-tenants"]').text()).toBe('5');
    expect(total.find('[data-testid="platform-usage-seats"]').text()).toBe('125');
    expect(total.findAll('[data-testid="usage-active-learners"]').map((cell) => cell.text())).toEqual(['80', '91']);
  });

  it('asks again for another number of months', async () => {
    const { wrapper, router, requests } = await open();
    await wrapper.find('[data-testid="platform-usage-months"]').setValue('3');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ months: '3' });
    expect(requests.map((r) => r.query.get('months'))).toEqual(['6', '3']);
    await wrapper.find('[data-testid="platform-usage-months"]').setValue('6');
    await settle();
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('shows an error', async () => {
    const { wrapper } = await open({ 'GET /api/platform/usage': () => apiError(500, 'internal', 'boom', [], 'req-500') });
    expect(wrapper.find('[role="alert"]').text()).toContain('問い合わせ番号: req-500');
  });
});
