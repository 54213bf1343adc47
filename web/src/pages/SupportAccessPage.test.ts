import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, SupportAccess } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import SupportAccessPage from './SupportAccessPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) });

const GRANT = { grantedAt: '2025-06-01T00:00:00Z', expiresAt: '2025-06-02T00:00:00Z', grantedBy: { id: 'u1', name: '山田 花子' } };
const vendor = { kind: 'vendor' as const, id: 'v1', name: 'ひかり研修' };
const hr = { kind: 'user' as const, id: 'u1', name: '山田 花子' };

const ENTRIES: AuditEntry[] = [
  { id: 'e5', at: '2025-06-01T03:00:00Z', actor: vendor, action: 'support.user_viewed', detail: { userId: 'u2', userName: '佐藤 健' } },
  { id: 'e4', at: '2025-06-01T02:00:00Z', actor: vendor, action: 'support.users_viewed', detail: {} },
  { id: 'e3', at: '2025-06-01T00:00:00Z', actor: hr, action: 'support_access.granted', detail: { expiresAt: '2025-06-02T00:00:00Z' } },
];
const OLDER: AuditEntry[] = [
  { id: 'e2', at: '2025-05-01T00:00:00Z', actor: vendor, action: 'vendor.plan_changed', detail: {} },
  { id: 'e1', at: '2025-04-01T00:00:00Z', actor: vendor, action: 'vendor.new_thing', detail: {} },
];

async function open(access: SupportAccess, routes: Record<string, FakeHandler> = {}) {
  const { plugins } = await setupApp({
    path: '/admin/support-access',
    fetch: fakeApi({
      'POST /api/auth/refresh': session,
      'GET /api/support-access': () => json(200, access),
      'GET /api/audit-log': ({ query }) =>
        json(200, query.get('cursor') === 'c2' ? { items: OLDER, nextCursor: null } : { items: ENTRIES, nextCursor: 'c2' }),
      ...routes,
    }),
  });
  const wrapper = mount(SupportAccessPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return wrapper;
}

describe('SupportAccessPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the provider, that nothing is granted, and grants access for the chosen hours', async () => {
    const sent: unknown[] = [];
    const wrapper = await open(
      { vendorName: 'ひかり研修', grant: null },
      {
        'POST /api/support-access': ({ body }) => {
          sent.push(body);
          return json(201, { grant: GRANT });
        },
      },
    );

    expect(wrapper.find('[data-testid="support-vendor-name"]').text()).toBe('ひかり研修');
    expect(wrapper.find('[data-testid="support-grant-none"]').text()).toContain('ひかり研修 は現在');
    expect(wrapper.find('[data-testid="support-revoke"]').exists()).toBe(false);
    const hours = wrapper.find('[data-testid="support-grant-hours"]');
    expect(hours.findAll('option').map((option) => option.attributes('value'))).toEqual(['1', '4', '24', '72', '168']);

    await hours.setValue('72');
    await wrapper.find('[data-testid="support-grant-submit"]').trigger('click');
    await settle();

    expect(sent).toEqual([{ hours: 72 }]);
    const current = wrapper.find('[data-testid="support-grant-current"]');
    expect(current.text()).toContain('ひかり研修 は');
    expect(current.text()).toContain('山田 花子 さんが許可');
    expect(useNoticeStore().notice?.key).toBe('supportAccess.granted');
    expect(wrapper.find('[data-testid="support-revoke"]').exists()).toBe(true);
  });

  it('revokes access after confirmation', async () => {
    let deleted = 0;
    const wrapper = await open(
      { vendorName: 'ひかり研修', grant: GRANT },
      {
        'DELETE /api/support-access': () => {
          deleted++;
          return json(204, null);
        },
      },
    );

    expect(wrapper.find('[data-testid="support-grant-current"]').exists()).toBe(true);
    await wrapper.find('[data-testid="support-revoke"]').trigger('click');
    await settle();
    expect(deleted).toBe(0);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('support-revoke-confirm');
    await wrapper.find('[data-testid="support-revoke-confirm"]').trigger('click');
    await settle();

    expect(deleted).toBe(1);
    expect(wrapper.find('[data-testid="support-grant-current"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="support-grant-none"]').exists()).toBe(true);
    expect(useNoticeStore().notice?.key).toBe('supportAccess.revoked');
  });

  it('can cancel revoking', async () => {
    let deleted = 0;
    const wrapper = await open(
      { vendorName: 'ひかり研修', grant: GRANT },
      {
        'DELETE /api/support-access': () => {
          deleted++;
          return json(204, null);
        },
      },
    );
    await wrapper.find('[data-testid="support-revoke"]').trigger('click');
    await wrapper.find('[data-testid="support-revoke-cancel"]').trigger('click');
    await settle();
    expect(deleted).toBe(0);
    expect(wrapper.find('[data-testid="support-grant-current"]').exists()).toBe(true);
  });

  it('explains there is no provider and offers nothing to grant', async () => {
    const wrapper = await open({ vendorName: null, grant: null });
    expect(wrapper.find('[data-testid="support-no-vendor"]').text()).toContain('提供元がいない');
    expect(wrapper.find('[data-testid="support-grant-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="support-grant-hours"]').exists()).toBe(false);
  });

  it('shows a refused grant (409 no_vendor)', async () => {
    const wrapper = await open(
      { vendorName: 'ひかり研修', grant: null },
      { 'POST /api/support-access': () => apiError(409, 'no_vendor', 'No vendor') },
    );
    await wrapper.find('[data-testid="support-grant-submit"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="support-access"] [role="alert"]').text()).toContain('提供元がいないため');
  });

  it('lists the audit log newest first as sentences, and loads more', async () => {
    const wrapper = await open({ vendorName: 'ひかり研修', grant: GRANT });

    const texts = () => wrapper.findAll('[data-testid="audit-row"]').map((row) => row.find('[data-testid="audit-text"]').text());
    expect(texts()).toEqual([
      'ひかり研修 が 佐藤 健 さんの受験結果を閲覧しました。',
      'ひかり研修 が利用者の一覧を閲覧しました。',
      expect.stringMatching(/^山田 花子 さんがサポートアクセスを .+ まで許可しました。$/),
    ]);
    expect(wrapper.findAll('[data-testid="audit-actor-kind"]').map((badge) => badge.text())).toEqual(['提供元', '提供元', '自社']);

    await wrapper.find('[data-testid="audit-load-more"]').trigger('click');
    await settle();
    expect(texts().slice(3)).toEqual(['ひかり研修 が契約プランを変更しました。', 'ひかり研修: vendor.new_thing']);
    expect(wrapper.find('[data-testid="audit-load-more"]').exists()).toBe(false);
  });

  it('reads the log in English too', async () => {
    const { plugins } = await setupApp({
      path: '/admin/support-access',
      locale: 'en',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/support-access': () => json(200, { vendorName: 'Hikari Training', grant: null }),
        'GET /api/audit-log': () =>
          json(200, { items: [ENTRIES[0], { ...ENTRIES[1]!, id: 'e9', action: 'support_access.revoked', actor: hr }], nextCursor: null }),
      }),
    });
    const wrapper = mount(SupportAccessPage, { global: { plugins: [...plugins] } });
    await settle();
    expect(wrapper.findAll('[data-testid="audit-text"]').map((cell) => cell.text())).toEqual([
      'ひかり研修 viewed the results of 佐藤 健.',
      '山田 花子 revoked support access.',
    ]);
  });
});
