import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScimToken } from '../../api/scimTokens';
import { fakeApi, json } from '../../testing/fakeApi';
import { makeUser } from '../../testing/fixtures';
import { settle, setupApp } from '../../testing/setup';
import ScimTokensPage from './ScimTokensPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) });
const OLD: ScimToken = {
  id: 't1',
  name: 'Okta',
  createdAt: '2026-05-01T00:00:00Z',
  createdBy: { id: 'u1', name: '山田 花子' },
  lastUsedAt: null,
  revokedAt: null,
};

describe('ScimTokensPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('shows the SCIM URL, creates a token whose secret is shown once, and revokes one', async () => {
    let tokens: ScimToken[] = [OLD];
    const created: ScimToken = { ...OLD, id: 't2', name: 'Microsoft Entra ID', createdAt: '2026-06-01T00:00:00Z' };
    const { plugins } = await setupApp({
      path: '/admin/settings/scim',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/scim-tokens': () => json(200, { items: tokens }),
        'POST /api/scim-tokens': ({ body }) => {
          expect(body).toEqual({ name: 'Microsoft Entra ID' });
          tokens = [created, ...tokens];
          return json(201, { token: created, secret: 'mnbscim.t2.s3cr3t' });
        },
        'DELETE /api/scim-tokens/t1': () => {
          tokens = tokens.map((t) => (t.id === 't1' ? { ...t, revokedAt: '2026-06-02T00:00:00Z' } : t));
          return json(204, null);
        },
      }),
    });
    const wrapper = mount(ScimTokensPage, { global: { plugins: [...plugins] }, attachTo: document.body });
    await settle();

    expect((wrapper.find('[data-testid="scim-endpoint"]').element as HTMLInputElement).value).toBe(`${window.location.origin}/scim/v2`);
    expect(wrapper.findAll('[data-testid="scim-token-row-name"]').map((c) => c.text())).toEqual(['Okta']);
    expect(wrapper.find('[data-testid="scim-token-row"]').text()).toContain('未使用');

    await wrapper.find('[data-testid="scim-token-name"]').setValue('Microsoft Entra ID');
    await wrapper.find('[data-testid="scim-create"]').trigger('submit');
    await settle();
    expect((wrapper.find('[data-testid="scim-secret"]').element as HTMLInputElement).value).toBe('mnbscim.t2.s3cr3t');
    expect(wrapper.findAll('[data-testid="scim-token-row-name"]').map((c) => c.text())).toEqual(['Microsoft Entra ID', 'Okta']);

    await wrapper.find('[data-testid="scim-secret-close"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="scim-secret-dialog"]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain('s3cr3t');

    const oktaRow = wrapper.find('[data-token-id="t1"]');
    await oktaRow.find('[data-testid="scim-token-revoke"]').trigger('click');
    await wrapper.find('[data-token-id="t1"] [data-testid="scim-token-revoke-confirm"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-token-id="t1"] [data-testid="scim-token-state"]').text()).toContain('失効');
  });
});
