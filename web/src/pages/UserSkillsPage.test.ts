import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role, UserSkills } from '../api/types';
import { fakeApi, json, type FakeRequest } from '../testing/fakeApi';
import { makeFrameworkDocument, makeStanding, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import UserSkillsPage from './UserSkillsPage.vue';

function userSkills(overrides: Partial<UserSkills> = {}): UserSkills {
  return {
    user: { id: 'u2', name: '佐藤 美咲', departmentName: '営業部', level: 'new_hire' },
    level: 'new_hire',
    skills: [makeStanding()],
    ...overrides,
  };
}

async function open(options: { data?: UserSkills; role?: Role } = {}) {
  const posts: FakeRequest[] = [];
  const { plugins } = await setupApp({
    path: '/admin/users/u2/skills',
    fetch: fakeApi({
      'POST /api/auth/refresh': () =>
        json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: options.role ?? 'manager' }) }),
      'GET /api/users/u2/skills': () => json(200, options.data ?? userSkills()),
      'GET /api/skills/framework': () => json(200, makeFrameworkDocument()),
      'POST /api/users/u2/ratings': (request) => {
        posts.push(request);
        return json(
          201,
          makeStanding({
            current: 4,
            gap: 0,
            source: 'manager_rating',
            date: '2025-06-02',
            explanation: { ja: '習熟度 4：2025-06-02 の上長評価による。', en: 'Proficiency 4: manager rating of 2025-06-02.' },
          }),
        );
      },
    }),
  });
  const wrapper = mount(UserSkillsPage, { props: { id: 'u2' }, global: { plugins: [...plugins] } });
  await settle();
  await flushPromises();
  return { wrapper, posts };
}

describe('UserSkillsPage', () => {
  beforeEach(() => localStorage.clear());

  it("shows the person's standing and saves a manager rating that updates the row", async () => {
    const { wrapper, posts } = await open();

    expect(wrapper.find('[data-testid="page-heading"]').text()).toBe('佐藤 美咲 さんのスキル');
    expect(wrapper.find('[data-testid="user-skills-facts"]').text()).toContain('営業部');
    expect(wrapper.find('[data-testid="user-skills-facts"]').text()).toContain('新入社員');
    expect(wrapper.find('[data-testid="rating-form"]').text()).toContain('上長評価として記録されます');

    await wrapper.find('[data-testid="rating-skill"]').setValue('business-basics');
    await wrapper.find('[data-testid="rating-value"]').setValue('4');
    expect(wrapper.find('[data-testid="rating-descriptor"]').text()).toContain('ビジネス基礎の習熟度4の目安');
    await wrapper.find('[data-testid="rating-date"]').setValue('2025-06-02');
    await wrapper.find('form').trigger('submit');
    await settle();
    await flushPromises();

    expect(posts[0]!.body).toEqual({ skillId: 'business-basics', value: 4, date: '2025-06-02' });
    const row = wrapper.find('[data-testid="my-skill-row"][data-skill-id="business-basics"]');
    expect(row.find('[data-testid="my-skill-current"]').text()).toBe('4');
    expect(row.find('[data-testid="my-skill-gap"]').attributes('data-gap')).toBe('0');
    expect(row.find('[data-testid="my-skill-source"]').text()).toBe('上長評価');
    expect(row.find('[data-testid="my-skill-explanation"]').text()).toContain('上長評価による');
  });

  it('sends HR to the user form when the person has no level', async () => {
    const { wrapper } = await open({
      role: 'tenant_admin',
      data: userSkills({ level: null, skills: [], user: { id: 'u2', name: '佐藤 美咲', departmentName: null, level: null } }),
    });
    const note = wrapper.find('[data-testid="user-skills-no-level"]');
    expect(note.text()).toContain('階層が設定されていない');
    expect(note.find('a').attributes('href')).toBe('/admin/users/u2');
    expect(wrapper.find('[data-testid="user-skills-facts"]').text()).toContain('未所属');
  });
});
