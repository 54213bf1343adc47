import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeAttempt, makeMyAssignment, makeProgress, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import ModuleReaderPage from './ModuleReaderPage.vue';
import MyAssignmentsPage from './MyAssignmentsPage.vue';

// DOMPurify cannot run faithfully on happy-dom (its tree walk stops early, so elements lose their
// tags); the page is tested here on the Markdown step's output, and the sanitiser itself in
// Chromium with the XSS corpus (test/browser/lesson-sanitizer.test.ts).
vi.mock('../lib/sanitize', () => ({ sanitizeLessonHtml: (html: string) => html }));

const learner = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) });

async function open(routes: Record<string, FakeHandler>) {
  const app = await setupApp({
    path: '/me/assignments',
    fetch: fakeApi({
      'POST /api/auth/refresh': learner,
      'GET /api/me/assignments': () => json(200, { items: [makeMyAssignment()] }),
      ...routes,
    }),
  });
  const wrapper = mount(MyAssignmentsPage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return { wrapper, router: app.router };
}

const moduleRow = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], id: string) =>
  wrapper.find(`[data-testid="assignment-module"][data-module-id="${id}"]`);

describe('MyAssignmentsPage', () => {
  beforeEach(() => localStorage.clear());

  it('lists each package with its progress and modules by kind', async () => {
    const { wrapper } = await open({});

    const card = wrapper.find('[data-testid="assignment-card"]');
    expect(card.attributes('data-package-id')).toBe('pkg1');
    expect(card.find('h2').text()).toBe('新入社員研修');
    expect(card.find('[data-testid="assignment-progress"]').attributes('aria-valuenow')).toBe('0');
    expect(card.find('[data-testid="assignment-progress-text"]').text()).toBe('4 件中 0 件完了（0%）');

    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-open"]').attributes('href')).toBe('/me/assignments/pkg1/manners');
    expect(moduleRow(wrapper, 'manners').text()).toContain('eラーニング');
    expect(moduleRow(wrapper, 'manners-quiz').find('[data-testid="module-take-quiz"]').text()).toBe('受験する');
    expect(moduleRow(wrapper, 'ojt-call').find('[data-testid="module-awaiting"]').text()).toBe('上長の承認待ち');
    expect(moduleRow(wrapper, 'kickoff').text()).toContain('対面');
    expect(moduleRow(wrapper, 'kickoff').text()).toContain('本社 5F');
    // Only lessons can be marked done by the learner.
    expect(moduleRow(wrapper, 'ojt-call').find('[data-testid="module-complete"]').exists()).toBe(false);
  });

  it('marks a lesson as done and updates the progress from the answer', async () => {
    const complete = vi.fn(() => json(200, makeMyAssignment({ progress: makeProgress({ manners: true }) })));
    const { wrapper } = await open({ 'POST /api/me/assignments/pkg1/modules/manners/complete': complete });

    await moduleRow(wrapper, 'manners').find('[data-testid="module-complete"]').trigger('click');
    await settle();

    expect(complete).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="assignment-progress"]').attributes('aria-valuenow')).toBe('25');
    expect(wrapper.find('[data-testid="assignment-progress-text"]').text()).toBe('4 件中 1 件完了（25%）');
    expect(wrapper.find('[data-testid="assignment-status"]').attributes('data-status')).toBe('in_progress');
    expect(moduleRow(wrapper, 'manners').attributes('data-done')).toBe('true');
    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-done"]').exists()).toBe(true);
    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-complete"]').exists()).toBe(false);
  });

  it('starts the quiz of a quiz module and opens the player', async () => {
    const start = vi.fn(() => json(201, makeAttempt({ id: 'att-q' })));
    const { wrapper, router } = await open({
      'POST /api/assessments/as-quiz/attempts': start,
      'GET /api/attempts/att-q': () => json(200, makeAttempt({ id: 'att-q' })),
    });

    await moduleRow(wrapper, 'manners-quiz').find('[data-testid="module-take-quiz"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/attempts/att-q'));
    expect(start).toHaveBeenCalledTimes(1);
  });
});

describe('ModuleReaderPage', () => {
  beforeEach(() => localStorage.clear());

  async function openReader(routes: Record<string, FakeHandler> = {}) {
    const app = await setupApp({
      path: '/me/assignments/pkg1/manners',
      fetch: fakeApi({
        'POST /api/auth/refresh': learner,
        'GET /api/me/assignments': () => json(200, { items: [makeMyAssignment()] }),
        ...routes,
      }),
    });
    const wrapper = mount(ModuleReaderPage, { props: { packageId: 'pkg1', moduleId: 'manners' }, global: { plugins: [...app.plugins] } });
    await settle();
    await flushPromises();
    return wrapper;
  }

  it('renders the lesson text as markup it builds itself, escaping any HTML in it', async () => {
    const wrapper = await openReader();

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('ビジネスマナー');
    const body = wrapper.find('[data-testid="markdown"]');
    expect(body.find('h2').text()).toBe('挨拶');
    expect(body.find('strong').text()).toBe('明るく');
    expect(body.findAll('li').map((li) => li.text())).toEqual(['目を見る', '笑顔で']);
    expect(body.find('script').exists()).toBe(false);
    expect(body.text()).toContain('<script>alert(1)</script>');
  });

  it('marks the lesson as done', async () => {
    const complete = vi.fn(() => json(200, makeMyAssignment({ progress: makeProgress({ manners: true }) })));
    const wrapper = await openReader({ 'POST /api/me/assignments/pkg1/modules/manners/complete': complete });

    await wrapper.find('[data-testid="module-complete"]').trigger('click');
    await settle();

    expect(complete).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="module-done"]').text()).toBe('この教材は完了しています。');
    expect(wrapper.find('[data-testid="module-complete"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assignment-progress"]').attributes('aria-valuenow')).toBe('25');
  });
});
