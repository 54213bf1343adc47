import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerResponse, AttemptView } from '../api/types';
import { draftKey } from '../lib/response';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeAttempt, makeServedItem, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import AttemptPage from './AttemptPage.vue';

const session = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) });

async function open(routes: Record<string, FakeHandler>, attemptId = 'att1') {
  const app = await setupApp({
    path: `/attempts/${attemptId}`,
    fetch: fakeApi({ 'POST /api/auth/refresh': session, ...routes }),
  });
  const wrapper = mount(AttemptPage, { props: { id: attemptId }, global: { plugins: [...app.plugins] }, attachTo: document.body });
  await settle();
  await flushPromises();
  return { wrapper, router: app.router };
}

const byTestId = (wrapper: ReturnType<typeof mount>, id: string) => wrapper.find(`[data-testid="${id}"]`);

describe('AttemptPage (quiz player)', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('resumes at the current item and shows the fixed progress', async () => {
    const { wrapper } = await open({ 'GET /api/attempts/att1': () => json(200, makeAttempt()) });

    expect(byTestId(wrapper, 'page-heading').text()).toBe('ビジネス基礎テスト');
    expect(byTestId(wrapper, 'player-progress').text()).toBe('3 / 10');
    expect(byTestId(wrapper, 'player-stem').text()).toBe('報連相の「相」は何の略ですか。');
    expect(wrapper.findAll('[data-testid="player-option"]')).toHaveLength(3);
    expect(byTestId(wrapper, 'player-timer').exists()).toBe(false);
    expect(byTestId(wrapper, 'player-submit').attributes('disabled')).toBeDefined();
    wrapper.unmount();
  });

  it('shows a range of items left and the measurement progress for adaptive attempts', async () => {
    const adaptive = makeAttempt({
      mode: 'adaptive',
      progress: { answered: 4, total: null, left: { min: 4, max: 6 }, percent: 40, maxItems: 20 },
    });
    const { wrapper } = await open({ 'GET /api/attempts/att1': () => json(200, adaptive) });

    expect(byTestId(wrapper, 'player-progress').text()).toBe('5 問目・あと 4〜6 問程度');
    const bar = byTestId(wrapper, 'player-adaptive-progress');
    expect(bar.attributes('aria-valuenow')).toBe('40');
    expect(bar.attributes('aria-label')).toBe('測定の進み具合');
    wrapper.unmount();
  });

  it('says "about N more" when the range has narrowed to one number', async () => {
    const adaptive = makeAttempt({
      mode: 'adaptive',
      progress: { answered: 9, total: null, left: { min: 1, max: 1 }, percent: 90, maxItems: 20 },
    });
    const { wrapper } = await open({ 'GET /api/attempts/att1': () => json(200, adaptive) });
    expect(byTestId(wrapper, 'player-progress').text()).toBe('10 問目・あと 1 問程度');
    wrapper.unmount();
  });

  it('counts down to the deadline using the server clock, not the browser clock', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2025-04-01T07:00:00Z')); // browser clock 3 hours behind the server
    const view = makeAttempt({ serverNow: '2025-04-01T10:00:00Z', deadline: '2025-04-01T10:09:30Z' });
    const { wrapper } = await open({ 'GET /api/attempts/att1': () => json(200, view) });

    expect(byTestId(wrapper, 'player-timer').text()).toContain('9:30');
    vi.advanceTimersByTime(30_000);
    await flushPromises();
    expect(byTestId(wrapper, 'player-timer').text()).toContain('9:00');
    wrapper.unmount();
  });

  it('shows a clear message when the time runs out and closes the attempt', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2025-04-01T10:00:00Z'));
    let finished = 0;
    const view = makeAttempt({ serverNow: '2025-04-01T10:00:00Z', deadline: '2025-04-01T10:00:05Z' });
    const { wrapper } = await open({
      'GET /api/attempts/att1': () => json(200, view),
      'POST /api/attempts/att1/finish': () => {
        finished++;
        return apiError(409, 'attempt_closed', 'closed');
      },
    });

    vi.advanceTimersByTime(6_000);
    await settle();
    await flushPromises();

    expect(byTestId(wrapper, 'player-time-up').text()).toContain('時間切れです');
    expect(byTestId(wrapper, 'player-form').exists()).toBe(false);
    expect(finished).toBe(1);
    wrapper.unmount();
  });

  it('restores the response being entered after a reload (sessionStorage autosave)', async () => {
    const view = makeAttempt({ current: makeServedItem({ questionId: 'q7', type: 'numeric', options: [] }) });
    sessionStorage.setItem(draftKey('att1', 'q7'), JSON.stringify({ number: '４２' }));
    const { wrapper } = await open({ 'GET /api/attempts/att1': () => json(200, view) });

    const input = byTestId(wrapper, 'player-numeric');
    expect((input.element as HTMLInputElement).value).toBe('４２');
    expect(byTestId(wrapper, 'player-submit').attributes('disabled')).toBeUndefined();

    await input.setValue('４２.５');
    await flushPromises();
    expect(JSON.parse(sessionStorage.getItem(draftKey('att1', 'q7')) ?? '{}')).toEqual({ number: '４２.５' });
    wrapper.unmount();
  });

  it('ignores a stored draft that does not fit the item', async () => {
    sessionStorage.setItem(draftKey('att1', 'q1'), JSON.stringify({ optionId: 'zzz' }));
    const { wrapper } = await open({ 'GET /api/attempts/att1': () => json(200, makeAttempt()) });

    expect(wrapper.findAll('input:checked')).toHaveLength(0);
    wrapper.unmount();
  });

  it('submits, shows feedback and explanation, then moves to the next item', async () => {
    const sent: unknown[] = [];
    const second = makeAttempt({
      progress: { answered: 3, total: 10, left: null, percent: null, maxItems: null },
      current: makeServedItem({ index: 3, questionId: 'q2', type: 'short_text', options: [], stem: { ja: '次の問題' } }),
    });
    const { wrapper } = await open({
      'GET /api/attempts/att1': () => json(200, makeAttempt()),
      'POST /api/attempts/att1/answers': ({ body }) => {
        sent.push(body);
        const response: AnswerResponse = {
          answer: {
            questionId: 'q1',
            correct: true,
            feedback: { ja: 'よくできました' },
            explanation: { ja: '相談の「相」です。' },
            images: [],
          },
          attempt: second,
        };
        return json(200, response);
      },
    });

    await wrapper.findAll('[data-testid="player-option"]')[0]!.find('input').setValue(true);
    expect(sessionStorage.getItem(draftKey('att1', 'q1'))).not.toBeNull();
    await byTestId(wrapper, 'player-submit').trigger('click'); // submits the form
    await settle();

    expect(sent).toEqual([{ questionId: 'q1', response: { optionId: 'a' } }]);
    const feedback = byTestId(wrapper, 'player-feedback');
    expect(feedback.attributes('data-correct')).toBe('true');
    expect(feedback.text()).toContain('正解');
    expect(feedback.text()).toContain('よくできました');
    expect(feedback.text()).toContain('解説');
    expect(feedback.text()).toContain('相談の「相」です。');
    expect(sessionStorage.getItem(draftKey('att1', 'q1'))).toBeNull();
    // Still on the answered item until "Next"; its inputs are locked.
    expect(byTestId(wrapper, 'player-progress').text()).toBe('3 / 10');
    expect(wrapper.find('input[type="radio"]').attributes('disabled')).toBeDefined();
    expect(byTestId(wrapper, 'player-submit').exists()).toBe(false);

    await byTestId(wrapper, 'player-form').trigger('submit'); // "Next"
    await settle();
    expect(byTestId(wrapper, 'player-stem').text()).toBe('次の問題');
    expect(byTestId(wrapper, 'player-progress').text()).toBe('4 / 10');
    expect(byTestId(wrapper, 'player-text').exists()).toBe(true);
    expect(byTestId(wrapper, 'player-feedback').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says only that the answer was recorded when the review policy hides correctness', async () => {
    const { wrapper } = await open({
      'GET /api/attempts/att1': () => json(200, makeAttempt()),
      'POST /api/attempts/att1/answers': () =>
        json(200, { answer: { questionId: 'q1', correct: null, feedback: null, explanation: null }, attempt: makeAttempt() }),
    });

    await wrapper.findAll('[data-testid="player-option"]')[2]!.find('input').setValue(true);
    await byTestId(wrapper, 'player-form').trigger('submit');
    await settle();

    const feedback = byTestId(wrapper, 'player-feedback');
    expect(feedback.text()).toContain('回答を記録しました。');
    expect(feedback.text()).not.toContain('不正解');
    expect(feedback.text()).not.toContain('解説');
    wrapper.unmount();
  });

  it('on a network failure offers a retry that resends exactly the same request', async () => {
    const bodies: string[] = [];
    let fail = true;
    const app = await setupApp({
      path: '/attempts/att1',
      fetch: async (input, init) => {
        if (init?.method === 'POST' && input.endsWith('/api/attempts/att1/answers')) {
          bodies.push(String(init.body));
          if (fail) throw new TypeError('Failed to fetch');
          return json(200, {
            answer: { questionId: 'q1', correct: false, feedback: null, explanation: null },
            attempt: makeAttempt({ progress: { answered: 3, total: 10, left: null, percent: null, maxItems: null } }),
          });
        }
        return fakeApi({
          'POST /api/auth/refresh': session,
          'GET /api/attempts/att1': () => json(200, makeAttempt()),
        })(input, init);
      },
    });
    const wrapper = mount(AttemptPage, { props: { id: 'att1' }, global: { plugins: [...app.plugins] } });
    await settle();

    await wrapper.findAll('[data-testid="player-option"]')[1]!.find('input').setValue(true);
    await byTestId(wrapper, 'player-form').trigger('submit');
    await settle();

    expect(byTestId(wrapper, 'player-network-error').text()).toContain('再送信');
    expect(byTestId(wrapper, 'player-submit').attributes('disabled')).toBeDefined();
    // The inputs are locked so the retried answer is the one the learner sees.
    expect(wrapper.find('input[type="radio"]').attributes('disabled')).toBeDefined();

    fail = false;
    await byTestId(wrapper, 'player-retry').trigger('click');
    await settle();

    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(JSON.parse(bodies[0]!)).toEqual({ questionId: 'q1', response: { optionId: 'b' } });
    expect(byTestId(wrapper, 'player-network-error').exists()).toBe(false);
    expect(byTestId(wrapper, 'player-feedback').attributes('data-correct')).toBe('false');
    wrapper.unmount();
  });

  it('finishes after the last item and opens the result page', async () => {
    let finished = false;
    const done: AttemptView = makeAttempt({
      progress: { answered: 10, total: 10, left: null, percent: null, maxItems: null },
      current: null,
    });
    const { wrapper, router } = await open({
      'GET /api/attempts/att1': () =>
        json(200, makeAttempt({ progress: { answered: 9, total: 10, left: null, percent: null, maxItems: null } })),
      'POST /api/attempts/att1/answers': () =>
        json(200, { answer: { questionId: 'q1', correct: true, feedback: null, explanation: null }, attempt: done }),
      'POST /api/attempts/att1/finish': () => {
        finished = true;
        return json(200, { ...done, status: 'finished' });
      },
    });

    await wrapper.findAll('[data-testid="player-option"]')[0]!.find('input').setValue(true);
    await byTestId(wrapper, 'player-form').trigger('submit');
    await settle();
    expect(byTestId(wrapper, 'player-next').text()).toBe('結果を見る');

    await byTestId(wrapper, 'player-next').trigger('click');
    await settle();
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/attempts/att1/result'));
    expect(finished).toBe(true);
    wrapper.unmount();
  });

  it('sends a finished attempt straight to its result', async () => {
    const { router, wrapper } = await open({
      'GET /api/attempts/att1': () => json(200, makeAttempt({ status: 'finished', current: null })),
    });
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/attempts/att1/result'));
    wrapper.unmount();
  });

  it('reloads the attempt when the server says the item was already answered elsewhere', async () => {
    let gets = 0;
    const { wrapper } = await open({
      'GET /api/attempts/att1': () => {
        gets++;
        return json(
          200,
          gets === 1 ? makeAttempt() : makeAttempt({ current: makeServedItem({ questionId: 'q9', stem: { ja: '最新の問題' } }) }),
        );
      },
      'POST /api/attempts/att1/answers': () => apiError(409, 'not_current', 'not current'),
    });

    await wrapper.findAll('[data-testid="player-option"]')[0]!.find('input').setValue(true);
    await byTestId(wrapper, 'player-form').trigger('submit');
    await settle();

    expect(byTestId(wrapper, 'player-info').text()).toContain('最新の問題を表示します');
    expect(byTestId(wrapper, 'player-stem').text()).toBe('最新の問題');
    wrapper.unmount();
  });
});
