import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../api/importJobs';
import { levelImportHelp } from '../../../packages/core/src/levels';
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

function job(status: ImportJob['status'], done: number): ImportJob {
  return {
    id: 'job00000000000001',
    kind: 'users',
    status,
    fileName: 'users.csv',
    createdAt: '2026-12-07T01:00:00.000Z',
    finishedAt: status === 'completed' ? '2026-12-07T01:00:20.000Z' : null,
    total: 1000,
    done,
    created: status === 'completed' ? 998 : 0,
    updated: 0,
    unchanged: 0,
    skipped: status === 'completed' ? 2 : 0,
    errors: status === 'completed' ? [{ row: 7, column: 'email', message: 'invalid email' }] : [],
    errorCount: status === 'completed' ? 2 : 0,
    newDepartments: [],
    failure: null,
  };
}

let polls = 0;
let latest: ImportJob | null = null;
const keys: string[] = [];

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
      'POST /api/import-jobs/users': ({ headers }) => {
        keys.push(headers.get('idempotency-key') ?? '');
        return json(202, job('queued', 0));
      },
      'GET /api/import-jobs/users': () => json(200, { items: latest ? [latest] : [] }),
      'GET /api/import-jobs/users/job00000000000001': () => {
        polls += 1;
        return json(200, polls < 3 ? job('running', polls * 400) : job('completed', 1000));
      },
    }),
  });
  return mount(ImportPage, { global: { plugins: [...plugins] } });
}

describe('ImportPage', () => {
  beforeEach(() => {
    localStorage.clear();
    polls = 0;
    latest = null;
    keys.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('previews, then commits as a background job, shows its progress and then its result', async () => {
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

    vi.useFakeTimers();
    await wrapper.find('[data-testid="import-commit-button"]').trigger('click');
    await flushPromises();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.find('[data-testid="import-step-working"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="import-leave-note"]').text()).toContain('このページを離れても');

    await vi.advanceTimersByTimeAsync(1000);
    await flushPromises();
    expect(wrapper.find('[data-testid="import-job-progress-text"]').text()).toBe('400 / 1000 行');
    expect(wrapper.find('[data-testid="import-job-progress-bar"]').attributes('aria-valuenow')).toBe('400');

    await vi.advanceTimersByTimeAsync(2000);
    await flushPromises();
    expect(wrapper.find('[data-testid="import-done-heading"]').text()).toBe('取り込みが完了しました');
    expect(wrapper.find('[data-testid="import-summary"]').attributes('data-mode')).toBe('commit');
    expect(wrapper.find('[data-testid="import-summary-created"]').text()).toBe('998');
    expect(wrapper.find('[data-testid="import-error-row"]').text()).toContain('invalid email');
    expect(wrapper.find('[data-testid="import-back-to-users"]').attributes('href')).toBe('/admin/users');
  });

  it('shows a running import to someone who comes back to the page', async () => {
    latest = job('running', 300);
    const wrapper = await flow();
    await flushPromises();
    expect(wrapper.find('[data-testid="import-step-working"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="import-job-progress-text"]').text()).toBe('300 / 1000 行');
  });

  it('offers the latest finished import’s result on the first step', async () => {
    latest = job('completed', 1000);
    const wrapper = await flow();
    await flushPromises();
    expect(wrapper.find('[data-testid="import-latest-status"]').text()).toBe('完了');
    await wrapper.find('[data-testid="import-latest-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="import-summary-skipped"]').text()).toBe('2');
  });

  it('names the levels in the column help exactly as the import reads them', async () => {
    const wrapper = await flow();
    await flushPromises();
    expect(wrapper.find('[data-testid="import-columns"]').text()).toContain(levelImportHelp('ja'));
    for (const name of ['内定者', '新入社員', '若手', '中堅', 'リーダー', '管理職'])
      expect(wrapper.find('[data-testid="import-columns"]').text()).toContain(name);
  });

  it('asks for a file before previewing', async () => {
    const wrapper = await flow();

    await wrapper.find('[data-testid="import-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.find('[data-testid="field-error"]').text()).toBe('ファイルを選択してください。');
    expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(false);
  });
});
