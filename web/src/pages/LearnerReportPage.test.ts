import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LearnerHistory, Locale } from '../api/types';
import { apiError, fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import LearnerReportPage from './LearnerReportPage.vue';

function makeHistory(overrides: Partial<LearnerHistory> = {}): LearnerHistory {
  return {
    user: { id: 'u2', name: '佐藤 美咲', departmentId: 'd1', level: 'new_hire' },
    attempts: [
      {
        id: 'att1',
        assessmentId: 'as1',
        title: { ja: 'ビジネス基礎テスト', en: 'Business basics' },
        status: 'finished',
        startedAt: '2025-04-01T09:00:00Z',
        finishedAt: '2025-04-01T09:20:00Z',
        result: { score: 62.5, passed: false, band: 2, theta: null },
      },
      {
        id: 'att2',
        assessmentId: 'as1',
        title: { ja: 'ビジネス基礎テスト', en: 'Business basics' },
        status: 'finished',
        startedAt: '2025-04-15T09:00:00Z',
        finishedAt: '2025-04-15T09:18:00Z',
        result: { score: 85, passed: true, band: 4, theta: 0.8, se: 0.31, scaledScore: 580 },
      },
      {
        id: 'att3',
        assessmentId: 'as2',
        title: null,
        status: 'expired',
        startedAt: '2025-04-20T09:00:00Z',
        finishedAt: null,
        result: null,
      },
    ],
    proficiency: [
      { skillId: 'business-basics', source: 'assessment', date: '2025-04-01', percent: 62.5, band: 2, value: 2 },
      { skillId: 'business-basics', source: 'manager_rating', date: '2025-04-10', percent: null, band: null, value: 3 },
    ],
    goals: [{ id: 'g1', title: 'ビジネス基礎を 4 にする', status: 'in_progress', dueDate: '2025-09-30' }],
    ...overrides,
  };
}

async function open(options: { history?: LearnerHistory; locale?: Locale; missing?: boolean } = {}) {
  const { plugins } = await setupApp({
    path: '/admin/reports/learners/u2',
    locale: options.locale ?? 'ja',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'manager' }) }),
      'GET /api/reports/learners/u2': () =>
        options.missing ? apiError(404, 'not_found', 'User not found') : json(200, options.history ?? makeHistory()),
    }),
  });
  const wrapper = mount(LearnerReportPage, { props: { id: 'u2' }, global: { plugins: [...plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

const cells = (row: { findAll: (s: string) => { text: () => string }[] }) => row.findAll('th, td').map((cell) => cell.text());

describe('LearnerReportPage', () => {
  beforeEach(() => localStorage.clear());

  it('renders the attempts (newest first), the proficiency evidence over time and the goals', async () => {
    const wrapper = await open();
    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('佐藤 美咲 さんの学習履歴');
    expect(wrapper.find('[data-testid="learner-report-level"]').text()).toContain('新入社員');

    const attempts = wrapper.findAll('[data-testid="learner-attempt-row"]');
    expect(attempts.map((row) => row.attributes('data-attempt-id'))).toEqual(['att3', 'att2', 'att1']);
    expect(cells(attempts[0]!)).toEqual(['as2', '時間切れ', expect.any(String), '—', '—', '—', '—', '—', '—', '—']);
    expect(attempts[1]!.find('[data-testid="learner-attempt-score"]').text()).toBe('85');
    // HR and managers keep the psychometric detail of an adaptive attempt.
    expect(wrapper.find('[data-testid="learner-attempts-table"] thead').text()).toContain('θ（能力の推定値）');
    expect(attempts[1]!.find('[data-testid="learner-attempt-theta"]').text()).toBe('0.8');
    expect(attempts[1]!.find('[data-testid="learner-attempt-se"]').text()).toBe('0.31');
    expect(attempts[1]!.find('[data-testid="learner-attempt-scaled"]').text()).toBe('580');
    expect(attempts[2]!.find('[data-testid="learner-attempt-theta"]').text()).toBe('—');
    expect(attempts[1]!.find('[data-testid="learner-attempt-outcome"]').text()).toBe('合格');
    expect(attempts[2]!.find('[data-testid="learner-attempt-score"]').text()).toBe('62.5');
    expect(attempts[2]!.find('[data-testid="learner-attempt-outcome"]').text()).toBe('不合格');
    expect(cells(attempts[2]!)[0]).toBe('ビジネス基礎テスト');

    const evidence = wrapper.findAll('[data-testid="learner-proficiency-row"]');
    expect(evidence.map(cells)).toEqual([
      ['2025年4月1日', 'business-basics', 'アセスメント', '習熟度 2 · 62.5% · バンド 2'],
      ['2025年4月10日', 'business-basics', '上長評価', '習熟度 3'],
    ]);

    const goals = wrapper.findAll('[data-testid="learner-goal-row"]');
    expect(goals).toHaveLength(1);
    expect(goals[0]!.text()).toContain('ビジネス基礎を 4 にする');
    expect(goals[0]!.text()).toContain('取り組み中');
    expect(goals[0]!.text()).toContain('期限 2025年9月30日');
  });

  it("lists the learning plan: title in the reader's language, due date, progress, status and overdue", async () => {
    const wrapper = await open({
      history: makeHistory({
        assignments: [
          {
            packageId: 'p-later',
            title: { ja: 'ロジカルシンキング入門' },
            level: 'new_hire',
            dueDate: null,
            assignedAt: '2025-04-01T00:00:00Z',
            progress: { done: 0, total: 4, percent: 0, status: 'not_started', overdue: false },
          },
          {
            packageId: 'p-basics',
            title: { ja: 'ビジネス基礎', en: 'Business basics' },
            level: 'new_hire',
            dueDate: '2025-04-30',
            assignedAt: '2025-04-01T00:00:00Z',
            progress: { done: 1, total: 4, percent: 25, status: 'in_progress', overdue: true },
          },
          {
            packageId: 'p-done',
            title: { en: 'Compliance' },
            level: null,
            dueDate: '2025-05-31',
            assignedAt: '2025-04-02T00:00:00Z',
            progress: { done: 3, total: 3, percent: 100, status: 'completed', overdue: false },
          },
          {
            packageId: 'p-gone',
            title: {},
            level: null,
            dueDate: '2025-06-30',
            assignedAt: '2025-04-03T00:00:00Z',
            progress: null,
          },
        ],
      }),
    });
    expect(wrapper.find('#learner-plan-heading').text()).toBe('学習計画の進み具合');
    const rows = wrapper.findAll('[data-testid="learner-plan-row"]');
    // Earliest due first, no due date last.
    expect(rows.map((row) => row.attributes('data-package-id'))).toEqual(['p-basics', 'p-done', 'p-gone', 'p-later']);
    expect(rows.map((row) => row.find('[data-testid="learner-plan-title"]').text())).toEqual([
      'ビジネス基礎',
      'Compliance', // falls back to the other language
      'p-gone', // no title at all: the id
      'ロジカルシンキング入門',
    ]);
    expect(rows.map((row) => row.find('[data-testid="learner-plan-due"]').text())).toEqual([
      '2025年4月30日',
      '2025年5月31日',
      '2025年6月30日',
      '期限なし',
    ]);

    const basics = rows[0]!;
    expect(basics.attributes('data-overdue')).toBe('true');
    expect(basics.find('[data-testid="assignment-status"]').text()).toBe('受講中');
    expect(basics.find('[data-testid="assignment-overdue"]').text()).toBe('期限切れ');
    expect(basics.find('[data-testid="assignment-progress-text"]').text()).toBe('4 件中 1 件完了（25%）');
    const bar = basics.find('[data-testid="assignment-progress"]');
    expect(bar.attributes('role')).toBe('progressbar');
    expect(bar.attributes('aria-valuenow')).toBe('25');
    expect(bar.attributes('aria-label')).toBe('「ビジネス基礎」の進み具合');

    expect(rows[1]!.find('[data-testid="assignment-status"]').text()).toBe('修了');
    expect(rows[1]!.find('[data-testid="assignment-overdue"]').exists()).toBe(false);
    expect(rows[2]!.find('[data-testid="learner-plan-no-progress"]').exists()).toBe(true);
    expect(rows[3]!.find('[data-testid="assignment-status"]').text()).toBe('未着手');
  });

  it('shows the English title and says when nothing is assigned; leaves the plan out for an older API', async () => {
    const english = await open({
      locale: 'en',
      history: makeHistory({
        assignments: [
          {
            packageId: 'p-basics',
            title: { ja: 'ビジネス基礎', en: 'Business basics' },
            level: 'new_hire',
            dueDate: '2025-04-30',
            assignedAt: '2025-04-01T00:00:00Z',
            progress: { done: 1, total: 4, percent: 25, status: 'in_progress', overdue: false },
          },
        ],
      }),
    });
    expect(english.find('[data-testid="learner-plan-title"]').text()).toBe('Business basics');
    expect(english.find('[data-testid="learner-plan-due"]').text()).toBe('April 30, 2025');

    const none = await open({ history: makeHistory({ assignments: [] }) });
    expect(none.find('[data-testid="learner-no-plan"]').text()).toBe('割り当てられた研修パッケージはありません。');

    // makeHistory() has no `assignments`, like the API before the field was added.
    const older = await open();
    expect(older.find('[data-testid="learner-plan"]').exists()).toBe(false);
    expect(older.find('[data-testid="learner-attempts-table"]').exists()).toBe(true);
  });

  it('says when there is nothing yet, in English', async () => {
    const wrapper = await open({ locale: 'en', history: makeHistory({ attempts: [], proficiency: [], goals: [] }) });
    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('History of 佐藤 美咲');
    expect(wrapper.find('[data-testid="learner-no-attempts"]').text()).toBe('No attempts yet.');
    expect(wrapper.find('[data-testid="learner-no-proficiency"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="learner-no-goals"]').exists()).toBe(true);
  });

  it('shows the API error for someone out of reach', async () => {
    const wrapper = await open({ missing: true });
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="learner-attempts-table"]').exists()).toBe(false);
  });
});
