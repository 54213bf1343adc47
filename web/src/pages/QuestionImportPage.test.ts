import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { QuestionImportReport } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import QuestionImportPage from './QuestionImportPage.vue';

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
            errors: [{ item: 3, line: 12, message: 'Matching questions are not supported' }],
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
    expect(errorRows).toHaveLength(1);
    expect(errorRows[0]!.text()).toContain('12');
    expect(errorRows[0]!.text()).toContain('Matching questions are not supported');
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
});
