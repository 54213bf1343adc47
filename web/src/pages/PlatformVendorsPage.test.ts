import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlatformVendor, VendorAdmin } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import PlatformVendorsPage from './PlatformVendorsPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'p1', role: 'platform_admin' }) });

const VENDORS: PlatformVendor[] = [
  { id: 'v1', name: 'エグザンプル研修', status: 'active', tenants: 4, createdAt: '2025-03-01T00:00:00Z' },
  { id: 'v2', name: 'ノースHRパートナーズ', status: 'suspended', tenants: 0, createdAt: '2025-05-01T00:00:00Z' },
];

async function open(routes: Record<string, FakeHandler> = {}) {
  const { plugins } = await setupApp({
    path: '/platform/vendors',
    fetch: fakeApi({ 'POST /api/auth/refresh': session, 'GET /api/platform/vendors': () => json(200, { items: VENDORS }), ...routes }),
  });
  const wrapper = mount(PlatformVendorsPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return wrapper;
}

const ADMINS: VendorAdmin[] = [
  { id: 'a1', name: '中村 健', email: 'ken@example-kenshu.jp', status: 'active' },
  { id: 'a2', name: '小林 彩', email: 'aya@example-kenshu.jp', status: 'invited' },
];

const rows = (wrapper: Awaited<ReturnType<typeof open>>) => wrapper.findAll('[data-testid="platform-vendor-row"]');

describe('PlatformVendorsPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lists the vendors, newest first, with their status and number of client companies', async () => {
    const wrapper = await open();

    expect(
      rows(wrapper).map((row) => [
        row.find('[data-testid="platform-vendor-name-cell"]').text(),
        row.find('[data-testid="platform-vendor-status"]').text(),
        row.find('[data-testid="platform-vendor-tenants"]').text(),
      ]),
    ).toEqual([
      ['ノースHRパートナーズ', '利用停止中', '0'],
      ['エグザンプル研修', '有効', '4'],
    ]);
    expect(rows(wrapper)[0]!.find('[data-testid="platform-vendor-reactivate"]').exists()).toBe(true);
    expect(rows(wrapper)[1]!.find('[data-testid="platform-vendor-suspend"]').exists()).toBe(true);
  });

  it('creates a vendor and lists it', async () => {
    let sent: unknown = null;
    const wrapper = await open({
      'POST /api/platform/vendors': ({ body }) => {
        sent = body;
        return json(201, {
          vendor: { id: 'v9', name: 'みらい人材開発', status: 'active', tenants: 0, createdAt: '2025-06-01T00:00:00Z' },
          adminUserId: 'u9',
        });
      },
    });

    await wrapper.find('[data-testid="platform-vendor-create"]').trigger('click');
    await wrapper.find('[data-testid="platform-vendor-name"]').setValue('みらい人材開発 ');
    await wrapper.find('[data-testid="platform-vendor-admin-name"]').setValue('中村 健');
    await wrapper.find('[data-testid="platform-vendor-admin-email"]').setValue('ken@mirai.example.jp');
    await wrapper.find('[data-testid="platform-vendor-submit"]').trigger('click');
    await settle();

    expect(sent).toEqual({ name: 'みらい人材開発', adminName: '中村 健', adminEmail: 'ken@mirai.example.jp' });
    expect(rows(wrapper)[0]!.attributes('data-vendor-id')).toBe('v9');
    expect(wrapper.find('[data-testid="platform-vendor-form"]').exists()).toBe(false);
    expect(useNoticeStore().notice?.key).toBe('platformVendors.created');
  });

  it('shows a taken admin email next to the field', async () => {
    const wrapper = await open({
      'POST /api/platform/vendors': () =>
        apiError(409, 'email_taken', 'Email already registered', [{ path: 'adminEmail', message: 'このメールアドレスは登録済みです' }]),
    });
    await wrapper.find('[data-testid="platform-vendor-create"]').trigger('click');
    await wrapper.find('[data-testid="platform-vendor-name"]').setValue('みらい人材開発');
    await wrapper.find('[data-testid="platform-vendor-admin-name"]').setValue('中村 健');
    await wrapper.find('[data-testid="platform-vendor-admin-email"]').setValue('dup@example.jp');
    await wrapper.find('[data-testid="platform-vendor-form"]').trigger('submit');
    await settle();

    expect(wrapper.find('[data-testid="platform-vendor-admin-email"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#platform-vendor-admin-email-error').text()).toBe('このメールアドレスは登録済みです');
  });

  it('suspends and reactivates a vendor after confirmation', async () => {
    const calls: string[] = [];
    const wrapper = await open({
      'POST /api/platform/vendors/v1/suspend': ({ path }) => {
        calls.push(path);
        return json(200, { ...VENDORS[0], status: 'suspended' });
      },
      'POST /api/platform/vendors/v2/reactivate': ({ path }) => {
        calls.push(path);
        return json(200, { ...VENDORS[1], status: 'active' });
      },
    });

    const row = (id: string) => wrapper.find(`[data-vendor-id="${id}"]`);
    await row('v1').find('[data-testid="platform-vendor-suspend"]').trigger('click');
    expect(calls).toEqual([]);
    await row('v1').find('[data-testid="platform-vendor-suspend-confirm"]').trigger('click');
    await settle();
    expect(row('v1').attributes('data-status')).toBe('suspended');

    await row('v2').find('[data-testid="platform-vendor-reactivate"]').trigger('click');
    await row('v2').find('[data-testid="platform-vendor-reactivate-confirm"]').trigger('click');
    await settle();
    expect(row('v2').attributes('data-status')).toBe('active');
    expect(calls).toEqual(['/api/platform/vendors/v1/suspend', '/api/platform/vendors/v2/reactivate']);
  });

  it("lists a vendor's admins under its row, and closes them again", async () => {
    const asked: string[] = [];
    const wrapper = await open({
      'GET /api/platform/vendors/v1/admins': ({ path }) => {
        asked.push(path);
        return json(200, { items: ADMINS });
      },
    });

    const toggle = wrapper.find('[data-vendor-id="v1"] [data-testid="platform-vendor-admins-toggle"]');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-label')).toBe('エグザンプル研修 の管理者');
    await toggle.trigger('click');
    await settle();

    expect(asked).toEqual(['/api/platform/vendors/v1/admins']);
    expect(toggle.attributes('aria-expanded')).toBe('true');
    const panel = wrapper.find('[data-testid="platform-vendor-admins"]');
    expect(panel.attributes('id')).toBe(toggle.attributes('aria-controls'));
    expect(panel.attributes('data-vendor-id')).toBe('v1');
    expect(
      panel
        .findAll('[data-testid="platform-vendor-admin-row"]')
        .map((row) => [
          row.find('[data-testid="platform-vendor-admin-name-cell"]').text(),
          row.find('[data-testid="platform-vendor-admin-email-cell"]').text(),
          row.find('[data-testid="platform-vendor-admin-status"]').text(),
        ]),
    ).toEqual([
      ['中村 健', 'ken@example-kenshu.jp', '有効'],
      ['小林 彩', 'aya@example-kenshu.jp', '招待中'],
    ]);

    await toggle.trigger('click');
    expect(wrapper.find('[data-testid="platform-vendor-admins"]').exists()).toBe(false);
  });

  it('adds an admin to a vendor (invited by email) and lists them', async () => {
    let sent: unknown = null;
    const wrapper = await open({
      'GET /api/platform/vendors/v2/admins': () => json(200, { items: [] }),
      'POST /api/platform/vendors/v2/admins': ({ body }) => {
        sent = body;
        return json(201, { id: 'a9', name: '北 太郎', email: 'taro@north.example.jp', status: 'invited' });
      },
    });
    await wrapper.find('[data-vendor-id="v2"] [data-testid="platform-vendor-admins-toggle"]').trigger('click');
    await settle();
    const panel = () => wrapper.find('[data-testid="platform-vendor-admins"]');
    expect(panel().find('[data-testid="platform-vendor-admins-empty"]').text()).toBe('まだ管理者はいません。');

    await panel().find('[data-testid="platform-vendor-admin-name"]').setValue(' 北 太郎 ');
    await panel().find('[data-testid="platform-vendor-admin-email"]').setValue('taro@north.example.jp');
    await panel().find('[data-testid="platform-vendor-admin-locale"]').setValue('en');
    await panel().find('[data-testid="platform-vendor-admin-submit"]').trigger('click');
    await settle();

    expect(sent).toEqual({ name: '北 太郎', email: 'taro@north.example.jp', locale: 'en' });
    const added = panel().findAll('[data-testid="platform-vendor-admin-row"]');
    expect(added.map((row) => row.attributes('data-admin-id'))).toEqual(['a9']);
    expect(added[0]!.find('[data-testid="platform-vendor-admin-status"]').text()).toBe('招待中');
    expect((panel().find('[data-testid="platform-vendor-admin-name"]').element as HTMLInputElement).value).toBe('');
    expect(useNoticeStore().notice).toEqual({
      key: 'platformVendors.adminAdded',
      params: { name: 'ノースHRパートナーズ', email: 'taro@north.example.jp' },
    });
  });

  it('checks the fields first, then shows a taken email and invalid fields next to them', async () => {
    const answers = [
      apiError(409, 'email_taken', 'Email already registered', [{ path: 'email', message: 'このメールアドレスは登録済みです' }]),
      apiError(400, 'validation_error', 'Invalid request', [
        { path: 'name', message: '100文字以内で入力してください' },
        { path: 'email', message: 'メールアドレスの形式が正しくありません' },
      ]),
    ];
    let posts = 0;
    const wrapper = await open({
      'GET /api/platform/vendors/v1/admins': () => json(200, { items: ADMINS }),
      'POST /api/platform/vendors/v1/admins': () => answers[posts++]!,
    });
    await wrapper.find('[data-vendor-id="v1"] [data-testid="platform-vendor-admins-toggle"]').trigger('click');
    await settle();
    const panel = wrapper.find('[data-testid="platform-vendor-admins"]');
    const name = panel.find('[data-testid="platform-vendor-admin-name"]');
    const email = panel.find('[data-testid="platform-vendor-admin-email"]');

    await panel.find('[data-testid="platform-vendor-admin-form"]').trigger('submit');
    await settle();
    expect(posts).toBe(0);
    expect(name.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name.element);

    await name.setValue('中村 健');
    await email.setValue('ken@example-kenshu.jp');
    await panel.find('[data-testid="platform-vendor-admin-submit"]').trigger('click');
    await settle();
    expect(name.attributes('aria-invalid')).toBeUndefined();
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#platform-vendor-admin-email-v1-error').text()).toBe('このメールアドレスは登録済みです');

    await email.setValue('not-an-email');
    await panel.find('[data-testid="platform-vendor-admin-submit"]').trigger('click');
    await settle();
    expect(wrapper.find('#platform-vendor-admin-name-v1-error').text()).toBe('100文字以内で入力してください');
    expect(wrapper.find('#platform-vendor-admin-email-v1-error').text()).toBe('メールアドレスの形式が正しくありません');
    expect(panel.findAll('[data-testid="platform-vendor-admin-row"]')).toHaveLength(2);
  });
});
