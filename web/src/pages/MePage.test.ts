import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makePlan, makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import MePage from './MePage.vue';

async function open(routes: Record<string, FakeHandler>) {
  const user = makeUser({ role: 'learner' });
  const app = await setupApp({
    path: '/me',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user }),
      'GET /api/me': () => json(200, { user, tenant: { id: 't1', name: '株式会社サンプル' } }),
      'GET /api/me/mentees': () => json(200, { items: [] }),
      ...routes,
    }),
  });
  const wrapper = mount(MePage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return wrapper;
}

describe('MePage', () => {
  beforeEach(() => localStorage.clear());

  it("shows this week's learning with a link to the plan", async () => {
    const wrapper = await open({ 'GET /api/me/plan': () => json(200, makePlan()) });
    const card = wrapper.find('[data-testid="me-week-card"]');
    expect(card.find('[data-testid="me-week-minutes"]').text()).toBe('60 分のうち 30 分');
    expect(card.text()).toContain('ビジネスマナー');
    expect(card.find('[data-testid="me-week-late"]').text()).toContain('1 件');
    expect(card.find('[data-testid="me-plan-link"]').attributes('href')).toBe('/me/plan');
    expect(wrapper.find('[data-testid="me-empty-state"]').exists()).toBe(false);
  });

  it('keeps the introduction when there is no plan', async () => {
    const wrapper = await open({ 'GET /api/me/plan': () => apiError(500, 'internal', 'boom') });
    expect(wrapper.find('[data-testid="me-week-card"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="me-empty-state"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
  });
});
