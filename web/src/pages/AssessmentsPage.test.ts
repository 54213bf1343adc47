import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentSummary, Locale } from '../api/types';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeAttempt, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import AssessmentsPage from './AssessmentsPage.vue';

function summary(overrides: Partial<AssessmentSummary> = {}): AssessmentSummary {
  return {
    id: 'as1',
    title: { ja: 'ビジネス基礎テスト', en: 'Business basics' },
    mode: 'fixed',
    status: 'published',
    questionCount: 10,
    maxItems: null,
    timeLimitMinutes: 20,
    attemptsAllowed: 2,
    attemptsUsed: 0,
    passMark: 70,
    dueAt: null,
    inProgressAttemptId: null,
    ...overrides,
  };
}

async function open(routes: Record<string, FakeHandler>, locale: Locale = 'ja') {
  const app = await setupApp({
    path: '/assessments',
    locale,
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
      'GET /api/me/attempts': () => json(200, { items: [] }),
      ...routes,
    }),
  });
  const wrapper = mount(AssessmentsPage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return { wrapper, router: app.router };
}

describe('AssessmentsPage (learner)', () => {
  beforeEach(() => localStorage.clear());

  it('lists published assessments with my status, titled in the current language', async () => {
    const { wrapper } = await open(
      {
        'GET /api/assessments': () =>
          json(200, {
            items: [
              summary(),
              summary({ id: 'as2', title: { ja: '下書き' }, status: 'draft' }),
              summary({
                id: 'as3',
                title: { ja: '適応型', en: 'Adaptive' },
                mode: 'adaptive',
                questionCount: null,
                maxItems: 15,
                attemptsAllowed: null,
                attemptsUsed: 3,
                inProgressAttemptId: 'att9',
              }),
              summary({ id: 'as4', title: { en: 'Used up' }, attemptsAllowed: 1, attemptsUsed: 1 }),
            ],
          }),
      },
      'en',
    );

    const rows = wrapper.findAll('[data-testid="assessment-row"]');
    expect(rows.map((r) => r.attributes('data-title'))).toEqual(['Business basics', 'Adaptive', 'Used up']);
    expect(rows[0]!.find('[data-testid="assessment-attempts"]').text()).toBe('0 of 2');
    expect(rows[0]!.find('[data-testid="assessment-start"]').text()).toBe('Start');
    expect(rows[1]!.text()).toContain('Up to 15 questions');
    expect(rows[1]!.find('[data-testid="assessment-attempts"]').text()).toBe('3 (no limit)');
    expect(rows[1]!.find('[data-testid="assessment-start"]').text()).toBe('Resume');
    expect(rows[2]!.find('[data-testid="assessment-start"]').exists()).toBe(false);
    expect(rows[2]!.find('[data-testid="assessment-exhausted"]').text()).toBe('No attempts left.');
  });

  it('starts an attempt and opens the player; resumes without starting a new one', async () => {
    const post = vi.fn(() => json(201, makeAttempt({ id: 'att-new' })));
    const { wrapper, router } = await open({
      'GET /api/assessments': () => json(200, { items: [summary(), summary({ id: 'as3', inProgressAttemptId: 'att9' })] }),
      'POST /api/assessments/as1/attempts': post,
      'GET /api/attempts/att-new': () => json(200, makeAttempt({ id: 'att-new' })),
    });

    await wrapper.findAll('[data-testid="assessment-start"]')[0]!.trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/attempts/att-new'));
    expect(post).toHaveBeenCalledTimes(1);

    await router.push('/assessments');
    await wrapper.findAll('[data-testid="assessment-start"]')[1]!.trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/attempts/att9'));
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('explains when no attempts are left', async () => {
    const { wrapper } = await open({
      'GET /api/assessments': () => json(200, { items: [summary()] }),
      'POST /api/assessments/as1/attempts': () => apiError(409, 'attempts_exhausted', 'No attempts left'),
    });

    await wrapper.find('[data-testid="assessment-start"]').trigger('click');
    await settle();
    expect(wrapper.find('[data-testid="error-alert"]').text()).toContain('受験回数の上限に達しています。');
  });

  it('shows my past results with links to each result', async () => {
    const { wrapper } = await open({
      'GET /api/assessments': () => json(200, { items: [] }),
      'GET /api/me/attempts': () =>
        json(200, {
          items: [
            {
              id: 'att1',
              assessmentId: 'as1',
              title: { ja: 'ビジネス基礎テスト' },
              status: 'finished',
              startedAt: '2025-04-01T10:00:00Z',
              finishedAt: '2025-04-01T10:12:00Z',
              result: { score: 80, passed: true, band: 4 },
            },
          ],
        }),
    });

    expect(wrapper.find('[data-testid="assessments-empty"]').exists()).toBe(true);
    const row = wrapper.find('[data-testid="my-attempt-row"]');
    expect(row.text()).toContain('ビジネス基礎テスト');
    expect(row.text()).toContain('合格');
    expect(row.text()).toContain('80');
    expect(row.find('[data-testid="my-attempt-result"]').attributes('href')).toBe('/attempts/att1/result');
  });
});
