import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LearningPlan, Locale, MyAssignment } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeMyAssignment, makePlan, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import PlanPage from './PlanPage.vue';

async function open(plan: LearningPlan = makePlan(), locale: Locale = 'ja', assignments: MyAssignment[] = [makeMyAssignment()]) {
  const app = await setupApp({
    path: '/me/plan',
    locale,
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
      'GET /api/me/plan': () => json(200, plan),
      'GET /api/me/assignments': () => json(200, { items: assignments }),
    }),
  });
  const wrapper = mount(PlanPage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

describe('PlanPage', () => {
  beforeEach(() => localStorage.clear());

  it('offers 続きから to the module last opened, only once the learner has opened one', async () => {
    expect((await open()).find('[data-testid="resume-learning"]').exists()).toBe(false);
    const resumed = makeMyAssignment({ resume: { moduleId: 'manners', position: 0.3, at: '2025-04-03T00:00:00Z' } });
    const link = (await open(makePlan(), 'ja', [resumed])).find('[data-testid="resume-learning-link"]');
    expect(link.text()).toBe('続きから: ビジネスマナー');
    expect(link.attributes('href')).toBe('/me/assignments/pkg1/manners');
  });

  it('shows this week first with its items and minutes against the budget, then later weeks that have work', async () => {
    const wrapper = await open();

    const weeks = wrapper.findAll('[data-testid="plan-week"]');
    // The empty third week is left out; this week is always shown.
    expect(weeks.map((w) => w.attributes('data-week-start'))).toEqual(['2025-04-07', '2025-04-14']);
    expect(weeks[0]!.find('h2').text()).toContain('今週');
    expect(weeks[1]!.find('h2').text()).toContain('来週');
    expect(weeks[0]!.findAll('[data-testid="plan-item"]').map((i) => i.attributes('data-module-id'))).toEqual(['manners', 'manners-quiz']);
    expect(weeks[0]!.find('[data-testid="plan-week-minutes"]').text()).toBe('60 分のうち 30 分');
    const bar = weeks[0]!.find('[data-testid="plan-week-bar"]');
    expect(bar.attributes('role')).toBe('meter');
    expect(bar.attributes('aria-valuenow')).toBe('30');
    expect(bar.attributes('aria-valuemax')).toBe('60');
    expect(wrapper.find('[data-testid="plan-budget"]').text()).toContain('60 分');

    // A lesson opens its reader; other assigned work the assignments page.
    const [lesson, quiz] = weeks[0]!.findAll('[data-testid="plan-item"]');
    expect(lesson!.find('a').attributes('href')).toBe('/me/assignments/pkg1/manners');
    expect(quiz!.find('a').attributes('href')).toBe('/me/assignments');
  });

  it('highlights late work, right after this week, with why it is late', async () => {
    const wrapper = await open();

    const late = wrapper.findAll('[data-testid="plan-late"]');
    expect(late).toHaveLength(1);
    expect(late[0]!.attributes('data-module-id')).toBe('manners');
    expect(late[0]!.attributes('data-reason')).toBe('overdue');
    expect(late[0]!.text()).toContain('ビジネスマナー');
    expect(late[0]!.text()).toContain('期限切れ');
    expect(wrapper.find('[data-testid="plan-late-section"] h2').text()).toContain('1 件');

    // The same item is marked in its week.
    const item = wrapper.find('[data-testid="plan-item"][data-module-id="manners"]');
    expect(item.attributes('data-late')).toBe('true');
    expect(item.classes()).toContain('plan-item--late');
    expect(wrapper.find('[data-testid="plan-item"][data-module-id="manners-quiz"]').attributes('data-late')).toBeUndefined();

    // Order on the page: this week, late, then the next week.
    const html = wrapper.html();
    const order = ['data-week-start="2025-04-07"', 'data-testid="plan-late-section"', 'data-week-start="2025-04-14"'].map((s) =>
      html.indexOf(s),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('works out why an item is late when the API leaves the reason out', async () => {
    const plan = makePlan();
    plan.late = [
      { ...plan.late[0]!, reason: null, dueDate: '2000-01-01' },
      { ...plan.late[0]!, id: 'pkg1:manners-quiz', moduleId: 'manners-quiz', reason: null, dueDate: '2999-01-01' },
    ];
    plan.unscheduled = [
      { id: 'cat1:long', moduleId: 'long', title: { ja: '長い研修' }, reason: 'too_long' },
      {
        id: 'cat1:more',
        moduleId: 'more',
        title: { ja: '追加の研修' },
        reason: { ja: '論理的思考のギャップ', en: 'Logical thinking gap' },
      },
    ];
    const wrapper = await open(plan);
    expect(wrapper.findAll('[data-testid="plan-late"]').map((l) => l.attributes('data-reason'))).toEqual(['overdue', 'over_budget']);
    const unscheduled = wrapper.find('[data-testid="plan-unscheduled"]').text();
    expect(unscheduled).toContain('1週間の学習時間より長いため');
    expect(unscheduled).toContain('論理的思考のギャップ');
    expect(unscheduled).not.toContain('object');
  });

  it('explains each recommendation in the current language', async () => {
    const ja = await open();
    const rec = ja.find('[data-testid="plan-recommendation"]');
    expect(rec.attributes('data-module-id')).toBe('logic');
    expect(rec.text()).toContain('ロジカルシンキング入門');
    expect(rec.find('[data-testid="plan-reason"]').text()).toContain('論理的思考のギャップが2あります');
    // A recommended item in a week carries its reason too.
    expect(ja.find('[data-testid="plan-item"][data-module-id="logic"] [data-testid="plan-item-reason"]').text()).toContain('論理的思考');

    const en = await open(makePlan(), 'en');
    expect(en.find('[data-testid="plan-reason"]').text()).toContain('You are 2 short in logical thinking');
    expect(en.find('[data-testid="plan-week"] h2').text()).toContain('This week');
  });

  it('says so when nothing is planned', async () => {
    const wrapper = await open(
      makePlan({ weeks: [{ weekStart: '2025-04-07', capacity: 60, minutes: 0, items: [] }], late: [], recommendations: [] }),
    );
    expect(wrapper.find('[data-testid="plan-empty"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="plan-late-section"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="plan-recommendations"]').exists()).toBe(false);
  });
});
