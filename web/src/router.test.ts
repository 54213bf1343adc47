import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type RouteMeta } from 'vue-router';
import type { Role } from './api/types';
import { accessDecision, routes, safeRedirect, type AccessState } from './router';
import { SHELL_ONLY_PATHS } from './public-paths';
import { homePathFor } from './stores/auth';
import { fakeApi, json } from './testing/fakeApi';
import { makeUser } from './testing/fixtures';
import { setupApp } from './testing/setup';

const signedOut: AccessState = {
  isSignedIn: false,
  role: null,
  homePath: '/me',
};
const admin: AccessState = {
  isSignedIn: true,
  role: 'tenant_admin',
  homePath: '/admin/users',
};
const learner: AccessState = {
  isSignedIn: true,
  role: 'learner',
  homePath: '/me',
};

const to = (fullPath: string, meta: RouteMeta = {}, name = 'x', query = {}) => ({
  fullPath,
  meta,
  name,
  query,
});

describe('route access', () => {
  it('sends signed-out users to sign-in with a redirect back', () => {
    expect(accessDecision(to('/admin/users?q=a', { roles: ['tenant_admin'] }), signedOut)).toEqual({
      name: 'signin',
      query: { redirect: '/admin/users?q=a' },
    });
    expect(accessDecision(to('/', {}, 'home'), signedOut)).toEqual({
      name: 'signin',
    });
  });

  it('routes home by role', () => {
    expect(accessDecision(to('/', {}, 'home'), admin)).toBe('/admin/users');
    expect(accessDecision(to('/', {}, 'home'), learner)).toBe('/me');
  });

  it('shows the 403 page for the wrong role', () => {
    expect(accessDecision(to('/admin/users', { roles: ['tenant_admin'] }), learner)).toEqual({
      name: 'forbidden',
    });
    expect(accessDecision(to('/admin/users', { roles: ['tenant_admin'] }), admin)).toBe(true);
  });

  it('keeps public pages open and moves signed-in users off sign-in', () => {
    expect(accessDecision(to('/verify-email', { public: true }), signedOut)).toBe(true);
    expect(accessDecision(to('/verify-email', { public: true }), learner)).toBe(true);
    expect(accessDecision(to('/signin', { public: true, guestOnly: true }), admin)).toBe('/admin/users');
    expect(
      accessDecision(
        to('/signin', { public: true, guestOnly: true }, 'signin', {
          redirect: '/me',
        }),
        admin,
      ),
    ).toBe('/me');
  });

  it('only follows same-site redirects', () => {
    expect(safeRedirect('/admin/users?q=1')).toBe('/admin/users?q=1');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect(['/me'])).toBeNull();
  });

  it('opens the skill pages to the right roles', () => {
    const manager: AccessState = { isSignedIn: true, role: 'manager', homePath: '/me' };
    const meta = (name: string) => routes.find((route) => route.name === name)?.meta ?? {};
    for (const [name, path] of [
      ['skill-map', '/admin/skills'],
      ['user-skills', '/admin/users/u2/skills'],
    ] as const) {
      expect(accessDecision(to(path, meta(name), name), admin)).toBe(true);
      expect(accessDecision(to(path, meta(name), name), manager)).toBe(true);
      expect(accessDecision(to(path, meta(name), name), learner)).toEqual({ name: 'forbidden' });
    }
    expect(accessDecision(to('/me/skills', meta('my-skills'), 'my-skills'), learner)).toBe(true);
    expect(accessDecision(to('/me/skills', meta('my-skills'), 'my-skills'), admin)).toBe(true);
  });

  it('opens the learning pages to the right roles', () => {
    const manager: AccessState = { isSignedIn: true, role: 'manager', homePath: '/me' };
    const vendor: AccessState = { isSignedIn: true, role: 'vendor_admin', homePath: '/me' };
    const meta = (name: string) => routes.find((route) => route.name === name)?.meta ?? {};
    const check = (name: string, path: string, allowed: AccessState[], denied: AccessState[]) => {
      for (const who of allowed) expect(accessDecision(to(path, meta(name), name), who), `${who.role} ${path}`).toBe(true);
      for (const who of denied)
        expect(accessDecision(to(path, meta(name), name), who), `${who.role} ${path}`).toEqual({ name: 'forbidden' });
    };
    for (const [name, path] of [
      ['packages', '/admin/packages'],
      ['package', '/admin/packages/p1'],
      ['package-new', '/admin/packages/new'],
      ['framework', '/admin/framework'],
      ['catalog-package', '/admin/catalog/packages/p1'],
      ['learning-settings', '/admin/learning-settings'],
      ['goals-overview', '/admin/goals'],
    ] as const) {
      check(name, path, [admin], [manager, learner]);
    }
    check('team', '/team', [admin, manager], [learner]);
    for (const [name, path] of [
      ['my-plan', '/me/plan'],
      ['my-assignments', '/me/assignments'],
      ['module-reader', '/me/assignments/p1/m1'],
      ['my-goals', '/me/goals'],
      ['my-checkins', '/me/checkins'],
      ['inbox', '/me/inbox'],
      ['team-member', '/team/u2'],
    ] as const) {
      check(name, path, [admin, manager, learner], [vendor]);
    }
  });

  it('opens the question bank and package pages to vendor admins, but not assessments or learning settings', () => {
    const signedIn = (role: Role): AccessState => ({ isSignedIn: true, role, homePath: homePathFor(role) });
    const vendor = signedIn('vendor_admin');
    const router = createRouter({ history: createMemoryHistory(), routes });
    const meta = (name: string) => routes.find((route) => route.name === name)?.meta ?? {};
    for (const [name, path] of [
      ['banks', '/admin/banks'],
      ['bank', '/admin/banks/b1'],
      ['bank-import', '/admin/banks/b1/import'],
      ['question-new', '/admin/questions/new'],
      ['question-edit', '/admin/questions/q1'],
      ['catalog-bank', '/admin/catalog/b1'],
      ['packages', '/admin/packages'],
      ['package-new', '/admin/packages/new'],
      ['package', '/admin/packages/p1'],
      ['catalog-package', '/admin/catalog/packages/p1'],
    ] as const) {
      expect(router.resolve(path).name).toBe(name);
      for (const who of [vendor, admin]) expect(accessDecision(to(path, meta(name), name), who), `${who.role} ${path}`).toBe(true);
      for (const role of ['manager', 'learner', 'platform_admin'] as const)
        expect(accessDecision(to(path, meta(name), name), signedIn(role)), `${role} ${path}`).toEqual({ name: 'forbidden' });
    }
    for (const [name, path] of [
      ['admin-assessments', '/admin/assessments'],
      ['assessment-new', '/admin/assessments/new'],
      ['assessment-edit', '/admin/assessments/a1'],
      ['learning-settings', '/admin/learning-settings'],
      ['users', '/admin/users'],
    ] as const) {
      expect(accessDecision(to(path, meta(name), name), vendor), path).toEqual({ name: 'forbidden' });
    }
  });

  it('opens the report pages to HR and managers', () => {
    const manager: AccessState = { isSignedIn: true, role: 'manager', homePath: '/me' };
    const router = createRouter({ history: createMemoryHistory(), routes });
    const meta = (name: string) => routes.find((route) => route.name === name)?.meta ?? {};
    for (const [name, path] of [
      ['reports', '/admin/reports'],
      ['reports-overview', '/admin/reports/overview'],
      ['reports-skill-gaps', '/admin/reports/skill-gaps'],
    ] as const) {
      expect(router.resolve(path).name).toBe(name);
      expect(meta(name).roles).toEqual(meta('reports').roles);
      expect(accessDecision(to(path, meta(name), name), admin)).toBe(true);
      expect(accessDecision(to(path, meta(name), name), manager)).toBe(true);
      expect(accessDecision(to(path, meta(name), name), learner)).toEqual({ name: 'forbidden' });
    }
    expect(meta('reports-overview').titleKey).toBe('reportsOverview.title');
    expect(meta('reports-skill-gaps').titleKey).toBe('skillGaps.title');
    expect(router.resolve('/admin/reports/learners/u2').name).toBe('learner-report');
  });

  it('opens a new package at /admin/packages/new, not as a package with the id "new"', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    expect(router.resolve('/admin/packages/new').name).toBe('package-new');
    expect(router.resolve('/admin/packages/p1').name).toBe('package');
  });

  it('opens the vendor console to vendor admins and the vendor list to platform admins only', () => {
    const signedIn = (role: Role): AccessState => ({ isSignedIn: true, role, homePath: homePathFor(role) });
    const vendor = signedIn('vendor_admin');
    const platform = signedIn('platform_admin');
    const manager = signedIn('manager');
    const router = createRouter({ history: createMemoryHistory(), routes });
    const meta = (name: string) => routes.find((route) => route.name === name)?.meta ?? {};
    for (const [name, path] of [
      ['vendor-tenants', '/vendor/tenants'],
      ['vendor-tenant', '/vendor/tenants/t1'],
      ['vendor-branding', '/vendor/branding'],
      ['vendor-usage', '/vendor/usage'],
    ] as const) {
      expect(router.resolve(path).name).toBe(name);
      expect(accessDecision(to(path, meta(name), name), vendor)).toBe(true);
      for (const who of [platform, admin, manager, learner])
        expect(accessDecision(to(path, meta(name), name), who)).toEqual({ name: 'forbidden' });
    }
    expect(router.resolve('/platform/vendors').name).toBe('platform-vendors');
    expect(accessDecision(to('/platform/vendors', meta('platform-vendors'), 'platform-vendors'), platform)).toBe(true);
    for (const who of [vendor, admin, learner]) {
      expect(accessDecision(to('/platform/vendors', meta('platform-vendors'), 'platform-vendors'), who)).toEqual({ name: 'forbidden' });
    }
    expect(router.resolve('/platform/usage').name).toBe('platform-usage');
    expect(accessDecision(to('/platform/usage', meta('platform-usage'), 'platform-usage'), platform)).toBe(true);
    for (const who of [vendor, admin, learner]) {
      expect(accessDecision(to('/platform/usage', meta('platform-usage'), 'platform-usage'), who)).toEqual({ name: 'forbidden' });
    }
    expect(meta('vendor-usage').titleKey).toBe('vendorUsage.title');
    expect(meta('platform-usage').titleKey).toBe('platformUsage.title');
    expect(meta('vendor-tenants').titleKey).toBe('vendorTenants.title');
    expect(meta('vendor-branding').titleKey).toBe('vendorBranding.title');
    expect(meta('platform-vendors').titleKey).toBe('platformVendors.title');
  });

  it("opens the company's brand and support access to HR admins only", () => {
    const signedIn = (role: Role): AccessState => ({ isSignedIn: true, role, homePath: homePathFor(role) });
    const router = createRouter({ history: createMemoryHistory(), routes });
    const meta = (name: string) => routes.find((route) => route.name === name)?.meta ?? {};
    for (const [name, path, titleKey] of [
      ['company-branding', '/admin/branding', 'companyBranding.title'],
      ['support-access', '/admin/support-access', 'supportAccess.title'],
      ['audit-log', '/admin/settings/audit-log', 'auditLog.title'],
      ['scim-tokens', '/admin/settings/scim', 'scimTokens.title'],
    ] as const) {
      expect(router.resolve(path).name).toBe(name);
      expect(meta(name).titleKey).toBe(titleKey);
      expect(accessDecision(to(path, meta(name), name), admin)).toBe(true);
      for (const role of ['manager', 'learner', 'vendor_admin', 'platform_admin'] as const) {
        expect(accessDecision(to(path, meta(name), name), signedIn(role)), role).toEqual({ name: 'forbidden' });
      }
    }
  });

  it('lands vendor admins on their client companies and platform admins on the vendors', async () => {
    const vendor: AccessState = { isSignedIn: true, role: 'vendor_admin', homePath: homePathFor('vendor_admin') };
    const platform: AccessState = { isSignedIn: true, role: 'platform_admin', homePath: homePathFor('platform_admin') };
    expect(accessDecision(to('/', {}, 'home'), vendor)).toBe('/vendor/tenants');
    expect(accessDecision(to('/', {}, 'home'), platform)).toBe('/platform/vendors');
    expect(accessDecision(to('/signin', { public: true, guestOnly: true }, 'signin'), vendor)).toBe('/vendor/tenants');
    expect(accessDecision(to('/signin', { public: true, guestOnly: true }, 'signin'), platform)).toBe('/platform/vendors');

    for (const [role, home] of [
      ['vendor_admin', '/vendor/tenants'],
      ['platform_admin', '/platform/vendors'],
      ['tenant_admin', '/admin/home'],
      ['learner', '/me'],
    ] as const) {
      const { router } = await setupApp({
        path: '/',
        fetch: fakeApi({ 'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role }) }) }),
      });
      expect(router.currentRoute.value.path, role).toBe(home);
    }
  });
});

describe('the paths index.html treats as needing only the shell’s messages', () => {
  it('are exactly the public pages (and `/`, which guests open too)', () => {
    const shellOnly = new RegExp(SHELL_ONLY_PATHS);
    for (const route of routes) {
      if (route.name === 'not-found' || route.redirect) continue;
      const sample = route.path.replace(/:\w+\??/g, 'x');
      expect(shellOnly.test(sample), route.path).toBe(route.name === 'home' || route.meta?.public === true);
    }
    expect(shellOnly.test('/verify-emails')).toBe(false);
  });
});
