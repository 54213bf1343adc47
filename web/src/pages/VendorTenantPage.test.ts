import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantView } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import VendorTenantPage from './VendorTenantPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'v1', role: 'vendor_admin' }) });

const TENANT: TenantView = {
  id: 't1',
  name: '株式会社さくら商事',
  status: 'active',
  plan: { seatLimit: 50, features: { adaptive: true, reportsExport: false } },
  seatsUsed: 12,
  createdAt: '2025-04-01T00:00:00Z',
};

async function open(routes: Record<string, FakeHandler>, id = 't1') {
  const { plugins } = await setupApp({
    path: `/vendor/tenants/${id}`,
    fetch: fakeApi({ 'POST /api/auth/refresh': session, 'GET /api/vendor/tenants/t1': () => json(200, TENANT), ...routes }),
  });
  const wrapper = mount(VendorTenantPage, { props: { id }, global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return wrapper;
}

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

    expect(sent).toEqual([{ plan: { seatLimit: 80, features: { adaptive: true, reportsExport: true } } }]);
    expect(wrapper.find('[data-testid="vendor-tenant-seat-limit-current"]').text()).toBe('80');
    expect(useNoticeStore().notice?.key).toBe('vendorTenant.saved');

    await wrapper.find('[data-testid="vendor-tenant-seat-unlimited"]').setValue(true);
    expect((wrapper.find('[data-testid="vendor-tenant-seat-limit"]').element as HTMLInputElement).value).toBe('');
    await wrapper.find('[data-testid="vendor-tenant-plan-form"]').trigger('submit');
    await settle();
    expect(sent[1]).toEqual({ plan: { seatLimit: null, features: { adaptive: true, reportsExport: true } } });
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
});
