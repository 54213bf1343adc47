import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assessment, AssessmentInput, MeTenant } from '../api/types';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import AssessmentFormPage from './AssessmentFormPage.vue';

const banks = () =>
  json(200, {
    items: [
      { id: 'bank1', name: '新人研修', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 12 },
      { id: 'cat1', name: 'ビジネス基礎（カタログ）', owner: 'catalog', editable: false, ref: 'catalog:cat1', questionCount: 300 },
    ],
  });

/** `GET /api/me` for a company whose plan leaves adaptive testing out. */
const withoutAdaptive = () =>
  json(200, {
    user: makeUser(),
    tenant: {
      id: 't1',
      name: '株式会社テスト',
      features: { adaptive: false, reportsExport: true },
      seats: { used: 3, limit: null },
    } satisfies MeTenant,
  });

function saved(input: AssessmentInput, overrides: Partial<Assessment> = {}): Assessment {
  return { ...input, id: 'as1', status: 'draft', createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z', ...overrides };
}

async function open(path: string, routes: Record<string, FakeHandler>, id?: string) {
  const app = await setupApp({
    path,
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
      'GET /api/banks': banks,
      ...routes,
    }),
  });
  const wrapper = mount(AssessmentFormPage, { props: id ? { id } : {}, global: { plugins: [...app.plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router: app.router };
}

type Wrapper = Awaited<ReturnType<typeof open>>['wrapper'];
const find = (wrapper: Wrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const findAll = (wrapper: Wrapper, id: string) => wrapper.findAll(`[data-testid="${id}"]`);
/** Chooses a skill in a picker (no framework is faked, so a typed name is taken). */
const pick = async (input: ReturnType<Wrapper['find']>, tag: string) => {
  await input.setValue(tag);
  await input.trigger('keydown', { key: 'Enter' });
};

describe('AssessmentFormPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('creates a fixed assessment from draw rules, drawing from the company banks by default', async () => {
    let sent: AssessmentInput | null = null;
    const { wrapper, router } = await open('/admin/assessments/new', {
      'POST /api/assessments': ({ body }) => {
        sent = body as AssessmentInput;
        return json(201, saved(sent));
      },
    });

    expect(findAll(wrapper, 'assessment-bank').map((b) => (b.element as HTMLInputElement).checked)).toEqual([true, false]);
    await find(wrapper, 'assessment-title-ja').setValue('新人ビジネス基礎');
    await pick(findAll(wrapper, 'draw-skill-input')[0]!, '論理的思考');
    await findAll(wrapper, 'draw-count')[0]!.setValue('3');
    await find(wrapper, 'draw-add').trigger('click');
    await pick(findAll(wrapper, 'draw-skill-input')[1]!, '報連相');
    await findAll(wrapper, 'draw-level')[1]!.setValue('new_hire');
    await findAll(wrapper, 'draw-count')[1]!.setValue('5');
    await find(wrapper, 'draw-add').trigger('click'); // left empty: not sent
    await find(wrapper, 'assessment-time-limit').setValue('20');
    await find(wrapper, 'assessment-due').setValue('2025-05-01T17:00');
    await find(wrapper, 'assessment-save').trigger('click');
    await settle();

    expect(sent).toMatchObject({
      title: { ja: '新人ビジネス基礎' },
      mode: 'fixed',
      bankIds: ['bank1'],
      fixed: {
        questionIds: [],
        draws: [
          { skill: '論理的思考', level: null, count: 3 },
          { skill: '報連相', level: 'new_hire', count: 5 },
        ],
        shuffleQuestions: true,
        shuffleOptions: true,
      },
      timeLimitMinutes: 20,
      passMark: 60,
      attemptsAllowed: null,
      reviewPolicy: 'after_submit',
    });
    expect(sent!.adaptive).toBeUndefined();
    expect(sent!.dueAt).toBe(new Date('2025-05-01T17:00').toISOString());
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/assessments/as1'));
    expect(find(wrapper, 'assessment-status').text()).toBe('下書き');
    wrapper.unmount();
  });

  it('sends the audience chosen in the checkbox groups and shows the server’s refusal of it', async () => {
    let sent: AssessmentInput | null = null;
    const { wrapper } = await open('/admin/assessments/new', {
      'GET /api/departments': () =>
        json(200, {
          items: [
            { id: 'dept00000000000b', name: '開発部', userCount: 2 },
            { id: 'dept00000000000a', name: '営業部', userCount: 3 },
          ],
        }),
      'GET /api/skills/framework': () =>
        json(200, {
          framework: { categories: [], jobRoles: [{ id: 'sales', name: { ja: '営業職', en: 'Sales' } }] },
          rev: 1,
          updatedAt: '',
        }),
      'POST /api/assessments': ({ body }) => {
        sent = body as AssessmentInput;
        return apiError(400, 'validation_error', 'The audience names departments or job roles that do not exist', [
          { path: 'audience.departmentIds.0', message: 'Not a department of this company' },
        ]);
      },
    });
    const option = (dimension: string, value: string) =>
      wrapper.find(`[data-testid="assessment-audience-option"][data-dimension="${dimension}"][data-value="${value}"]`);
    expect(find(wrapper, 'assessment-audience-summary').text()).toContain('全員');
    // Departments by name (五十音 order), job roles from the framework.
    expect(
      wrapper
        .findAll('[data-testid="assessment-audience-option"][data-dimension="departmentIds"]')
        .map((o) => o.element.parentElement!.textContent!.trim()),
    ).toEqual(['営業部', '開発部']);
    await option('levels', 'manager').setValue(true);
    await option('levels', 'new_hire').setValue(true);
    await option('departmentIds', 'dept00000000000a').setValue(true);
    await option('jobRoles', 'sales').setValue(true);
    expect(find(wrapper, 'assessment-audience-summary').text()).toBe('対象: 階層（新入社員、管理職） ／ 部署（営業部） ／ 職種（営業職）');
    await find(wrapper, 'assessment-title-ja').setValue('管理職テスト');
    await pick(findAll(wrapper, 'draw-skill-input')[0]!, '論理的思考');
    await find(wrapper, 'assessment-save').trigger('click');
    await settle();
    expect(sent!.audience).toEqual({ levels: ['new_hire', 'manager'], departmentIds: ['dept00000000000a'], jobRoles: ['sales'] });
    expect(find(wrapper, 'assessment-audience').find('[data-testid="field-error"]').text()).toBe(
      '存在しない部署が選ばれています。部署の一覧を確認して選び直してください。',
    );
    wrapper.unmount();
  });

  it('shows draw_shortfall details next to the rule rows they are about', async () => {
    const input: AssessmentInput = {
      title: { ja: '新人ビジネス基礎' },
      mode: 'fixed',
      bankIds: ['bank1'],
      fixed: {
        questionIds: [],
        draws: [
          { skill: '報連相', level: null, count: 2 },
          { skill: '論理的思考', level: 'new_hire', count: 5 },
        ],
        shuffleQuestions: true,
        shuffleOptions: false,
      },
      timeLimitMinutes: null,
      passMark: 70,
      attemptsAllowed: 1,
      reviewPolicy: 'after_due',
      dueAt: null,
    };
    const { wrapper } = await open(
      '/admin/assessments/as1',
      {
        'GET /api/assessments/as1': () => json(200, saved(input)),
        'POST /api/assessments/as1/publish': () =>
          apiError(400, 'draw_shortfall', 'Not enough questions', [
            { path: 'fixed.draws.1', message: 'Only 3 published questions for skill 論理的思考; the rule asks for 5' },
          ]),
      },
      'as1',
    );

    expect(findAll(wrapper, 'draw-skill')[1]!.find('[data-testid="skill-chip"]').attributes('data-tag')).toBe('論理的思考');
    await find(wrapper, 'assessment-publish').trigger('click');
    await settle();

    const errors = findAll(wrapper, 'draw-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.text()).toBe('Only 3 published questions for skill 論理的思考; the rule asks for 5');
    // The message sits right under rule 2, and rule 2's skill field points at it.
    const rows = wrapper.findAll('[data-testid="draw-table"] tbody tr');
    expect(rows[1]!.attributes('data-testid')).toBe('draw-row');
    expect(rows[2]!.text()).toContain('Only 3 published questions');
    const skill = findAll(wrapper, 'draw-skill-input')[1]!;
    expect(skill.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find(`#${skill.attributes('aria-describedby')}`).text()).toContain('Only 3 published questions');
    expect(findAll(wrapper, 'draw-skill-input')[0]!.attributes('aria-invalid')).toBeUndefined();
    expect(find(wrapper, 'error-alert').text()).toContain('公開済みの問題が足りないため公開できません');
    expect(find(wrapper, 'error-alert').text()).not.toContain('Only 3');
    expect(find(wrapper, 'assessment-status').text()).toBe('下書き');
    wrapper.unmount();
  });

  it('publishes and then shows the assessment as published and read-only', async () => {
    const input: AssessmentInput = {
      title: { ja: '適応型テスト' },
      mode: 'adaptive',
      bankIds: ['catalog:cat1'],
      adaptive: { skills: ['論理的思考'], minItems: 5, maxItems: 15, seTarget: 0.3 },
      timeLimitMinutes: 30,
      passMark: 3,
      attemptsAllowed: null,
      reviewPolicy: 'never',
      dueAt: null,
    };
    const { wrapper } = await open(
      '/admin/assessments/as1',
      {
        'GET /api/assessments/as1': () => json(200, saved(input)),
        'POST /api/assessments/as1/publish': () => json(200, saved(input, { status: 'published' })),
      },
      'as1',
    );

    expect((find(wrapper, 'assessment-mode').element as HTMLSelectElement).value).toBe('adaptive');
    expect(
      find(wrapper, 'assessment-skills')
        .findAll('[data-testid="skill-chip"]')
        .map((c) => c.attributes('data-tag')),
    ).toEqual(['論理的思考']);
    expect(findAll(wrapper, 'assessment-bank').map((b) => (b.element as HTMLInputElement).checked)).toEqual([false, true]);
    await find(wrapper, 'assessment-publish').trigger('click');
    await settle();

    expect(find(wrapper, 'assessment-status').text()).toBe('公開中');
    expect(find(wrapper, 'assessment-readonly').exists()).toBe(true);
    expect(find(wrapper, 'assessment-save').exists()).toBe(false);
    wrapper.unmount();
  });

  it("offers the provider's banks by their ref and keeps saved references checked", async () => {
    let sent: AssessmentInput | null = null;
    const input: AssessmentInput = {
      title: { ja: '提供元の問題で確認' },
      mode: 'fixed',
      bankIds: ['catalog:cat1', 'vendor:v1'],
      fixed: { questionIds: [], draws: [{ skill: '報連相', level: null, count: 2 }], shuffleQuestions: true, shuffleOptions: true },
      timeLimitMinutes: null,
      passMark: 60,
      attemptsAllowed: null,
      reviewPolicy: 'after_submit',
      dueAt: null,
    };
    const { wrapper } = await open(
      '/admin/assessments/as1',
      {
        'GET /api/banks': () =>
          json(200, {
            items: [
              { id: 'bank1', name: '新人研修', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 12 },
              { id: 'cat1', name: 'ビジネス基礎', owner: 'catalog', editable: false, ref: 'catalog:cat1', questionCount: 300 },
              { id: 'v1', name: '提供元の問題', owner: 'vendor', editable: false, ref: 'vendor:v1', questionCount: 30 },
            ],
          }),
        'GET /api/assessments/as1': () => json(200, saved(input)),
        'PUT /api/assessments/as1': ({ body }) => {
          sent = body as AssessmentInput;
          return json(200, saved(sent));
        },
      },
      'as1',
    );

    const banks = findAll(wrapper, 'assessment-bank');
    expect(banks.map((b) => b.attributes('data-bank-id'))).toEqual(['bank1', 'catalog:cat1', 'vendor:v1']);
    expect(banks.map((b) => (b.element as HTMLInputElement).checked)).toEqual([false, true, true]);
    expect(banks[2]!.element.parentElement!.textContent).toContain('サービス提供元');
    expect(find(wrapper, 'assessment-dirty').exists()).toBe(false);

    await banks[0]!.setValue(true);
    await find(wrapper, 'assessment-save').trigger('click');
    await settle();
    expect(sent!.bankIds).toEqual(['catalog:cat1', 'vendor:v1', 'bank1']);
    wrapper.unmount();
  });

  it('sends the adaptive settings with the default SE target', async () => {
    let sent: AssessmentInput | null = null;
    const { wrapper } = await open('/admin/assessments/new', {
      'POST /api/assessments': ({ body }) => {
        sent = body as AssessmentInput;
        return json(201, saved(sent));
      },
    });

    await find(wrapper, 'assessment-title-en').setValue('Adaptive check');
    await find(wrapper, 'assessment-mode').setValue('adaptive');
    expect((find(wrapper, 'assessment-pass-mark').element as HTMLInputElement).value).toBe('3');
    await pick(find(wrapper, 'assessment-skills-input'), '論理的思考');
    await pick(find(wrapper, 'assessment-skills-input'), '報連相');
    await find(wrapper, 'assessment-save').trigger('click');
    await settle();

    expect(sent!.adaptive).toEqual({ skills: ['論理的思考', '報連相'], minItems: 5, maxItems: 20, seTarget: 0.3 });
    expect(sent!.fixed).toBeUndefined();
    expect(sent!.passMark).toBe(3);
    wrapper.unmount();
  });

  it('offers only the fixed mode when the plan leaves adaptive testing out, and says why', async () => {
    let sent: AssessmentInput | null = null;
    const { wrapper } = await open('/admin/assessments/new', {
      'GET /api/me': withoutAdaptive,
      'POST /api/assessments': ({ body }) => {
        sent = body as AssessmentInput;
        return json(201, saved(sent));
      },
    });

    const mode = find(wrapper, 'assessment-mode');
    expect(mode.findAll('option').map((o) => o.attributes('value'))).toEqual(['fixed']);
    expect(mode.attributes('disabled')).toBeDefined();
    const note = find(wrapper, 'assessment-adaptive-not-in-plan');
    expect(note.text()).toBe('ご契約のプランには適応型テストが含まれていないため、固定出題のみ選べます。');
    expect(mode.attributes('aria-describedby')).toContain(note.attributes('id'));
    expect(find(wrapper, 'assessment-adaptive').exists()).toBe(false);

    await find(wrapper, 'assessment-title-ja').setValue('固定テスト');
    await pick(findAll(wrapper, 'draw-skill-input')[0]!, '報連相');
    await findAll(wrapper, 'draw-count')[0]!.setValue('2');
    await find(wrapper, 'assessment-save').trigger('click');
    await settle();
    expect(sent!.mode).toBe('fixed');
    wrapper.unmount();
  });

  it('keeps showing the mode of an adaptive assessment, read-only, once the plan leaves it out; the refusal is explained', async () => {
    const input: AssessmentInput = {
      title: { ja: '適応型テスト' },
      mode: 'adaptive',
      bankIds: ['bank1'],
      adaptive: { skills: ['論理的思考'], minItems: 5, maxItems: 15, seTarget: 0.3 },
      timeLimitMinutes: null,
      passMark: 3,
      attemptsAllowed: null,
      reviewPolicy: 'never',
      dueAt: null,
    };
    const { wrapper } = await open(
      '/admin/assessments/as1',
      {
        'GET /api/me': withoutAdaptive,
        'GET /api/assessments/as1': () => json(200, saved(input)),
        'PUT /api/assessments/as1': () =>
          apiError(403, 'feature_not_in_plan', 'Adaptive testing is not part of your company’s plan; ask your provider'),
      },
      'as1',
    );

    const mode = find(wrapper, 'assessment-mode');
    expect((mode.element as HTMLSelectElement).value).toBe('adaptive');
    expect(mode.findAll('option').map((o) => o.text())).toEqual(['適応型']);
    expect(mode.attributes('disabled')).toBeDefined();
    expect(find(wrapper, 'assessment-adaptive-not-in-plan').text()).toContain('このテストの出題方式（適応型）は変更できず');
    expect(
      find(wrapper, 'assessment-skills')
        .findAll('[data-testid="skill-chip"]')
        .map((c) => c.attributes('data-tag')),
    ).toEqual(['論理的思考']);

    await find(wrapper, 'assessment-time-limit').setValue('30');
    await find(wrapper, 'assessment-save').trigger('click');
    await settle();
    expect(find(wrapper, 'error-alert').text()).toContain('ご契約のプランにはこの機能が含まれていません。');
    wrapper.unmount();
  });

  it('adds fixed questions by searching a bank’s question text, showing stem, skill and difficulty', async () => {
    let sent: AssessmentInput | null = null;
    const searches: string[] = [];
    const { wrapper } = await open('/admin/assessments/new', {
      'GET /api/banks/bank1/questions': ({ query }) => {
        searches.push(query.get('q') ?? '');
        return json(200, {
          nextCursor: null,
          items: [
            {
              id: 'q7',
              bankId: 'bank1',
              type: 'single_choice',
              title: null,
              stemPreview: 'パスワードの使い回しについて正しいものは？',
              skillTags: ['情報セキュリティ'],
              level: null,
              status: 'published',
              latestVersion: 1,
              publishedVersion: 1,
              irt: { a: 1, b: 1.2, c: 0, source: 'prior' },
              updatedAt: '2025-04-01T00:00:00Z',
            },
          ],
        });
      },
      'POST /api/assessments': ({ body }) => {
        sent = body as AssessmentInput;
        return json(201, saved(sent));
      },
    });
    await find(wrapper, 'assessment-title-ja').setValue('必須問題テスト');
    await find(wrapper, 'question-picker-text').setValue('パスワード');
    await find(wrapper, 'question-picker-search').trigger('click');
    await flushPromises();
    expect(searches).toEqual(['パスワード']);
    const result = find(wrapper, 'question-picker-result');
    expect(result.text()).toContain('パスワードの使い回し');
    expect(result.text()).toContain('情報セキュリティ');
    expect(find(wrapper, 'question-picker-difficulty').text()).toBe('むずかしい');
    await find(wrapper, 'question-picker-add').trigger('click');
    expect(find(wrapper, 'question-picker-chip').text()).toContain('パスワードの使い回し');
    await find(wrapper, 'assessment-save').trigger('click');
    await settle();
    expect(sent!.fixed!.questionIds).toEqual(['q7']);
    wrapper.unmount();
  });
});
