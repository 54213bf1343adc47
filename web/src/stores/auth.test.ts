import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { apiError, fakeApi, json } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { homePathFor, useAuthStore } from './auth';

describe('auth store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('restores the session from the refresh cookie at boot', async () => {
    api.configure({
      fetch: fakeApi({
        'POST /api/auth/refresh': () =>
          json(200, {
            accessToken: 'tok-1',
            expiresIn: 900,
            user: makeUser({ role: 'learner' }),
          }),
      }),
    });
    const auth = useAuthStore();

    await auth.init();

    expect(auth.initialized).toBe(true);
    expect(auth.isSignedIn).toBe(true);
    expect(auth.accessToken).toBe('tok-1');
    expect(auth.homePath).toBe('/me');
  });

  it('is signed out when the refresh answers 401', async () => {
    api.configure({
      fetch: fakeApi({
        'POST /api/auth/refresh': () => apiError(401, 'unauthorized', 'none'),
      }),
    });
    const auth = useAuthStore();

    await auth.init();

    expect(auth.initialized).toBe(true);
    expect(auth.isSignedIn).toBe(false);
    expect(auth.user).toBeNull();
  });

  it('uses a refreshed token when a request hits an expired one', async () => {
    let issued = 0;
    api.configure({
      fetch: fakeApi({
        'POST /api/auth/refresh': () =>
          json(200, {
            accessToken: `tok-${++issued}`,
            expiresIn: 900,
            user: makeUser(),
          }),
        'GET /api/me': ({ headers }) =>
          headers.get('authorization') === 'Bearer tok-2'
            ? json(200, {
                user: makeUser({ name: '更新後' }),
                tenant: { id: 't1', name: '株式会社テスト' },
              })
            : apiError(401, 'token_expired', 'expired'),
      }),
    });
    const auth = useAuthStore();
    await auth.init(); // tok-1, which the fake treats as expired

    await auth.loadMe();

    expect(auth.accessToken).toBe('tok-2');
    expect(auth.user?.name).toBe('更新後');
    expect(auth.tenant?.name).toBe('株式会社テスト');
  });

  it('signs out locally even when the server is unreachable', async () => {
    api.configure({
      fetch: fakeApi({
        'POST /api/auth/signin': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
        'POST /api/auth/signout': () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    });
    const auth = useAuthStore();
    await auth.signIn('hanako@example.co.jp', 'pw-1234567890');
    expect(auth.isSignedIn).toBe(true);

    await auth.signOut();

    expect(auth.isSignedIn).toBe(false);
    expect(auth.accessToken).toBeNull();
    expect(auth.endedByUser).toBe(true);
  });

  it('maps roles to their home page', () => {
    expect(homePathFor('tenant_admin')).toBe('/admin/home');
    expect(homePathFor('manager')).toBe('/me');
    expect(homePathFor('learner')).toBe('/me');
    expect(homePathFor(null)).toBe('/me');
    expect(homePathFor('vendor_admin')).toBe('/vendor/tenants');
    expect(homePathFor('platform_admin')).toBe('/platform/vendors');
  });

  it('keeps the plan features and seats /api/me tells, asking again on each load', async () => {
    let used = 3;
    let asked = 0;
    api.configure({
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
        'GET /api/me': () => {
          asked++;
          return json(200, {
            user: makeUser(),
            tenant: { id: 't1', name: '株式会社テスト', features: { adaptive: false, reportsExport: true }, seats: { used, limit: 10 } },
          });
        },
      }),
    });
    const auth = useAuthStore();
    await auth.init();
    // Unknown yet: everything counts as included (the API has the last word).
    expect(auth.features).toBeNull();
    expect(auth.planIncludes('adaptive')).toBe(true);

    await Promise.all([auth.loadPlan(), auth.loadPlan()]);
    expect(asked).toBe(1);
    expect(auth.features).toEqual({ adaptive: false, reportsExport: true });
    expect(auth.planIncludes('adaptive')).toBe(false);
    expect(auth.planIncludes('reportsExport')).toBe(true);
    expect(auth.seats).toEqual({ used: 3, limit: 10 });

    used = 4;
    await auth.loadPlan();
    expect(auth.seats).toEqual({ used: 4, limit: 10 });

    auth.clear();
    expect(auth.features).toBeNull();
  });

  it('resolves null when the plan cannot be had', async () => {
    api.configure({
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser() }),
        'GET /api/me': () => apiError(500, 'internal', 'boom'),
      }),
    });
    const auth = useAuthStore();
    await auth.init();
    expect(await auth.loadPlan()).toBeNull();
    expect(auth.planIncludes('reportsExport')).toBe(true);
  });
});
