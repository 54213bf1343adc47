import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAuthStore } from '../stores/auth';
import { apiError, fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import SignInPage from './SignInPage.vue';

const admin = makeUser();

const signedOut = () => apiError(401, 'unauthorized', 'No refresh token');

async function fillAndSubmit(wrapper: ReturnType<typeof mount>, email: string, password: string) {
  await wrapper.find('input[name="email"]').setValue(email);
  await wrapper.find('input[name="password"]').setValue(password);
  await wrapper.find('[data-testid="signin-form"]').trigger('submit');
  await settle();
  await flushPromises();
}

describe('SignInPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the generic invalid-credentials message and the request id', async () => {
    const { plugins } = await setupApp({
      path: '/signin',
      fetch: fakeApi({
        'POST /api/auth/refresh': signedOut,
        'POST /api/auth/signin': () => apiError(401, 'invalid_credentials', 'Invalid email or password', [], 'req-42'),
      }),
    });
    const wrapper = mount(SignInPage, { global: { plugins: [...plugins] } });

    await fillAndSubmit(wrapper, 'hanako@example.co.jp', 'wrong-password');

    const alert = wrapper.find('[role="alert"]');
    expect(alert.exists()).toBe(true);
    expect(alert.text()).toContain('メールアドレスまたはパスワードが正しくありません');
    expect(alert.text()).toContain('問い合わせ番号: req-42');
    expect(useAuthStore().isSignedIn).toBe(false);
    expect((wrapper.find('input[name="password"]').element as HTMLInputElement).value).toBe('');
  });

  it('tells the user to wait when rate limited', async () => {
    const { plugins } = await setupApp({
      path: '/signin',
      locale: 'en',
      fetch: fakeApi({
        'POST /api/auth/refresh': signedOut,
        'POST /api/auth/signin': () => apiError(429, 'rate_limited', 'Too many requests'),
      }),
    });
    const wrapper = mount(SignInPage, { global: { plugins: [...plugins] } });

    await fillAndSubmit(wrapper, 'hanako@example.co.jp', 'whatever-123');

    expect(wrapper.find('[role="alert"]').text()).toContain('Please wait');
  });

  it('asks for missing fields without calling the server', async () => {
    const { plugins } = await setupApp({
      path: '/signin',
      fetch: fakeApi({ 'POST /api/auth/refresh': signedOut }),
    });
    const wrapper = mount(SignInPage, { global: { plugins: [...plugins] } });

    await fillAndSubmit(wrapper, '', '');

    expect(wrapper.findAll('[data-testid="field-error"]').map((e) => e.text())).toEqual(['入力してください。', '入力してください。']);
    expect(wrapper.find('input[name="email"]').attributes('aria-invalid')).toBe('true');
  });

  it('signs in and goes to the admin home for HR admins', async () => {
    const { plugins, router } = await setupApp({
      path: '/signin',
      fetch: fakeApi({
        'POST /api/auth/refresh': signedOut,
        'POST /api/auth/signin': ({ body }) =>
          (body as { password: string }).password === 'correct-horse'
            ? json(200, { accessToken: 'tok', expiresIn: 900, user: admin })
            : apiError(401, 'invalid_credentials', 'nope'),
        'GET /api/users': () => json(200, { items: [], nextCursor: null }),
        'GET /api/departments': () => json(200, { items: [] }),
      }),
    });
    const wrapper = mount(SignInPage, { global: { plugins: [...plugins] } });

    await fillAndSubmit(wrapper, 'hanako@example.co.jp', 'correct-horse');

    const auth = useAuthStore();
    expect(auth.isSignedIn).toBe(true);
    expect(auth.user?.name).toBe('山田 花子');
    // The admin page is lazy-loaded, so the navigation settles a little later.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/home'));
  });

  it('shows the branding sign-in text in the current language', async () => {
    const { plugins, pinia } = await setupApp({
      path: '/signin',
      fetch: fakeApi({ 'POST /api/auth/refresh': signedOut }),
    });
    const { useBrandingStore } = await import('../stores/branding');
    useBrandingStore(pinia).set({
      productName: 'Acme Learn',
      primaryColor: '#123456',
      accentColor: null,
      logoUrl: null,
      faviconUrl: null,
      signInText: {
        ja: '社員番号ではなくメールアドレスでログインしてください',
      },
      supportEmail: null,
    });
    const wrapper = mount(SignInPage, { global: { plugins: [...plugins] } });
    await flushPromises();

    expect(wrapper.find('[data-testid="signin-text"]').text()).toBe('社員番号ではなくメールアドレスでログインしてください');
  });

  it('shows the logo, and the sign-up link only where companies may sign up', async () => {
    const { plugins, pinia } = await setupApp({
      path: '/signin',
      fetch: fakeApi({ 'POST /api/auth/refresh': signedOut }),
    });
    const { useBrandingStore } = await import('../stores/branding');
    const branding = useBrandingStore(pinia);
    const brand = {
      productName: 'ひかりラーニング',
      primaryColor: '#0f766e',
      accentColor: null,
      logoUrl: '/api/assets/v/v1/logo-abc.png',
      faviconUrl: null,
      signInText: null,
      supportEmail: null,
    };
    branding.set({ ...brand, selfSignup: false });
    const wrapper = mount(SignInPage, { global: { plugins: [...plugins] } });
    await flushPromises();

    const logo = wrapper.find('[data-testid="signin-logo"]');
    expect(logo.attributes('src')).toBe('/api/assets/v/v1/logo-abc.png');
    expect(logo.attributes('alt')).toBe('ひかりラーニング');
    expect(wrapper.find('[data-testid="signup-link"]').exists()).toBe(false);

    branding.set({ ...brand, logoUrl: null, selfSignup: true });
    await flushPromises();
    expect(wrapper.find('[data-testid="signin-logo"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="signup-link"]').attributes('href')).toBe('/signup');
  });
});
