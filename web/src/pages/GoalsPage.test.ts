import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeFrameworkDocument, makeGoal, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import GoalsPage from './GoalsPage.vue';

async function open(routes: Record<string, FakeHandler> = {}) {
  const app = await setupApp({
    path: '/me/goals',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'u2', role: 'learner' }) }),
      'GET /api/goals': () => json(200, { items: [] }),
      'GET /api/skills/framework': () => json(200, makeFrameworkDocument()),
      'GET /api/assessments': () => json(200, { items: [] }),
      ...routes,
    }),
  });
  const wrapper = mount(GoalsPage, { global: { plugins: [...app.plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return wrapper;
}

describe('GoalsPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('lays the form out by SMART letter', async () => {
    const wrapper = await open();
    const legends = wrapper.findAll('[data-testid="goal-form"] fieldset legend').map((l) => l.text());
    expect(legends.map((l) => l.charAt(0))).toEqual(['S', 'M', 'A', 'R', 'T']);
    expect(wrapper.findAll('[data-testid="goal-skill"] option').map((o) => o.text())).toContain('コンプライアンス');
  });

  it('puts each SMART message next to its field', async () => {
    let sent: FakeRequest | null = null;
    const wrapper = await open({
      'POST /api/goals': (request) => {
        sent = request;
        return apiError(400, 'validation_error', '目標がSMARTの条件を満たしていません', [
          { path: 'description', message: 'S（具体的）: 何を・どのように行うかを10文字以上で書いてください' },
          { path: 'metric.target', message: 'M（測定可能）: 目標値を設定してください' },
          { path: 'skillId', message: 'R（関連性）: この目標で伸ばすスキルを選んでください' },
          { path: 'reason', message: 'R（関連性）: この目標が業務や役割にどう役立つかを書いてください' },
          { path: 'dueDate', message: 'T（期限）: 期限は今日より後の日付にしてください' },
        ]);
      },
    });

    await wrapper.find('[data-testid="goal-title"]').setValue('報連相を徹底する');
    await wrapper.find('[data-testid="goal-description"]').setValue('短い');
    await wrapper.find('[data-testid="goal-due"]').setValue('2020-01-01');
    await wrapper.find('[data-testid="goal-form"]').trigger('submit');
    await settle();

    expect(sent!.body).toEqual({
      title: '報連相を徹底する',
      description: '短い',
      metric: { kind: 'proficiency', skillId: '', target: null },
      skillId: '',
      reason: '',
      dueDate: '2020-01-01',
    });
    const error = (id: string) => wrapper.find(`#${id}-error`);
    expect(error('goal-title').exists()).toBe(false);
    expect(error('goal-description').text()).toBe('S（具体的）: 何を・どのように行うかを10文字以上で書いてください');
    expect(error('goal-target').text()).toBe('M（測定可能）: 目標値を設定してください');
    expect(error('goal-skill').text()).toBe('R（関連性）: この目標で伸ばすスキルを選んでください');
    expect(error('goal-reason').text()).toBe('R（関連性）: この目標が業務や役割にどう役立つかを書いてください');
    expect(error('goal-due').text()).toBe('T（期限）: 期限は今日より後の日付にしてください');
    // Each field points at its message, and the alert does not repeat them.
    expect(wrapper.find('[data-testid="goal-target"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-testid="goal-target"]').attributes('aria-describedby')).toContain('goal-target-error');
    expect(wrapper.find('[data-testid="error-alert"]').findAll('li')).toHaveLength(0);
  });

  it('creates a goal by assessment score, shows the achievability warning and lists it as a draft', async () => {
    let sent: FakeRequest | null = null;
    const created = makeGoal({
      id: 'g9',
      title: 'コンプライアンス力を上げる',
      warning: { ja: 'A（達成可能）: 期限まで30日です', en: 'A (Achievable): only 30 days remain' },
    });
    const wrapper = await open({
      'GET /api/assessments': () =>
        json(200, {
          items: [
            { id: 'as1', title: { ja: 'コンプライアンス確認テスト' }, status: 'published' },
            { id: 'as2', title: { ja: '下書き' }, status: 'draft' },
          ],
        }),
      'POST /api/goals': (request) => {
        sent = request;
        return json(201, created);
      },
    });

    await wrapper.find('[data-testid="goal-metric-kind"]').setValue('assessment_score');
    expect(wrapper.findAll('[data-testid="goal-assessment"] option').map((o) => o.attributes('value'))).toEqual(['', 'as1']);
    await wrapper.find('[data-testid="goal-assessment"]').setValue('as1');
    await wrapper.find('[data-testid="goal-target"]').setValue('80');
    await wrapper.find('[data-testid="goal-skill"]').setValue('compliance');
    await wrapper.find('[data-testid="goal-submit"]').trigger('submit');
    await settle();

    expect((sent!.body as { metric: unknown }).metric).toEqual({ kind: 'assessment_score', assessmentId: 'as1', target: 80 });
    expect(wrapper.find('[data-testid="goal-warning"]').text()).toBe('A（達成可能）: 期限まで30日です');
    const row = wrapper.find('[data-testid="goal-row"]');
    expect(row.attributes('data-goal-id')).toBe('g9');
    expect(row.find('[data-testid="goal-status"]').text()).toBe('下書き（合意待ち）');
    expect((wrapper.find('[data-testid="goal-title"]').element as HTMLInputElement).value).toBe('');
  });

  it('shows progress and lets me start an agreed goal', async () => {
    const start = vi.fn(() => json(200, makeGoal({ id: 'g2', status: 'in_progress', baseline: 2, progress: 0 })));
    const wrapper = await open({
      'GET /api/goals': () =>
        json(200, {
          items: [
            makeGoal({ id: 'g1', status: 'achieved', baseline: 1, current: 3, progress: 100 }),
            makeGoal({ id: 'g2', status: 'agreed', baseline: 2, current: 2, progress: 0 }),
          ],
        }),
      'POST /api/goals/g2/start': start,
    });

    const rows = wrapper.findAll('[data-testid="goal-row"]');
    expect(rows[0]!.find('[data-testid="goal-progress"]').attributes('aria-valuenow')).toBe('100');
    expect(rows[0]!.find('[data-testid="goal-start"]').exists()).toBe(false);
    expect(rows[0]!.find('[data-testid="goal-metric"]').text()).toBe('ビジネス基礎 の習熟度 3');

    await rows[1]!.find('[data-testid="goal-start"]').trigger('click');
    await settle();
    expect(start).toHaveBeenCalledTimes(1);
    const updated = wrapper.find('[data-testid="goal-row"][data-goal-id="g2"]');
    expect(updated.attributes('data-status')).toBe('in_progress');
    expect(updated.find('[data-testid="goal-start"]').exists()).toBe(false);
  });
});
