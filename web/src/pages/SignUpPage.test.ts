import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublicBranding } from '../api/types';
import { useAuthStore } from '../stores/auth';
import { useBrandingStore } from '../stores/branding';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
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

  it('shows the form where companies may sign up, and after sending it, where the link went', async () => {
    const sent: unknown[] = [];
    const { wrapper, router } = await open(
      {},
      {
        'POST /api/signup': (request) => {
          sent.push(request.body);
          return json(202, { status: 'verification_sent' });
        },
      },
    );
    expect(wrapper.find('[data-testid="signup-unavailable"]').exists()).toBe(false);
    await fill(wrapper);
    expect(sent).toHaveLength(1);
    // Signed in only by the emailed link: the page says where it went, and stays.
    expect(useAuthStore().isSignedIn).toBe(false);
    expect(wrapper.find('[data-testid="signup-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="signup-sent"]').text()).toContain('hanako@sakura.example.jp に確認用のリンクを送信しました');
    expect(router.currentRoute.value.path).toBe('/signup');
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
