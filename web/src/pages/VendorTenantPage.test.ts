import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantView } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import VendorTenantPage from './VendorTenantPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'v1', role: 'vendor_admin' }) });

const TENANT: TenantView = {
  id: 't1',
  name: '株式会社さくら商事',
  status: 'active',
  plan: { seatLimit: 50, features: { adaptive: true, reportsExport: false }, catalogPackageIds: null },
  seatsUsed: 12,
  createdAt: '2025-04-01T00:00:00Z',
};

let requests: FakeRequest[] = [];

async function open(routes: Record<string, FakeHandler>, id = 't1') {
  requests = [];
  const all: Record<string, FakeHandler> = {
    'POST /api/auth/refresh': session,
    'GET /api/vendor/tenants/t1': () => json(200, TENANT),
    ...routes,
  };
  const { plugins } = await setupApp({
    path: `/vendor/tenants/${id}`,
    fetch: fakeApi(
      Object.fromEntries(
        Object.entries(all).map(([key, handler]) => [
          key,
          (request: FakeRequest) => {
            requests.push(request);
            return handler(request);
          },
        ]),
      ),
    ),
  });
  const wrapper = mount(VendorTenantPage, { props: { id }, global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return wrapper;
}

const GRANT = { grantedAt: '2025-06-01T00:00:00Z', expiresAt: '2025-06-02T00:00:00Z' };
const PEOPLE = [
  { id: 'u1', name: '山田 花子', email: 'hanako@sakura.example.jp', role: 'tenant_admin', level: null, status: 'active' },
  { id: 'u2', name: '佐藤 健', email: 'ken@sakura.example.jp', role: 'learner', level: 'new_hire', status: 'invited' },
];

describe('VendorTenantPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it("shows the company's plan and saves a change", async () => {
    const sent: unknown[] = [];
    const wrapper = await open({
      'PATCH /api/vendor/tenants/t1': ({ body }) => {
        sent.push(body);
        return json(200, { ...TENANT, plan: (body as { plan: TenantView['plan'] }).plan });
      },
    });

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('株式会社さくら商事');
    expect(wrapper.find('[data-testid="vendor-tenant-seats-used"]').text()).toBe('12');
    const seat = wrapper.find('[data-testid="vendor-tenant-seat-limit"]');
    expect((seat.element as HTMLInputElement).value).toBe('50');
    expect(wrapper.find('#vendor-tenant-edit-seat-limit-hint').text()).toContain('現在 12 名が利用中です');
    expect((wrapper.find('[data-testid="vendor-tenant-feature-adaptive"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.find('[data-testid="vendor-tenant-feature-reports-export"]').element as HTMLInputElement).checked).toBe(false);

    await seat.setValue('80');
    await wrapper.find('[data-testid="vendor-tenant-feature-reports-export"]').setValue(true);
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();

    expect(sent).toEqual([{ plan: { seatLimit: 80, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null } }]);
    expect(wrapper.find('[data-testid="vendor-tenant-seat-limit-current"]').text()).toBe('80');
    expect(useNoticeStore().notice?.key).toBe('vendorTenant.saved');

    await wrapper.find('[data-testid="vendor-tenant-seat-unlimited"]').setValue(true);
    expect((wrapper.find('[data-testid="vendor-tenant-seat-limit"]').element as HTMLInputElement).value).toBe('');
    await wrapper.find('[data-testid="vendor-tenant-plan-form"]').trigger('submit');
    await settle();
    expect(sent[1]).toEqual({ plan: { seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null } });
  });

  it('shows a limit below the seats in use next to the seat limit (409) and refreshes the usage', async () => {
    let reads = 0;
    const wrapper = await open({
      'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, seatsUsed: reads++ === 0 ? 12 : 14 }),
      'PATCH /api/vendor/tenants/t1': () =>
        apiError(409, 'seat_limit_below_usage', 'Seat limit below usage', [{ path: 'plan.seatLimit', message: '14 名が利用中です' }]),
    });

    await wrapper.find('[data-testid="vendor-tenant-seat-limit"]').setValue('13');
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();

    const seat = wrapper.find('[data-testid="vendor-tenant-seat-limit"]');
    expect(seat.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#vendor-tenant-edit-seat-limit-error').text()).toBe('14 名が利用中です');
    expect(seat.attributes('aria-describedby')).toContain('vendor-tenant-edit-seat-limit-error');
    expect(wrapper.find('[data-testid="vendor-tenant-plan-form"] [role="alert"]').text()).toContain(
      '利用中のライセンス数より少ない上限にはできません。',
    );
    // What was typed stays; the usage shown is the latest.
    expect((seat.element as HTMLInputElement).value).toBe('13');
    expect(wrapper.find('[data-testid="vendor-tenant-seats-used"]').text()).toBe('14');
  });

  it('suspends the company after confirmation', async () => {
    const calls: string[] = [];
    const wrapper = await open({
      'POST /api/vendor/tenants/t1/suspend': ({ path }) => {
        calls.push(path);
        return json(200, { ...TENANT, status: 'suspended' });
      },
    });

    await wrapper.find('[data-testid="vendor-tenant-suspend"]').trigger('click');
    expect(calls).toEqual([]);
    await wrapper.find('[data-testid="vendor-tenant-suspend-confirm"]').trigger('click');
    await settle();

    expect(calls).toEqual(['/api/vendor/tenants/t1/suspend']);
    expect(wrapper.find('[data-testid="vendor-tenant-status"]').text()).toBe('利用停止中');
    expect(wrapper.find('[data-testid="vendor-tenant-reactivate"]').exists()).toBe(true);
  });

  it("says so when the company is not this vendor's", async () => {
    const wrapper = await open({ 'GET /api/vendor/tenants/t404': () => apiError(404, 'not_found', 'Not found') }, 't404');
    expect(wrapper.find('[data-testid="vendor-tenant-not-found"]').text()).toContain('企業が見つかりません');
    expect(wrapper.find('[data-testid="vendor-tenant-plan-form"]').exists()).toBe(false);
  });

  it('keeps the selected catalog packages of the plan and saves a change', async () => {
    const sent: unknown[] = [];
    const wrapper = await open({
      'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, plan: { ...TENANT.plan, catalogPackageIds: ['cp-manners', 'cp-gone'] } }),
      'GET /api/vendor/catalog': () =>
        json(200, {
          items: [
            { id: 'cp-manners', title: { ja: 'ビジネスマナー基礎', en: 'Business manners' }, level: 'new_hire' },
            { id: 'cp-eval', title: { ja: '評価面談', en: 'Appraisal interviews' }, level: 'manager' },
          ],
        }),
      'PATCH /api/vendor/tenants/t1': ({ body }) => {
        sent.push(body);
        return json(200, { ...TENANT, plan: (body as { plan: TenantView['plan'] }).plan });
      },
    });

    expect((wrapper.find('[data-testid="plan-catalog-selected"]').element as HTMLInputElement).checked).toBe(true);
    const box = (id: string) => wrapper.find(`[data-testid="plan-catalog-package"][data-id="${id}"]`);
    expect((box('cp-manners').element as HTMLInputElement).checked).toBe(true);
    expect((box('cp-eval').element as HTMLInputElement).checked).toBe(false);
    // A package the catalog no longer has stays listed, so it can be unticked.
    expect((box('cp-gone').element as HTMLInputElement).checked).toBe(true);

    await box('cp-gone').setValue(false);
    await box('cp-eval').setValue(true);
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();
    expect(sent).toEqual([{ plan: { ...TENANT.plan, catalogPackageIds: ['cp-manners', 'cp-eval'] } }]);

    await wrapper.find('[data-testid="plan-catalog-all"]').setValue(true);
    expect(wrapper.find('[data-testid="plan-catalog-list"]').exists()).toBe(false);
    await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
    await settle();
    expect(sent[1]).toEqual({ plan: { ...TENANT.plan, catalogPackageIds: null } });
  });

  it("marks the vendor's own packages in the plan's package picker", async () => {
    const wrapper = await open({
      'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, plan: { ...TENANT.plan, catalogPackageIds: ['vp-own'] } }),
      'GET /api/vendor/catalog': () =>
        json(200, {
          items: [
            { id: 'cp-manners', title: { ja: 'ビジネスマナー基礎' }, level: 'new_hire', source: 'platform' },
            { id: 'vp-own', title: { ja: '提供用の新人研修' }, level: 'new_hire', source: 'vendor' },
          ],
        }),
    });

    const item = (id: string) => wrapper.find(`[data-testid="plan-catalog-package"][data-id="${id}"]`).element.parentElement!;
    expect(item('vp-own').querySelector('[data-testid="plan-catalog-own"]')?.textContent?.trim()).toBe('自社コンテンツ');
    expect(item('cp-manners').querySelector('[data-testid="plan-catalog-own"]')).toBeNull();
    expect((wrapper.find('[data-testid="plan-catalog-package"][data-id="vp-own"]').element as HTMLInputElement).checked).toBe(true);
  });

  describe('support access', () => {
    it('says the company has not granted access, and asks for nobody', async () => {
      const wrapper = await open({ 'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, support: null }) });
      expect(wrapper.find('[data-testid="vendor-support-not-granted"]').text()).toContain(
        '株式会社さくら商事 からサポートアクセスが許可されていません',
      );
      expect(wrapper.find('[data-testid="vendor-support-user-row"]').exists()).toBe(false);
      expect(requests.some((r) => r.path.startsWith('/api/vendor/tenants/t1/users'))).toBe(false);
    });

    it("lists the company's people while granted, and their results on demand", async () => {
      const wrapper = await open({
        'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, support: GRANT }),
        'GET /api/vendor/tenants/t1/users': () => json(200, { items: PEOPLE }),
        'GET /api/vendor/tenants/t1/users/u2': () =>
          json(200, {
            user: PEOPLE[1],
            attempts: [
              {
                id: 'a1',
                assessmentTitle: { ja: 'ビジネス基礎テスト', en: 'Business basics' },
                status: 'finished',
                score: 82,
                passed: true,
                submittedAt: '2025-05-20T01:00:00Z',
              },
              { id: 'a2', assessmentTitle: { ja: '報連相チェック' }, status: 'in_progress', score: null, passed: null, submittedAt: null },
            ],
          }),
      });

      expect(wrapper.find('[data-testid="vendor-support-expiry"]').text()).toContain('までサポートアクセスが許可されています');
      const rows = wrapper.findAll('[data-testid="vendor-support-user-row"]');
      expect(rows.map((row) => row.find('th').text())).toEqual(['山田 花子', '佐藤 健']);
      expect(rows[1]!.text()).toContain('受講者');
      expect(rows[1]!.text()).toContain('新入社員');
      expect(rows[1]!.text()).toContain('招待中');
      expect(requests.some((r) => r.path === '/api/vendor/tenants/t1/users/u2')).toBe(false);

      const toggle = rows[1]!.find('[data-testid="vendor-support-user-toggle"]');
      expect(toggle.attributes('aria-expanded')).toBe('false');
      await toggle.trigger('click');
      await settle();
      expect(toggle.attributes('aria-expanded')).toBe('true');
      const attempts = wrapper.findAll('[data-testid="vendor-support-attempt-row"]');
      expect(attempts.map((row) => row.find('th').text())).toEqual(['報連相チェック', 'ビジネス基礎テスト']);
      expect(attempts[1]!.text()).toContain('82');
      expect(attempts[1]!.text()).toContain('合格');
      expect(attempts[0]!.text()).toContain('受験中');

      await toggle.trigger('click');
      expect(wrapper.find('[data-testid="vendor-support-attempt-row"]').exists()).toBe(false);
    });

    it('shows the not-granted text when the grant ran out meanwhile (403 support_access_required)', async () => {
      const wrapper = await open({
        'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, support: GRANT }),
        'GET /api/vendor/tenants/t1/users': () => json(200, { items: PEOPLE }),
        'GET /api/vendor/tenants/t1/users/u1': () => apiError(403, 'support_access_required', 'Support access required'),
      });
      await wrapper.findAll('[data-testid="vendor-support-user-toggle"]')[0]!.trigger('click');
      await settle();

      expect(wrapper.find('[data-testid="vendor-support-not-granted"]').exists()).toBe(true);
      expect(wrapper.find('[data-testid="vendor-support-user-row"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid="vendor-support-expiry"]').exists()).toBe(false);
    });

    it('shows the not-granted text when the list itself is refused', async () => {
      const wrapper = await open({
        'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, support: GRANT }),
        'GET /api/vendor/tenants/t1/users': () => apiError(403, 'support_access_required', 'Support access required'),
      });
      expect(wrapper.find('[data-testid="vendor-support-not-granted"]').exists()).toBe(true);
      expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
    });

    it('keeps the grant shown after saving the plan', async () => {
      const wrapper = await open({
        'GET /api/vendor/tenants/t1': () => json(200, { ...TENANT, support: GRANT }),
        'GET /api/vendor/tenants/t1/users': () => json(200, { items: PEOPLE }),
        'PATCH /api/vendor/tenants/t1': () => json(200, TENANT),
      });
      await wrapper.find('[data-testid="vendor-tenant-submit"]').trigger('click');
      await settle();
      expect(wrapper.find('[data-testid="vendor-support-expiry"]').exists()).toBe(true);
      expect(wrapper.findAll('[data-testid="vendor-support-user-row"]')).toHaveLength(2);
    });
  });
});
