import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../App.vue';
import { apiError, fakeApi } from '../testing/fakeApi';
import { setupApp } from '../testing/setup';
import { createLazyI18n, ensureAppMessages, ensureLocaleMessages, LOCALE_STORAGE_KEY } from './index';
import ja from './ja';

describe('the app’s languages, loaded one at a time', () => {
  beforeEach(() => localStorage.clear());

  it('starts with no messages and loads only the language asked for', async () => {
    const i18n = createLazyI18n('ja');
    expect(i18n.global.availableLocales).toEqual([]);
    await ensureLocaleMessages(i18n.global, 'ja');
    expect(i18n.global.availableLocales).toEqual(['ja']);
    expect(i18n.global.t('signIn.title')).toBe('ログイン');
  });

  it('loads the public pages’ messages first and all of them once asked, then in every language switched to', async () => {
    const i18n = createLazyI18n('ja');
    const { te, t } = i18n.global;
    await ensureLocaleMessages(i18n.global, 'ja');
    expect(te('signIn.title')).toBe(true);
    expect(te('plan.title')).toBe(false);

    // Asked twice at once: one download, and the shell coming later does not undo the whole set.
    await Promise.all([ensureAppMessages(i18n.global), ensureAppMessages(i18n.global), ensureLocaleMessages(i18n.global, 'ja', 'shell')]);
    expect(t('plan.title')).toBe(ja.plan.title);
    expect(t('signIn.title')).toBe('ログイン');

    await ensureLocaleMessages(i18n.global, 'en');
    expect(te('plan.title', 'en')).toBe(true);
  });

  it('gives a learner the people’s set without the staff pages’ texts, and fetches the rest when a text is missing', async () => {
    const i18n = createLazyI18n('ja');
    const { te, t } = i18n.global;
    await ensureLocaleMessages(i18n.global, 'ja', 'people');
    expect(t('plan.title')).toBe(ja.plan.title);
    expect(t('signIn.title')).toBe('ログイン');
    expect(te('itemAnalysis.title')).toBe(false);
    // A shell asked for later does not take the people's set away.
    await ensureLocaleMessages(i18n.global, 'ja', 'shell');
    expect(te('plan.title')).toBe(true);

    // A text the split left out: said on the console, and the whole set fetched.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    t('itemAnalysis.title');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ja:itemAnalysis.title'));
    warn.mockRestore();
    await vi.waitFor(() => expect(te('itemAnalysis.title')).toBe(true));
    expect(t('itemAnalysis.title')).toBe(ja.itemAnalysis.title);
  });

  it('starts in the language chosen on this device', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(createLazyI18n().global.locale.value).toBe('en');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    expect(createLazyI18n().global.locale.value).toBe('ja');
  });

  it('moves a choice kept under the old storage name to the new one', () => {
    localStorage.setItem('manabi.locale', 'en');
    expect(createLazyI18n().global.locale.value).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(localStorage.getItem('manabi.locale')).toBeNull();
  });

  it('fetches English on switching and shows it once it is there, never a raw key', async () => {
    const { pinia, router } = await setupApp({
      path: '/signin',
      fetch: fakeApi({ 'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'none') }),
    });
    const i18n = createLazyI18n('ja');
    await ensureLocaleMessages(i18n.global, 'ja');
    const wrapper = mount(App, { global: { plugins: [pinia, i18n, router] } });
    await flushPromises();
    const heading = () => wrapper.find('[data-testid="page-heading"]').text();
    expect(heading()).toBe('ログイン');

    await wrapper.find('[data-testid="locale-switch"]').setValue('en');
    // Until English has arrived the page stays Japanese; then it is English.
    expect(['ログイン', 'Sign in']).toContain(heading());
    await vi.waitFor(() => expect(heading()).toBe('Sign in'));
    expect(i18n.global.availableLocales).toEqual(['en', 'ja']);
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    wrapper.unmount();
  });
});
