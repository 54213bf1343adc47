import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckIn, Role } from '../api/types';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../testing/fakeApi';
import { makeFrameworkDocument, makeGoal, makeMyAssignment, makeProgress, makeStanding, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import CheckInsPage from './CheckInsPage.vue';
import TeamMemberPage from './TeamMemberPage.vue';

function checkIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: 'c1',
    userId: 'u2',
    hostId: 'm1',
    dueDate: '2025-04-14',
    reflection: null,
    comment: null,
    status: 'scheduled',
    ...overrides,
  };
}

async function openMember(routes: Record<string, FakeHandler> = {}, role: Role = 'manager') {
  const app = await setupApp({
    path: '/team/u2',
    fetch: fakeApi({
      'POST /api/auth/refresh': () =>
        json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'm1', role, departmentId: 'd1' }) }),
      'GET /api/users/u2/skills': () =>
        json(200, {
          user: { id: 'u2', name: '佐藤 美咲', departmentName: '営業部', level: 'new_hire' },
          level: 'new_hire',
          skills: [makeStanding()],
        }),
      'GET /api/goals': () => json(200, { items: [makeGoal(), makeGoal({ id: 'g2', status: 'in_progress', baseline: 1, progress: 50 })] }),
      'GET /api/users/u2/checkins': () =>
        json(200, { items: [checkIn({ reflection: { text: '報告が遅れがちだった', at: '2025-04-13T00:00:00Z' } })] }),
      'GET /api/skills/framework': () => json(200, makeFrameworkDocument()),
      'GET /api/assessments': () => json(200, { items: [] }),
      // The kickoff session is already recorded; the OJT task still needs signing off.
      'GET /api/users/u2/assignments': () =>
        json(200, { items: [makeMyAssignment({ userId: 'u2', progress: makeProgress({ manners: true, kickoff: true }) })] }),
      ...routes,
    }),
  });
  const wrapper = mount(TeamMemberPage, { props: { userId: 'u2' }, global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

describe('TeamMemberPage', () => {
  beforeEach(() => localStorage.clear());

  it("shows the member's goals with agree and evaluate for the manager", async () => {
    const evaluate = vi.fn(() => json(200, makeGoal({ id: 'g2', status: 'achieved', baseline: 1, progress: 100, current: 3 })));
    const wrapper = await openMember({ 'POST /api/goals/g2/evaluate': evaluate });

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('佐藤 美咲 さんのフォローアップ');
    expect(wrapper.find('[data-testid="team-member-skills"]').text()).toBe('1 スキルで不足');
    const [draft, active] = wrapper.findAll('[data-testid="goal-row"]');
    expect(draft!.find('[data-testid="goal-agree"]').exists()).toBe(true);
    expect(active!.find('[data-testid="goal-evaluate"]').exists()).toBe(true);

    await active!.find('[data-testid="goal-evaluate"]').trigger('click');
    await settle();
    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="goal-row"][data-goal-id="g2"]').attributes('data-status')).toBe('achieved');
    // Only HR chooses mentors.
    expect(wrapper.find('[data-testid="member-mentor"]').exists()).toBe(false);
  });

  it("lets the manager sign off the member's OJT tasks that are not done yet", async () => {
    const signoff = vi.fn(() =>
      json(200, makeMyAssignment({ userId: 'u2', progress: makeProgress({ manners: true, kickoff: true, 'ojt-call': true }) })),
    );
    const wrapper = await openMember({ 'POST /api/users/u2/assignments/pkg1/modules/ojt-call/signoff': signoff });

    const section = wrapper.find('[data-testid="member-signoff"]');
    const rows = section.findAll('[data-testid="signoff-row"]');
    expect(rows.map((r) => r.attributes('data-module-id'))).toEqual(['ojt-call']);
    expect(rows[0]!.text()).toContain('電話応対の実践');
    expect(rows[0]!.text()).toContain('新入社員研修');
    expect(rows[0]!.find('[data-testid="signoff-submit"]').text()).toBe('OJTを承認');

    await rows[0]!.find('[data-testid="signoff-submit"]').trigger('click');
    await settle();

    expect(signoff).toHaveBeenCalledTimes(1);
    const row = wrapper.find('[data-testid="signoff-row"][data-module-id="ojt-call"]');
    expect(row.find('[data-testid="signoff-submit"]').exists()).toBe(false);
    expect(row.text()).toContain('完了');
  });

  it('shows the current mentor, and no sign-off list to a mentor from another department', async () => {
    const wrapper = await openMember(
      {
        'GET /api/users/u2/skills': () => apiError(404, 'not_found', 'User not found'),
        'GET /api/me/mentees': () => json(200, { items: [{ id: 'u2', name: '佐藤 美咲', level: 'new_hire', departmentId: 'd2' }] }),
        'GET /api/users/u2/mentor': () => json(200, { learnerId: 'u2', mentor: { id: 'm1', name: '山田 花子' } }),
        'GET /api/users/u2/assignments': () => apiError(404, 'not_found', 'User not found'),
      },
      'manager',
    );

    expect(wrapper.find('[data-testid="member-mentor-current"]').text()).toBe('山田 花子');
    expect(wrapper.find('[data-testid="member-signoff"]').exists()).toBe(false);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('schedules a series of check-ins', async () => {
    let sent: FakeRequest | null = null;
    const wrapper = await openMember({
      'POST /api/users/u2/checkins': (request) => {
        sent = request;
        return json(201, { items: [checkIn({ id: 'c2', dueDate: '2025-05-01' }), checkIn({ id: 'c3', dueDate: '2025-05-15' })] });
      },
    });

    await wrapper.find('[data-testid="checkin-first-date"]').setValue('2025-05-01');
    await wrapper.find('[data-testid="checkin-count"]').setValue('2');
    await wrapper.find('[data-testid="checkin-schedule"]').trigger('submit');
    await settle();
    expect(sent).toBeNull();
    expect(wrapper.find('#checkin-every-error').text()).toBe('2回以上の場合は間隔を入力してください。');

    await wrapper.find('[data-testid="checkin-every"]').setValue('2');
    await wrapper.find('[data-testid="checkin-schedule-form"]').trigger('submit');
    await settle();
    expect(sent!.body).toEqual({ firstDate: '2025-05-01', everyWeeks: 2, count: 2 });
    expect(wrapper.findAll('[data-testid="checkin-row"]').map((r) => r.attributes('data-checkin-id'))).toEqual(['c1', 'c2', 'c3']);
  });

  it("comments on a check-in, next to the learner's reflection", async () => {
    let sent: FakeRequest | null = null;
    const wrapper = await openMember({
      'POST /api/checkins/c1/comment': (request) => {
        sent = request;
        return json(200, checkIn({ comment: { text: '朝会で共有しよう', at: '2025-04-14T01:00:00Z', by: 'm1' }, status: 'done' }));
      },
    });

    const row = wrapper.find('[data-testid="checkin-row"]');
    expect(row.find('[data-testid="checkin-reflection-text"]').text()).toContain('報告が遅れがちだった');
    await row.find('[data-testid="checkin-comment"]').setValue('朝会で共有しよう');
    await row.find('[data-testid="checkin-comment-submit"]').trigger('submit');
    await settle();

    expect(sent!.body).toEqual({ text: '朝会で共有しよう' });
    const updated = wrapper.find('[data-testid="checkin-row"]');
    expect(updated.attributes('data-status')).toBe('done');
    expect(updated.find('[data-testid="checkin-comment-text"]').text()).toContain('朝会で共有しよう');
    expect(updated.find('[data-testid="checkin-comment"]').exists()).toBe(false);
  });
});

describe('TeamMemberPage (HR)', () => {
  beforeEach(() => localStorage.clear());

  it('preselects the current mentor, changes it and signs off from the member’s assignments', async () => {
    let mentor: FakeRequest | null = null;
    const signoff = vi.fn(() => json(200, makeMyAssignment({ userId: 'u2', progress: makeProgress({ 'ojt-call': true }) })));
    const wrapper = await openMember(
      {
        'GET /api/users': () =>
          json(200, {
            items: [
              makeUser({ id: 'u2', name: '佐藤 美咲' }),
              makeUser({ id: 'u5', name: '伊藤 直子' }),
              makeUser({ id: 'u6', name: '高橋 健' }),
            ],
            nextCursor: null,
          }),
        'GET /api/users/u2/mentor': () => json(200, { learnerId: 'u2', mentor: { id: 'u5', name: '伊藤 直子' } }),
        'PUT /api/users/u2/mentor': (request) => {
          mentor = request;
          return json(200, { learnerId: 'u2', mentorId: 'u6' });
        },
        'GET /api/users/u2/assignments': () => json(200, { items: [makeMyAssignment({ userId: 'u2' })] }),
        'POST /api/users/u2/assignments/pkg1/modules/ojt-call/signoff': signoff,
      },
      'tenant_admin',
    );

    expect(wrapper.find('[data-testid="member-mentor-current"]').text()).toBe('伊藤 直子');
    // Nobody mentors themselves.
    const select = wrapper.find('[data-testid="mentor-select"]');
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual(['', 'u5', 'u6']);
    expect((select.element as HTMLSelectElement).value).toBe('u5');
    await select.setValue('u6');
    await wrapper.find('[data-testid="mentor-save"]').trigger('submit');
    await settle();
    expect(mentor!.body).toEqual({ mentorId: 'u6' });
    expect(wrapper.find('[data-testid="member-mentor-current"]').text()).toBe('高橋 健');

    const rows = wrapper.findAll('[data-testid="signoff-row"]');
    expect(rows.map((r) => r.attributes('data-module-id'))).toEqual(['ojt-call', 'kickoff']);
    expect(rows[1]!.find('[data-testid="signoff-submit"]').text()).toBe('出席を記録');
    await rows[0]!.find('[data-testid="signoff-submit"]').trigger('click');
    await settle();
    expect(signoff).toHaveBeenCalledTimes(1);
    expect(wrapper.find('[data-testid="signoff-row"][data-module-id="ojt-call"] [data-testid="signoff-submit"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="signoff-row"][data-module-id="kickoff"] [data-testid="signoff-submit"]').exists()).toBe(true);
  });
});

describe('CheckInsPage', () => {
  beforeEach(() => localStorage.clear());

  it('lets the learner write a reflection for a scheduled check-in', async () => {
    let sent: FakeRequest | null = null;
    const app = await setupApp({
      path: '/me/checkins',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'u2', role: 'learner' }) }),
        'GET /api/users/u2/checkins': () =>
          json(200, {
            items: [
              checkIn(),
              checkIn({ id: 'c0', dueDate: '2025-03-31', status: 'done', reflection: { text: '前回', at: '2025-03-30T00:00:00Z' } }),
            ],
          }),
        'POST /api/checkins/c1/reflection': (request) => {
          sent = request;
          return json(200, checkIn({ reflection: { text: '報告を早めにした', at: '2025-04-13T00:00:00Z' } }));
        },
      }),
    });
    const wrapper = mount(CheckInsPage, { global: { plugins: [...app.plugins] } });
    await settle();
    await flushPromises();

    const upcoming = wrapper.find('[data-testid="checkins-upcoming"]');
    expect(upcoming.findAll('[data-testid="checkin-row"]').map((r) => r.attributes('data-checkin-id'))).toEqual(['c1']);
    expect(wrapper.find('[data-testid="checkins-done"] [data-testid="checkin-reflection"]').exists()).toBe(false);

    await upcoming.find('[data-testid="checkin-reflection-submit"]').trigger('submit');
    await settle();
    expect(sent).toBeNull();
    expect(upcoming.find('[data-testid="field-error"]').text()).toBe('入力してください。');

    await upcoming.find('[data-testid="checkin-reflection"]').setValue('報告を早めにした');
    await upcoming.find('[data-testid="checkin-reflection-submit"]').trigger('submit');
    await settle();
    expect(sent!.body).toEqual({ text: '報告を早めにした' });
    expect(wrapper.find('[data-testid="checkins-upcoming"] [data-testid="checkin-reflection-text"]').text()).toContain('報告を早めにした');
    expect(wrapper.find('[data-testid="checkins-upcoming"] [data-testid="checkin-reflection"]').exists()).toBe(false);
  });
});
