import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeGoal, makeSkillMap, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import TeamPage from './TeamPage.vue';

async function open(routes: Record<string, FakeHandler> = {}) {
  const app = await setupApp({
    path: '/team',
    fetch: fakeApi({
      'POST /api/auth/refresh': () =>
        json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ id: 'm1', role: 'manager', departmentId: 'd1' }) }),
      'GET /api/skills/map': () => json(200, makeSkillMap()),
      'GET /api/me/mentees': () => json(200, { items: [{ id: 'u7', name: '高橋 健', level: 'junior', departmentId: 'd3' }] }),
      'GET /api/goals': ({ query }) =>
        json(200, {
          items:
            query.get('userId') === 'u2'
              ? [makeGoal({ id: 'g1' }), makeGoal({ id: 'g2', title: '電話応対', status: 'in_progress', baseline: 1, progress: 50 })]
              : [],
        }),
      ...routes,
    }),
  });
  const wrapper = mount(TeamPage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

const member = (wrapper: Awaited<ReturnType<typeof open>>, id: string) => wrapper.find(`[data-testid="team-member"][data-user-id="${id}"]`);

describe('TeamPage', () => {
  beforeEach(() => localStorage.clear());

  it('lists the members with their gaps and my mentees', async () => {
    const wrapper = await open();

    expect(wrapper.findAll('[data-testid="team-member"]').map((m) => m.attributes('data-user-id'))).toEqual(['u2', 'u3', 'u7']);
    expect(member(wrapper, 'u2').find('[data-testid="team-member-gaps"]').text()).toContain('1 スキルで不足（合計 2）');
    expect(member(wrapper, 'u2').find('[data-testid="team-member-skills"]').attributes('href')).toBe('/admin/users/u2/skills');
    expect(member(wrapper, 'u2').find('[data-testid="team-member-link"]').attributes('href')).toBe('/team/u2');
    expect(member(wrapper, 'u3').find('[data-testid="team-member-gaps"]').text()).toContain('3 スキルで不足（合計 7）');
    expect(member(wrapper, 'u7').text()).toContain('メンティー');
    expect(member(wrapper, 'u7').find('[data-testid="team-member-skills"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="team-pending-count"]').text()).toBe('合意待ちの目標 1 件');
  });

  it('agrees to a draft goal and moves it out of the waiting list', async () => {
    const agree = vi.fn(() => json(200, makeGoal({ id: 'g1', status: 'agreed', baseline: 2, agreedBy: 'm1', progress: 0 })));
    const wrapper = await open({ 'POST /api/goals/g1/agree': agree });

    const waiting = member(wrapper, 'u2').findAll('[data-testid="team-goal"]');
    expect(waiting.map((g) => g.attributes('data-goal-id'))).toEqual(['g1']);
    expect(member(wrapper, 'u2').text()).toContain('合意済み・取り組み中の目標 1 件');

    await waiting[0]!.find('[data-testid="goal-agree"]').trigger('click');
    await settle();

    expect(agree).toHaveBeenCalledTimes(1);
    expect(member(wrapper, 'u2').findAll('[data-testid="team-goal"]')).toHaveLength(0);
    expect(member(wrapper, 'u2').text()).toContain('合意済み・取り組み中の目標 2 件');
    expect(wrapper.find('[data-testid="team-pending-count"]').text()).toBe('合意待ちの目標 0 件');
  });

  it('shows why an agreement was refused and keeps the goal waiting', async () => {
    const wrapper = await open({
      'POST /api/goals/g1/agree': () => apiError(409, 'past_due', '期限を過ぎた目標には合意できません。期限を見直してください'),
    });

    await member(wrapper, 'u2').find('[data-testid="goal-agree"]').trigger('click');
    await settle();

    expect(wrapper.find('[data-testid="error-alert"]').text()).toContain('期限を過ぎた目標には合意できません');
    expect(member(wrapper, 'u2').findAll('[data-testid="team-goal"]')).toHaveLength(1);
  });
});
