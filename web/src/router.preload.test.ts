import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { api } from './api/client';
import type { MessagePart } from './i18n';
import { createAppRouter, messagesFor } from './router';
import { useAuthStore } from './stores/auth';
import { fakeApi, json } from './testing/fakeApi';
import { makeUser } from './testing/fixtures';
import { settle } from './testing/setup';

describe('the first navigation', () => {
  it('fetches the page’s code while the session is still being restored', async () => {
    let answerRefresh: (response: Response) => void = () => undefined;
    const refreshAnswered = new Promise<Response>((resolve) => (answerRefresh = resolve));
    api.configure({ fetch: fakeApi({ 'POST /api/auth/refresh': () => refreshAnswered }) });
    setActivePinia(createPinia());
    const router = createAppRouter(createMemoryHistory());
    const record = router.getRoutes().find((r) => r.name === 'my-plan')!;
    expect(typeof record.components!.default).toBe('function');

    const navigation = router.push('/me/plan');
    // The lazy component is replaced by the loaded one before the refresh has answered.
    await vi.waitFor(() => expect(typeof record.components!.default).toBe('object'), { timeout: 20_000 });
    expect(useAuthStore().initialized).toBe(false);

    answerRefresh(json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }));
    await navigation;
    expect(router.currentRoute.value.name).toBe('my-plan');
  }, 30_000);

  it('fetches the signed-in pages’ messages alongside the session restore, and shows the page once they are here', async () => {
    let answerRefresh: (response: Response) => void = () => undefined;
    const refreshAnswered = new Promise<Response>((resolve) => (answerRefresh = resolve));
    let messagesArrive: () => void = () => undefined;
    const messages = new Promise<void>((resolve) => (messagesArrive = resolve));
    const loadMessages = vi.fn((_part: MessagePart) => messages);
    api.configure({ fetch: fakeApi({ 'POST /api/auth/refresh': () => refreshAnswered }) });
    setActivePinia(createPinia());
    const router = createAppRouter(createMemoryHistory(), { loadMessages });

    let done = false;
    const navigation = router.push('/me/plan').then(() => (done = true));
    await vi.waitFor(() => expect(loadMessages).toHaveBeenCalledWith('people'));
    expect(useAuthStore().initialized).toBe(false);
    answerRefresh(json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }));
    await vi.waitFor(() => expect(useAuthStore().initialized).toBe(true));
    // Signed in, the page still waits for its messages.
    await settle();
    expect(done).toBe(false);

    messagesArrive();
    await navigation;
    expect(router.currentRoute.value.name).toBe('my-plan');
    // A learner's page needs only the people's set: the staff pages' texts are never asked for.
    expect(loadMessages.mock.calls.map(([part]) => part)).not.toContain('app');
  }, 30_000);

  it('gives staff the whole set of messages, and a staff-only page the whole set whoever asks', async () => {
    const loaded: MessagePart[] = [];
    api.configure({
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'manager' }) }),
      }),
    });
    setActivePinia(createPinia());
    const router = createAppRouter(createMemoryHistory(), { loadMessages: async (part) => void loaded.push(part) });
    await router.push('/me/plan');
    expect(router.currentRoute.value.name).toBe('my-plan');
    expect(loaded.at(-1)).toBe('app');

    const reports = router.getRoutes().find((r) => r.path === '/admin/reports')!;
    expect(messagesFor(reports, null)).toBe('app');
    expect(messagesFor(reports, 'learner')).toBe('app');
    const plan = router.getRoutes().find((r) => r.name === 'my-plan')!;
    expect(messagesFor(plan, 'learner')).toBe('people');
    expect(messagesFor(plan, 'tenant_admin')).toBe('app');
  });
});
