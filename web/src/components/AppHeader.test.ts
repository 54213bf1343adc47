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

  it('gives HR admins the goals overview', async () => {
    expect(await navFor('tenant_admin')).toMatchObject({ 'nav-goals-overview': '/admin/goals' });
    expect(await navFor('tenant_admin')).toMatchObject({ 'nav-reports': '/admin/reports' });
    expect(await navFor('manager')).not.toHaveProperty('nav-goals-overview');
  });

  it('keeps "Reports" marked on every report page', async () => {
    const { plugins, router } = await setupApp({
      path: '/admin/reports/overview',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'manager' }) }),
      }),
    });
    const wrapper = mount(AppHeader, { global: { plugins: [...plugins] } });
    await flushPromises();
    const reports = () => wrapper.find('[data-testid="nav-reports"]');
    expect(reports().attributes('href')).toBe('/admin/reports');
    expect(reports().classes()).toContain('is-active');
    await router.push('/admin/reports/skill-gaps');
    await flushPromises();
    expect(reports().classes()).toContain('is-active');
    await router.push('/admin/reports');
    await flushPromises();
    expect(reports().classes()).toContain('is-active');
    await router.push('/team');
    await flushPromises();
    expect(reports().classes()).not.toContain('is-active');
  });

  it('gives HR admins the skill framework, and their own learning grouped in one menu', async () => {
    const { plugins, router } = await setupApp({
      path: '/admin/users',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) }),
      }),
    });
    const wrapper = mount(AppHeader, { global: { plugins: [...plugins] } });
    await flushPromises();

    expect(wrapper.find('[data-testid="nav-framework"]').attributes('href')).toBe('/admin/framework');
    const group = wrapper.find('details.app-nav__group');
    expect(group.find('summary').text()).toContain('マイ学習');
    expect(
      Object.fromEntries(
        group.findAll('.app-nav__menu .app-nav__link').map((link) => [link.attributes('data-testid'), link.attributes('href')]),
      ),
    ).toEqual({
      'nav-plan': '/me/plan',
      'nav-assignments': '/me/assignments',
      'nav-goals': '/me/goals',
      'nav-assessments': '/assessments',
      'nav-my-skills': '/me/skills',
    });
    // The admin links stay at the top level.
    expect(wrapper.findAll('.app-nav__list > li > .app-nav__link').map((link) => link.attributes('data-testid'))).not.toContain('nav-plan');

    // Marked as the current section on one of its pages, and closed after navigating.
    (group.element as HTMLDetailsElement).open = true;
    await group.trigger('toggle');
    await router.push('/me/goals');
    await flushPromises();
    expect(wrapper.find('[data-testid="nav-my-learning"]').classes()).toContain('is-active');
    expect((wrapper.find('details.app-nav__group').element as HTMLDetailsElement).open).toBe(false);
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
      'nav-reports': '/admin/reports',
    });
  });

  it('gives vendor admins their client companies, usage, branding and content, and nothing of a company', async () => {
    expect(await navFor('vendor_admin')).toEqual({
      'nav-vendor-tenants': '/vendor/tenants',
      'nav-vendor-usage': '/vendor/usage',
      'nav-vendor-branding': '/vendor/branding',
      'nav-vendor-content': undefined, // the menu's summary
      'nav-vendor-banks': '/admin/banks',
      'nav-vendor-packages': '/admin/packages',
    });
  });

  it('groups a vendor admin’s question banks and packages in a "Content" menu, marked on their pages', async () => {
    const { plugins, router } = await setupApp({
      path: '/vendor/tenants',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'vendor_admin' }) }),
      }),
    });
    const wrapper = mount(AppHeader, { global: { plugins: [...plugins] } });
    await flushPromises();

    const menu = wrapper.find('details[data-menu="content"]');
    expect(menu.find('summary').text()).toContain('コンテンツ');
    expect(menu.findAll('.app-nav__menu .app-nav__link').map((link) => [link.attributes('data-testid'), link.text()])).toEqual([
      ['nav-vendor-banks', '問題バンク'],
      ['nav-vendor-packages', '研修パッケージ'],
    ]);
    const content = () => wrapper.find('[data-testid="nav-vendor-content"]');
    expect(content().classes()).not.toContain('is-active');
    for (const path of ['/admin/banks/b1', '/admin/questions/q1', '/admin/catalog/packages/p1', '/admin/packages']) {
      await router.push(path);
      await flushPromises();
      expect(content().classes(), path).toContain('is-active');
    }
    // HR keeps its own top-level links and has no such menu.
    expect(await navFor('tenant_admin')).not.toHaveProperty('nav-vendor-content');
  });

  it('gives platform admins the vendors and their usage', async () => {
    expect(await navFor('platform_admin')).toEqual({
      'nav-platform-vendors': '/platform/vendors',
      'nav-platform-usage': '/platform/usage',
    });
  });

  it("gives HR admins the company's brand and support access in a settings menu", async () => {
    const { plugins, router } = await setupApp({
      path: '/admin/users',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) }),
      }),
    });
    const wrapper = mount(AppHeader, { global: { plugins: [...plugins] }, attachTo: document.body });
    await flushPromises();

    const settings = () => wrapper.find('details[data-menu="settings"]');
    expect(settings().find('summary').text()).toContain('設定');
    expect(
      Object.fromEntries(
        settings()
          .findAll('.app-nav__menu .app-nav__link')
          .map((link) => [link.attributes('data-testid'), link.attributes('href')]),
      ),
    ).toEqual({
      'nav-company-branding': '/admin/branding',
      'nav-certificate-template': '/admin/certificate-template',
      'nav-support-access': '/admin/support-access',
    });
    expect(wrapper.find('[data-testid="nav-settings"]').classes()).not.toContain('is-active');

    // One menu open at a time; a click elsewhere closes it.
    (settings().element as HTMLDetailsElement).open = true;
    await settings().trigger('toggle');
    expect((settings().element as HTMLDetailsElement).open).toBe(true);
    document.body.click();
    await flushPromises();
    expect((settings().element as HTMLDetailsElement).open).toBe(false);

    await router.push('/admin/support-access');
    await flushPromises();
    expect(wrapper.find('[data-testid="nav-settings"]').classes()).toContain('is-active');
    expect(wrapper.find('[data-testid="nav-my-learning"]').classes()).not.toContain('is-active');
    wrapper.unmount();
  });

  it('gives managers and learners no company settings', async () => {
    expect(await navFor('manager')).not.toHaveProperty('nav-company-branding');
    expect(await navFor('learner')).not.toHaveProperty('nav-support-access');
  });

  it('keeps "Client companies" marked on a company\'s page', async () => {
    const { plugins } = await setupApp({
      path: '/vendor/tenants/t1',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'vendor_admin' }) }),
      }),
    });
    const wrapper = mount(AppHeader, { global: { plugins: [...plugins] } });
    await flushPromises();
    expect(wrapper.find('[data-testid="nav-vendor-tenants"]').classes()).toContain('is-active');
    expect(wrapper.find('[data-testid="nav-vendor-branding"]').classes()).not.toContain('is-active');
    expect(wrapper.find('[data-testid="nav-inbox"]').exists()).toBe(false);
  });
});
