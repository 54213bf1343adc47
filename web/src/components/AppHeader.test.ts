import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../api/types';
import { fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { setupApp } from '../testing/setup';
import AppHeader from './AppHeader.vue';

async function navFor(role: Role) {
  const { plugins } = await setupApp({
    path: '/assessments',
    fetch: fakeApi({ 'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role }) }) }),
  });
  const wrapper = mount(AppHeader, { global: { plugins: [...plugins] } });
  await flushPromises();
  return Object.fromEntries(wrapper.findAll('.app-nav__link').map((link) => [link.attributes('data-testid'), link.attributes('href')]));
}

describe('AppHeader navigation', () => {
  beforeEach(() => localStorage.clear());

  it('gives HR admins question banks and assessments, and their own assessments to take', async () => {
    expect(await navFor('tenant_admin')).toMatchObject({
      'nav-banks': '/admin/banks',
      'nav-assessments-admin': '/admin/assessments',
      'nav-assessments': '/assessments',
    });
  });

  it('gives HR admins the skill map and their own skills', async () => {
    expect(await navFor('tenant_admin')).toMatchObject({ 'nav-skill-map': '/admin/skills', 'nav-my-skills': '/me/skills' });
  });

  it('gives HR admins packages and the team', async () => {
    expect(await navFor('tenant_admin')).toMatchObject({ 'nav-packages': '/admin/packages', 'nav-team': '/team' });
  });

  it('gives every other role their plan, assignments, assessments to take, goals and their own skills', async () => {
    const nav = await navFor('learner');
    expect(nav).toEqual({
      'nav-home': '/me',
      'nav-plan': '/me/plan',
      'nav-assignments': '/me/assignments',
      'nav-assessments': '/assessments',
      'nav-goals': '/me/goals',
      'nav-my-skills': '/me/skills',
    });
  });

  it("gives managers their department's skill map and team", async () => {
    expect(await navFor('manager')).toEqual({
      'nav-home': '/me',
      'nav-plan': '/me/plan',
      'nav-assignments': '/me/assignments',
      'nav-assessments': '/assessments',
      'nav-goals': '/me/goals',
      'nav-my-skills': '/me/skills',
      'nav-skill-map': '/admin/skills',
      'nav-team': '/team',
    });
  });
});
