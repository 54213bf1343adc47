import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditLogEntry } from '../../api/auditLog';
import { fakeApi, json } from '../../testing/fakeApi';
import { makeUser } from '../../testing/fixtures';
import { settle, setupApp } from '../../testing/setup';
import AuditLogPage from './AuditLogPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) });

const NEWEST: AuditLogEntry[] = [
  {
    id: 'e3',
    at: '2026-06-01T03:00:00Z',
    action: 'scim.user_deactivated',
    actor: { kind: 'scim', id: 't1', name: 'Entra ID' },
    subject: { kind: 'user', id: 'u2', name: '佐藤 健' },
    ip: '203.0.113.7',
    detail: {},
  },
  {
    id: 'e2',
    at: '2026-06-01T02:00:00Z',
    action: 'signin.failed',
    actor: { kind: 'anonymous', id: '', name: '' },
    subject: { kind: 'user', id: 'u1', name: '山田 花子' },
    detail: {},
  },
];
const OLDER: AuditLogEntry[] = [
  { id: 'e1', at: '2026-05-01T00:00:00Z', action: 'sso.config_changed', actor: { kind: 'user', id: 'u1', name: '山田 花子' }, detail: {} },
];

async function open(asked: URLSearchParams[]) {
  const { plugins } = await setupApp({
    path: '/admin/settings/audit-log',
    fetch: fakeApi({
      'POST /api/auth/refresh': session,
      'GET /api/audit-log': ({ query }) => {
        asked.push(query);
        if (query.get('type') === 'signin.failed') return json(200, { items: [NEWEST[1]], nextCursor: null });
        return json(200, query.get('cursor') === 'c2' ? { items: OLDER, nextCursor: null } : { items: NEWEST, nextCursor: 'c2' });
      },
    }),
  });
  const wrapper = mount(AuditLogPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return wrapper;
}

describe('AuditLogPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lists entries newest first with their labels, actor kind, subject and IP, and loads more', async () => {
    const wrapper = await open([]);
    const rows = () => wrapper.findAll('[data-testid="audit-row"]');
    expect(rows().map((r) => r.find('[data-testid="audit-type"]').text())).toEqual(['SCIM: 利用者の無効化', 'サインインの失敗']);
    expect(rows()[0]!.find('[data-testid="audit-actor-kind"]').text()).toBe('SCIM');
    expect(rows()[0]!.find('[data-testid="audit-subject"]').text()).toBe('佐藤 健');
    expect(rows()[0]!.text()).toContain('203.0.113.7');
    expect(rows()[1]!.find('[data-testid="audit-actor-kind"]').text()).toBe('不明');

    await wrapper.find('[data-testid="audit-load-more"]').trigger('click');
    await settle();
    // A type this page does not know yet is shown as it comes.
    expect(rows().map((r) => r.find('[data-testid="audit-type"]').text())).toEqual([
      'SCIM: 利用者の無効化',
      'サインインの失敗',
      'sso.config_changed',
    ]);
    expect(wrapper.find('[data-testid="audit-load-more"]').exists()).toBe(false);
  });

  it('filters by type and dates when the form is submitted', async () => {
    const asked: URLSearchParams[] = [];
    const wrapper = await open(asked);
    await wrapper.find('[data-testid="audit-filter-type"]').setValue('signin.failed');
    await wrapper.find('[data-testid="audit-filter-from"]').setValue('2026-06-01');
    await wrapper.find('[data-testid="audit-filter-to"]').setValue('2026-06-30');
    await wrapper.find('[data-testid="audit-filters"]').trigger('submit');
    await settle();
    const last = asked.at(-1)!;
    expect([last.get('type'), last.get('from'), last.get('to')]).toEqual(['signin.failed', '2026-06-01', '2026-06-30']);
    expect(wrapper.findAll('[data-testid="audit-row"]').length).toBe(1);
  });
});
