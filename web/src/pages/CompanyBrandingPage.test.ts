import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Branding, TenantBranding } from '../api/types';
import { useBrandingStore } from '../stores/branding';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import CompanyBrandingPage from './CompanyBrandingPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) });

const PROVIDER: Branding = {
  productName: 'ひかりラーニング',
  primaryColor: '#0f766e',
  accentColor: null,
  logoUrl: '/api/assets/v/v1/logo-abc.png',
  faviconUrl: null,
  signInText: null,
  supportEmail: null,
};

const CURRENT: TenantBranding = { allowed: true, productName: null, primaryColor: null, logoUrl: null, effective: PROVIDER };

async function open(routes: Record<string, FakeHandler> = {}) {
  const { plugins } = await setupApp({
    path: '/admin/branding',
    fetch: fakeApi({
      'POST /api/auth/refresh': session,
      'GET /api/tenant/branding': () => json(200, CURRENT),
      'GET /api/branding/mine': () => json(200, PROVIDER),
      ...routes,
    }),
  });
  const wrapper = mount(CompanyBrandingPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return wrapper;
}

const value = (wrapper: Awaited<ReturnType<typeof open>>, testid: string) =>
  (wrapper.find(`[data-testid="${testid}"]`).element as HTMLInputElement).value;

describe('CompanyBrandingPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it("shows the brand in use, with empty fields meaning the provider's", async () => {
    const wrapper = await open();
    expect(value(wrapper, 'tenant-branding-product-name')).toBe('');
    expect(value(wrapper, 'tenant-branding-color')).toBe('');
    expect(wrapper.find('[data-testid="tenant-branding-preview-name"]').text()).toBe('ひかりラーニング');
    expect(wrapper.find('[data-testid="tenant-branding-preview-logo"]').attributes('src')).toBe('/api/assets/v/v1/logo-abc.png');
    expect(wrapper.find('[data-testid="tenant-branding-logo-preview"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="tenant-branding-locked"]').exists()).toBe(false);
  });

  it('saves the name and colour, then shows the new brand in the header', async () => {
    const sent: unknown[] = [];
    const mine: Branding = { ...PROVIDER, productName: 'さくらアカデミー', primaryColor: '#b91c1c' };
    const wrapper = await open({
      'PUT /api/tenant/branding': ({ body }) => {
        sent.push(body);
        return json(200, { ...CURRENT, productName: 'さくらアカデミー', primaryColor: '#b91c1c', effective: mine });
      },
      'GET /api/branding/mine': () => json(200, sent.length > 0 ? mine : PROVIDER),
    });

    await wrapper.find('[data-testid="tenant-branding-product-name"]').setValue(' さくらアカデミー ');
    await wrapper.find('[data-testid="tenant-branding-color"]').setValue('#B91C1C');
    await wrapper.find('[data-testid="tenant-branding-save"]').trigger('click');
    await settle();

    expect(sent).toEqual([{ productName: 'さくらアカデミー', primaryColor: '#b91c1c' }]);
    expect(wrapper.find('[data-testid="tenant-branding-preview-name"]').text()).toBe('さくらアカデミー');
    expect(useNoticeStore().notice?.key).toBe('companyBranding.saved');
    expect(useBrandingStore().productName).toBe('さくらアカデミー');
    expect(document.documentElement.style.getPropertyValue('--brand-color')).toBe('#b91c1c');
  });

  it("sends null for empty fields (use the provider's)", async () => {
    const sent: unknown[] = [];
    const wrapper = await open({
      'GET /api/tenant/branding': () => json(200, { ...CURRENT, productName: 'さくらアカデミー', primaryColor: '#b91c1c' }),
      'PUT /api/tenant/branding': ({ body }) => {
        sent.push(body);
        return json(200, CURRENT);
      },
    });
    expect(value(wrapper, 'tenant-branding-product-name')).toBe('さくらアカデミー');
    await wrapper.find('[data-testid="tenant-branding-product-name"]').setValue('');
    await wrapper.find('[data-testid="tenant-branding-color-clear"]').trigger('click');
    await wrapper.find('[data-testid="tenant-branding-save"]').trigger('click');
    await settle();
    expect(sent).toEqual([{ productName: null, primaryColor: null }]);
  });

  it('checks the colour before sending', async () => {
    let puts = 0;
    const wrapper = await open({
      'PUT /api/tenant/branding': () => {
        puts++;
        return json(200, CURRENT);
      },
    });
    await wrapper.find('[data-testid="tenant-branding-color"]').setValue('red');
    await wrapper.find('[data-testid="tenant-branding-save"]').trigger('click');
    await settle();
    expect(puts).toBe(0);
    expect(wrapper.find('[data-testid="tenant-branding-color"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#tenant-branding-color-error').text()).toContain('#rrggbb');
  });

  it('uploads and removes the logo', async () => {
    const uploads: (string | null)[] = [];
    const withLogo = {
      ...CURRENT,
      logoUrl: '/api/assets/t/t1/logo-1.webp',
      effective: { ...PROVIDER, logoUrl: '/api/assets/t/t1/logo-1.webp' },
    };
    const wrapper = await open({
      'PUT /api/tenant/branding/logo': ({ headers }) => {
        uploads.push(headers.get('content-type'));
        return json(200, withLogo);
      },
      'DELETE /api/tenant/branding/logo': () => json(200, CURRENT),
    });

    const input = wrapper.find('[data-testid="tenant-branding-logo-input"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['RIFF'], 'logo.webp', { type: 'image/webp' })] });
    await input.trigger('change');
    await settle();

    expect(uploads).toEqual(['image/webp']);
    expect(wrapper.find('[data-testid="tenant-branding-logo-preview"]').attributes('src')).toBe('/api/assets/t/t1/logo-1.webp');
    expect(wrapper.find('[data-testid="tenant-branding-preview-logo"]').attributes('src')).toBe('/api/assets/t/t1/logo-1.webp');
    expect(useNoticeStore().notice?.key).toBe('companyBranding.logoUploaded');

    await wrapper.find('[data-testid="tenant-branding-logo-remove"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="tenant-branding-logo-preview"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="tenant-branding-preview-logo"]').attributes('src')).toBe('/api/assets/v/v1/logo-abc.png');
  });

  it('explains when the provider does not allow a brand of its own', async () => {
    const wrapper = await open({ 'GET /api/tenant/branding': () => json(200, { ...CURRENT, allowed: false }) });
    expect(wrapper.find('[data-testid="tenant-branding-locked"]').text()).toContain('許可していません');
    expect(wrapper.find('[data-testid="tenant-branding-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="tenant-branding-logo-input"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="tenant-branding-preview-name"]').text()).toBe('ひかりラーニング');
  });

  it('locks the page when the provider has just forbidden it (403 branding_locked)', async () => {
    const wrapper = await open({ 'PUT /api/tenant/branding': () => apiError(403, 'branding_locked', 'Branding is locked') });
    await wrapper.find('[data-testid="tenant-branding-product-name"]').setValue('さくらアカデミー');
    await wrapper.find('[data-testid="tenant-branding-save"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="tenant-branding-locked"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="tenant-branding-form"]').exists()).toBe(false);
  });
});
