import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LearningPackage, PackageAssignee, PackageDetail, PackageModule, PackageSummary } from '../api/types';
import { useNoticeStore } from '../stores/notice';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makePackageModules, makeProgress, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import LearningSettingsPage from './LearningSettingsPage.vue';
import PackageDetailPage from './PackageDetailPage.vue';
import PackageNewPage from './PackageNewPage.vue';
import PackagesPage from './PackagesPage.vue';

function summary(overrides: Partial<PackageSummary> = {}): PackageSummary {
  return {
    id: 'pkg1',
    owner: 'tenant',
    title: { ja: '新入社員研修', en: 'New-hire training' },
    description: { ja: '社会人の基礎を身につける' },
    level: 'new_hire',
    moduleCount: 4,
    totalMinutes: 210,
    clonedFrom: 'cat1',
    rev: 1,
    ...overrides,
  };
}

function detail(overrides: Partial<PackageDetail> = {}): PackageDetail {
  return {
    ...summary(),
    package: { title: summary().title, description: summary().description, level: 'new_hire', modules: makePackageModules() },
    ...overrides,
  };
}

const hr = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) });

async function mountAt(path: string, component: unknown, props: Record<string, unknown>, routes: Record<string, FakeHandler>) {
  const app = await setupApp({ path, fetch: fakeApi({ 'POST /api/auth/refresh': hr, ...routes }) });
  const wrapper = mount(component as any, { props, global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return { wrapper, router: app.router };
}

describe('PackagesPage', () => {
  beforeEach(() => localStorage.clear());

  it('groups packages by level and clones a catalog package into the company', async () => {
    const clone = vi.fn(() => json(201, detail({ id: 'pkg9', clonedFrom: 'cat2' })));
    const { wrapper, router } = await mountAt(
      '/admin/packages',
      PackagesPage,
      {},
      {
        'GET /api/packages': () =>
          json(200, {
            items: [
              summary({ id: 'cat1', owner: 'catalog', clonedFrom: null }),
              summary(),
              summary({ id: 'cat2', owner: 'catalog', level: 'junior', title: { ja: '若手社員研修' }, clonedFrom: null }),
            ],
          }),
        'POST /api/catalog/packages/cat2/clone': clone,
        'GET /api/packages/pkg9': () => json(200, detail({ id: 'pkg9' })),
      },
    );

    const groups = wrapper.findAll('[data-testid="package-group"]');
    expect(groups.map((g) => g.attributes('data-level'))).toEqual(['new_hire', 'junior']);
    expect(groups[0]!.findAll('[data-testid="package-row"]').map((r) => r.attributes('data-owner'))).toEqual(['tenant', 'catalog']);
    const own = wrapper.find('[data-testid="package-row"][data-package-id="pkg1"]');
    expect(own.find('[data-testid="package-clone"]').exists()).toBe(false);
    expect(own.find('[data-testid="package-open"]').attributes('href')).toBe('/admin/packages/pkg1');
    expect(own.text()).toContain('コピー元: 新入社員研修');
    const catalog = wrapper.find('[data-testid="package-row"][data-package-id="cat2"]');
    expect(catalog.find('[data-testid="package-open"]').attributes('href')).toBe('/admin/catalog/packages/cat2');

    await catalog.find('[data-testid="package-clone"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/packages/pkg9'));
    expect(clone).toHaveBeenCalledTimes(1);
  });
});

describe('PackageDetailPage', () => {
  beforeEach(() => localStorage.clear());

  const assignees = (): PackageAssignee[] => [
    {
      user: { id: 'u2', name: '佐藤 美咲', departmentId: 'd1', level: 'new_hire' },
      dueDate: '2025-04-30',
      via: 'level',
      progress: makeProgress({ manners: true }, { overdue: true }),
    },
    {
      user: { id: 'u3', name: '鈴木 一郎', departmentId: null, level: 'new_hire' },
      dueDate: '2025-04-30',
      via: 'user',
      progress: makeProgress(),
    },
  ];

  async function openDetail(routes: Record<string, FakeHandler> = {}) {
    return mountAt(
      '/admin/packages/pkg1',
      PackageDetailPage,
      { id: 'pkg1' },
      {
        'GET /api/packages/pkg1': () => json(200, detail()),
        'GET /api/packages/pkg1/assignments': () => json(200, { items: assignees() }),
        'GET /api/departments': () => json(200, { items: [{ id: 'd1', name: '営業部', userCount: 3 }] }),
        'GET /api/users': () =>
          json(200, { items: [makeUser({ id: 'u2', name: '佐藤 美咲' }), makeUser({ id: 'u4', name: '田中 太郎' })], nextCursor: null }),
        ...routes,
      },
    );
  }

  it('lists the modules and the progress of each assignee', async () => {
    const { wrapper } = await openDetail();

    expect(wrapper.findAll('[data-testid="package-module"]').map((m) => m.attributes('data-kind'))).toEqual([
      'lesson',
      'quiz',
      'ojt',
      'session',
    ]);
    expect(wrapper.find('[data-testid="package-module"]').text()).toContain('20 分');
    expect(wrapper.find('[data-testid="package-module"]').text()).toContain('business-basics');

    const rows = wrapper.findAll('[data-testid="package-progress-row"]');
    expect(rows.map((r) => r.attributes('data-user-id'))).toEqual(['u2', 'u3']);
    expect(rows[0]!.text()).toContain('営業部');
    expect(rows[0]!.find('[data-testid="package-progress-status"]').text()).toBe('受講中');
    expect(rows[0]!.find('[data-testid="package-progress-percent"]').text()).toBe('25%');
    expect(rows[0]!.find('[data-testid="package-overdue"]').exists()).toBe(true);
    expect(rows[1]!.find('[data-testid="package-overdue"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="package-progress-summary"]').text()).toBe('対象 2 人・修了 0 人・期限切れ 1 人');
  });

  it('assigns by department with a due date and reports the outcome', async () => {
    let sent: FakeRequest | null = null;
    const { wrapper } = await openDetail({
      'POST /api/packages/pkg1/assignments': (request) => {
        sent = request;
        return json(200, { created: 2, existing: 1, users: 3 });
      },
    });

    await wrapper.find('[data-testid="assign-submit"]').trigger('submit');
    await settle();
    expect(sent).toBeNull();
    expect(wrapper.find('#assign-due-error').text()).toBe('入力してください。');

    await wrapper.find('[data-testid="assign-department"]').setValue('d1');
    await wrapper.find('[data-testid="assign-due"]').setValue('2025-05-31');
    await wrapper.find('[data-testid="assign-user"][data-user-id="u4"]').setValue(true);
    await wrapper.find('[data-testid="assign-form"]').trigger('submit');
    await settle();

    expect(sent!.body).toEqual({ dueDate: '2025-05-31', userIds: ['u4'], departmentId: 'd1' });
    expect(wrapper.find('[data-testid="assign-result"]').text()).toBe('3 人に割り当てました（新規 2 人・割り当て済み 1 人）。');
  });

  it('lets HR sign off an OJT task from an assignee’s modules', async () => {
    const signoff = vi.fn(() =>
      json(200, { packageId: 'pkg1', userId: 'u2', progress: makeProgress({ manners: true, 'ojt-call': true }) }),
    );
    const { wrapper } = await openDetail({ 'POST /api/users/u2/assignments/pkg1/modules/ojt-call/signoff': signoff });

    const row = wrapper.find('[data-testid="package-progress-row"][data-user-id="u2"]');
    await row.find('[data-testid="package-progress-toggle"]').trigger('click');
    const buttons = wrapper.findAll('[data-testid="package-signoff"]');
    expect(buttons.map((b) => b.attributes('data-module-id'))).toEqual(['ojt-call', 'kickoff']);
    expect(buttons[0]!.text()).toBe('OJTを承認');

    await buttons[0]!.trigger('click');
    await settle();
    expect(signoff).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="package-progress-row"][data-user-id="u2"] [data-testid="package-progress-percent"]').text()).toBe(
      '50%',
    );
    expect(wrapper.find('[data-testid="package-progress-module"][data-module-id="ojt-call"]').attributes('data-done')).toBe('true');
  });

  it('edits a company package: adds a lesson, moves it before the session and saves', async () => {
    let sent: FakeRequest | null = null;
    const progress = vi.fn(() => json(200, { items: assignees() }));
    const { wrapper } = await openDetail({
      'GET /api/packages/pkg1/assignments': progress,
      'PUT /api/packages/pkg1': (request) => {
        sent = request;
        const body = request.body as { package: LearningPackage };
        return json(200, detail({ rev: 2, moduleCount: body.package.modules.length, package: body.package }));
      },
    });

    await wrapper.find('[data-testid="package-edit"]').trigger('click');
    expect(wrapper.find('[data-testid="assign-section"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="package-module-row"]').map((r) => r.attributes('data-module-id'))).toEqual([
      'manners',
      'manners-quiz',
      'ojt-call',
      'kickoff',
    ]);

    await wrapper.find('[data-testid="package-add-lesson"]').trigger('click');
    const added = wrapper.findAll('[data-testid="package-module-row"]')[4]!;
    expect(added.attributes('data-module-id')).toBe('lesson-1');
    expect(added.attributes('data-kind')).toBe('lesson');
    await added.find('[data-testid="package-module-title-ja"]').setValue('報連相の基本');
    await added.find('[data-testid="package-module-minutes"]').setValue('25');
    await added.find('[data-testid="package-module-tags"]').setValue('ビジネス基礎、 報連相');
    await added.find('[data-testid="package-module-body-ja"]').setValue('# 報告\n\n**すぐに**報告する');
    await added.find('[data-testid="package-module-preview-toggle"]').trigger('click');
    expect(added.find('[data-testid="package-module-preview"] [data-testid="markdown"]').html()).toContain('<strong>すぐに</strong>');
    // The lesson is completed by reading to the end unless the author chooses otherwise: here 10 minutes of viewing.
    expect((added.find('[data-testid="package-module-completion"]').element as HTMLSelectElement).value).toBe('read_to_end');
    expect(added.find('[data-testid="package-module-viewed-minutes"]').exists()).toBe(false);
    await added.find('[data-testid="package-module-completion"]').setValue('viewed');
    await added.find('[data-testid="package-module-viewed-minutes"]').setValue('10');
    await added.find('[data-testid="package-module-up"]').trigger('click');
    expect(wrapper.findAll('[data-testid="package-module-row"]').map((r) => r.attributes('data-module-id'))).toEqual([
      'manners',
      'manners-quiz',
      'ojt-call',
      'lesson-1',
      'kickoff',
    ]);

    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();

    const modules = makePackageModules();
    const lesson: PackageModule = {
      id: 'lesson-1',
      kind: 'lesson',
      title: { ja: '報連相の基本' },
      estimatedMinutes: 25,
      skillTags: ['ビジネス基礎', '報連相'],
      body: { ja: '# 報告\n\n**すぐに**報告する' },
      completion: { rule: 'viewed', minutes: 10 },
    };
    // A lesson stored without a rule is sent back with the default it always had.
    const manners = { ...modules[0]!, completion: { rule: 'read_to_end' as const } };
    expect(sent!.body).toEqual({
      // A package stored before audiences is sent back as for everyone.
      package: {
        ...detail().package,
        audience: { levels: [], departmentIds: [], jobRoles: [] },
        modules: [manners, modules[1], modules[2], lesson, modules[3]],
      },
      expectedRev: 1,
    });
    expect(wrapper.find('[data-testid="package-editor"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="package-module"]').map((m) => m.attributes('data-module-id'))).toEqual([
      'manners',
      'manners-quiz',
      'ojt-call',
      'lesson-1',
      'kickoff',
    ]);
    expect(useNoticeStore().notice?.key).toBe('packageEditor.saved');
    expect(progress).toHaveBeenCalledTimes(2);
  });

  it('keeps the edits and offers a reload when the package changed meanwhile', async () => {
    const get = vi.fn(() => json(200, detail()));
    const { wrapper } = await openDetail({
      'GET /api/packages/pkg1': get,
      'PUT /api/packages/pkg1': () => apiError(409, 'stale', 'The package was changed meanwhile; reload it'),
    });

    await wrapper.find('[data-testid="package-edit"]').trigger('click');
    await wrapper.find('[data-testid="package-title-ja"]').setValue('新入社員研修（改訂）');
    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();

    expect(wrapper.find('[data-testid="package-stale"]').text()).toContain('ほかの人が先に変更を保存しました');
    expect((wrapper.find('[data-testid="package-title-ja"]').element as HTMLInputElement).value).toBe('新入社員研修（改訂）');
    await wrapper.find('[data-testid="package-reload"]').trigger('click');
    await settle();
    expect(get).toHaveBeenCalledTimes(2);
    expect(wrapper.find('[data-testid="package-editor"]').exists()).toBe(false);
  });

  it('shows a catalog package read-only, with a clone button and no assignment form', async () => {
    const { wrapper } = await mountAt(
      '/admin/catalog/packages/cat1',
      PackageDetailPage,
      { id: 'cat1', catalog: true },
      {
        'GET /api/catalog/packages/cat1': () => json(200, detail({ id: 'cat1', owner: 'catalog' })),
      },
    );
    expect(wrapper.find('[data-testid="package-readonly"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="package-clone"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="assign-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="package-progress"]').exists()).toBe(false);
  });
});

describe('PackageNewPage', () => {
  beforeEach(() => localStorage.clear());

  it('creates a package from scratch with a quiz written as draw rules', async () => {
    let sent: FakeRequest | null = null;
    const { wrapper, router } = await mountAt(
      '/admin/packages/new',
      PackageNewPage,
      {},
      {
        'GET /api/banks': () =>
          json(200, {
            items: [
              { id: 'bank1', name: '社内問題', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 12 },
              { id: 'cb1', name: 'ビジネス基礎', owner: 'catalog', editable: false, ref: 'catalog:cb1', questionCount: 40 },
            ],
          }),
        'POST /api/packages': (request) => {
          sent = request;
          return json(201, detail({ id: 'pkg7', package: request.body as LearningPackage }));
        },
        'GET /api/packages/pkg7': () => json(200, detail({ id: 'pkg7' })),
        'GET /api/packages/pkg7/assignments': () => json(200, { items: [] }),
      },
    );

    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();
    expect(sent).toBeNull();
    expect(wrapper.find('[data-testid="package-modules-editor"] [data-testid="field-error"]').text()).toBe(
      'モジュールを1つ以上追加してください。',
    );

    await wrapper.find('[data-testid="package-title-en"]').setValue('Sales onboarding');
    await wrapper.find('[data-testid="package-description-en"]').setValue('The first month in sales.');
    await wrapper.find('[data-testid="package-level"]').setValue('junior');
    await wrapper.find('[data-testid="package-add-quiz"]').trigger('click');
    await settle();
    const quiz = wrapper.find('[data-testid="package-module-row"]');
    expect(quiz.attributes('data-module-id')).toBe('quiz-1');
    await quiz.find('[data-testid="package-module-title-en"]').setValue('Check');
    expect(quiz.findAll('[data-testid="package-quiz-bank"] option').map((o) => o.attributes('value'))).toEqual([
      '',
      'bank1',
      'catalog:cb1',
    ]);
    await quiz.find('[data-testid="package-quiz-bank"]').setValue('catalog:cb1');
    await quiz.find('[data-testid="package-quiz-draw-skill"]').setValue('ビジネス基礎');
    await quiz.find('[data-testid="package-quiz-draw-count"]').setValue('8');
    await quiz.find('[data-testid="package-quiz-pass-mark"]').setValue('70');
    await quiz.find('[data-testid="package-quiz-time-limit"]').setValue('15');

    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();

    expect(sent!.body).toEqual({
      title: { en: 'Sales onboarding' },
      description: { en: 'The first month in sales.' },
      level: 'junior',
      audience: { levels: [], departmentIds: [], jobRoles: [] },
      modules: [
        {
          id: 'quiz-1',
          kind: 'quiz',
          title: { en: 'Check' },
          estimatedMinutes: 10,
          skillTags: [],
          template: { bankIds: ['catalog:cb1'], draws: [{ skill: 'ビジネス基礎', count: 8 }], passMark: 70, timeLimitMinutes: 15 },
        },
      ],
    });
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/packages/pkg7'));
    expect(useNoticeStore().notice?.key).toBe('packageEditor.created');
  });

  it("shows the server's draw shortfall at the quiz's rule", async () => {
    const { wrapper } = await mountAt(
      '/admin/packages/new',
      PackageNewPage,
      {},
      {
        'GET /api/banks': () =>
          json(200, { items: [{ id: 'bank1', name: '社内問題', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 2 }] }),
        'POST /api/packages': () =>
          apiError(400, 'draw_shortfall', 'Not enough questions', [
            { path: 'modules.0.template.fixed.draws.0', message: 'Only 2 published questions match' },
          ]),
      },
    );
    await wrapper.find('[data-testid="package-title-ja"]').setValue('営業研修');
    await wrapper.find('[data-testid="package-description-ja"]').setValue('説明');
    await wrapper.find('[data-testid="package-add-quiz"]').trigger('click');
    await settle();
    await wrapper.find('[data-testid="package-module-title-ja"]').setValue('確認');
    await wrapper.find('[data-testid="package-quiz-bank"]').setValue('bank1');
    await wrapper.find('[data-testid="package-quiz-draw-skill"]').setValue('報連相');

    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();

    expect(wrapper.find('[data-testid="package-quiz-draw-skill"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('.draw-table__error-row').text()).toBe('Only 2 published questions match');
    expect(wrapper.find('[role="alert"]').text()).toContain('公開済みの問題が足りないため');
  });
});

describe('LearningSettingsPage', () => {
  beforeEach(() => localStorage.clear());

  it('loads and saves the settings, with the level’s company packages to choose from', async () => {
    let sent: FakeRequest | null = null;
    const { wrapper } = await mountAt(
      '/admin/learning-settings',
      LearningSettingsPage,
      {},
      {
        'GET /api/learning/settings': () =>
          json(200, { weeklyBudgetMinutes: 60, autoAssign: {}, autoAssignDueDays: 30, autoAddRecommendations: true }),
        'GET /api/packages': () =>
          json(200, { items: [summary(), summary({ id: 'cat1', owner: 'catalog' }), summary({ id: 'pkg2', level: 'junior' })] }),
        'PUT /api/learning/settings': (request) => {
          sent = request;
          return json(200, request.body);
        },
      },
    );

    expect((wrapper.find('[data-testid="settings-budget"]').element as HTMLInputElement).value).toBe('60');
    const newHire = wrapper.find('[data-testid="settings-auto-assign-new_hire"]');
    expect(newHire.findAll('option').map((o) => o.attributes('value'))).toEqual(['', 'pkg1']);

    await wrapper.find('[data-testid="settings-budget"]').setValue('90');
    await newHire.setValue('pkg1');
    await wrapper.find('[data-testid="settings-due-days"]').setValue('14');
    await wrapper.find('[data-testid="settings-auto-recommend"]').setValue(false);
    await wrapper.find('[data-testid="learning-settings-form"]').trigger('submit');
    await settle();

    expect(sent!.body).toEqual({
      weeklyBudgetMinutes: 90,
      autoAssign: { new_hire: 'pkg1' },
      autoAssignDueDays: 14,
      autoAddRecommendations: false,
    });
  });
});

describe('Packages for vendor admins and their companies', () => {
  beforeEach(() => localStorage.clear());

  /** Mounts as the given role, recording every request made. */
  async function mountAs(
    role: 'tenant_admin' | 'vendor_admin',
    path: string,
    component: unknown,
    props: Record<string, unknown>,
    routes: Record<string, FakeHandler>,
  ) {
    const calls: string[] = [];
    const fake = fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role }) }),
      ...routes,
    });
    const app = await setupApp({
      path,
      fetch: (input, init) => {
        calls.push(`${(init?.method ?? 'GET').toUpperCase()} ${new URL(input, 'http://localhost').pathname}`);
        return fake(input, init);
      },
    });
    const wrapper = mount(component as any, { props, global: { plugins: [...app.plugins] } });
    await settle();
    await flushPromises();
    return { wrapper, router: app.router, calls };
  }

  const vendorPackages = () =>
    json(200, {
      items: [
        summary({ id: 'cat1', owner: 'catalog', clonedFrom: null }),
        summary({ id: 'vp1', owner: 'vendor', title: { ja: '提供用の新人研修' }, clonedFrom: null }),
      ],
    });

  it('lists a vendor admin’s own packages as editable and the catalog read-only, with no copy, assignment or settings', async () => {
    const { wrapper, calls } = await mountAs('vendor_admin', '/admin/packages', PackagesPage, {}, { 'GET /api/packages': vendorPackages });

    expect(wrapper.find('.page-lead').text()).toContain('顧客企業に読み取り専用で提供され');
    expect(wrapper.find('[data-testid="package-new"]').attributes('href')).toBe('/admin/packages/new');
    expect(wrapper.find('[data-testid="packages-settings-link"]').exists()).toBe(false);
    const rows = wrapper.findAll('[data-testid="package-row"]');
    expect(rows.map((r) => [r.attributes('data-package-id'), r.attributes('data-source')])).toEqual([
      ['vp1', 'own'],
      ['cat1', 'catalog'],
    ]);
    const own = rows[0]!;
    expect(own.find('[data-testid="package-owner"]').text()).toBe('自社');
    expect(own.find('[data-testid="package-open"]').attributes('href')).toBe('/admin/packages/vp1');
    expect(own.find('[data-testid="package-edit-link"]').attributes('href')).toBe('/admin/packages/vp1');
    expect(own.find('[data-testid="package-assign-link"]').exists()).toBe(false);
    const catalog = rows[1]!;
    expect(catalog.find('[data-testid="package-owner"]').text()).toBe('カタログ');
    expect(catalog.find('[data-testid="package-open"]').attributes('href')).toBe('/admin/catalog/packages/cat1');
    expect(catalog.find('[data-testid="package-view"]').attributes('href')).toBe('/admin/catalog/packages/cat1');
    expect(wrapper.find('[data-testid="package-clone"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('割り当て・進み具合');
    expect(calls).toContain('GET /api/packages');
    expect(calls.filter((c) => /clone|learning|assignments|assessments/.test(c))).toEqual([]);
  });

  it("shows HR its provider's packages read-only, labelled as the provider's, to view and copy", async () => {
    const clone = vi.fn(() => json(201, detail({ id: 'pkg9', clonedFrom: 'vp1' })));
    const { wrapper, router } = await mountAs(
      'tenant_admin',
      '/admin/packages',
      PackagesPage,
      {},
      {
        'GET /api/packages': () =>
          json(200, {
            items: [
              summary({ id: 'cat1', owner: 'catalog', clonedFrom: null }),
              summary({ id: 'vp1', owner: 'vendor', title: { ja: '提供元の新人研修' }, clonedFrom: null }),
              summary(),
            ],
          }),
        'POST /api/catalog/packages/vp1/clone': clone,
        'GET /api/packages/pkg9': () => json(200, detail({ id: 'pkg9' })),
        'GET /api/packages/pkg9/assignments': () => json(200, { items: [] }),
      },
    );

    const rows = wrapper.findAll('[data-testid="package-row"]');
    expect(rows.map((r) => [r.attributes('data-package-id'), r.attributes('data-source')])).toEqual([
      ['pkg1', 'own'],
      ['vp1', 'provider'],
      ['cat1', 'catalog'],
    ]);
    expect(rows[0]!.find('[data-testid="package-assign-link"]').attributes('href')).toBe('/admin/packages/pkg1');
    const vendor = rows[1]!;
    expect(vendor.find('[data-testid="package-owner"]').text()).toBe('サービス提供元');
    expect(vendor.find('[data-testid="package-owner"]').classes()).toContain('badge--readonly');
    expect(vendor.find('[data-testid="package-open"]').attributes('href')).toBe('/admin/catalog/packages/vp1');
    expect(vendor.find('[data-testid="package-view"]').attributes('href')).toBe('/admin/catalog/packages/vp1');
    expect(vendor.find('[data-testid="package-assign-link"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="packages-settings-link"]').exists()).toBe(true);

    await vendor.find('[data-testid="package-clone"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/packages/pkg9'));
    expect(clone).toHaveBeenCalledTimes(1);
  });

  it("shows HR a provider's package read-only with a copy button", async () => {
    const { wrapper, calls } = await mountAs(
      'tenant_admin',
      '/admin/catalog/packages/vp1',
      PackageDetailPage,
      { id: 'vp1', catalog: true },
      { 'GET /api/catalog/packages/vp1': () => json(200, detail({ id: 'vp1', owner: 'vendor' })) },
    );
    expect(wrapper.find('[data-testid="package-source"]').text()).toBe('サービス提供元');
    expect(wrapper.find('[data-testid="package-readonly"]').text()).toContain('サービス提供元のパッケージです');
    expect(wrapper.find('[data-testid="package-clone"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="package-edit"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assign-form"]').exists()).toBe(false);
    expect(calls.filter((c) => c.includes('assignments'))).toEqual([]);
  });

  it('shows a vendor admin a catalog package read-only, without a copy button', async () => {
    const { wrapper } = await mountAs(
      'vendor_admin',
      '/admin/catalog/packages/cat1',
      PackageDetailPage,
      { id: 'cat1', catalog: true },
      { 'GET /api/catalog/packages/cat1': () => json(200, detail({ id: 'cat1', owner: 'catalog' })) },
    );
    expect(wrapper.find('[data-testid="package-readonly"]').text()).toBe(
      'プラットフォームが提供するカタログのパッケージです。内容の確認のみできます。',
    );
    expect(wrapper.find('[data-testid="package-clone"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="package-edit"]').exists()).toBe(false);
  });

  const templateQuiz = (bankIds: string[]): PackageModule => ({
    id: 'check',
    kind: 'quiz',
    title: { ja: '確認テスト' },
    estimatedMinutes: 10,
    skillTags: [],
    template: { bankIds, draws: [{ skill: '報連相', count: 5 }], passMark: 70, timeLimitMinutes: null },
  });
  const vendorBanks = () =>
    json(200, {
      items: [
        { id: 'v1', name: '提供用の問題', owner: 'vendor', editable: true, ref: 'vendor:v1', questionCount: 20 },
        { id: 'cb1', name: 'ビジネス基礎', owner: 'catalog', editable: false, ref: 'catalog:cb1', questionCount: 40 },
      ],
    });

  it("edits a vendor's own package: no assignments, quiz rules editable with the banks' refs", async () => {
    let sent: FakeRequest | null = null;
    const own = () =>
      detail({
        id: 'vp1',
        owner: 'vendor',
        clonedFrom: null,
        package: { ...detail().package, modules: [makePackageModules()[0]!, templateQuiz(['vendor:v1'])] },
      });
    const { wrapper, calls } = await mountAs(
      'vendor_admin',
      '/admin/packages/vp1',
      PackageDetailPage,
      { id: 'vp1' },
      {
        'GET /api/packages/vp1': () => json(200, own()),
        'GET /api/banks': vendorBanks,
        'PUT /api/packages/vp1': (request) => {
          sent = request;
          return json(200, { ...own(), rev: 2, package: (request.body as { package: LearningPackage }).package });
        },
      },
    );

    expect(wrapper.find('[data-testid="package-source"]').text()).toBe('自社');
    expect(wrapper.find('[data-testid="package-offered"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="assign-section"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="package-progress"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="package-clone"]').exists()).toBe(false);

    await wrapper.find('[data-testid="package-edit"]').trigger('click');
    await settle();
    const quiz = wrapper.find('[data-testid="package-module-row"][data-module-id="check"]');
    await quiz.find('[data-testid="package-module-toggle"]').trigger('click');
    expect(wrapper.find('[data-testid="package-module-assessment"]').exists()).toBe(false);
    const bank = wrapper.find('[data-testid="package-quiz-bank"]');
    expect(bank.findAll('option').map((o) => o.attributes('value'))).toEqual(['', 'vendor:v1', 'catalog:cb1']);
    expect((bank.element as HTMLSelectElement).value).toBe('vendor:v1');
    expect(wrapper.find('[data-testid="package-quiz-template"]').text()).toContain('顧客企業がこのパッケージをコピーすると');
    await bank.setValue('catalog:cb1');
    await wrapper.find('[data-testid="package-quiz-draw-count"]').setValue('8');

    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();

    const body = sent!.body as { package: LearningPackage; expectedRev: number };
    expect(body.package.modules[1]).toEqual({
      ...templateQuiz(['catalog:cb1']),
      template: { bankIds: ['catalog:cb1'], draws: [{ skill: '報連相', count: 8 }], passMark: 70, timeLimitMinutes: null },
    });
    expect(calls.some((c) => c.includes('/api/assessments'))).toBe(false);
    expect(calls.some((c) => c.includes('assignments') || c.includes('/api/users') || c.includes('/api/departments'))).toBe(false);
    expect(calls.some((c) => c.includes('/api/skills/framework'))).toBe(false);
  });

  it('lines a bare id of the vendor’s own bank up with its ref, and turns a named assessment into question rules', async () => {
    let sent: FakeRequest | null = null;
    const own = () =>
      detail({
        id: 'vp1',
        owner: 'vendor',
        clonedFrom: null,
        package: {
          ...detail().package,
          modules: [templateQuiz(['v1']), { ...templateQuiz([]), id: 'linked', template: undefined, assessmentId: 'as-1' }],
        },
      });
    const { wrapper } = await mountAs(
      'vendor_admin',
      '/admin/packages/vp1',
      PackageDetailPage,
      { id: 'vp1' },
      {
        'GET /api/packages/vp1': () => json(200, own()),
        'GET /api/banks': vendorBanks,
        'PUT /api/packages/vp1': (request) => {
          sent = request;
          return apiError(400, 'validation_error', 'The package cannot be offered as it is', [
            { path: 'package.modules.1.template.bankIds.0', message: 'Not a bank of yours or of the catalog' },
          ]);
        },
      },
    );
    expect(wrapper.find('[data-testid="package-module"][data-module-id="linked"] a').exists()).toBe(false); // no link to a company's assessment

    await wrapper.find('[data-testid="package-edit"]').trigger('click');
    await settle();
    const rows = () => wrapper.findAll('[data-testid="package-module-row"]');
    for (const row of rows()) await row.find('[data-testid="package-module-toggle"]').trigger('click');
    expect((rows()[0]!.find('[data-testid="package-quiz-bank"]').element as HTMLSelectElement).value).toBe('vendor:v1');
    expect(wrapper.find('[data-testid="package-dirty"]').exists()).toBe(false);

    const linked = rows()[1]!;
    expect(linked.find('[data-testid="package-module-assessment"]').text()).toContain('出題条件を指定してください');
    expect(linked.find('a').exists()).toBe(false);
    await linked.find('[data-testid="package-quiz-use-template"]').trigger('click');
    await settle();
    const replaced = rows()[1]!;
    expect(replaced.find('[data-testid="package-module-assessment"]').exists()).toBe(false);
    await replaced.find('[data-testid="package-quiz-bank"]').setValue('vendor:v1');
    await replaced.find('[data-testid="package-quiz-draw-skill"]').setValue('報連相');

    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();
    const modules = (sent!.body as { package: LearningPackage }).package.modules;
    expect(modules[0]!.template!.bankIds).toEqual(['vendor:v1']);
    expect(modules[1]!.assessmentId).toBeUndefined();
    expect(modules[1]!.template).toEqual({
      bankIds: ['vendor:v1'],
      draws: [{ skill: '報連相', count: 5 }],
      passMark: 60,
      timeLimitMinutes: null,
    });
    expect(rows()[1]!.find('[aria-invalid="true"]').exists()).toBe(true);
  });

  it('writes a new vendor package with quizzes as rules only, never calling the assessments API', async () => {
    let sent: FakeRequest | null = null;
    const { wrapper, calls } = await mountAs(
      'vendor_admin',
      '/admin/packages/new',
      PackageNewPage,
      {},
      {
        'GET /api/banks': vendorBanks,
        'POST /api/packages': (request) => {
          sent = request;
          return json(201, detail({ id: 'vp7', owner: 'vendor', package: request.body as LearningPackage }));
        },
        'GET /api/packages/vp7': () => json(200, detail({ id: 'vp7', owner: 'vendor' })),
      },
    );
    await wrapper.find('[data-testid="package-title-ja"]').setValue('提供用研修');
    await wrapper.find('[data-testid="package-description-ja"]').setValue('説明');
    await wrapper.find('[data-testid="package-add-quiz"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="package-quiz-template"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="package-module-assessment"]').exists()).toBe(false);
    await wrapper.find('[data-testid="package-module-title-ja"]').setValue('確認');
    const options = wrapper.findAll('[data-testid="package-quiz-bank"] option');
    expect(options.map((o) => o.attributes('value'))).toEqual(['', 'vendor:v1', 'catalog:cb1']);
    expect(options[2]!.text()).toContain('ビジネス基礎 (カタログ)');
    await wrapper.find('[data-testid="package-quiz-bank"]').setValue('vendor:v1');
    await wrapper.find('[data-testid="package-quiz-draw-skill"]').setValue('報連相');
    await wrapper.find('[data-testid="package-save"]').trigger('submit');
    await settle();

    expect((sent!.body as LearningPackage).modules[0]).toMatchObject({ kind: 'quiz', template: { bankIds: ['vendor:v1'] } });
    expect((sent!.body as LearningPackage).modules[0]).not.toHaveProperty('assessmentId');
    expect(calls.some((c) => c.includes('/api/assessments'))).toBe(false);
  });

  it("offers HR its provider's banks by their refs in a quiz template", async () => {
    const { wrapper } = await mountAs(
      'tenant_admin',
      '/admin/packages/new',
      PackageNewPage,
      {},
      {
        'GET /api/banks': () =>
          json(200, {
            items: [
              { id: 'bank1', name: '社内問題', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 12 },
              { id: 'v1', name: '提供元の問題', owner: 'vendor', editable: false, ref: 'vendor:v1', questionCount: 20 },
            ],
          }),
      },
    );
    await wrapper.find('[data-testid="package-add-quiz"]').trigger('click');
    await settle();
    const options = wrapper.findAll('[data-testid="package-quiz-bank"] option');
    expect(options.map((o) => o.attributes('value'))).toEqual(['', 'bank1', 'vendor:v1']);
    expect(options[2]!.text()).toContain('提供元の問題 (サービス提供元)');
  });
});
