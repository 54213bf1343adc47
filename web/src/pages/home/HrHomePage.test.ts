import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HrHome } from '../../api/home';
import { apiError, fakeApi, json } from '../../testing/fakeApi';
import { makeUser } from '../../testing/fixtures';
import { settle, setupApp } from '../../testing/setup';
import HrHomePage from './HrHomePage.vue';

const STEPS = ['importPeople', 'reviewFramework', 'assignPackages', 'publishTest', 'firstResults'] as const;

function home(done: number, hasData: boolean): HrHome {
  return {
    checklist: { steps: STEPS.map((id, i) => ({ id, done: i < done })), done, total: 5 },
    hasData,
    kpis: {
      completion: { assigned: 10, completed: 4, completedOnTime: 3, onTimeRate: 0.75, completionRate: 0.4, overdue: 2 },
      overdueByDepartment: [
        { departmentId: 'd1', name: '営業部', assigned: 6, overdue: 2 },
        { departmentId: null, name: null, assigned: 1, overdue: 1 },
      ],
      passRate: {
        count: 8,
        passRate: 0.5,
        thisWeek: { week: '2026-12-07', count: 2, passRate: 1 },
        lastWeek: { week: '2026-11-30', count: 6, passRate: 1 / 3 },
      },
      skillGaps: {
        people: 5,
        requirements: 20,
        met: 15,
        open: 5,
        metRate: 0.75,
        thisWeek: { week: '2026-12-07', closed: 3, opened: 1 },
        lastWeek: { week: '2026-11-30', closed: 0, opened: 0 },
      },
      activeLearners: { month: '2026-12', count: 7, previousMonth: '2026-11', previous: 5 },
    },
  };
}

async function open(answer: () => Response) {
  const user = makeUser({ role: 'tenant_admin' });
  const app = await setupApp({
    path: '/admin/home',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user }),
      'GET /api/admin/home': answer,
    }),
  });
  const wrapper = mount(HrHomePage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

describe("HR's home", () => {
  beforeEach(() => localStorage.clear());

  it('shows a new company the checklist at 0/5 and no figures yet', async () => {
    const wrapper = await open(() => json(200, home(0, false)));
    expect(wrapper.find('[data-testid="onboarding-progress"]').text()).toBe('0/5 完了');
    expect(wrapper.findAll('[data-done="false"]')).toHaveLength(5);
    expect(wrapper.find('[data-testid="hr-home-no-data"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="onboarding-dismiss"]').exists()).toBe(false);
  });

  it('shows the steps left above the figures, each figure with its report', async () => {
    const wrapper = await open(() => json(200, home(3, true)));
    expect(wrapper.find('[data-testid="onboarding-progress"]').text()).toBe('3/5 完了');
    expect(wrapper.find('[data-testid="kpi-on-time-value"]').text()).toBe('75%');
    expect(wrapper.find('[data-testid="kpi-overdue-rows"]').text()).toContain('営業部');
    expect(wrapper.find('[data-testid="kpi-overdue-rows"]').text()).toContain('部署なし');
    expect(wrapper.find('[data-testid="kpi-pass-rate-value"]').text()).toBe('50%');
    expect(wrapper.find('[data-testid="kpi-skill-gaps-week"]').text()).toBe('今週 解消 3 件・新たなギャップ 1 件');
    expect(wrapper.find('[data-testid="kpi-active-learners-value"]').text()).toBe('7 人');
    expect(wrapper.find('[data-testid="kpi-skill-gaps-link"]').attributes('href')).toBe('/admin/reports/skill-gaps');
    const html = wrapper.html();
    expect(html.indexOf('onboarding-checklist')).toBeLessThan(html.indexOf('hr-home-kpis'));
  });

  it('lets HR dismiss the checklist only once complete, and remembers it', async () => {
    const wrapper = await open(() => json(200, home(5, true)));
    await wrapper.find('[data-testid="onboarding-dismiss"]').trigger('click');
    expect(wrapper.find('[data-testid="onboarding-checklist"]').exists()).toBe(false);
    const again = await open(() => json(200, home(5, true)));
    expect(again.find('[data-testid="onboarding-checklist"]').exists()).toBe(false);
    // A step undone again (e.g. every package unassigned) brings the checklist back.
    const reopened = await open(() => json(200, home(4, true)));
    expect(reopened.find('[data-testid="onboarding-checklist"]').exists()).toBe(true);
  });

  it('says what went wrong when the home cannot be read', async () => {
    const wrapper = await open(() => apiError(500, 'internal', 'boom'));
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="onboarding-checklist"]').exists()).toBe(false);
  });
});
