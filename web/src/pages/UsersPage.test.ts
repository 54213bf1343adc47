import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locale, SeatUsage } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import UsersPage from './UsersPage.vue';

async function open(seats: SeatUsage | null, locale: Locale = 'ja') {
  const { plugins, router } = await setupApp({
    path: '/admin/users',
    locale,
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
      'GET /api/departments': () => json(200, { items: [] }),
      'GET /api/users': () =>
        json(200, {
          items: [makeUser(), makeUser({ id: 'u2', name: '佐藤 美咲', furigana: null, role: 'learner' })],
          total: 2,
          page: 1,
          pageSize: 50,
          pageCount: 1,
        }),
      ...(seats
        ? {
            'GET /api/me': () =>
              json(200, {
                user: makeUser(),
                tenant: { id: 't1', name: '株式会社テスト', features: { adaptive: true, reportsExport: true }, seats },
              }),
          }
        : {}),
    }),
  });
  const wrapper = mount(UsersPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return { wrapper, router };
}

describe('UsersPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the seats used out of the plan’s limit next to the heading, with adding and importing open', async () => {
    const { wrapper } = await open({ used: 12, limit: 50 });

    expect(wrapper.find('[data-testid="users-seats"]').text()).toBe('利用中のライセンス: 12 / 50 名');
    expect(wrapper.find('[data-testid="add-user-link"]').attributes('href')).toBe('/admin/users/new');
    expect(wrapper.find('[data-testid="import-users-link"]').attributes('href')).toBe('/admin/users/import');
    expect(wrapper.find('[data-testid="users-seats-full"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="user-row"]')).toHaveLength(2);
  });

  it('shows just the count when the plan has no limit', async () => {
    const { wrapper } = await open({ used: 7, limit: null }, 'en');
    expect(wrapper.find('[data-testid="users-seats"]').text()).toBe('Seats used: 7');
    expect(wrapper.find('[data-testid="add-user-link"]').attributes('disabled')).toBeUndefined();
  });

  it('disables adding and importing people, and says why, when no seat is free', async () => {
    const { wrapper } = await open({ used: 10, limit: 10 });

    expect(wrapper.find('[data-testid="users-seats"]').text()).toBe('利用中のライセンス: 10 / 10 名');
    for (const id of ['add-user-link', 'import-users-link']) {
      const control = wrapper.find(`[data-testid="${id}"]`);
      expect(control.element.tagName).toBe('BUTTON');
      expect(control.attributes('disabled')).toBeDefined();
      expect(control.attributes('aria-describedby')).toBe('users-seats-full');
    }
    expect(wrapper.find('#users-seats-full').text()).toContain('ライセンスがすべて使われているため');
  });

  it('leaves the seats out, and adding open, when they cannot be had', async () => {
    const { wrapper } = await open(null);
    expect(wrapper.find('[data-testid="users-seats"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="add-user-link"]').attributes('href')).toBe('/admin/users/new');
  });
});

describe('UsersPage search', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('asks for the search, sort and page size in the URL, and shows the total and page N of M', async () => {
    const asked: URLSearchParams[] = [];
    const { plugins, router } = await setupApp({
      path: '/admin/users?q=%E9%88%B4%E6%9C%A8&sort=department&order=desc&page=2&pageSize=20',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
        'GET /api/departments': () => json(200, { items: [] }),
        'GET /api/users': ({ query }) => {
          asked.push(query);
          return json(200, {
            items: [makeUser({ id: 'u9', name: '鈴木 花子', furigana: 'スズキ ハナコ' })],
            total: 21,
            page: 2,
            pageSize: 20,
            pageCount: 2,
          });
        },
      }),
    });
    const wrapper = mount(UsersPage, { global: { plugins: [...plugins] }, attachTo: document.body });
    await settle();

    expect(Object.fromEntries(asked.at(-1)!)).toEqual({ q: '鈴木', sort: 'department', order: 'desc', page: '2', pageSize: '20' });
    expect(wrapper.find('[data-testid="users-total"]').text()).toBe('該当 21 名');
    expect(wrapper.find('[data-testid="users-page"]').text()).toBe('2 / 2 ページ');
    expect(wrapper.find('[data-testid="user-furigana"]').text()).toBe('スズキ ハナコ');
    expect(wrapper.find('[data-testid="users-empty"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="users-next"]').attributes('disabled')).toBeDefined();

    await wrapper.find('[data-testid="users-sort-name"]').trigger('click');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: '鈴木', pageSize: '20' });
    await wrapper.find('[data-testid="users-page-size"]').setValue('100');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ q: '鈴木', pageSize: '100' });
    expect(asked.at(-1)!.get('pageSize')).toBe('100');
  });
});
