import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TenantView } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import VendorTenantsPage from './VendorTenantsPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'v1', role: 'vendor_admin' }) });

function makeTenant(overrides: Partial<TenantView> = {}): TenantView {
  return {
    id: 't1',
    name: '株式会社さくら商事',
    status: 'active',
    plan: { seatLimit: 50, features: { adaptive: true, reportsExport: false }, catalogPackageIds: null },
    seatsUsed: 12,
    createdAt: '2025-04-01T00:00:00Z',
    ...overrides,
  };
}

const TENANTS: TenantView[] = [
  makeTenant(),
  makeTenant({
    id: 't2',
    name: 'みどり製作所',
    status: 'suspended',
    plan: { seatLimit: null, features: { adaptive: false, reportsExport: false }, catalogPackageIds: null },
    seatsUsed: 3,
    createdAt: '2025-05-10T00:00:00Z',
  }),
  makeTenant({
    id: 't3',
    name: 'あおば電機',
    seatsUsed: 10,
    plan: { seatLimit: 10, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null },
  }),
];

const CATALOG = [
  { id: 'cp-eval', title: { ja: '評価面談', en: 'Appraisal interviews' }, level: 'manager' },
  { id: 'cp-manners', title: { ja: 'ビジネスマナー基礎', en: 'Business manners' }, level: 'new_hire' },
  { id: 'cp-prehire', title: { ja: '内定者フォロー', en: 'Pre-hire follow-up' }, level: 'pre_hire' },
  { id: 'cp-mentor', title: { ja: '後輩指導', en: 'Mentoring juniors' }, level: 'mid' },
  { id: 'cp-horenso', title: { ja: '報連相', en: 'Ho-Ren-So' }, level: 'new_hire' },
];

async function open(routes: Record<string, FakeHandler> = {}, path = '/vendor/tenants') {
  const requests: FakeRequest[] = [];
  const record =
    (handler: FakeHandler): FakeHandler =>
    (request) => {
      requests.push(request);
      return handler(request);
    };
  const { plugins, router } = await setupApp({
    path,
    fetch: fakeApi({
      'POST /api/auth/refresh': session,
      'GET /api/vendor/tenants': record(() => json(200, { items: TENANTS })),
      ...Object.fromEntries(Object.entries(routes).map(([key, handler]) => [key, record(handler)])),
    }),
  });
  const wrapper = mount(VendorTenantsPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return { wrapper, router, requests };
}

const rows = (wrapper: Awaited<ReturnType<typeof open>>['wrapper']) => wrapper.findAll('[data-testid="vendor-tenant-row"]');

describe('VendorTenantsPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lists the client companies, newest first, with status, seats used / limit and features', async () => {
    const { wrapper } = await open();

    const list = rows(wrapper);
    expect(list.map((row) => row.attributes('data-tenant-id'))).toEqual(['t2', 't1', 't3']);
    const sakura = list[1]!;
    expect(sakura.find('[data-testid="vendor-tenant-link"]').text()).toBe('株式会社さくら商事');
    expect(sakura.find('[data-testid="vendor-tenant-link"]').attributes('href')).toBe('/vendor/tenants/t1');
    expect(sakura.find('[data-testid="vendor-tenant-status"]').text()).toBe('有効');
    expect(sakura.find('[data-testid="vendor-tenant-seats"]').text()).toBe('12 / 50');
    expect(sakura.find('[data-testid="vendor-tenant-features"]').text()).toBe('アダプティブテスト');
    expect(sakura.find('[data-testid="vendor-tenant-full"]').exists()).toBe(false);

    const midori = list[0]!;
    expect(midori.find('[data-testid="vendor-tenant-status"]').text()).toBe('利用停止中');
    expect(midori.find('[data-testid="vendor-tenant-seats"]').text()).toBe('3 / 無制限');
    expect(midori.find('[data-testid="vendor-tenant-features"]').text()).toBe('なし');
    expect(midori.find('[data-testid="vendor-tenant-reactivate"]').exists()).toBe(true);
    expect(midori.find('[data-testid="vendor-tenant-suspend"]').exists()).toBe(false);

    expect(list[2]!.find('[data-testid="vendor-tenant-full"]').text()).toBe('上限到達');
    expect(wrapper.find('[data-testid="vendor-tenant-count"]').text()).toBe('3 社中 3 社を表示');
  });

  it('filters by status through the URL', async () => {
    const { wrapper, router } = await open({}, '/vendor/tenants?status=suspended');
    expect(rows(wrapper).map((row) => row.attributes('data-tenant-id'))).toEqual(['t2']);

    await wrapper.find('[data-testid="vendor-tenant-filter-status"]').setValue('active');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ status: 'active' });
    expect(rows(wrapper).map((row) => row.attributes('data-tenant-id'))).toEqual(['t1', 't3']);

    await wrapper.find('[data-testid="vendor-tenant-filter-status"]').setValue('');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    expect(rows(wrapper)).toHaveLength(3);
  });

  it('creates a company with its plan, then lists it at the top', async () => {
    let sent: unknown = null;
    const { wrapper } = await open({
      'POST /api/vendor/tenants': ({ body }) => {
        sent = body;
        return json(201, {
          tenant: makeTenant({
            id: 't9',
            name: 'ひかり物産',
            seatsUsed: 1,
            plan: { seatLimit: 30, features: { adaptive: false, reportsExport: true }, catalogPackageIds: null },
            createdAt: '2025-06-01T00:00:00Z',
          }),
          adminUserId: 'u9',
        });
      },
    });

    expect(wrapper.find('[data-testid="vendor-tenant-form"]').exists()).toBe(false);
    await wrapper.find('[data-testid="vendor-tenant-create"]').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('vendor-tenant-name');

    await wrapper.find('[data-testid="vendor-tenant-name"]').setValue(' ひかり物産 ');
    await wrapper.find('[data-testid="vendor-tenant-admin-name"]').setValue('高橋 由美');
    await wrapper.find('[data-testid="vendor-tenant-admin-email"]').setValue('yumi@hikari.example.co.jp');
    await wrapper.find('[data-testid="vendor-tenant-locale"]').setValue('en');
    await wrapper.find('[data-testid="vendor-tenant-seat-limit"]').setValue('30');
    // Typing a limit turns "unlimited" off.
    expect((wrapper.find('[data-testid="vendor-tenant-seat-unlimited"]').element as HTMLInputElement).checked).toBe(false);
    await wrapper.find('[data-testid="vendor-tenant-feature-adaptive"]').setValue(false);
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();

    expect(sent).toEqual({
      name: 'ひかり物産',
      adminName: '高橋 由美',
      adminEmail: 'yumi@hikari.example.co.jp',
      locale: 'en',
      plan: { seatLimit: 30, features: { adaptive: false, reportsExport: true }, catalogPackageIds: null },
    });
    expect(wrapper.find('[data-testid="vendor-tenant-form"]').exists()).toBe(false);
    const first = rows(wrapper)[0]!;
    expect(first.attributes('data-tenant-id')).toBe('t9');
    expect(first.find('[data-testid="vendor-tenant-seats"]').text()).toBe('1 / 30');
    expect(useNoticeStore().notice).toEqual({
      key: 'vendorTenants.created',
      params: { name: 'ひかり物産', email: 'yumi@hikari.example.co.jp' },
    });
  });

  it('sends an unlimited plan by default', async () => {
    let sent: { plan?: unknown } | null = null;
    const { wrapper } = await open({
      'POST /api/vendor/tenants': ({ body }) => {
        sent = body as { plan?: unknown };
        return json(201, {
          tenant: makeTenant({
            id: 't9',
            plan: { seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null },
          }),
          adminUserId: 'u9',
        });
      },
    });
    await wrapper.find('[data-testid="vendor-tenant-create"]').trigger('click');
    await wrapper.find('[data-testid="vendor-tenant-name"]').setValue('ひかり物産');
    await wrapper.find('[data-testid="vendor-tenant-admin-name"]').setValue('高橋 由美');
    await wrapper.find('[data-testid="vendor-tenant-admin-email"]').setValue('yumi@hikari.example.co.jp');
    await wrapper.find('[data-testid="vendor-tenant-form"]').trigger('submit');
    await settle();

    expect(sent!.plan).toEqual({ seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null });
  });

  it('lets the company use selected catalog packages only, grouped by level in ladder order', async () => {
    let sent: { plan?: unknown } | null = null;
    const { wrapper, requests } = await open({
      'GET /api/vendor/catalog': () => json(200, { items: CATALOG }),
      'POST /api/vendor/tenants': ({ body }) => {
        sent = body as { plan?: unknown };
        return json(201, { tenant: makeTenant({ id: 't9' }), adminUserId: 'u9' });
      },
    });
    await wrapper.find('[data-testid="vendor-tenant-create"]').trigger('click');
    await wrapper.find('[data-testid="vendor-tenant-name"]').setValue('ひかり物産');
    await wrapper.find('[data-testid="vendor-tenant-admin-name"]').setValue('高橋 由美');
    await wrapper.find('[data-testid="vendor-tenant-admin-email"]').setValue('yumi@hikari.example.co.jp');

    // The whole catalog by default; the catalog is only fetched when packages are picked one by one.
    expect((wrapper.find('[data-testid="plan-catalog-all"]').element as HTMLInputElement).checked).toBe(true);
    expect(requests.some((r) => r.path === '/api/vendor/catalog')).toBe(false);
    await wrapper.find('[data-testid="plan-catalog-selected"]').setValue(true);
    await settle();

    const levels = wrapper.findAll('[data-testid="plan-catalog-level"]');
    expect(levels.map((level) => [level.find('legend').text(), level.findAll('label').map((label) => label.text())])).toEqual([
      ['内定者', ['内定者フォロー']],
      ['新入社員', ['ビジネスマナー基礎', '報連相']],
      ['中堅社員', ['後輩指導']],
      ['管理職', ['評価面談']],
    ]);
    const box = (id: string) => wrapper.find(`[data-testid="plan-catalog-package"][data-id="${id}"]`);
    await box('cp-manners').setValue(true);
    await box('cp-eval').setValue(true);
    expect(wrapper.find('[data-testid="plan-catalog-count"]').text()).toBe('2 件を選択中');
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();

    expect(sent!.plan).toEqual({
      seatLimit: null,
      features: { adaptive: true, reportsExport: true },
      catalogPackageIds: ['cp-manners', 'cp-eval'],
    });
  });

  it('marks a catalog package the API does not know (plan.catalogPackageIds.<i>)', async () => {
    const { wrapper } = await open({
      'GET /api/vendor/catalog': () => json(200, { items: CATALOG }),
      'POST /api/vendor/tenants': () =>
        apiError(400, 'validation_error', 'Invalid input', [{ path: 'plan.catalogPackageIds.1', message: 'カタログにないパッケージです' }]),
    });
    await wrapper.find('[data-testid="vendor-tenant-create"]').trigger('click');
    await wrapper.find('[data-testid="vendor-tenant-name"]').setValue('ひかり物産');
    await wrapper.find('[data-testid="vendor-tenant-admin-name"]').setValue('高橋 由美');
    await wrapper.find('[data-testid="vendor-tenant-admin-email"]').setValue('yumi@hikari.example.co.jp');
    await wrapper.find('[data-testid="plan-catalog-selected"]').setValue(true);
    await settle();
    const box = (id: string) => wrapper.find(`[data-testid="plan-catalog-package"][data-id="${id}"]`);
    await box('cp-horenso').setValue(true);
    await box('cp-mentor').setValue(true);
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();

    expect(box('cp-mentor').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find(`#${box('cp-mentor').attributes('aria-describedby')}`).text()).toBe('カタログにないパッケージです');
    expect(box('cp-horenso').attributes('aria-invalid')).toBeUndefined();
    const alert = wrapper.find('[data-testid="vendor-tenant-form"] [role="alert"]');
    expect(alert.text()).toContain('入力内容を確認してください。');
    // Shown next to the package, not repeated in the alert.
    expect(alert.text()).not.toContain('カタログにないパッケージです');
  });

  it('checks the form before sending', async () => {
    const { wrapper, requests } = await open();
    await wrapper.find('[data-testid="vendor-tenant-create"]').trigger('click');
    await wrapper.find('[data-testid="vendor-tenant-seat-unlimited"]').setValue(false);
    await wrapper.find('[data-testid="vendor-tenant-form"]').trigger('submit');
    await settle();

    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(wrapper.find('[data-testid="vendor-tenant-name"]').attributes('aria-invalid')).toBe('true');
    const seat = wrapper.find('[data-testid="vendor-tenant-seat-limit"]');
    expect(seat.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#vendor-tenant-new-seat-limit-error').text()).toContain('ライセンス数を入力するか');

    await seat.setValue('0');
    await wrapper.find('[data-testid="vendor-tenant-form"]').trigger('submit');
    await settle();
    expect(wrapper.find('#vendor-tenant-new-seat-limit-error').text()).toContain('1以上の整数');
  });

  it('shows a taken email next to the field (409)', async () => {
    const { wrapper } = await open({
      'POST /api/vendor/tenants': () =>
        apiError(
          409,
          'email_taken',
          'Email already registered',
          [{ path: 'adminEmail', message: 'このメールアドレスは登録済みです' }],
          'req-409',
        ),
    });
    await wrapper.find('[data-testid="vendor-tenant-create"]').trigger('click');
    await wrapper.find('[data-testid="vendor-tenant-name"]').setValue('ひかり物産');
    await wrapper.find('[data-testid="vendor-tenant-admin-name"]').setValue('高橋 由美');
    await wrapper.find('[data-testid="vendor-tenant-admin-email"]').setValue('dup@example.co.jp');
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();

    const email = wrapper.find('[data-testid="vendor-tenant-admin-email"]');
    expect(email.attributes('aria-invalid')).toBe('true');
    const describedBy = (email.attributes('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => wrapper.find(`#${id}`).text())).toContain('このメールアドレスは登録済みです');
    const alert = wrapper.find('[data-testid="vendor-tenant-form"] [role="alert"]');
    expect(alert.text()).toContain('このメールアドレスはすでに登録されています。');
    expect(alert.text()).toContain('問い合わせ番号: req-409');
    // The form stays open with what was typed.
    expect((wrapper.find('[data-testid="vendor-tenant-name"]').element as HTMLInputElement).value).toBe('ひかり物産');
    expect(rows(wrapper)).toHaveLength(3);
  });

  it('suspends a company after confirmation, and reactivates one', async () => {
    const calls: string[] = [];
    const { wrapper } = await open({
      'POST /api/vendor/tenants/t1/suspend': ({ path }) => {
        calls.push(path);
        return json(200, makeTenant({ status: 'suspended' }));
      },
      'POST /api/vendor/tenants/t2/reactivate': ({ path }) => {
        calls.push(path);
        return json(200, { ...TENANTS[1], status: 'active' });
      },
    });

    const sakura = () => wrapper.find('[data-tenant-id="t1"]');
    await sakura().find('[data-testid="vendor-tenant-suspend"]').trigger('click');
    await flushPromises();
    expect(calls).toEqual([]);
    expect(sakura().find('[role="group"]').text()).toContain('株式会社さくら商事 の全員がログインできなくなります');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('vendor-tenant-suspend-confirm');
    await sakura().find('[data-testid="vendor-tenant-suspend-confirm"]').trigger('click');
    await settle();

    expect(calls).toEqual(['/api/vendor/tenants/t1/suspend']);
    expect(sakura().attributes('data-status')).toBe('suspended');
    expect(sakura().find('[data-testid="vendor-tenant-status"]').text()).toBe('利用停止中');
    expect(sakura().find('[data-testid="vendor-tenant-reactivate"]').exists()).toBe(true);
    expect(useNoticeStore().notice?.key).toBe('vendorTenants.suspended');

    const midori = () => wrapper.find('[data-tenant-id="t2"]');
    await midori().find('[data-testid="vendor-tenant-reactivate"]').trigger('click');
    await midori().find('[data-testid="vendor-tenant-reactivate-confirm"]').trigger('click');
    await settle();
    expect(calls).toEqual(['/api/vendor/tenants/t1/suspend', '/api/vendor/tenants/t2/reactivate']);
    expect(midori().attributes('data-status')).toBe('active');
  });

  it('can cancel a suspension', async () => {
    const { wrapper, requests } = await open();
    const sakura = () => wrapper.find('[data-tenant-id="t1"]');
    await sakura().find('[data-testid="vendor-tenant-suspend"]').trigger('click');
    await sakura().find('[role="group"] .button--ghost').trigger('click');
    await flushPromises();
    expect(sakura().find('[data-testid="vendor-tenant-suspend-confirm"]').exists()).toBe(false);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('downloads the usage CSV with the token', async () => {
    const createObjectURL = vi.fn(() => 'blob:usage');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const { wrapper, requests } = await open({
      'GET /api/vendor/usage.csv': () =>
        new Response('\uFEFFtenantId,name,seatsUsed\r\n', {
          status: 200,
          headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="usage-2025-06.csv"' },
        }),
    });

    await wrapper.find('[data-testid="vendor-usage-export"]').trigger('click');
    await settle();

    const csv = requests.find((r) => r.path === '/api/vendor/usage.csv');
    expect(csv?.headers.get('authorization')).toBe('Bearer tok');
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('says so when there are no companies yet', async () => {
    const { wrapper } = await open({ 'GET /api/vendor/tenants': () => json(200, { items: [] }) });
    expect(wrapper.find('[data-testid="vendor-tenants-empty"]').text()).toContain('まだ顧客企業はありません');
  });
});
