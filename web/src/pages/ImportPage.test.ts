import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import ImportPage from './ImportPage.vue';

function report(mode: 'preview' | 'commit', sendInvites: string): ImportReport {
  return {
    mode,
    encoding: 'utf-8-bom',
    totalRows: 3,
    created: 1,
    updated: 1,
    unchanged: 0,
    skipped: 1,
    errors: [
      {
        row: 4,
        column: 'email',
        message: `invalid email (invites: ${sendInvites})`,
      },
    ],
    newDepartments: ['営業部'],
    preview: [
      {
        row: 2,
        name: '佐藤 一郎',
        email: 'ichiro@example.co.jp',
        role: 'learner',
        department: '営業部',
        level: 'new_hire',
        hireDate: '2025-04-01',
        action: 'create',
      },
    ],
  };
}

async function flow() {
  const { plugins } = await setupApp({
    path: '/admin/users/import',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
      'POST /api/users/import': async ({ query, body }) => {
        const form = body as FormData;
        const file = form.get('file') as File;
        if (!(await file.text()).includes('メールアドレス')) return json(400, { error: { code: 'bad_csv', message: 'bad' } });
        const mode = query.get('mode') === 'commit' ? 'commit' : 'preview';
        return json(200, report(mode, String(form.get('sendInvites'))));
      },
    }),
  });
  return mount(ImportPage, { global: { plugins: [...plugins] } });
}

describe('ImportPage', () => {
  beforeEach(() => localStorage.clear());

  it('previews then commits a CSV file', async () => {
    const wrapper = await flow();
    const input = wrapper.find('[data-testid="import-file"]');
    const file = new File(['氏名,メールアドレス\n佐藤 一郎,ichiro@example.co.jp\n'], 'users.csv', {
      type: 'text/csv',
    });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');

    await wrapper.find('[data-testid="import-form"]').trigger('submit');
    await settle();
    await flushPromises();

    const summary = wrapper.find('[data-testid="import-summary"]');
    expect(summary.attributes('data-mode')).toBe('preview');
    expect(wrapper.find('[data-testid="import-summary-created"]').text()).toBe('1');
    expect(wrapper.find('[data-testid="import-summary-encoding"]').text()).toBe('UTF-8 (BOM)');
    expect(wrapper.findAll('[data-testid="import-error-row"]')[0]?.text()).toContain('invalid email (invites: false)');
    expect(wrapper.find('[data-testid="import-preview-row"]').text()).toContain('新入社員');

    await wrapper.find('[data-testid="import-commit-button"]').trigger('click');
    await settle();
    await flushPromises();

    expect(wrapper.find('[data-testid="import-done-heading"]').text()).toBe('取り込みが完了しました');
    expect(wrapper.find('[data-testid="import-summary"]').attributes('data-mode')).toBe('commit');
    expect(wrapper.find('[data-testid="import-back-to-users"]').attributes('href')).toBe('/admin/users');
  });

  it('asks for a file before previewing', async () => {
    const wrapper = await flow();

    await wrapper.find('[data-testid="import-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[data-testid="field-error"]').text()).toBe('ファイルを選択してください。');
    expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(false);
  });
});
