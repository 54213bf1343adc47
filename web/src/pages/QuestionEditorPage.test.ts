import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../api/types';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeQuestionDetail, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import QuestionEditorPage from './QuestionEditorPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() });

async function open(path: string, routes: Record<string, FakeHandler>, id?: string) {
  const app = await setupApp({ path, fetch: fakeApi({ 'POST /api/auth/refresh': session, ...routes }) });
  const wrapper = mount(QuestionEditorPage, { props: id ? { id } : {}, global: { plugins: [...app.plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router: app.router };
}

type Wrapper = Awaited<ReturnType<typeof open>>['wrapper'];
const find = (wrapper: Wrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const findAll = (wrapper: Wrapper, id: string) => wrapper.findAll(`[data-testid="${id}"]`);
const preview = (wrapper: Wrapper) => find(wrapper, 'question-preview');

describe('QuestionEditorPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('updates the live preview as the author types, in the chosen preview language', async () => {
    const { wrapper } = await open('/admin/questions/new?bank=bank1', {});

    await find(wrapper, 'question-stem-ja').setValue('報連相の「相」は何の略ですか。');
    await find(wrapper, 'question-stem-en').setValue('What does "So" stand for?');
    const texts = findAll(wrapper, 'question-option-text-ja');
    expect(texts).toHaveLength(4);
    await texts[0]!.setValue('相談');
    await texts[1]!.setValue('相互');

    const p = preview(wrapper);
    expect(p.find('[data-testid="player-stem"]').text()).toBe('報連相の「相」は何の略ですか。');
    expect(p.findAll('[data-testid="player-option"]').map((o) => o.text())).toEqual(['相談', '相互', '（未入力）', '（未入力）']);
    // The preview shows no answer key: marking a correct option changes nothing there.
    await findAll(wrapper, 'question-option-correct')[0]!.setValue(true);
    expect(p.find('.is-selected').exists()).toBe(false);

    await find(wrapper, 'question-preview-locale-en').trigger('click');
    expect(p.find('[data-testid="player-stem"]').text()).toBe('What does "So" stand for?');
    expect(p.text()).toContain('Choose one answer.');

    await find(wrapper, 'question-type').setValue('true_false');
    expect(p.findAll('[data-testid="player-option"]').map((o) => o.attributes('data-option-id'))).toEqual(['true', 'false']);

    await find(wrapper, 'question-type').setValue('numeric');
    expect(p.find('[data-testid="player-numeric"]').exists()).toBe(true);

    await find(wrapper, 'question-type').setValue('ordering');
    await find(wrapper, 'question-option-add').trigger('click');
    expect(p.findAll('[data-testid="player-order-item"]')).toHaveLength(5);
    wrapper.unmount();
  });

  it('creates a question in the bank, leaving empty option rows out', async () => {
    let sent: Question | null = null;
    const { wrapper, router } = await open('/admin/questions/new?bank=bank1', {
      'POST /api/banks/bank1/questions': ({ body }) => {
        sent = body as Question;
        return json(201, makeQuestionDetail({ id: 'q-new', content: body as Question }));
      },
    });

    await find(wrapper, 'question-stem-ja').setValue('報連相の「相」は？');
    const texts = findAll(wrapper, 'question-option-text-ja');
    await texts[0]!.setValue('相談');
    await texts[1]!.setValue('相互');
    await findAll(wrapper, 'question-option-correct')[1]!.setValue(true);
    // No framework here (the fake answers 404): the picker takes typed names.
    const skills = find(wrapper, 'question-skill-picker-input');
    await skills.setValue('報連相');
    await skills.trigger('keydown', { key: 'Enter' });
    await skills.setValue('ビジネスマナー');
    await skills.trigger('keydown', { key: 'Enter' });
    expect(findAll(wrapper, 'skill-chip').map((c) => c.attributes('data-tag'))).toEqual(['報連相', 'ビジネスマナー']);
    await find(wrapper, 'question-save').trigger('click');
    await settle();

    expect(sent).toEqual({
      type: 'single_choice',
      stem: { ja: '報連相の「相」は？' },
      options: [
        { id: 'a', text: { ja: '相談' } },
        { id: 'b', text: { ja: '相互' } },
      ],
      correctOptionIds: ['b'],
      skillTags: ['報連相', 'ビジネスマナー'],
      level: null,
      difficultyPrior: null,
    });
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/admin/questions/q-new'));
    expect(find(wrapper, 'question-version').text()).toBe('バージョン 1');
    expect(find(wrapper, 'question-status').text()).toBe('下書き');
    wrapper.unmount();
  });

  it('maps API validation errors to the matching fields', async () => {
    const { wrapper } = await open('/admin/questions/new?bank=bank1', {
      'POST /api/banks/bank1/questions': () =>
        apiError(400, 'validation_error', 'Invalid question', [
          { path: 'options.1.text', message: 'Japanese or English text is required' },
          { path: 'correctOptionIds', message: 'Exactly one correct option' },
          { path: 'skillTags.0', message: 'Too long' },
          { path: 'somethingElse', message: 'Unexpected' },
        ]),
    });

    await find(wrapper, 'question-stem-ja').setValue('問題文');
    const texts = findAll(wrapper, 'question-option-text-ja');
    await texts[0]!.setValue('A');
    await texts[2]!.setValue('C'); // row 1 is left empty, so the sent option 1 is row 2
    await findAll(wrapper, 'question-option-correct')[0]!.setValue(true);
    await find(wrapper, 'question-save').trigger('click');
    await settle();

    const rows = findAll(wrapper, 'question-option');
    expect(rows[2]!.text()).toContain('Japanese or English text is required');
    expect(rows[2]!.find('[data-testid="question-option-text-ja"]').attributes('aria-invalid')).toBe('true');
    expect(rows[1]!.text()).not.toContain('Japanese or English text is required');
    expect(find(wrapper, 'question-options-error').text()).toBe('Exactly one correct option');
    expect(find(wrapper, 'question-skill-picker-input').attributes('aria-invalid')).toBe('true');
    const alert = find(wrapper, 'error-alert');
    expect(alert.text()).toContain('入力内容を確認してください。');
    expect(alert.text()).toContain('somethingElse: Unexpected');
    expect(alert.text()).not.toContain('Exactly one correct option');
    wrapper.unmount();
  });

  it('checks the stem and the correct option before sending', async () => {
    const post = vi.fn(() => json(201, makeQuestionDetail()));
    const { wrapper } = await open('/admin/questions/new?bank=bank1', { 'POST /api/banks/bank1/questions': post });

    await find(wrapper, 'question-save').trigger('click');
    await settle();

    expect(post).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('問題文を日本語か英語で入力してください。');
    expect(find(wrapper, 'question-options-error').text()).toBe('正解の選択肢を1つ選んでください。');
    wrapper.unmount();
  });

  it('saves a new version with the expected version, then publishes', async () => {
    const calls: string[] = [];
    let putBody: { content: Question; expectedVersion: number } | null = null;
    const { wrapper } = await open(
      '/admin/questions/q1',
      {
        'GET /api/questions/q1': () => json(200, makeQuestionDetail({ latestVersion: 3, publishedVersion: 2, status: 'published' })),
        'PUT /api/questions/q1': ({ body }) => {
          calls.push('put');
          putBody = body as typeof putBody;
          return json(200, makeQuestionDetail({ latestVersion: 4, publishedVersion: 2, status: 'published', content: putBody!.content }));
        },
        'POST /api/questions/q1/publish': () => {
          calls.push('publish');
          return json(200, makeQuestionDetail({ latestVersion: 4, publishedVersion: 4, status: 'published' }));
        },
      },
      'q1',
    );

    expect(find(wrapper, 'question-version').text()).toBe('バージョン 3');
    expect(find(wrapper, 'question-published-version').text()).toBe('公開中のバージョン: 2');
    expect((find(wrapper, 'question-stem-ja').element as HTMLTextAreaElement).value).toBe('報連相の「相」は？');
    expect(findAll(wrapper, 'question-option-correct').map((c) => (c.element as HTMLInputElement).checked)).toEqual([true, false]);

    await find(wrapper, 'question-stem-en').setValue('What is "So"?');
    await find(wrapper, 'question-publish').trigger('click');
    await settle();

    expect(calls).toEqual(['put', 'publish']);
    expect(putBody!.expectedVersion).toBe(3);
    expect(putBody!.content.stem).toEqual({ ja: '報連相の「相」は？', en: 'What is "So"?' });
    expect(find(wrapper, 'question-version').text()).toBe('バージョン 4');
    expect(find(wrapper, 'question-published-version').text()).toBe('公開中のバージョン: 4');
    wrapper.unmount();
  });

  it('explains a stale save and offers to reload', async () => {
    const { wrapper } = await open(
      '/admin/questions/q1',
      {
        'GET /api/questions/q1': () => json(200, makeQuestionDetail()),
        'PUT /api/questions/q1': () => apiError(409, 'stale', 'Version 2 exists'),
      },
      'q1',
    );

    await find(wrapper, 'question-stem-ja').setValue('変更');
    await find(wrapper, 'question-save').trigger('click');
    await settle();

    expect(find(wrapper, 'question-stale').text()).toContain('ほかの人が先に変更を保存しました');
    expect(find(wrapper, 'question-reload').exists()).toBe(true);
    wrapper.unmount();
  });

  it('offers the framework’s skills by category in the UI language, and difficulty as words with b on demand', async () => {
    const skill = (id: string, ja: string, en: string) => ({
      id,
      name: { ja, en },
      description: { ja: '' },
      proficiencyLevels: {},
      required: {},
    });
    let sent: Question | null = null;
    const { wrapper } = await open('/admin/questions/new?bank=bank1', {
      'GET /api/skills/framework': () =>
        json(200, {
          rev: 1,
          updatedAt: '2026-01-01T00:00:00.000Z',
          framework: {
            jobRoles: [],
            categories: [
              {
                id: 'biz',
                name: { ja: 'ビジネス基礎', en: 'Business basics' },
                skills: [skill('manners', 'ビジネスマナー', 'Business manners')],
              },
              {
                id: 'sec',
                name: { ja: '情報', en: 'Information' },
                skills: [skill('security', '情報セキュリティ', 'Information security')],
              },
            ],
          },
        }),
      'POST /api/banks/bank1/questions': ({ body }) => {
        sent = body as Question;
        return json(201, makeQuestionDetail({ id: 'q-new', content: body as Question }));
      },
    });
    const input = find(wrapper, 'question-skill-picker-input');
    await input.trigger('focus');
    expect(findAll(wrapper, 'skill-option').map((o) => o.text())).toEqual(['ビジネスマナー', '情報セキュリティ']);
    await input.setValue('security');
    expect(findAll(wrapper, 'skill-option').map((o) => o.attributes('data-tag'))).toEqual(['情報セキュリティ']);
    await input.trigger('keydown', { key: 'Enter' });
    expect(findAll(wrapper, 'skill-chip').map((c) => c.attributes('data-tag'))).toEqual(['情報セキュリティ']);
    expect(input.attributes('role')).toBe('combobox');

    expect(find(wrapper, 'question-difficulty-field').attributes('data-level')).toBe('medium');
    expect(find(wrapper, 'question-difficulty-field').text()).toContain('やさしい');
    await find(wrapper, 'question-difficulty-hard').setValue(true);
    expect((find(wrapper, 'question-difficulty').element as HTMLInputElement).value).toBe('1');
    await find(wrapper, 'question-difficulty').setValue('-0.8');
    expect(find(wrapper, 'question-difficulty-field').attributes('data-level')).toBe('easy');

    await find(wrapper, 'question-stem-ja').setValue('問題');
    const texts = findAll(wrapper, 'question-option-text-ja');
    await texts[0]!.setValue('A');
    await texts[1]!.setValue('B');
    await findAll(wrapper, 'question-option-correct')[0]!.setValue(true);
    await find(wrapper, 'question-save').trigger('click');
    await settle();
    expect(sent).toMatchObject({ skillTags: ['情報セキュリティ'], difficultyPrior: -0.8 });
    wrapper.unmount();
  });
});
