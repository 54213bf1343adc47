import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantPlan, VendorBranding } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import VendorBrandingPage from './VendorBrandingPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'v1', role: 'vendor_admin' }) });

const BRANDING: VendorBranding = {
  productName: 'まなびクラウド',
  primaryColor: '#0F766E',
  accentColor: null,
  signInText: { ja: '学びを、仕事のとなりに。' },
  supportEmail: 'support@example-training.co.jp',
  emailSenderName: null,
  domains: ['learn.example-training.co.jp'],
  selfSignup: false,
  logoUrl: null,
  faviconUrl: null,
  allowTenantBranding: false,
  selfSignupPlan: null,
};

const CATALOG = {
  items: [
    { id: 'cp-manners', title: { ja: 'ビジネスマナー基礎', en: 'Business manners' }, level: 'new_hire', source: 'platform' },
    { id: 'cp-eval', title: { ja: '評価面談', en: 'Appraisal interviews' }, level: 'manager', source: 'platform' },
  ],
};

async function open(routes: Record<string, FakeHandler> = {}) {
  const { plugins } = await setupApp({
    path: '/vendor/branding',
    fetch: fakeApi({ 'POST /api/auth/refresh': session, 'GET /api/vendor/branding': () => json(200, BRANDING), ...routes }),
  });
  const wrapper = mount(VendorBrandingPage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return wrapper;
}

const value = (wrapper: Awaited<ReturnType<typeof open>>, testid: string) =>
  (wrapper.find(`[data-testid="${testid}"]`).element as HTMLInputElement).value;

describe('VendorBrandingPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('fills the form and previews the product name in the chosen colour', async () => {
    const wrapper = await open();

    expect(value(wrapper, 'vendor-branding-product-name')).toBe('まなびクラウド');
    expect(value(wrapper, 'vendor-branding-color-text')).toBe('#0f766e');
    expect(value(wrapper, 'vendor-branding-color')).toBe('#0f766e');
    expect(value(wrapper, 'vendor-branding-signin-text-ja')).toBe('学びを、仕事のとなりに。');
    expect(value(wrapper, 'vendor-branding-support-email')).toBe('support@example-training.co.jp');
    expect(value(wrapper, 'vendor-branding-domain-0')).toBe('learn.example-training.co.jp');
    expect((wrapper.find('[data-testid="vendor-branding-self-signup"]').element as HTMLInputElement).checked).toBe(false);

    const name = () => wrapper.find('[data-testid="vendor-branding-preview-name"]');
    expect(name().text()).toBe('まなびクラウド');
    expect(name().attributes('style')).toContain('#0f766e');
    expect(wrapper.find('[data-testid="vendor-branding-preview"]').text()).toContain('学びを、仕事のとなりに。');

    await wrapper.find('[data-testid="vendor-branding-product-name"]').setValue('ひかりラーニング');
    await wrapper.find('[data-testid="vendor-branding-color"]').setValue('#b91c1c');
    expect(name().text()).toBe('ひかりラーニング');
    expect(name().attributes('style')).toContain('#b91c1c');
    expect(value(wrapper, 'vendor-branding-color-text')).toBe('#b91c1c');

    // An unfinished colour code keeps the last valid colour in the preview.
    await wrapper.find('[data-testid="vendor-branding-color-text"]').setValue('#12');
    expect(name().attributes('style')).toContain('#b91c1c');
  });

  it('warns when the colour is hard to read on white', async () => {
    const wrapper = await open();
    expect(wrapper.find('[data-testid="vendor-branding-low-contrast"]').exists()).toBe(false);
    await wrapper.find('[data-testid="vendor-branding-color-text"]').setValue('#ffe066');
    expect(wrapper.find('[data-testid="vendor-branding-low-contrast"]').exists()).toBe(true);
  });

  it('saves the whole branding (empty rows and languages left out) and shows success', async () => {
    const sent: unknown[] = [];
    const mine: string[] = [];
    const wrapper = await open({
      'PUT /api/vendor/branding': ({ body }) => {
        sent.push(body);
        return json(200, { ...(body as object), logoUrl: null, faviconUrl: null });
      },
      'GET /api/branding/mine': ({ path }) => {
        mine.push(path);
        return json(200, { ...BRANDING, signInText: null });
      },
    });

    expect((wrapper.find('[data-testid="vendor-branding-allow-tenant"]').element as HTMLInputElement).checked).toBe(false);
    await wrapper.find('[data-testid="vendor-branding-allow-tenant"]').setValue(true);
    await wrapper.find('[data-testid="vendor-branding-sender-name"]').setValue(' ひかり研修事務局 ');
    await wrapper.find('[data-testid="vendor-branding-signin-text-en"]').setValue('Learning beside your work.');
    await wrapper.find('[data-testid="vendor-branding-domain-add"]').trigger('click');
    await flushPromises();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('vendor-branding-domain-1');
    await wrapper.find('[data-testid="vendor-branding-domain-add"]').trigger('click');
    await wrapper.find('[data-testid="vendor-branding-domain-2"]').setValue(' Academy.Example-Training.jp ');
    await wrapper.find('[data-testid="vendor-branding-self-signup"]').setValue(true);
    expect((wrapper.find('[data-testid="vendor-branding-signup-plan-default"]').element as HTMLInputElement).checked).toBe(true);
    mine.length = 0; // asked once already when the session started
    await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
    await settle();

    expect(sent).toEqual([
      {
        productName: 'まなびクラウド',
        primaryColor: '#0f766e',
        // No accent colour of its own: sent as null (the primary colour is used).
        accentColor: null,
        signInText: { ja: '学びを、仕事のとなりに。', en: 'Learning beside your work.' },
        supportEmail: 'support@example-training.co.jp',
        emailSenderName: 'ひかり研修事務局',
        domains: ['learn.example-training.co.jp', 'academy.example-training.jp'],
        selfSignup: true,
        allowTenantBranding: true,
        // Self sign-up turned on with the default plan: sent as null.
        selfSignupPlan: null,
      },
    ]);
    expect(useNoticeStore().notice?.key).toBe('vendorBranding.saved');
    // The header follows at once.
    expect(mine).toEqual(['/api/branding/mine']);
    expect(wrapper.findAll('[data-testid="vendor-branding-domain-row"]')).toHaveLength(2);
  });

  it('marks the row of a domain another vendor already uses (409 domain_taken)', async () => {
    let sent: VendorBranding | null = null;
    const wrapper = await open({
      'PUT /api/vendor/branding': ({ body }) => {
        sent = body as VendorBranding;
        return apiError(409, 'domain_taken', 'Domain already in use', [{ path: 'domains.1', message: 'ほかの販売パートナーが使用中です' }]);
      },
    });

    // Row 1 stays empty (not sent), so the server's `domains.1` is the form's row 2.
    await wrapper.find('[data-testid="vendor-branding-domain-add"]').trigger('click');
    await wrapper.find('[data-testid="vendor-branding-domain-add"]').trigger('click');
    await wrapper.find('[data-testid="vendor-branding-domain-2"]').setValue('learn.taken.example.jp');
    await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
    await settle();

    expect(sent!.domains).toEqual(['learn.example-training.co.jp', 'learn.taken.example.jp']);
    const rows = wrapper.findAll('[data-testid="vendor-branding-domain-row"]');
    expect(rows.map((row) => row.attributes('data-invalid') ?? null)).toEqual([null, null, 'true']);
    const taken = wrapper.find('[data-testid="vendor-branding-domain-2"]');
    expect(taken.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find(`#${taken.attributes('aria-describedby')}`).text()).toBe('ほかの販売パートナーが使用中です');
    expect(wrapper.find('[role="alert"]').text()).toContain('このドメインはすでにほかで使われています。');
    expect(useNoticeStore().notice).toBeNull();

    // Removing the empty row above moves the mark up with its row.
    await wrapper.find('[data-testid="vendor-branding-domain-remove-1"]').trigger('click');
    expect(wrapper.find('[data-testid="vendor-branding-domain-1"]').attributes('aria-invalid')).toBe('true');
    expect(value(wrapper, 'vendor-branding-domain-1')).toBe('learn.taken.example.jp');
  });

  it('checks the name, colour and domains before sending', async () => {
    let puts = 0;
    const wrapper = await open({
      'PUT /api/vendor/branding': () => {
        puts++;
        return json(200, BRANDING);
      },
    });

    await wrapper.find('[data-testid="vendor-branding-product-name"]').setValue('  ');
    await wrapper.find('[data-testid="vendor-branding-color-text"]').setValue('teal');
    await wrapper.find('[data-testid="vendor-branding-domain-add"]').trigger('click');
    await wrapper.find('[data-testid="vendor-branding-domain-1"]').setValue('https://learn.example-training.co.jp/');
    await wrapper.find('[data-testid="vendor-branding-domain-add"]').trigger('click');
    await wrapper.find('[data-testid="vendor-branding-domain-2"]').setValue('LEARN.example-training.co.jp');
    await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
    await settle();

    expect(puts).toBe(0);
    expect(wrapper.find('[data-testid="vendor-branding-product-name"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-testid="vendor-branding-color-text"]').attributes('aria-invalid')).toBe('true');
    const rows = wrapper.findAll('[data-testid="vendor-branding-domain-row"]');
    expect(rows.map((row) => (row.find('.field__error').exists() ? row.find('.field__error').text() : null))).toEqual([
      null,
      'ホスト名だけを入力してください（例: learn.example-training.co.jp）。',
      '同じドメインが2回入力されています。',
    ]);
  });

  describe('accent colour', () => {
    const preview = (wrapper: Awaited<ReturnType<typeof open>>) =>
      (wrapper.find('[data-testid="vendor-branding-preview"]').element as HTMLElement).style.getPropertyValue('--preview-accent');
    const saving = (sent: unknown[]) => ({
      'PUT /api/vendor/branding': ({ body }: { body: unknown }) => {
        sent.push(body);
        return json(200, { ...(body as object), logoUrl: null, faviconUrl: null });
      },
      'GET /api/branding/mine': () => json(200, BRANDING),
    });

    it('is empty when there is none: the preview stripe and the picker show the primary colour', async () => {
      const wrapper = await open();
      expect(value(wrapper, 'vendor-branding-accent-color-text')).toBe('');
      expect(value(wrapper, 'vendor-branding-accent-color')).toBe('#0f766e');
      expect(preview(wrapper)).toBe('#0f766e');
      expect(wrapper.find('[data-testid="vendor-branding-accent-color-clear"]').exists()).toBe(false);

      // Follows the primary colour while it has none of its own.
      await wrapper.find('[data-testid="vendor-branding-color-text"]').setValue('#b91c1c');
      expect(preview(wrapper)).toBe('#b91c1c');
    });

    it('loads the stored accent colour, previews it, and sends the one chosen', async () => {
      const sent: unknown[] = [];
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, accentColor: '#F59E0B' }),
        ...saving(sent),
      });

      expect(value(wrapper, 'vendor-branding-accent-color-text')).toBe('#f59e0b');
      expect(value(wrapper, 'vendor-branding-accent-color')).toBe('#f59e0b');
      expect(preview(wrapper)).toBe('#f59e0b');
      // The primary colour is still the product name's and the button's.
      expect(wrapper.find('[data-testid="vendor-branding-preview-name"]').attributes('style')).toContain('#0f766e');

      await wrapper.find('[data-testid="vendor-branding-accent-color"]').setValue('#dc2626');
      expect(value(wrapper, 'vendor-branding-accent-color-text')).toBe('#dc2626');
      expect(preview(wrapper)).toBe('#dc2626');
      // An unfinished code keeps the last valid accent colour in the preview.
      await wrapper.find('[data-testid="vendor-branding-accent-color-text"]').setValue('#7c');
      expect(preview(wrapper)).toBe('#dc2626');
      await wrapper.find('[data-testid="vendor-branding-accent-color-text"]').setValue(' #7C3AED ');
      expect(preview(wrapper)).toBe('#7c3aed');

      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ primaryColor: '#0f766e', accentColor: '#7c3aed' });
      expect(useNoticeStore().notice?.key).toBe('vendorBranding.saved');
      expect(value(wrapper, 'vendor-branding-accent-color-text')).toBe('#7c3aed');
    });

    it('is cleared back to the primary colour and sent as null', async () => {
      const sent: unknown[] = [];
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, accentColor: '#f59e0b' }),
        ...saving(sent),
      });

      const clear = wrapper.find('[data-testid="vendor-branding-accent-color-clear"]');
      expect(clear.text()).toBe('ブランドカラーと同じにする');
      await clear.trigger('click');
      await flushPromises();

      expect(value(wrapper, 'vendor-branding-accent-color-text')).toBe('');
      expect(preview(wrapper)).toBe('#0f766e');
      expect(wrapper.find('[data-testid="vendor-branding-accent-color-clear"]').exists()).toBe(false);
      // The button is gone: focus stays in the field.
      expect(document.activeElement?.getAttribute('data-testid')).toBe('vendor-branding-accent-color-text');

      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ accentColor: null });
    });

    it("checks the code before sending, and shows the API's problem with it by the field", async () => {
      let puts = 0;
      const wrapper = await open({
        'PUT /api/vendor/branding': () => {
          puts++;
          return apiError(400, 'validation_error', 'Invalid input', [{ path: 'accentColor', message: 'Expected a colour #rrggbb' }]);
        },
      });

      await wrapper.find('[data-testid="vendor-branding-accent-color-text"]').setValue('orange');
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();
      expect(puts).toBe(0);
      const text = () => wrapper.find('[data-testid="vendor-branding-accent-color-text"]');
      expect(text().attributes('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(text().element);
      expect(wrapper.find(`#${text().attributes('aria-describedby')!.split(' ').pop()!}`).text()).toBe(
        '#rrggbb 形式（例: #0f766e）で入力してください。',
      );

      await text().setValue('#f59e0b');
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();
      expect(puts).toBe(1);
      expect(text().attributes('aria-invalid')).toBe('true');
      expect(wrapper.find('#vendor-branding-accent-color-text-error').text()).toBe('Expected a colour #rrggbb');
      // Shown by its field, not listed again in the alert.
      expect(wrapper.find('[role="alert"]').exists() ? wrapper.find('[role="alert"]').text() : '').not.toContain('Expected a colour');
      expect(useNoticeStore().notice).toBeNull();
    });
  });

  it('starts with one empty domain row when there are none yet', async () => {
    const wrapper = await open({ 'GET /api/vendor/branding': () => json(200, { ...BRANDING, domains: [] }) });
    expect(wrapper.findAll('[data-testid="vendor-branding-domain-row"]')).toHaveLength(1);
    expect(value(wrapper, 'vendor-branding-domain-0')).toBe('');
  });

  describe('plan for companies that sign up themselves', () => {
    const STORED: TenantPlan = { seatLimit: 30, features: { adaptive: false, reportsExport: true }, catalogPackageIds: ['cp-manners'] };
    const checked = (wrapper: Awaited<ReturnType<typeof open>>, selector: string) =>
      (wrapper.find(selector).element as HTMLInputElement).checked;

    it('is shown only while self sign-up is on, with the default plan to start with', async () => {
      const wrapper = await open();
      expect(wrapper.find('[data-testid="vendor-branding-signup-plan"]').exists()).toBe(false);

      await wrapper.find('[data-testid="vendor-branding-self-signup"]').setValue(true);
      const section = wrapper.find('[data-testid="vendor-branding-signup-plan"]');
      expect(section.find('legend').text()).toBe('自分で新規登録した企業のプラン');
      expect(checked(wrapper, '[data-testid="vendor-branding-signup-plan-default"]')).toBe(true);
      expect(section.find('[data-testid="vendor-tenant-seat-limit"]').exists()).toBe(false);

      await wrapper.find('[data-testid="vendor-branding-signup-plan-custom"]').setValue(true);
      // "This plan" starts from the default: unlimited seats, every feature, the whole catalog.
      expect(checked(wrapper, '[data-testid="vendor-tenant-seat-unlimited"]')).toBe(true);
      expect(checked(wrapper, '[data-testid="vendor-tenant-feature-adaptive"]')).toBe(true);
      expect(checked(wrapper, '[data-testid="vendor-tenant-feature-reports-export"]')).toBe(true);
      expect(checked(wrapper, '[data-testid="plan-catalog-all"]')).toBe(true);
    });

    it('loads the stored plan, and sends null after switching back to the default plan', async () => {
      const sent: unknown[] = [];
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, selfSignup: true, selfSignupPlan: STORED }),
        'GET /api/vendor/catalog': () => json(200, CATALOG),
        'PUT /api/vendor/branding': ({ body }) => {
          sent.push(body);
          return json(200, { ...(body as object), logoUrl: null, faviconUrl: null });
        },
        'GET /api/branding/mine': () => json(200, BRANDING),
      });

      expect(checked(wrapper, '[data-testid="vendor-branding-signup-plan-custom"]')).toBe(true);
      expect(value(wrapper, 'vendor-tenant-seat-limit')).toBe('30');
      expect(checked(wrapper, '[data-testid="vendor-tenant-seat-unlimited"]')).toBe(false);
      expect(checked(wrapper, '[data-testid="vendor-tenant-feature-adaptive"]')).toBe(false);
      expect(checked(wrapper, '[data-testid="vendor-tenant-feature-reports-export"]')).toBe(true);
      expect(checked(wrapper, '[data-testid="plan-catalog-selected"]')).toBe(true);
      expect(checked(wrapper, '[data-testid="plan-catalog-package"][data-id="cp-manners"]')).toBe(true);
      expect(checked(wrapper, '[data-testid="plan-catalog-package"][data-id="cp-eval"]')).toBe(false);

      // Saved unchanged, the stored plan is sent back as it is.
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();
      expect((sent[0] as { selfSignupPlan: unknown }).selfSignupPlan).toEqual(STORED);

      await wrapper.find('[data-testid="vendor-branding-signup-plan-default"]').setValue(true);
      expect(wrapper.find('[data-testid="vendor-tenant-seat-limit"]').exists()).toBe(false);
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();
      expect(sent[1]).toMatchObject({ selfSignup: true, selfSignupPlan: null });
      expect(checked(wrapper, '[data-testid="vendor-branding-signup-plan-default"]')).toBe(true);
    });

    it('sends the plan chosen for companies that sign up themselves', async () => {
      const sent: unknown[] = [];
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, selfSignup: true }),
        'GET /api/vendor/catalog': () => json(200, CATALOG),
        'PUT /api/vendor/branding': ({ body }) => {
          sent.push(body);
          return json(200, { ...(body as object), logoUrl: null, faviconUrl: null });
        },
        'GET /api/branding/mine': () => json(200, BRANDING),
      });

      await wrapper.find('[data-testid="vendor-branding-signup-plan-custom"]').setValue(true);
      await wrapper.find('[data-testid="vendor-tenant-seat-limit"]').setValue('50');
      await wrapper.find('[data-testid="vendor-tenant-feature-reports-export"]').setValue(false);
      await wrapper.find('[data-testid="plan-catalog-selected"]').setValue(true);
      await settle();
      await wrapper.find('[data-testid="plan-catalog-package"][data-id="cp-eval"]').setValue(true);
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();

      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        selfSignup: true,
        selfSignupPlan: { seatLimit: 50, features: { adaptive: true, reportsExport: false }, catalogPackageIds: ['cp-eval'] },
      });
      expect(useNoticeStore().notice?.key).toBe('vendorBranding.saved');
      // The answer fills the form again: still this plan.
      expect(checked(wrapper, '[data-testid="vendor-branding-signup-plan-custom"]')).toBe(true);
      expect(value(wrapper, 'vendor-tenant-seat-limit')).toBe('50');
    });

    it('keeps the stored plan when self sign-up is turned off in the middle of an edit', async () => {
      const sent: unknown[] = [];
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, selfSignup: true, selfSignupPlan: STORED }),
        'GET /api/vendor/catalog': () => json(200, CATALOG),
        'PUT /api/vendor/branding': ({ body }) => {
          sent.push(body);
          return json(200, { ...(body as object), logoUrl: null, faviconUrl: null });
        },
        'GET /api/branding/mine': () => json(200, BRANDING),
      });

      await wrapper.find('[data-testid="vendor-tenant-seat-limit"]').setValue('');
      await wrapper.find('[data-testid="vendor-branding-self-signup"]').setValue(false);
      expect(wrapper.find('[data-testid="vendor-branding-signup-plan"]').exists()).toBe(false);
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();

      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ selfSignup: false, selfSignupPlan: STORED });
    });

    it('checks the seat limit before sending', async () => {
      let puts = 0;
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, selfSignup: true }),
        'PUT /api/vendor/branding': () => {
          puts++;
          return json(200, BRANDING);
        },
      });

      await wrapper.find('[data-testid="vendor-branding-signup-plan-custom"]').setValue(true);
      await wrapper.find('[data-testid="vendor-tenant-seat-unlimited"]').setValue(false);
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();

      expect(puts).toBe(0);
      const seats = wrapper.find('[data-testid="vendor-tenant-seat-limit"]');
      expect(seats.attributes('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(seats.element);
      expect(wrapper.find('[data-testid="vendor-branding-signup-plan"] [data-testid="field-error"]').text()).toBe(
        'ライセンス数を入力するか、「無制限」を選んでください。',
      );
    });

    it("shows the API's problems with the plan next to its fields", async () => {
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, selfSignup: true }),
        'GET /api/vendor/catalog': () => json(200, CATALOG),
        'PUT /api/vendor/branding': () =>
          apiError(400, 'validation_error', 'Invalid input', [
            { path: 'selfSignupPlan.seatLimit', message: '10000 以下で入力してください' },
            { path: 'selfSignupPlan.catalogPackageIds.1', message: 'カタログにないパッケージです' },
          ]),
      });

      await wrapper.find('[data-testid="vendor-branding-signup-plan-custom"]').setValue(true);
      await wrapper.find('[data-testid="vendor-tenant-seat-limit"]').setValue('100000');
      await wrapper.find('[data-testid="plan-catalog-selected"]').setValue(true);
      await settle();
      await wrapper.find('[data-testid="plan-catalog-package"][data-id="cp-manners"]').setValue(true);
      await wrapper.find('[data-testid="plan-catalog-package"][data-id="cp-eval"]').setValue(true);
      await wrapper.find('[data-testid="vendor-branding-save"]').trigger('click');
      await settle();

      const seats = wrapper.find('[data-testid="vendor-tenant-seat-limit"]');
      expect(seats.attributes('aria-invalid')).toBe('true');
      expect(wrapper.find('#vendor-branding-signup-edit-seat-limit-error').text()).toBe('10000 以下で入力してください');
      expect(seats.attributes('aria-describedby')).toContain('vendor-branding-signup-edit-seat-limit-error');
      // `catalogPackageIds.1` is the second package sent.
      const pkg = (id: string) => wrapper.find(`[data-testid="plan-catalog-package"][data-id="${id}"]`);
      expect(pkg('cp-manners').attributes('aria-invalid')).toBeUndefined();
      expect(pkg('cp-eval').attributes('aria-invalid')).toBe('true');
      expect(wrapper.find(`#${pkg('cp-eval').attributes('aria-describedby')}`).text()).toBe('カタログにないパッケージです');
      // Shown by their fields, not listed again in the alert.
      expect(wrapper.find('[role="alert"]').text()).not.toContain('10000 以下で入力してください');
      expect(wrapper.find('[role="alert"]').text()).not.toContain('カタログにないパッケージです');
      expect(useNoticeStore().notice).toBeNull();
    });
  });

  describe('logo and favicon', () => {
    const choose = async (wrapper: Awaited<ReturnType<typeof open>>, testid: string, file: File) => {
      const input = wrapper.find(`[data-testid="${testid}"]`);
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
      await input.trigger('change');
      await settle();
    };

    it('uploads a logo as the raw file with its type, and shows it', async () => {
      const uploads: { type: string | null; body: unknown }[] = [];
      const wrapper = await open({
        'PUT /api/vendor/branding/logo': ({ headers, body }) => {
          uploads.push({ type: headers.get('content-type'), body });
          return json(200, { ...BRANDING, logoUrl: '/api/assets/v/v1/logo-1a2b.png' });
        },
        'GET /api/branding/mine': () => json(200, { ...BRANDING, signInText: null, logoUrl: '/api/assets/v/v1/logo-1a2b.png' }),
      });

      expect(wrapper.find('[data-testid="vendor-branding-logo-preview"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid="vendor-branding-logo-remove"]').exists()).toBe(false);
      await wrapper.find('[data-testid="vendor-branding-product-name"]').setValue('編集中の名前');
      const file = new File([new Uint8Array([137, 80, 78, 71])], 'logo.png', { type: 'image/png' });
      await choose(wrapper, 'vendor-branding-logo-input', file);

      expect(uploads).toHaveLength(1);
      expect(uploads[0]!.type).toBe('image/png');
      expect(uploads[0]!.body).toBe(file);
      expect(wrapper.find('[data-testid="vendor-branding-logo-preview"]').attributes('src')).toBe('/api/assets/v/v1/logo-1a2b.png');
      expect(wrapper.find('[data-testid="vendor-branding-preview-logo"]').attributes('src')).toBe('/api/assets/v/v1/logo-1a2b.png');
      expect(useNoticeStore().notice?.key).toBe('vendorBranding.logoUploaded');
      // What was being typed in the form is left alone.
      expect(value(wrapper, 'vendor-branding-product-name')).toBe('編集中の名前');
      const { useBrandingStore } = await import('../stores/branding');
      expect(useBrandingStore().logoUrl).toBe('/api/assets/v/v1/logo-1a2b.png');
    });

    it('removes the favicon', async () => {
      let deleted = 0;
      const wrapper = await open({
        'GET /api/vendor/branding': () => json(200, { ...BRANDING, faviconUrl: '/api/assets/v/v1/favicon-9f.ico' }),
        'DELETE /api/vendor/branding/favicon': () => {
          deleted++;
          return json(200, { ...BRANDING, faviconUrl: null });
        },
      });

      expect(wrapper.find('[data-testid="vendor-branding-favicon-preview"]').attributes('src')).toBe('/api/assets/v/v1/favicon-9f.ico');
      await wrapper.find('[data-testid="vendor-branding-favicon-remove"]').trigger('click');
      await settle();

      expect(deleted).toBe(1);
      expect(wrapper.find('[data-testid="vendor-branding-favicon-preview"]').exists()).toBe(false);
      expect(wrapper.find('[data-testid="vendor-branding-favicon-remove"]').exists()).toBe(false);
      expect(useNoticeStore().notice?.key).toBe('vendorBranding.faviconRemoved');
    });

    it('refuses a file that is too large or not an image before sending it', async () => {
      let puts = 0;
      const wrapper = await open({
        'PUT /api/vendor/branding/logo': () => {
          puts++;
          return json(200, BRANDING);
        },
      });

      await choose(wrapper, 'vendor-branding-logo-input', new File([new Uint8Array(256 * 1024 + 1)], 'big.png', { type: 'image/png' }));
      expect(wrapper.find('[data-testid="vendor-branding-logo-error"]').text()).toContain('256 KB 以下');
      expect(wrapper.find('[data-testid="vendor-branding-logo-input"]').attributes('aria-invalid')).toBe('true');

      await choose(wrapper, 'vendor-branding-logo-input', new File(['GIF89a'], 'anim.gif', { type: 'image/gif' }));
      expect(wrapper.find('[data-testid="vendor-branding-logo-error"]').text()).toContain('PNG・JPEG・WebP・SVG');
      expect(puts).toBe(0);
    });

    it("shows the server's invalid_image and image_too_large clearly", async () => {
      const wrapper = await open({
        'PUT /api/vendor/branding/favicon': () => apiError(400, 'invalid_image', 'Not an image of that type', [], 'req-img'),
        'PUT /api/vendor/branding/logo': () => apiError(400, 'image_too_large', 'Too large'),
      });

      await choose(wrapper, 'vendor-branding-favicon-input', new File(['not really'], 'favicon.ico', { type: 'image/x-icon' }));
      const error = wrapper.find('[data-testid="vendor-branding-favicon-error"]');
      expect(error.text()).toContain('使える画像ではありません');
      expect(error.text()).toContain('問い合わせ番号: req-img');
      expect(wrapper.find('[data-testid="vendor-branding-logo-error"]').exists()).toBe(false);

      await choose(wrapper, 'vendor-branding-logo-input', new File(['x'], 'logo.svg', { type: 'image/svg+xml' }));
      expect(wrapper.find('[data-testid="vendor-branding-logo-error"]').text()).toContain('ファイルが大きすぎます');
      expect(useNoticeStore().notice).toBeNull();
    });
  });
});
