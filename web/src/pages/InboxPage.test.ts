import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxMessage } from '../api/types';
import AppHeader from '../components/AppHeader.vue';
import { apiError, fakeApi, json, type FakeHandler } from '../testing/fakeApi';
import { makeUser } from '../testing/fixtures';
import { settle, setupApp } from '../testing/setup';
import InboxPage from './InboxPage.vue';

function message(overrides: Partial<InboxMessage> = {}): InboxMessage {
  return {
    id: 'msg1',
    kind: 'check_in_due',
    title: { ja: '面談の日です', en: 'Check-in due' },
    body: { ja: '今日は面談の予定日です。振り返りを書いておきましょう。', en: 'Your check-in is today.' },
    link: 'https://app.example.com/me/checkins',
    createdAt: '2025-04-07T00:00:00Z',
    read: false,
    ...overrides,
  };
}

async function open(routes: Record<string, FakeHandler> = {}) {
  const items = [
    message(),
    message({ id: 'msg2', kind: 'assignment_due_soon', title: { ja: '期限が近づいています' }, link: null, read: true }),
  ];
  const app = await setupApp({
    path: '/me/inbox',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
      'GET /api/me/inbox': () => json(200, { items, unread: 1 }),
      ...routes,
    }),
  });
  const header = mount(AppHeader, { global: { plugins: [...app.plugins] } });
  const page = mount(InboxPage, { global: { plugins: [...app.plugins] } });
  await settle();
  await flushPromises();
  return { header, page, router: app.router };
}

describe('Inbox', () => {
  beforeEach(() => localStorage.clear());

  it('shows the unread count in the header', async () => {
    const { header } = await open();
    const link = header.find('[data-testid="nav-inbox"]');
    expect(link.attributes('href')).toBe('/me/inbox');
    expect(link.find('[data-testid="inbox-unread"]').text()).toBe('1');
    expect(link.text()).toContain('未読 1 件');
  });

  it('has no badge without unread messages, and none for roles without an inbox', async () => {
    const { header } = await open({ 'GET /api/me/inbox': () => json(200, { items: [message({ read: true })], unread: 0 }) });
    expect(header.find('[data-testid="nav-inbox"]').exists()).toBe(true);
    expect(header.find('[data-testid="inbox-unread"]').exists()).toBe(false);

    const app = await setupApp({
      path: '/forbidden',
      fetch: fakeApi({
        'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'platform_admin' }) }),
      }),
    });
    const other = mount(AppHeader, { global: { plugins: [...app.plugins] } });
    await flushPromises();
    expect(other.find('[data-testid="nav-inbox"]').exists()).toBe(false);
  });

  it('opens a message, marks it read once and lowers the badge', async () => {
    const read = vi.fn(() => json(204, null));
    const { header, page } = await open({ 'POST /api/me/inbox/msg1/read': read });

    const items = page.findAll('[data-testid="inbox-item"]');
    expect(items.map((i) => i.attributes('data-read'))).toEqual(['false', 'true']);
    expect(items[0]!.find('[data-testid="inbox-body"]').attributes('style')).toContain('display: none');

    await items[0]!.find('[data-testid="inbox-open"]').trigger('click');
    await settle();

    expect(read).toHaveBeenCalledTimes(1);
    expect(page.find('[data-testid="inbox-item"]').attributes('data-read')).toBe('true');
    expect(page.find('[data-testid="inbox-open"]').attributes('aria-expanded')).toBe('true');
    expect(page.find('[data-testid="inbox-body"]').text()).toContain('振り返りを書いておきましょう');
    // The absolute link of the email becomes an in-app path.
    expect(page.find('[data-testid="inbox-link"]').attributes('href')).toBe('/me/checkins');
    expect(header.find('[data-testid="inbox-unread"]').exists()).toBe(false);
    expect(page.find('[data-testid="inbox-summary"]').text()).toBe('未読 0 件');

    // Closing and opening again does not mark it twice; a read message is never marked.
    await page.find('[data-testid="inbox-open"]').trigger('click');
    await page.find('[data-testid="inbox-open"]').trigger('click');
    await page.findAll('[data-testid="inbox-open"]')[1]!.trigger('click');
    await settle();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps the message unread when marking fails', async () => {
    const { header, page } = await open({ 'POST /api/me/inbox/msg1/read': () => apiError(500, 'internal', 'boom') });
    await page.find('[data-testid="inbox-open"]').trigger('click');
    await settle();
    expect(page.find('[data-testid="error-alert"]').exists()).toBe(true);
    expect(page.find('[data-testid="inbox-item"]').attributes('data-read')).toBe('false');
    expect(header.find('[data-testid="inbox-unread"]').text()).toBe('1');
  });
});
