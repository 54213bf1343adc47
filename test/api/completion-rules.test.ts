import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

/**
 * Completion rules enforced by the server, over HTTP. The server runs on a clock the test moves:
 * viewing time is what the server measured between heartbeats, never what a client claims.
 */
let server: TestServer;
let clock = Date.parse('2026-12-07T01:00:00Z');
const advance = (seconds: number) => (clock += seconds * 1000);
let hr: SignedUpCompany;
let other: SignedUpCompany;

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date(clock) });
  hr = await signUpCompany(server.url, '株式会社完了条件');
  other = await signUpCompany(server.url, '株式会社よそ');
});
afterAll(() => server.stop());

interface Person {
  id: string;
  tenantId: string;
  client: Client;
}

/** A learner of the company, signed in by the server's own clock (re-signed as the clock moves). */
async function learnerOf(company: SignedUpCompany): Promise<Person> {
  const user = (
    await company.client.post('/api/users', {
      name: '受講 花子',
      email: uniqueEmail('learner'),
      role: 'learner',
      level: 'junior',
      sendInvite: false,
    })
  ).body;
  const person = { id: user.id as string, tenantId: company.tenantId, client: new Client(server.url) };
  await resign(person);
  return person;
}
async function resign(p: Person): Promise<Client> {
  p.client.token = await server.deps.signer.signAccess(
    { userId: p.id, tenantId: p.tenantId, vendorId: null, role: 'learner' },
    new Date(clock),
  );
  return p.client;
}

const lessonPackage = {
  title: { ja: '完了条件の研修', en: 'Completion rules' },
  description: { ja: '読む、見る、自分で完了にする' },
  level: 'junior',
  modules: [
    { id: 'read', kind: 'lesson', title: { ja: '最後まで読む' }, estimatedMinutes: 5, body: { ja: '# 本文' } },
    {
      id: 'watch',
      kind: 'lesson',
      title: { ja: '2分間見る' },
      estimatedMinutes: 2,
      body: { ja: '動画の説明' },
      completion: { rule: 'viewed', minutes: 2 },
    },
    {
      id: 'note',
      kind: 'lesson',
      title: { ja: '振り返りメモ' },
      estimatedMinutes: 5,
      body: { ja: '書いたら完了' },
      completion: { rule: 'self' },
    },
    { id: 'ojt', kind: 'ojt', title: { ja: '日報' }, estimatedMinutes: 30, instructions: { ja: '上長が確認する' } },
  ],
};

async function assigned(): Promise<{ packageId: string; learner: Person }> {
  const pkg = (await hr.client.post('/api/packages', lessonPackage)).body;
  const learner = await learnerOf(hr);
  const res = await hr.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [learner.id], dueDate: '2099-03-31' });
  expect(res.body.created).toBe(1);
  return { packageId: pkg.id, learner };
}

const path = (packageId: string, moduleId: string, action: string) => `/api/me/assignments/${packageId}/modules/${moduleId}/${action}`;
const moduleOf = (view: { progress: { modules: { moduleId: string }[] } }, id: string) =>
  view.progress.modules.find((m) => m.moduleId === id) as Record<string, unknown>;
const mine = async (p: Person, packageId: string) =>
  (await p.client.get('/api/me/assignments')).body.items.find((a: { packageId: string }) => a.packageId === packageId);

describe('completion rules per module', () => {
  it('shows each module with its rule, and refuses the learner’s own "done" except where the author chose it', async () => {
    const { packageId, learner } = await assigned();
    const view = await mine(learner, packageId);
    expect(view.progress.modules.map((m: { rule: unknown }) => m.rule)).toEqual([
      { rule: 'read_to_end' },
      { rule: 'viewed', minutes: 2 },
      { rule: 'self' },
      { rule: 'signed_off' },
    ]);
    expect(moduleOf(view, 'watch')).toMatchObject({ viewedSeconds: 0, remainingMinutes: 2 });

    for (const [id, code] of [
      ['read', 'completed_by_read_to_end'],
      ['watch', 'completed_by_viewed'],
      ['ojt', 'completed_by_signed_off'],
    ]) {
      const refused = await learner.client.post(path(packageId, id!, 'complete'));
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe(code);
    }
    // Reaching the end completes only a read-to-the-end lesson.
    expect((await learner.client.post(path(packageId, 'note', 'end-reached'))).body.error.code).toBe('completed_by_self');
    expect((await learner.client.post(path(packageId, 'ojt', 'end-reached'))).body.error.code).toBe('completed_by_signed_off');

    const self = await learner.client.post(path(packageId, 'note', 'complete'));
    expect(self.status).toBe(200);
    expect(moduleOf(self.body, 'note')).toMatchObject({ done: true, rule: { rule: 'self' } });
    expect(self.body.progress).toMatchObject({ done: 1, status: 'in_progress' });
  });

  it('completes a read-to-the-end lesson when the reader reports the end, once, and the assignment state follows', async () => {
    const { packageId, learner } = await assigned();
    const first = await learner.client.post(path(packageId, 'read', 'end-reached'));
    expect(first.status).toBe(200);
    const done = moduleOf(first.body, 'read');
    expect(done).toMatchObject({ done: true, completedAt: new Date(clock).toISOString() });

    advance(60);
    const retried = await learner.client.post(path(packageId, 'read', 'end-reached'));
    expect(retried.status).toBe(200);
    expect(moduleOf(retried.body, 'read').completedAt).toBe(done.completedAt);
    expect(retried.body.progress.done).toBe(1);

    const byHr = (await hr.client.get(`/api/packages/${packageId}/assignments`)).body.items;
    expect(byHr[0].progress).toMatchObject({ done: 1, status: 'in_progress' });
  });

  it('completes a viewing-time lesson on server-measured time only: capped intervals, bursts and retries add nothing extra', async () => {
    const { packageId, learner } = await assigned();
    const beat = async (view: string, seq: number) => {
      const res = await (await resign(learner)).post(path(packageId, 'watch', 'heartbeat'), { view, seq });
      expect(res.status).toBe(200);
      return res.body;
    };
    const view = 'view-aaaaaaaa';
    expect(await beat(view, 1)).toMatchObject({ viewedSeconds: 0, remainingMinutes: 2, done: false, assignment: null });
    advance(15);
    expect(await beat(view, 2)).toMatchObject({ viewedSeconds: 15, remainingMinutes: 2 });
    // A retried beat (same view and number) is already counted, however late it arrives.
    advance(10);
    expect(await beat(view, 2)).toMatchObject({ viewedSeconds: 15 });

    // The tab stopped beating for ten minutes: that gap counts only up to the cap (30 s).
    advance(600);
    expect(await beat(view, 3)).toMatchObject({ viewedSeconds: 45, remainingMinutes: 2 });
    // A forged burst in no time earns nothing; forged numbers far ahead earn only real time too.
    for (let seq = 4; seq < 24; seq++) expect((await beat(view, seq)).viewedSeconds).toBe(45);
    expect((await beat(view, 999_999)).viewedSeconds).toBe(45);
    // The same beat sent five times at once is counted once (compare-and-set on the last beat).
    advance(20);
    const parallel = await Promise.all(
      Array.from(
        { length: 5 },
        async () => (await learner.client.post(path(packageId, 'watch', 'heartbeat'), { view: 'view-bbbbbbbb', seq: 1 })).body,
      ),
    );
    expect(parallel.every((b) => b.viewedSeconds === 65)).toBe(true);
    expect(moduleOf(await mine(learner, packageId), 'watch')).toMatchObject({ done: false, viewedSeconds: 65, remainingMinutes: 1 });

    // Bad input is a 400, not a count.
    expect((await learner.client.post(path(packageId, 'watch', 'heartbeat'), { view: 'x', seq: 0 })).status).toBe(400);
    // Heartbeats do not complete a lesson of another rule.
    expect((await learner.client.post(path(packageId, 'read', 'heartbeat'), { view, seq: 1 })).body.error.code).toBe(
      'completed_by_read_to_end',
    );

    let last: Record<string, unknown> = {};
    for (let seq = 2; seq <= 5; seq++) {
      advance(15);
      last = await beat('view-bbbbbbbb', seq);
    }
    expect(last).toMatchObject({ viewedSeconds: 125, remainingMinutes: 0, done: true });
    const completed = moduleOf(last.assignment as never, 'watch');
    expect(completed).toMatchObject({ done: true, completedAt: new Date(clock).toISOString() });
    // Once done, later beats change nothing.
    advance(15);
    expect(await beat('view-bbbbbbbb', 6)).toMatchObject({ viewedSeconds: 125, done: true });
    expect(moduleOf(await mine(learner, packageId), 'watch').completedAt).toBe(completed.completedAt);
  });

  it('remembers where the learner stopped, for 続きから', async () => {
    const { packageId, learner } = await assigned();
    expect((await mine(learner, packageId)).resume).toBeNull();
    expect((await learner.client.put(`/api/me/assignments/${packageId}/resume`, { moduleId: 'read', position: 0.4237 })).status).toBe(204);
    advance(5);
    expect((await learner.client.put(`/api/me/assignments/${packageId}/resume`, { moduleId: 'watch', position: 0.5 })).status).toBe(204);
    expect((await mine(learner, packageId)).resume).toEqual({ moduleId: 'watch', position: 0.5, at: new Date(clock).toISOString() });
    expect((await learner.client.put(`/api/me/assignments/${packageId}/resume`, { moduleId: 'read', position: 1.5 })).status).toBe(400);
    expect((await learner.client.put(`/api/me/assignments/${packageId}/resume`, { moduleId: 'gone', position: 0 })).status).toBe(404);
    await learner.client.put(`/api/me/assignments/${packageId}/resume`, { moduleId: 'read', position: 0.4237 });
    expect((await mine(learner, packageId)).resume).toMatchObject({ moduleId: 'read', position: 0.424 });
  });

  it('answers 404 for another company’s assignment, whatever the learner sends', async () => {
    const { packageId } = await assigned();
    const outsider = await learnerOf(other);
    for (const action of ['complete', 'end-reached']) {
      expect((await outsider.client.post(path(packageId, 'read', action))).status).toBe(404);
      expect((await outsider.client.post(path(packageId, 'note', action))).status).toBe(404);
    }
    expect((await outsider.client.post(path(packageId, 'watch', 'heartbeat'), { view: 'view-cccccccc', seq: 1 })).status).toBe(404);
    expect((await outsider.client.put(`/api/me/assignments/${packageId}/resume`, { moduleId: 'read', position: 0 })).status).toBe(404);
  });
});
