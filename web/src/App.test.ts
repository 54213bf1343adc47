import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.vue';
import { LOCALE_STORAGE_KEY } from './i18n';
import { useAuthStore } from './stores/auth';
import { useBrandingStore } from './stores/branding';
import { apiError, fakeApi, json } from './testing/fakeApi';
import { makeUser } from './testing/fixtures';
import { settle, setupApp } from './testing/setup';

const branding = {
  productName: 'Acme Learn',
  primaryColor: '#0a7d5a',
  logoUrl: 'https://cdn.example/logo.svg',
  faviconUrl: null,
  signInText: null,
  supportEmail: 'help@acme.example',
};

describe('App shell', () => {
  beforeEach(() => localStorage.clear());

  it('switches the language, remembers it and translates the page heading', async () => {
    const { plugins, pinia } = await setupApp({
      path: '/signin',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'none'),
        'GET /api/branding': () => json(200, branding),
      }),
    });
    await useBrandingStore(pinia).load();
    const wrapper = mount(App, {
      global: { plugins: [...plugins] },
      attachTo: document.body,
    });
    await flushPromises();

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('ログイン');
    expect(wrapper.find('[data-testid="product-name"]').text()).toBe('Acme Learn');
    expect(wrapper.find('.brand__logo').attributes('src')).toBe('https://cdn.example/logo.svg');
    expect(document.title).toBe('ログイン – Acme Learn');
    expect(document.documentElement.style.getPropertyValue('--brand-color')).toBe('#0a7d5a');

    await wrapper.find('[data-testid="locale-switch"]').setValue('en');
    await flushPromises();

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('Sign in');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Sign in – Acme Learn');
    wrapper.unmount();
  });

  it('shows no product name until branding arrives', async () => {
    const { plugins } = await setupApp({
      path: '/signin',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'none'),
      }),
    });
    const wrapper = mount(App, { global: { plugins: [...plugins] } });
    await flushPromises();

    expect(wrapper.find('[data-testid="product-name"]').text()).toBe('');
    expect(document.title).toBe('ログイン');
  });

  it('saves the language on the account when signed in, and signs out to /signin', async () => {
    let savedLocale = 'ja';
    const { plugins, router } = await setupApp({
      path: '/me',
      fetch: fakeApi({
        'POST /api/auth/refresh': () =>
          json(200, {
            accessToken: 'tok',
            expiresIn: 900,
            user: makeUser({ role: 'learner', emailVerified: false }),
          }),
        'GET /api/me': () =>
          json(200, {
            user: makeUser({ role: 'learner', emailVerified: false }),
            tenant: { id: 't1', name: '株式会社サンプル' },
          }),
        'PATCH /api/me': ({ body }) => {
          savedLocale = (body as { locale: string }).locale;
          return json(200, { user: makeUser({ locale: 'en' }) });
        },
        'POST /api/auth/signout': () => json(204, null),
      }),
    });
    const wrapper = mount(App, { global: { plugins: [...plugins] } });
    await settle();
    await flushPromises();

    expect(wrapper.find('[data-testid="email-unverified-banner"]').text()).toContain('メールアドレスが未確認です');
    expect(wrapper.find('[data-testid="profile-company"]').text()).toBe('株式会社サンプル');

    await wrapper.find('[data-testid="locale-switch"]').setValue('en');
    await flushPromises();
    expect(savedLocale).toBe('en');
    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('My page');
    expect(wrapper.find('[data-testid="profile-role"]').text()).toBe('Learner');

    await wrapper.find('[data-testid="signout-button"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/signin'));
    expect(useAuthStore().isSignedIn).toBe(false);
  });

  it("shows the brand of the person's company once signed in, and never the platform's name", async () => {
    const { plugins, pinia } = await setupApp({
      path: '/me',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
        'GET /api/branding': () => json(200, { ...branding, productName: 'ひかりラーニング', selfSignup: false }),
        'GET /api/branding/mine': () =>
          json(200, { ...branding, productName: 'さくらアカデミー', primaryColor: '#b91c1c', logoUrl: '/api/assets/t/t1/logo-1.png' }),
        'GET /api/me': () => json(200, { user: makeUser({ role: 'learner' }), tenant: { id: 't1', name: '株式会社さくら商事' } }),
      }),
    });
    await useBrandingStore(pinia).load();
    const wrapper = mount(App, { global: { plugins: [...plugins] }, attachTo: document.body });
    await settle();
    await flushPromises();

    expect(wrapper.find('[data-testid="product-name"]').text()).toBe('さくらアカデミー');
    expect(wrapper.find('.brand__logo').attributes('src')).toBe('/api/assets/t/t1/logo-1.png');
    expect(document.title).toBe('マイページ – さくらアカデミー');
    expect(document.documentElement.style.getPropertyValue('--brand-color')).toBe('#b91c1c');
    expect(document.body.textContent?.toLowerCase()).not.toContain('manabi');
    expect(document.title.toLowerCase()).not.toContain('manabi');
    wrapper.unmount();
  });
});
