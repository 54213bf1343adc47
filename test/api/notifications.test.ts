import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutboxOfTenant, type OutboxMessage } from '@manabi/data';
import { runDigest } from '@manabi/api/digest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';

// A fixed clock (10:00 in Japan) the digest test moves a day ahead at the end.
let clock = Date.parse('2026-12-07T01:00:00Z');
let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) });
  hr = await signUpCompany(server.url, '株式会社お知らせ');
  other = await signUpCompany(server.url, '株式会社よそ');
});
afterAll(() => server.stop());

const day = (offset: number) => new Date(clock + 9 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
const hasLatin = (s: string) => /[A-Za-z]/.test(s);

interface Person {
  client: Client;
  id: string;
  email: string;
}

let seq = 0;
/** A member who has joined (set a password from the invitation), so they are emailed. */
async function member(
  company: SignedUpCompany | Client,
  departmentId: string | null,
  role: 'learner' | 'manager' | 'tenant_admin',
): Promise<Person> {
  const admin = company instanceof Client ? company : company.client;
  const email = uniqueEmail(role);
  seq += 1;
  const created = await admin.post('/api/users', { name: `通知 太郎${seq}`, email, role, departmentId, level: 'junior', sendInvite: true });
  expect(created.status).toBe(201);
  const tenantId = (await admin.get('/api/me')).body.tenant.id as string;
  const invitation = (await outbox(tenantId)).find((m) => m.to === email && m.kind === 'invitation')!;
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(invitation.link!).searchParams.get('token'), password: 'member password' })
  ).body.accessToken;
  return { client, id: created.body.id, email };
}

const outbox = (tenantId: string): Promise<OutboxMessage[]> => listOutboxOfTenant(server.data.clientFor({ tenantId }), 500);
const emailsTo = async (tenantId: string, email: string, kind?: string) =>
  (await outbox(tenantId)).filter((m) => m.to === email && m.kind !== 'invitation' && (!kind || m.kind === kind));
const inbox = async (p: Person | Client) => (await (p instanceof Client ? p : p.client).get('/api/me/inbox')).body.items as InboxItem[];
interface InboxItem {
  id: string;
  kind: string;
  title: { ja: string };
  body: { ja: string };
  link: string;
}
const ofKind = (items: InboxItem[], kind: string) => items.filter((m) => m.kind === kind);

const goalBody = (title: string) => ({
  title,
  description: '毎週1本の提案書をピラミッド構造で書き、上長のレビューを受ける',
  metric: { kind: 'proficiency', skillId: 'logical-thinking', target: 3 },
  skillId: 'logical-thinking',
  reason: '顧客提案の通過率を上げるため',
  dueDate: day(60),
});

async function newPackage(title: string, modules?: unknown[]) {
  const res = await hr.client.post('/api/packages', {
    title: { ja: title },
    description: { ja: '通知の確認' },
    level: 'junior',
    modules: modules ?? [{ id: 'l1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 10, body: { ja: '本文' } }],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('notifications: inbox and email', () => {
  let dept: string;
  let learner: Person;
  let bystander: Person;
  let manager: Person;
  beforeAll(async () => {
    dept = (await hr.client.post('/api/departments', { name: '通知部' })).body.id;
    learner = await member(hr, dept, 'learner');
    bystander = await member(hr, dept, 'learner');
    manager = await member(hr, dept, 'manager');
  });

  it('tells the learner of a new assignment with its due date, at once by email in Japanese with a link, once however often it is retried', async () => {
    const packageId = await newPackage('通知つき研修');
    const assign = () => hr.client.post(`/api/packages/${packageId}/assignments`, { userIds: [learner.id], dueDate: day(14) });
    expect((await assign()).body).toMatchObject({ created: 1 });
    expect((await assign()).body).toMatchObject({ created: 0, existing: 1 });
    await Promise.all([assign(), assign()]);

    const messages = ofKind(await inbox(learner), 'assignment_assigned');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body.ja).toContain('通知つき研修');
    expect(messages[0]!.body.ja).toContain(day(14));
    expect(messages[0]!.link).toBe(`${server.url}/me/assignments`);

    const emails = await emailsTo(hr.tenantId, learner.email, 'assignment_assigned');
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body).toContain(day(14));
    expect(emails[0]!.body).toContain(`${server.url}/me/assignments`);
    expect(hasLatin(emails[0]!.subject)).toBe(false);
    expect(hasLatin(emails[0]!.body.replace(`${server.url}/me/assignments`, ''))).toBe(false);

    // Nobody else hears of it: not a colleague, not the HR admin who assigned, not another company.
    expect(ofKind(await inbox(bystander), 'assignment_assigned')).toEqual([]);
    expect(ofKind(await inbox(hr.client), 'assignment_assigned')).toEqual([]);
    expect(ofKind(await inbox(other.client), 'assignment_assigned')).toEqual([]);
    expect((await outbox(other.tenantId)).filter((m) => m.kind === 'assignment_assigned')).toEqual([]);
  });

  it('tells a newcomer of the package their level gets automatically, in the inbox only until they join', async () => {
    const packageId = await newPackage('リーダー研修');
    const settings = (await hr.client.get('/api/learning/settings')).body;
    expect((await hr.client.put('/api/learning/settings', { ...settings, autoAssign: { leader: packageId } })).status).toBe(200);
    const email = uniqueEmail('leader');
    const created = await hr.client.post('/api/users', { name: '自動 次郎', email, role: 'learner', level: 'leader', sendInvite: false });
    expect(created.status).toBe(201);
    const newcomer = await clientAs(server, created.body.id, hr.tenantId, null, 'learner');
    const items = ofKind(await inbox(newcomer), 'assignment_assigned');
    expect(items).toHaveLength(1);
    expect(items[0]!.body.ja).toContain('リーダー研修');
    expect(await emailsTo(hr.tenantId, email)).toEqual([]);
  });

  it('tells the goal’s owner when it is agreed or returned with the comment; a goal is returned once', async () => {
    const first = (await learner.client.post('/api/goals', goalBody('提案書を書けるようになる'))).body;
    const second = (await learner.client.post('/api/goals', goalBody('会議で発言する'))).body;
    expect((await manager.client.post(`/api/goals/${first.id}/agree`)).status).toBe(200);
    const returned = await manager.client.post(`/api/goals/${second.id}/return`, { note: '目標値をもう一段具体的に' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'draft', returned: { by: manager.id, note: '目標値をもう一段具体的に' } });
    const again = await manager.client.post(`/api/goals/${second.id}/return`, { note: '再度' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_returned');
    expect((await learner.client.post(`/api/goals/${second.id}/return`, { note: '自分で' })).status).toBe(403);
    expect((await manager.client.post(`/api/goals/${second.id}/return`, { note: ' ' })).status).toBe(400);

    const items = await inbox(learner);
    expect(ofKind(items, 'goal_agreed').map((m) => m.body.ja)).toEqual([expect.stringContaining('提案書を書けるようになる')]);
    expect(ofKind(items, 'goal_returned').map((m) => m.body.ja)).toEqual([expect.stringContaining('目標値をもう一段具体的に')]);
    expect((await emailsTo(hr.tenantId, learner.email, 'goal_agreed')).map((m) => m.subject)).toEqual(['目標が承認されました']);
    expect(await emailsTo(hr.tenantId, learner.email, 'goal_returned')).toHaveLength(1);
    // The manager acted: they are told nothing of it.
    expect(ofKind(await inbox(manager), 'goal_agreed')).toEqual([]);
  });

  it('tells the participant of scheduled check-ins (one message per series), of the manager’s comment, and of an OJT sign-off, each once', async () => {
    const series = await manager.client.post(`/api/users/${learner.id}/checkins`, { firstDate: day(7), everyWeeks: 2, count: 2 });
    expect(series.status).toBe(201);
    const scheduled = ofKind(await inbox(learner), 'check_in_scheduled');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.body.ja).toContain(`${day(7)}、${day(21)}`);

    const checkIn = series.body.items[0].id;
    await learner.client.post(`/api/checkins/${checkIn}/reflection`, { text: '報連相を意識できた' });
    expect((await manager.client.post(`/api/checkins/${checkIn}/comment`, { text: '良い振り返りです' })).status).toBe(200);
    expect((await manager.client.post(`/api/checkins/${checkIn}/comment`, { text: '良い振り返りです（追記）' })).status).toBe(200);
    expect(ofKind(await inbox(learner), 'manager_comment')).toHaveLength(1);
    expect(await emailsTo(hr.tenantId, learner.email, 'manager_comment')).toHaveLength(1);

    const packageId = await newPackage('現場研修', [
      { id: 'ojt', kind: 'ojt', title: { ja: '日報を書く' }, estimatedMinutes: 30, instructions: { ja: '上長が確認する' } },
    ]);
    await hr.client.post(`/api/packages/${packageId}/assignments`, { userIds: [learner.id], dueDate: day(30) });
    const signoff = `/api/users/${learner.id}/assignments/${packageId}/modules/ojt/signoff`;
    expect((await manager.client.post(signoff)).status).toBe(200);
    expect((await manager.client.post(signoff)).status).toBe(200);
    const signed = ofKind(await inbox(learner), 'ojt_signed_off');
    expect(signed).toHaveLength(1);
    expect(signed[0]!.body.ja).toContain('日報を書く');
    expect(await emailsTo(hr.tenantId, learner.email, 'ojt_signed_off')).toHaveLength(1);
    expect(ofKind(await inbox(bystander), 'ojt_signed_off')).toEqual([]);
  });

  it('honours each person’s choice per kind: off keeps the inbox message but sends no email; others’ kinds are refused', async () => {
    const person = await member(hr, dept, 'learner');
    const defaults = (await person.client.get('/api/me/notification-preferences')).body.items;
    expect(defaults.find((p: { kind: string }) => p.kind === 'assignment_assigned')).toEqual({
      kind: 'assignment_assigned',
      email: 'immediate',
      default: 'immediate',
    });
    expect(defaults.some((p: { kind: string }) => p.kind === 'support_access_granted')).toBe(false);
    expect((await manager.client.get('/api/me/notification-preferences')).body.items[0]).toMatchObject({
      email: 'digest',
      default: 'digest',
    });

    const saved = await person.client.put('/api/me/notification-preferences', { email: { assignment_assigned: 'off' } });
    expect(saved.status).toBe(200);
    expect(saved.body.items.find((p: { kind: string }) => p.kind === 'assignment_assigned').email).toBe('off');
    expect((await person.client.put('/api/me/notification-preferences', { email: { support_access_granted: 'off' } })).status).toBe(400);
    expect((await person.client.put('/api/me/notification-preferences', { email: { goal_agreed: 'weekly' } })).status).toBe(400);

    const packageId = await newPackage('メールなし研修');
    await hr.client.post(`/api/packages/${packageId}/assignments`, { userIds: [person.id], dueDate: day(10) });
    expect(ofKind(await inbox(person), 'assignment_assigned')).toHaveLength(1);
    expect(await emailsTo(hr.tenantId, person.email, 'assignment_assigned')).toEqual([]);
  });

  it('tells every HR admin of a support-access grant; the digest mails them once a day, later items the next day', async () => {
    const platform = await platformAdmin(server);
    const vendor = await createVendor(server, platform, 'お知らせのA社');
    const created = await vendor.client.post('/api/vendor/tenants', {
      name: '株式会社サポート通知',
      adminName: '人事 花子',
      adminEmail: uniqueEmail('support-hr'),
      plan: { seatLimit: null, features: { adaptive: true, reportsExport: true } },
    });
    const tenantId = created.body.tenant.id as string;
    const firstAdmin = await clientAs(server, created.body.adminUserId, tenantId, vendor.id, 'tenant_admin');
    const secondAdmin = await member(firstAdmin, null, 'tenant_admin');
    const learnerThere = await member(firstAdmin, null, 'learner');

    expect((await firstAdmin.post('/api/support-access', { hours: 3 })).status).toBe(201);
    for (const admin of [firstAdmin, secondAdmin.client]) {
      const notices = ofKind(await inbox(admin), 'support_access_granted');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body.ja).toContain('お知らせのA社');
    }
    expect(ofKind(await inbox(learnerThere), 'support_access_granted')).toEqual([]);
    // HR's default is the daily digest: no email yet.
    expect(await emailsTo(tenantId, secondAdmin.email)).toEqual([]);

    const first = await runDigest(server.deps, [tenantId]);
    expect(first).toMatchObject({ tenants: 1, sent: 1 });
    const digests = await emailsTo(tenantId, secondAdmin.email, 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe(`${day(0)} のお知らせまとめ（1件）`);
    expect(digests[0]!.body).toContain('サポートアクセスが許可されました');
    expect(digests[0]!.body).toContain(`${server.url}/me/inbox`);

    // The same day again sends nothing; a new item waits for the next day's digest, alone.
    expect(await runDigest(server.deps, [tenantId])).toMatchObject({ sent: 0 });
    expect((await firstAdmin.delete('/api/support-access')).status).toBe(204);
    clock += 60_000;
    expect((await firstAdmin.post('/api/support-access', { hours: 1 })).status).toBe(201);
    expect(await runDigest(server.deps, [tenantId])).toMatchObject({ sent: 0, skipped: 1 });
    expect(await emailsTo(tenantId, secondAdmin.email, 'digest')).toHaveLength(1);
    expect(ofKind(await inbox(secondAdmin), 'support_access_granted')).toHaveLength(2);

    clock += 86400_000;
    expect(await runDigest(server.deps, [tenantId])).toMatchObject({ sent: 1 });
    const [latest, earlier] = await emailsTo(tenantId, secondAdmin.email, 'digest');
    expect(earlier).toBeDefined();
    expect(latest!.subject).toBe(`${day(0)} のお知らせまとめ（1件）`);
    expect(await runDigest(server.deps, [tenantId])).toMatchObject({ sent: 0 });
  });
});
