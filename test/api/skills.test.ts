import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Framework = { categories: { id: string; skills: { id: string; name: { ja: string }; required: Record<string, number> }[] }[] };
const skillsOf = (f: Framework) => f.categories.flatMap((c) => c.skills);

describe('skill framework', () => {
  it('is seeded at signup with the default skills and required proficiency per level', async () => {
    const hr = await signUpCompany(server.url, '株式会社スキル');
    const res = await hr.client.get('/api/skills/framework');
    expect(res.status).toBe(200);
    expect(res.body.rev).toBe(1);
    const names = skillsOf(res.body.framework).map((s) => s.name.ja);
    for (const name of [
      'ビジネス基礎',
      'コミュニケーション',
      'コンプライアンス',
      '情報セキュリティ',
      '論理的思考',
      'リーダーシップ',
      'マネジメント',
    ]) {
      expect(names).toContain(name);
    }
    const leadership = skillsOf(res.body.framework).find((s) => s.name.ja === 'リーダーシップ')!;
    expect(leadership.required.manager ?? 0).toBeGreaterThan(leadership.required.new_hire ?? 0);
  });

  it('lets HR edit it (guarded by rev), validates it, and lets members read it', async () => {
    const hr = await signUpCompany(server.url, '株式会社スキル編集');
    const current = (await hr.client.get('/api/skills/framework')).body;
    const edited = structuredClone(current.framework) as Framework;
    edited.categories[0]!.skills[0]!.required = { ...edited.categories[0]!.skills[0]!.required, new_hire: 3 };
    const saved = await hr.client.request('PUT', '/api/skills/framework', { framework: edited, expectedRev: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.rev).toBe(2);
    expect((await hr.client.request('PUT', '/api/skills/framework', { framework: edited, expectedRev: 1 })).status).toBe(409);
    const broken = structuredClone(edited);
    broken.categories[0]!.skills[0]!.id = 'Not A Slug';
    const bad = await hr.client.request('PUT', '/api/skills/framework', { framework: broken, expectedRev: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toMatch(/^framework\.categories\.0\.skills\.0\.id/);

    const email = uniqueEmail('member');
    await hr.client.post('/api/users', { name: '社員', email, role: 'learner', sendInvite: true });
    const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
    const learner = new Client(server.url);
    learner.token = (
      await learner.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'member password' })
    ).body.accessToken;
    const read = await learner.get('/api/skills/framework');
    expect(read.body.rev).toBe(2);
    expect((await learner.request('PUT', '/api/skills/framework', { framework: edited, expectedRev: 2 })).status).toBe(403);
    // Another company's framework is untouched by this edit.
    const other = await signUpCompany(server.url);
    expect((await other.client.get('/api/skills/framework')).body.rev).toBe(1);
  });

  it('applies a job role’s requirements to people in that role', async () => {
    const hr = await signUpCompany(server.url, '株式会社職種');
    const current = (await hr.client.get('/api/skills/framework')).body;
    const framework = structuredClone(current.framework) as Framework & { jobRoles: { id: string; name: { ja: string; en: string } }[] };
    framework.jobRoles = [{ id: 'sales', name: { ja: '営業職', en: 'Sales' } }];
    const communication = skillsOf(framework).find((s) => s.id === 'communication')! as {
      jobRoleRequired?: Record<string, Record<string, number>>;
    };
    communication.jobRoleRequired = { sales: { new_hire: 4 } };
    expect((await hr.client.request('PUT', '/api/skills/framework', { framework, expectedRev: 1 })).status).toBe(200);

    expect(
      (await hr.client.post('/api/users', { name: 'x', email: uniqueEmail(), level: 'new_hire', jobRole: 'pilot', sendInvite: false }))
        .status,
    ).toBe(400);
    const seller = (
      await hr.client.post('/api/users', {
        name: '営業 一郎',
        email: uniqueEmail(),
        level: 'new_hire',
        jobRole: 'sales',
        sendInvite: false,
      })
    ).body;
    const clerk = (await hr.client.post('/api/users', { name: '事務 花子', email: uniqueEmail(), level: 'new_hire', sendInvite: false }))
      .body;
    expect(seller.jobRole).toBe('sales');
    const required = async (id: string) =>
      ((await hr.client.get(`/api/users/${id}/skills`)).body.skills as { skillId: string; required: number }[]).find(
        (s) => s.skillId === 'communication',
      )!.required;
    expect(await required(seller.id)).toBe(4);
    expect(await required(clerk.id)).toBeLessThan(4);
  });
});
