import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { QuestionImportReport } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import QuestionImportPage from './QuestionImportPage.vue';
import { levelImportHelp } from '../../../packages/core/src/levels';

describe('QuestionImportPage', () => {
  beforeEach(() => localStorage.clear());

  it('previews a GIFT file with its errors, then commits it as published questions', async () => {
    const requests: { query: string; publish: unknown; name: string }[] = [];
    const { plugins } = await setupApp({
      path: '/admin/banks/bank1/import',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
        'GET /api/banks': () =>
          json(200, { items: [{ id: 'bank1', name: '新人研修', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 0 }] }),
        'POST /api/banks/bank1/import': ({ query, body }) => {
          const form = body as FormData;
          requests.push({ query: query.toString(), publish: form.get('publish'), name: (form.get('file') as File).name });
          const mode = query.get('mode') === 'commit' ? 'commit' : 'preview';
          const report: QuestionImportReport = {
            mode,
            format: 'gift',
            total: 3,
            imported: 2,
            errors: [
              {
                item: 3,
                line: 12,
                code: 'syntax',
                key: 'gift.braces',
                message:
                  '答えの部分が「{」で始まり「}」で閉じていません。{ と } の対応を確かめてください（文字として使うときは \\{ \\} と書きます）',
              },
              {
                item: 'header',
                line: null,
                code: 'invalid',
                key: 'csv.type_column_missing',
                message: '必須の列「type（種類）」がありません。',
              },
            ],
            warnings: [
              {
                item: 1,
                line: 1,
                code: 'suspicious',
                key: 'gift.tilde_equals',
                message: '「~=」を正解として読みました（Moodle と同じ読み方です）。',
              },
            ],
            preview: [
              { item: 1, type: 'single_choice', title: 'Q1', stemPreview: '報連相の「相」は？', skillTags: ['報連相'], language: 'ja' },
            ],
            encoding: query.get('encoding')
              ? { name: 'utf-8', source: 'chosen', guessed: false, declarationIgnored: null }
              : { name: 'shift_jis', source: 'detected', guessed: true, declarationIgnored: null },
            textPreview: '::Q1:: 報連相の「相」は？ {=相談 ~相互}',
          };
          return json(200, report);
        },
      }),
    });
    const wrapper = mount(QuestionImportPage, { props: { bankId: 'bank1' }, global: { plugins: [...plugins] } });
    await settle();

    expect(wrapper.find('.breadcrumb').text()).toContain('新人研修');
    await wrapper.find('[data-testid="qimport-format"]').setValue('gift');
    expect(wrapper.find('[data-testid="qimport-file"]').attributes('accept')).toContain('.gift');
    await wrapper.find('[data-testid="qimport-publish"]').setValue(true);
    const input = wrapper.find('[data-testid="qimport-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['::Q1:: 報連相の「相」は？ {=相談 ~相互}'], 'questions.gift')] });
    await input.trigger('change');
    await wrapper.find('[data-testid="qimport-form"]').trigger('submit');
    await settle();
    await flushPromises();

    expect(wrapper.find('[data-testid="qimport-summary"]').attributes('data-mode')).toBe('preview');
    expect(wrapper.find('[data-testid="qimport-summary-imported"]').text()).toBe('2');
    expect(wrapper.find('[data-testid="qimport-summary"]').text()).toContain('取り込み予定');
    const errorRows = wrapper.findAll('[data-testid="qimport-error-row"]');
    expect(errorRows).toHaveLength(2);
    expect(errorRows[0]!.text()).toContain('12');
    expect(errorRows[0]!.text()).toContain('答えの部分が「{」で始まり「}」で閉じていません');
    // The API's 'header' / 'file' items are said in the UI language.
    expect(errorRows[1]!.find('th').text()).toBe('見出し行');
    // Items imported with a note are listed too, apart from the refused ones.
    const warningRows = wrapper.findAll('[data-testid="qimport-warning-error-row"]');
    expect(warningRows).toHaveLength(1);
    expect(warningRows[0]!.text()).toContain('「~=」を正解として読みました');
    expect(wrapper.find('[data-testid="qimport-warning-error-table"]').text()).toContain('注意');
    expect(wrapper.find('[data-testid="qimport-preview-row"]').text()).toContain('単一選択');
    expect(wrapper.find('[data-testid="qimport-preview-language"]').text()).toBe('日本語');
    // The guessed encoding is said, the decoded text shown, and another encoding can be tried.
    expect(wrapper.find('[data-testid="import-encoding-name"]').text()).toContain('Shift_JIS');
    expect(wrapper.find('[data-testid="import-encoding-guessed"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="import-text-preview"]').text()).toBe('::Q1:: 報連相の「相」は？ {=相談 ~相互}');
    await wrapper.find('[data-testid="import-encoding-choice"]').setValue('utf-8');
    await wrapper.find('[data-testid="import-encoding-reread"]').trigger('submit');
    await settle();
    await flushPromises();
    expect(wrapper.find('[data-testid="import-encoding-name"]').text()).toContain('指定した文字コード');
    expect(wrapper.find('[data-testid="import-encoding-guessed"]').exists()).toBe(false);

    await wrapper.find('[data-testid="qimport-commit"]').trigger('click');
    await settle();
    await flushPromises();

    expect(wrapper.find('[data-testid="qimport-done-heading"]').text()).toBe('取り込みが完了しました');
    expect(wrapper.find('[data-testid="qimport-summary"]').attributes('data-mode')).toBe('commit');
    expect(requests).toEqual([
      { query: 'format=gift&mode=preview&locale=auto', publish: 'true', name: 'questions.gift' },
      { query: 'format=gift&mode=preview&locale=auto&encoding=utf-8', publish: 'true', name: 'questions.gift' },
      { query: 'format=gift&mode=commit&locale=auto&encoding=utf-8', publish: 'true', name: 'questions.gift' },
    ]);
    expect(wrapper.find('[data-testid="qimport-back-to-bank"]').attributes('href')).toBe('/admin/banks/bank1');
  });

  it('names the levels for the CSV level column exactly as the importer reads them', async () => {
    const { plugins } = await setupApp({
      path: '/admin/banks/bank1/import',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
        'GET /api/banks': () =>
          json(200, { items: [{ id: 'bank1', name: '新人研修', owner: 'tenant', editable: true, ref: 'bank1', questionCount: 0 }] }),
      }),
    });
    const wrapper = mount(QuestionImportPage, { props: { bankId: 'bank1' }, global: { plugins: [...plugins] } });
    await settle();
    await flushPromises();
    // CSV is the default format.
    expect(wrapper.find('[data-testid="qimport-level-help"]').text()).toBe(`level 列（階層）: ${levelImportHelp('ja')}`);
    for (const name of ['内定者', '新入社員', '若手', '中堅', 'リーダー', '管理職'])
      expect(wrapper.find('[data-testid="qimport-level-help"]').text()).toContain(name);
  });
});
