import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '@manabi/api/jobs';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社フォロー');
});
afterAll(() => server.stop());

async function member(
  departmentId: string | null,
  role: 'learner' | 'manager',
  level: string,
): Promise<{ client: Client; id: string; email: string }> {
  const email = uniqueEmail(role);
  const created = await hr.client.post('/api/users', {
    name: `${role}-${email.slice(0, 10)}`,
    email,
    role,
    departmentId,
    level,
    sendInvite: true,
  });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'member password' })
  ).body.accessToken;
  return { client, id: created.body.id, email };
}

const REMINDER_KINDS = ['assignment_due_soon', 'assignment_overdue', 'check_in_due'];
const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

describe('follow-up', () => {
  it('mentors schedule check-ins; the learner reflects, the mentor comments, then it is done', async () => {
    const learner = await member(null, 'learner', 'new_hire');
    const mentor = await member(null, 'learner', 'mid');
    const stranger = await member(null, 'learner', 'mid');
    expect((await mentor.client.post(`/api/users/${learner.id}/checkins`, { firstDate: today() })).status).toBe(404);
    expect((await hr.client.request('PUT', `/api/users/${learner.id}/mentor`, { mentorId: mentor.id })).status).toBe(200);
    expect((await mentor.client.get('/api/me/mentees')).body.items.map((u: { id: string }) => u.id)).toEqual([learner.id]);
    expect((await learner.client.get(`/api/users/${learner.id}/mentor`)).body.mentor.id).toBe(mentor.id);
    expect((await stranger.client.get(`/api/users/${learner.id}/mentor`)).status).toBe(404);

    const series = await mentor.client.post(`/api/users/${learner.id}/checkins`, { firstDate: today(), everyWeeks: 2, count: 3 });
    expect(series.status).toBe(201);
    expect(series.body.items.map((c: { dueDate: string }) => c.dueDate)).toEqual([today(), inDays(14), inDays(28)]);
    const first = series.body.items[0].id;

    expect((await mentor.client.post(`/api/checkins/${first}/reflection`, { text: '代筆' })).status).toBe(403);
    expect((await stranger.client.post(`/api/checkins/${first}/comment`, { text: '覗き見' })).status).toBe(404);
    const reflected = await learner.client.post(`/api/checkins/${first}/reflection`, {
      text: '報連相を意識できた。次は会議での発言を増やす。',
    });
    expect(reflected.body.status).toBe('scheduled');
    const commented = await mentor.client.post(`/api/checkins/${first}/comment`, { text: '具体的で良い振り返りです。' });
    expect(commented.body).toMatchObject({ status: 'done', comment: { by: mentor.id } });
    expect((await learner.client.get(`/api/users/${learner.id}/checkins`)).body.items).toHaveLength(3);
  });

  it('the reminder job sends due-soon, overdue and check-in reminders to the inbox and by email, each once', async () => {
    const pkg = (
      await hr.client.post('/api/packages', {
        title: { ja: '期限つき研修' },
        description: { ja: '期限の確認' },
        level: 'junior',
        modules: [{ id: 'l1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 10, body: { ja: '本文' } }],
      })
    ).body;
    const soon = await member(null, 'learner', 'junior');
    const late = await member(null, 'learner', 'junior');
    await hr.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [soon.id], dueDate: inDays(2) });
    await hr.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [late.id], dueDate: inDays(-1) });
    await hr.client.post(`/api/users/${late.id}/checkins`, { firstDate: today() });

    const first = await runReminders(server.deps, [hr.tenantId]);
    expect(first.sent).toBeGreaterThanOrEqual(3);
    const again = await runReminders(server.deps, [hr.tenantId]);
    expect(again.sent).toBe(0);

    // Beside the reminders, the inbox holds the notices of the assignment and the check-in (notifications.test.ts).
    const isReminder = (m: { kind: string }) => REMINDER_KINDS.includes(m.kind);
    const soonInbox = (await soon.client.get('/api/me/inbox')).body;
    const soonReminders = soonInbox.items.filter(isReminder);
    expect(soonReminders.map((m: { kind: string }) => m.kind)).toEqual(['assignment_due_soon']);
    expect(soonReminders[0].body.ja).toContain('期限つき研修');
    const lateKinds = (await late.client.get('/api/me/inbox')).body.items
      .filter(isReminder)
      .map((m: { kind: string }) => m.kind)
      .sort();
    expect(lateKinds).toEqual(['assignment_overdue', 'check_in_due']);
    const emails = (await new Client(server.url).get('/api/dev/outbox')).body.items.filter(
      (m: { to: string; kind: string }) => m.to === late.email && isReminder(m),
    );
    expect(emails.map((m: { kind: string }) => m.kind).sort()).toEqual(['assignment_overdue', 'check_in_due']);

    // Completing the package stops further reminders for it.
    expect((await soon.client.post(`/api/me/assignments/${pkg.id}/modules/l1/end-reached`)).body.progress.status).toBe('completed');
    for (const message of soonInbox.items) expect((await soon.client.post(`/api/me/inbox/${message.id}/read`)).status).toBe(204);
    expect((await soon.client.get('/api/me/inbox')).body.unread).toBe(0);
  });
});
