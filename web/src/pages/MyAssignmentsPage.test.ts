import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LessonCompletion, MyAssignment } from '../api/types';
import { fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeAttempt, makeMyAssignment, makePackageModules, makeProgress, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import ModuleReaderPage from './ModuleReaderPage.vue';
import MyAssignmentsPage from './MyAssignmentsPage.vue';

// DOMPurify cannot run faithfully on happy-dom (its tree walk stops early, so elements lose their
// tags); the page is tested here on the Markdown step's output, and the sanitiser itself in
// Chromium with the XSS corpus (test/browser/lesson-sanitizer.test.ts).
vi.mock('../lib/sanitize', () => ({ sanitizeLessonHtml: (html: string) => html }));

const learner = () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) });

/** The fixture package with the lesson's rule changed, its progress reporting it as the server does. */
function withLessonRule(completion: LessonCompletion, done: Record<string, boolean> = {}, over: Partial<MyAssignment> = {}) {
  const base = makeMyAssignment();
  const modules = makePackageModules().map((m) => (m.id === 'manners' ? { ...m, completion } : m));
  const progress = makeProgress(done);
  progress.modules = progress.modules.map((m) => (m.moduleId === 'manners' ? { ...m, rule: completion } : m));
  return makeMyAssignment({ package: { ...base.package!, modules }, progress, ...over });
}
const selfLesson = (done: Record<string, boolean> = {}) => withLessonRule({ rule: 'self' }, done);

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
    // Each module tells what completes it; a lesson read to the end has no "done" button.
    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-rule"]').text()).toBe('最後まで読むと完了');
    expect(moduleRow(wrapper, 'manners-quiz').find('[data-testid="module-rule"]').text()).toBe('テストに合格すると完了');
    expect(moduleRow(wrapper, 'ojt-call').find('[data-testid="module-rule"]').text()).toBe('上司の確認で完了');
    expect(moduleRow(wrapper, 'kickoff').find('[data-testid="module-rule"]').text()).toBe('研修への出席で完了');
    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-complete"]').exists()).toBe(false);
    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-read"]').attributes('href')).toBe('/me/assignments/pkg1/manners');
    expect(moduleRow(wrapper, 'ojt-call').find('[data-testid="module-complete"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assignment-resume"]').exists()).toBe(false);
  });

  it('tells the viewing time still needed, and offers 続きから to the module last opened', async () => {
    const viewing = withLessonRule(
      { rule: 'viewed', minutes: 5 },
      {},
      { resume: { moduleId: 'manners', position: 0.4, at: '2025-04-02T00:00:00Z' } },
    );
    viewing.progress!.modules[0] = { ...viewing.progress!.modules[0]!, viewedSeconds: 180, remainingMinutes: 2 };
    const { wrapper } = await open({ 'GET /api/me/assignments': () => json(200, { items: [viewing] }) });

    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-rule"]').text()).toBe('5分間の閲覧で完了（あと2分）');
    const resume = wrapper.find('[data-testid="assignment-resume"]');
    expect(resume.text()).toBe('続きから: ビジネスマナー');
    expect(resume.attributes('href')).toBe('/me/assignments/pkg1/manners');
  });

  it('marks a self-declared lesson as done and updates the progress from the answer', async () => {
    const complete = vi.fn(() => json(200, selfLesson({ manners: true })));
    const { wrapper } = await open({
      'GET /api/me/assignments': () => json(200, { items: [selfLesson()] }),
      'POST /api/me/assignments/pkg1/modules/manners/complete': complete,
    });
    expect(moduleRow(wrapper, 'manners').find('[data-testid="module-rule"]').text()).toBe('読み終えたら自分で「完了にする」');

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
  const resume = vi.fn(() => json(204, null));
  /** A stand-in IntersectionObserver (jsdom has none) that reports the end marker seen when `seen` is set. */
  let observed: { callback: IntersectionObserverCallback; target: Element }[] = [];
  class FakeObserver {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(target: Element) {
      observed.push({ callback: this.callback, target });
    }
    disconnect() {
      observed = observed.filter((o) => o.callback !== this.callback);
    }
  }
  const seeEnd = () =>
    observed.forEach((o) =>
      o.callback([{ isIntersecting: true, target: o.target } as IntersectionObserverEntry], {} as IntersectionObserver),
    );

  beforeEach(() => {
    localStorage.clear();
    resume.mockClear();
    observed = [];
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => vi.unstubAllGlobals());

  async function openReader(routes: Record<string, FakeHandler> = {}) {
    const app = await setupApp({
      path: '/me/assignments/pkg1/manners',
      fetch: fakeApi({
        'POST /api/auth/refresh': learner,
        'GET /api/me/assignments': () => json(200, { items: [makeMyAssignment()] }),
        'PUT /api/me/assignments/pkg1/resume': resume,
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

  it('marks a self-declared lesson as done', async () => {
    const complete = vi.fn(() => json(200, selfLesson({ manners: true })));
    const wrapper = await openReader({
      'GET /api/me/assignments': () => json(200, { items: [selfLesson()] }),
      'POST /api/me/assignments/pkg1/modules/manners/complete': complete,
    });

    await wrapper.find('[data-testid="module-complete"]').trigger('click');
    await settle();

    expect(complete).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="module-done"]').text()).toBe('この教材は完了しています。');
    expect(wrapper.find('[data-testid="module-complete"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assignment-progress"]').attributes('aria-valuenow')).toBe('25');
  });

  it('completes a read-to-the-end lesson when the end of the text is seen, and remembers it as open', async () => {
    const ended = vi.fn(() => json(200, makeMyAssignment({ progress: makeProgress({ manners: true }) })));
    const wrapper = await openReader({ 'POST /api/me/assignments/pkg1/modules/manners/end-reached': ended });

    expect(wrapper.find('[data-testid="module-rule"]').text()).toBe('最後まで読むと完了');
    expect(wrapper.find('[data-testid="module-complete"]').exists()).toBe(false);
    expect(resume).toHaveBeenCalledTimes(1);
    expect(observed.map((o) => o.target.getAttribute('data-testid'))).toEqual(['reader-end']);

    seeEnd();
    await settle();
    expect(ended).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="module-done"]').text()).toBe('この教材は完了しています。');
    // Done: the marker is no longer watched.
    expect(observed).toEqual([]);
  });

  it('sends viewing heartbeats for a viewing-time lesson and shows the time the server counted', async () => {
    const viewing = withLessonRule({ rule: 'viewed', minutes: 5 });
    const beats: unknown[] = [];
    const wrapper = await openReader({
      'GET /api/me/assignments': () => json(200, { items: [viewing] }),
      'POST /api/me/assignments/pkg1/modules/manners/heartbeat': (req) => {
        beats.push(req.body);
        return json(200, { moduleId: 'manners', viewedSeconds: 180, remainingMinutes: 2, done: false, assignment: null });
      },
    });
    await vi.waitFor(() => expect(beats).toHaveLength(1));
    expect(beats[0]).toMatchObject({ seq: 1, view: expect.stringMatching(/^[0-9a-f]{24}$/) });
    await vi.waitFor(() => expect(wrapper.find('[data-testid="module-rule"]').text()).toBe('5分間の閲覧で完了（あと2分）'));
    expect(observed).toEqual([]);
    wrapper.unmount();
  });
});
