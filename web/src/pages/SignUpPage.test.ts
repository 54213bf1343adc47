import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicBranding } from '../api/types';
import { useAuthStore } from '../stores/auth';
import { useBrandingStore } from '../stores/branding';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import SignUpPage from './SignUpPage.vue';

const BRAND: PublicBranding = {
  productName: 'ひかりラーニング',
  primaryColor: '#0f766e',
  accentColor: null,
  logoUrl: null,
  faviconUrl: null,
  signInText: null,
  supportEmail: 'support@hikari.example.jp',
  selfSignup: true,
};

async function open(branding: Partial<PublicBranding>, routes: Record<string, FakeHandler> = {}) {
  const { plugins, router } = await setupApp({
    path: '/signup',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'none'),
      'GET /api/branding': () => json(200, { ...BRAND, ...branding }),
      ...routes,
    }),
  });
  await useBrandingStore().load();
  const wrapper = mount(SignUpPage, { global: { plugins: [...plugins] } });
  await flushPromises();
  return { wrapper, router };
}

async function fill(wrapper: Awaited<ReturnType<typeof open>>['wrapper']) {
  await wrapper.find('[data-testid="signup-company-name"]').setValue('株式会社さくら商事');
  await wrapper.find('[data-testid="signup-admin-name"]').setValue('人事 花子');
  await wrapper.find('[data-testid="signup-email"]').setValue('hanako@sakura.example.jp');
  await wrapper.find('[data-testid="signup-password"]').setValue('a long password 1');
  await wrapper.find('[data-testid="signup-form"]').trigger('submit');
  await settle();
}

describe('SignUpPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the form where companies may sign up', async () => {
    const { wrapper, router } = await open(
      {},
      {
        'POST /api/signup': () =>
          json(201, {
            accessToken: 'tok',
            expiresIn: 900,
            user: makeUser(),
            tenant: { id: 't1', name: '株式会社さくら商事' },
          }),
        'GET /api/users': () => json(200, { items: [], nextCursor: null }),
        'GET /api/departments': () => json(200, { items: [] }),
      },
    );
    expect(wrapper.find('[data-testid="signup-unavailable"]').exists()).toBe(false);
    await fill(wrapper);
    expect(useAuthStore().isSignedIn).toBe(true);
    // HR's home is lazy-loaded: the navigation settles once its chunk is in (slow on a busy machine).
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/home'), { timeout: 15_000 });
  });

  it('shows no form, but whom to ask, where sign-up is not open', async () => {
    const { wrapper } = await open({ selfSignup: false });
    expect(wrapper.find('[data-testid="signup-form"]').exists()).toBe(false);
    const unavailable = wrapper.find('[data-testid="signup-unavailable"]');
    expect(unavailable.text()).toContain('ここでは企業の新規登録を受け付けていません');
    expect(wrapper.find('[data-testid="signup-support-email"]').attributes('href')).toBe('mailto:support@hikari.example.jp');
    expect(wrapper.find('[data-testid="signin-link"]').exists()).toBe(true);
  });

  it('leaves the support email out when there is none', async () => {
    const { wrapper } = await open({ selfSignup: false, supportEmail: null });
    expect(wrapper.find('[data-testid="signup-unavailable"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="signup-support-email"]').exists()).toBe(false);
  });

  it('says the same when the server refuses (403 signup_disabled)', async () => {
    const { wrapper } = await open({}, { 'POST /api/signup': () => apiError(403, 'signup_disabled', 'Sign-up is disabled') });
    await fill(wrapper);
    expect(wrapper.find('[data-testid="signup-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="signup-unavailable"]').text()).toContain('提供元にお問い合わせください');
    expect(useAuthStore().isSignedIn).toBe(false);
  });
});
