import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import BankQuestionsPage from './BankQuestionsPage.vue';
import BanksPage from './BanksPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() });
const banks = [
  { id: 'cat1', name: 'ビジネス基礎', owner: 'catalog', editable: false, ref: 'catalog:cat1', questionCount: 300 },
  { id: 'bank1', name: '新人研修', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 12 },
];

describe('BanksPage', () => {
  beforeEach(() => localStorage.clear());

  it('lists own banks before read-only catalog banks and creates a bank', async () => {
    let created: unknown = null;
    const { plugins } = await setupApp({
      path: '/admin/banks',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/banks': () => json(200, { items: banks }),
        'POST /api/banks': ({ body }) => {
          created = body;
          return json(201, { id: 'bank2', name: '管理職研修', owner: 'tenant', editable: true, ref: 'bank2', questionCount: 0 });
        },
      }),
    });
    const wrapper = mount(BanksPage, { global: { plugins: [...plugins] } });
    await settle();

    const rows = wrapper.findAll('[data-testid="bank-row"]');
    expect(rows.map((r) => r.attributes('data-name'))).toEqual(['新人研修', 'ビジネス基礎']);
    expect(rows[0]!.find('[data-testid="bank-readonly"]').exists()).toBe(false);
    expect(rows[1]!.find('[data-testid="bank-readonly"]').text()).toBe('読み取り専用');
    expect(rows[0]!.find('a').attributes('href')).toBe('/admin/banks/bank1');
    expect(rows[1]!.find('a').attributes('href')).toBe('/admin/catalog/cat1');

    await wrapper.find('[data-testid="bank-create-name"]').setValue('  管理職研修 ');
    await wrapper.find('[data-testid="bank-create-submit"]').trigger('submit');
    await settle();
    await flushPromises();

    expect(created).toEqual({ name: '管理職研修' });
    const names = wrapper.findAll('[data-testid="bank-row"]').map((r) => r.attributes('data-name'));
    expect(names).toHaveLength(3);
    expect(names).toContain('管理職研修');
    expect(names.at(-1)).toBe('ビジネス基礎'); // the catalog stays last
    expect(wrapper.find('[data-testid="notice"]').exists()).toBe(false); // shown by the app shell's NoticeBar
  });
});

describe('BanksPage for vendors and their companies', () => {
  beforeEach(() => localStorage.clear());

  const vendorSession = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'vendor_admin' }) });

  it("gives a vendor admin its own banks to edit, read as the company's own, and the catalog read-only", async () => {
    const { plugins } = await setupApp({
      path: '/admin/banks',
      fetch: fakeApi({
        'POST /api/auth/refresh': vendorSession,
        'GET /api/banks': () =>
          json(200, {
            items: [
              { id: 'cat1', name: 'ビジネス基礎', owner: 'catalog', editable: false, ref: 'catalog:cat1', questionCount: 300 },
              { id: 'v1', name: '提供用の問題', owner: 'vendor', editable: true, ref: 'vendor:v1', questionCount: 20 },
            ],
          }),
      }),
    });
    const wrapper = mount(BanksPage, { global: { plugins: [...plugins] } });
    await settle();

    expect(wrapper.find('.page-lead').text()).toContain('顧客企業に読み取り専用で提供され');
    const rows = wrapper.findAll('[data-testid="bank-row"]');
    expect(rows.map((r) => [r.attributes('data-bank-id'), r.attributes('data-source'), r.attributes('data-editable')])).toEqual([
      ['v1', 'own', 'true'],
      ['cat1', 'catalog', 'false'],
    ]);
    expect(rows[0]!.find('[data-testid="bank-source"]').text()).toBe('自社');
    expect(rows[0]!.find('[data-testid="bank-readonly"]').exists()).toBe(false);
    expect(rows[0]!.find('a').attributes('href')).toBe('/admin/banks/v1');
    expect(rows[1]!.find('[data-testid="bank-source"]').text()).toBe('カタログ');
    expect(rows[1]!.find('a').attributes('href')).toBe('/admin/catalog/cat1');
    expect(wrapper.find('[data-testid="bank-create-form"]').exists()).toBe(true);
  });

  it("shows HR its provider's banks read-only, between its own and the catalog", async () => {
    const { plugins } = await setupApp({
      path: '/admin/banks',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/banks': () =>
          json(200, {
            items: [...banks, { id: 'v1', name: '提供元の問題', owner: 'vendor', editable: false, ref: 'vendor:v1', questionCount: 20 }],
          }),
      }),
    });
    const wrapper = mount(BanksPage, { global: { plugins: [...plugins] } });
    await settle();

    const rows = wrapper.findAll('[data-testid="bank-row"]');
    expect(rows.map((r) => r.attributes('data-bank-id'))).toEqual(['bank1', 'v1', 'cat1']);
    const vendor = rows[1]!;
    expect(vendor.find('[data-testid="bank-source"]').text()).toBe('サービス提供元');
    expect(vendor.find('[data-testid="bank-readonly"]').text()).toBe('読み取り専用');
    expect(vendor.find('a').attributes('href')).toBe('/admin/catalog/v1');
    expect(wrapper.text()).not.toMatch(/manabi/i);
  });
});

describe('BankQuestionsPage', () => {
  beforeEach(() => localStorage.clear());

  const question = {
    id: 'q1',
    bankId: 'bank1',
    type: 'single_choice',
    title: null,
    stemPreview: '報連相の「相」は？',
    skillTags: ['報連相'],
    level: 'new_hire',
    status: 'published',
    latestVersion: 3,
    publishedVersion: 2,
    irt: { a: 1, b: -0.5, c: 0.25, source: 'prior' },
    updatedAt: '2025-04-01T10:00:00Z',
  };

  it('lists a tenant bank with filters in the URL and edit, import and export actions', async () => {
    const queries: string[] = [];
    const { plugins, router } = await setupApp({
      path: '/admin/banks/bank1?type=single_choice',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/banks': () => json(200, { items: banks }),
        'GET /api/banks/bank1/questions': ({ query }) => {
          queries.push(query.toString());
          return json(200, { items: [question], nextCursor: null });
        },
      }),
    });
    const wrapper = mount(BankQuestionsPage, { props: { bankId: 'bank1' }, global: { plugins: [...plugins] } });
    await settle();

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('新人研修');
    expect(queries[0]).toBe('type=single_choice&limit=50');
    const row = wrapper.find('[data-testid="question-row"]');
    expect(row.text()).toContain('報連相の「相」は？');
    expect(row.text()).toContain('単一選択');
    expect(row.text()).toContain('未公開の変更あり');
    expect(row.find('[data-testid="question-link"]').attributes('href')).toBe('/admin/questions/q1');
    expect(wrapper.find('[data-testid="question-new"]').attributes('href')).toBe('/admin/questions/new?bank=bank1');
    expect(wrapper.find('[data-testid="question-import-link"]').attributes('href')).toBe('/admin/banks/bank1/import');
    expect(wrapper.find('[data-testid="question-export-csv"]').exists()).toBe(true);

    const skill = wrapper.find('[data-testid="questions-filter-skill-input"]');
    await skill.setValue('報連相');
    await skill.trigger('keydown', { key: 'Enter' });
    await wrapper.find('[data-testid="questions-filters"]').trigger('submit');
    await settle();
    expect(router.currentRoute.value.query).toEqual({ skill: '報連相', type: 'single_choice' });
    expect(queries.at(-1)).toBe('skill=%E5%A0%B1%E9%80%A3%E7%9B%B8&type=single_choice&limit=50');
  });

  it('shows a catalog bank read-only, from the catalog endpoint', async () => {
    const { plugins } = await setupApp({
      path: '/admin/catalog/cat1',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/banks': () => json(200, { items: banks }),
        'GET /api/catalog/banks/cat1/questions': () => json(200, { items: [{ ...question, bankId: 'cat1' }], nextCursor: null }),
      }),
    });
    const wrapper = mount(BankQuestionsPage, { props: { bankId: 'cat1', catalog: true }, global: { plugins: [...plugins] } });
    await settle();

    expect(wrapper.find('[data-testid="bank-readonly"]').text()).toBe('読み取り専用');
    expect(wrapper.findAll('[data-testid="question-row"]')).toHaveLength(1);
    expect(wrapper.find('[data-testid="question-link"]').exists()).toBe(false);
    for (const id of ['question-new', 'question-import-link', 'question-export-csv', 'question-export-gift']) {
      expect(wrapper.find(`[data-testid="${id}"]`).exists(), id).toBe(false);
    }
  });
  it("lets a vendor admin edit and import into the vendor's own bank", async () => {
    const { plugins } = await setupApp({
      path: '/admin/banks/v1',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'vendor_admin' }) }),
        'GET /api/banks': () =>
          json(200, { items: [{ id: 'v1', name: '提供用の問題', owner: 'vendor', editable: true, ref: 'vendor:v1', questionCount: 1 }] }),
        'GET /api/banks/v1/questions': () => json(200, { items: [{ ...question, bankId: 'v1' }], nextCursor: null }),
      }),
    });
    const wrapper = mount(BankQuestionsPage, { props: { bankId: 'v1' }, global: { plugins: [...plugins] } });
    await settle();

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('提供用の問題');
    expect(wrapper.find('[data-testid="bank-readonly"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="question-link"]').attributes('href')).toBe('/admin/questions/q1');
    expect(wrapper.find('[data-testid="question-new"]').attributes('href')).toBe('/admin/questions/new?bank=v1');
    expect(wrapper.find('[data-testid="question-import-link"]').attributes('href')).toBe('/admin/banks/v1/import');
  });

  it("shows HR its provider's bank read-only, from the catalog endpoint", async () => {
    const { plugins } = await setupApp({
      path: '/admin/catalog/v1',
      fetch: fakeApi({
        'POST /api/auth/refresh': session,
        'GET /api/banks': () =>
          json(200, { items: [{ id: 'v1', name: '提供元の問題', owner: 'vendor', editable: false, ref: 'vendor:v1', questionCount: 1 }] }),
        'GET /api/catalog/banks/v1/questions': () => json(200, { items: [{ ...question, bankId: 'v1' }], nextCursor: null }),
      }),
    });
    const wrapper = mount(BankQuestionsPage, { props: { bankId: 'v1', catalog: true }, global: { plugins: [...plugins] } });
    await settle();

    expect(wrapper.find('[data-testid="bank-readonly"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="bank-readonly-note"]').text()).toContain('サービス提供元のバンクです');
    expect(wrapper.findAll('[data-testid="question-row"]')).toHaveLength(1);
    for (const id of ['question-link', 'question-new', 'question-import-link', 'question-export-csv']) {
      expect(wrapper.find(`[data-testid="${id}"]`).exists(), id).toBe(false);
    }
  });
});
