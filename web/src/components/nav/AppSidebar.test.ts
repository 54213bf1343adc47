import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../api/types';
import { useNavMenu } from '../../composables/useNavMenu';
import { fakeApi, json } from '../../testing/fakeApi';
import { makeUser } from '../../testing/fixtures';
import { setupApp } from '../../testing/setup';
import AppHeader from '../AppHeader.vue';
import AppSidebar from './AppSidebar.vue';

async function mountAs(role: Role, path = '/assessments') {
  const { plugins, router } = await setupApp({
    path,
    fetch: fakeApi({ 'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role }) }) }),
  });
  const sidebar = mount(AppSidebar, { global: { plugins: [...plugins] }, attachTo: document.body });
  const header = mount(AppHeader, { global: { plugins: [...plugins] }, attachTo: document.body });
  await flushPromises();
  return { sidebar, header, router };
}

async function navFor(role: Role) {
  const { sidebar, header } = await mountAs(role);
  const links = Object.fromEntries(
    sidebar.findAll('.app-nav__link').map((link) => [link.attributes('data-testid'), link.attributes('href')]),
  );
  sidebar.unmount();
  header.unmount();
  return links;
}

async function areasFor(role: Role) {
  const { sidebar, header } = await mountAs(role);
  const areas = sidebar.findAll('.app-nav__area').map((area) => area.attributes('data-area'));
  sidebar.unmount();
  header.unmount();
  return areas;
}

describe('sidebar navigation', () => {
  beforeEach(() => {
    localStorage.clear();
    useNavMenu().closeMenu();
  });

  it('groups HR admins’ pages by area, home first', async () => {
    expect(await areasFor('tenant_admin')).toEqual([
      'home',
      'people',
      'learning',
      'assessments',
      'skills',
      'reports',
      'myLearning',
      'settings',
    ]);
    expect(await navFor('tenant_admin')).toEqual({
      'nav-home': '/admin/home',
      'nav-users': '/admin/users',
      'nav-departments': '/admin/departments',
      'nav-import': '/admin/users/import',
      'nav-team': '/team',
      'nav-packages': '/admin/packages',
      'nav-learning-settings': '/admin/learning-settings',
      'nav-banks': '/admin/banks',
      'nav-assessments-admin': '/admin/assessments',
      'nav-framework': '/admin/framework',
      'nav-skill-map': '/admin/skills',
      'nav-goals-overview': '/admin/goals',
      'nav-reports': '/admin/reports',
      'nav-plan': '/me/plan',
      'nav-assignments': '/me/assignments',
      'nav-assessments': '/assessments',
      'nav-goals': '/me/goals',
      'nav-my-skills': '/me/skills',
      'nav-company-branding': '/admin/branding',
      'nav-certificate-template': '/admin/certificate-template',
      'nav-support-access': '/admin/support-access',
      'nav-sso': '/settings/sso',
      'nav-scim': '/admin/settings/scim',
      'nav-audit-log': '/admin/settings/audit-log',
    });
  });

  it('names each area for assistive technology, with an icon per link', async () => {
    const { sidebar, header } = await mountAs('tenant_admin');
    const people = sidebar.find('[data-area="people"]');
    expect(people.find('.app-nav__heading').text()).toBe('人材');
    expect(people.find('ul').attributes('aria-labelledby')).toBe(people.find('.app-nav__heading').attributes('id'));
    expect(sidebar.find('nav').attributes('aria-label')).toBe('メインメニュー');
    for (const link of sidebar.findAll('.app-nav__link')) expect(link.find('svg').attributes('aria-hidden')).toBe('true');
    sidebar.unmount();
    header.unmount();
  });

  it('gives learners their own learning only, and managers their team, skill map and reports too', async () => {
    expect(await areasFor('learner')).toEqual(['home', 'learning', 'assessments', 'skills']);
    expect(await navFor('learner')).toEqual({
      'nav-home': '/me',
      'nav-plan': '/me/plan',
      'nav-assignments': '/me/assignments',
      'nav-assessments': '/assessments',
      'nav-goals': '/me/goals',
      'nav-my-skills': '/me/skills',
    });
    expect(await areasFor('manager')).toEqual(['home', 'people', 'learning', 'assessments', 'skills', 'reports']);
    const manager = await navFor('manager');
    expect(manager).toMatchObject({ 'nav-team': '/team', 'nav-skill-map': '/admin/skills', 'nav-reports': '/admin/reports' });
    expect(manager).not.toHaveProperty('nav-goals-overview');
    expect(manager).not.toHaveProperty('nav-company-branding');
    expect(await navFor('learner')).not.toHaveProperty('nav-support-access');
  });

  it('gives vendor admins their clients, content, usage and brand, and platform admins the vendors', async () => {
    expect(await navFor('vendor_admin')).toEqual({
      'nav-vendor-tenants': '/vendor/tenants',
      'nav-vendor-banks': '/admin/banks',
      'nav-vendor-packages': '/admin/packages',
      'nav-vendor-usage': '/vendor/usage',
      'nav-vendor-branding': '/vendor/branding',
    });
    expect(await navFor('platform_admin')).toEqual({
      'nav-platform-vendors': '/platform/vendors',
      'nav-platform-tenants': '/platform/tenants',
      'nav-platform-usage': '/platform/usage',
    });
  });

  // Each page visited loads its own chunk: a generous budget on a loaded machine.
  it('marks the current page, also on the pages under a link', async () => {
    const { sidebar, header, router } = await mountAs('tenant_admin', '/admin/reports/overview');
    const active = () => sidebar.findAll('.app-nav__link.is-active').map((link) => link.attributes('data-testid'));
    expect(active()).toEqual(['nav-reports']);
    expect(sidebar.find('[data-testid="nav-reports"]').attributes('aria-current')).toBe('page');
    for (const [path, testid] of [
      ['/admin/users/import', 'nav-import'],
      ['/admin/users/u1', 'nav-users'],
      ['/admin/users/u1/skills', 'nav-skill-map'],
      ['/admin/questions/q1', 'nav-banks'],
      ['/admin/catalog/b1', 'nav-banks'],
      ['/admin/catalog/packages/p1', 'nav-packages'],
      ['/admin/support-access', 'nav-support-access'],
      ['/team', 'nav-team'],
    ] as const) {
      await router.push(path);
      await flushPromises();
      expect(active(), path).toEqual([testid]);
    }
    sidebar.unmount();
    header.unmount();
  }, 60_000);

  it('opens from the header’s menu button, closes with Esc back on the button, and on navigating', async () => {
    const { sidebar, header, router } = await mountAs('tenant_admin', '/admin/home');
    const button = header.find('[data-testid="nav-menu-button"]');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(button.attributes('aria-controls')).toBe('app-sidebar');
    expect(button.text()).toBe('メニュー');

    await button.trigger('click');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('true');
    expect(sidebar.find('#app-sidebar').classes()).toContain('is-open');
    expect(document.activeElement).toBe(sidebar.find('[data-testid="nav-home"]').element);

    await sidebar.find('[data-testid="nav-users"]').trigger('keydown', { key: 'Escape' });
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button.element);

    await button.trigger('click');
    await flushPromises();
    await router.push('/admin/users');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(sidebar.find('#app-sidebar').classes()).not.toContain('is-open');
    sidebar.unmount();
    header.unmount();
  }, 60_000);

  it('keeps the account (name, language, sign-out) in the sidebar, and the inbox in the header', async () => {
    const { sidebar, header } = await mountAs('learner');
    expect(sidebar.find('[data-testid="signout-button"]').exists()).toBe(true);
    expect(sidebar.find('[data-testid="locale-switch"]').exists()).toBe(true);
    expect(sidebar.find('[data-testid="current-user"]').exists()).toBe(true);
    expect(header.find('[data-testid="locale-switch"]').exists()).toBe(false);
    expect(header.find('[data-testid="nav-inbox"]').attributes('href')).toBe('/me/inbox');
    sidebar.unmount();
    header.unmount();
    const vendor = await mountAs('vendor_admin');
    expect(vendor.header.find('[data-testid="nav-inbox"]').exists()).toBe(false);
    vendor.sidebar.unmount();
    vendor.header.unmount();
  });
});
