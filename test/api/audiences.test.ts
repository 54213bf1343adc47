import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putNewPackage } from '@manabi/data';
import { randomId } from '@manabi/core';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';

/**
 * Who tests and packages are for. The server has a table of its own, so the platform catalog
 * holds only what this file puts there (other files' catalog packages would be recommended too).
 */
let server: TestServer;
let hr: SignedUpCompany;
let deptA: string;
let deptB: string;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer({ tableName: `manabi-aud-${randomUUID().slice(0, 8)}` });
  hr = await signUpCompany(server.url, '株式会社対象者');
  deptA = (await hr.client.post('/api/departments', { name: '営業部' })).body.id;
  deptB = (await hr.client.post('/api/departments', { name: '開発部' })).body.id;
  bankId = await seedBank(hr.client, ['論理的思考'], 4);
  // The company's framework gets a job role, so audiences can name one.
  const framework = (await hr.client.get('/api/skills/framework')).body;
  const saved = await hr.client.request('PUT', '/api/skills/framework', {
    framework: { ...framework.framework, jobRoles: [{ id: 'sales', name: { ja: '営業職', en: 'Sales' } }] },
    expectedRev: framework.rev,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
});
afterAll(() => server.stop());

async function person(level: string, departmentId: string | null, role: 'learner' | 'manager' = 'learner') {
  const email = uniqueEmail(role);
  const created = await hr.client.post('/api/users', {
    name: `受講者 ${email.slice(8, 14)}`,
    email,
    role,
    departmentId,
    level,
    sendInvite: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'member password' })
  ).body.accessToken;
  return { client, id: created.body.id as string };
}

async function publishedTest(title: string, audience?: Record<string, unknown>): Promise<string> {
  const created = await hr.client.post(
    '/api/assessments',
    fixedAssessment(bankId, [{ skill: '論理的思考', count: 2 }], { title: { ja: title }, ...(audience ? { audience } : {}) }),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await hr.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);
  return created.body.id;
}

const lesson = (id: string, title: string, skillTags: string[], estimatedMinutes = 10) => ({
  id,
  kind: 'lesson',
  title: { ja: title },
  estimatedMinutes,
  skillTags,
  body: { ja: `# ${title}` },
});

async function companyPackage(title: string, level: string, audience: Record<string, unknown>, modules: unknown[]): Promise<string> {
  const created = await hr.client.post('/api/packages', { title: { ja: title }, description: { ja: title }, level, audience, modules });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

const titles = (items: { title: { ja?: string } }[]) => items.map((i) => i.title.ja);

describe('audiences of tests and packages', () => {
  it('refuses an unknown level, department or job role with the path of each (400)', async () => {
    const test = (audience: unknown) =>
      hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理的思考', count: 1 }], { audience }));
    const cases: [unknown, string][] = [
      [{ levels: ['new_hire', 'ceo'] }, 'audience.levels.1'],
      [{ departmentIds: [deptA, randomId()] }, 'audience.departmentIds.1'],
      [{ departmentIds: ['not-an-id'] }, 'audience.departmentIds.0'],
      [{ jobRoles: ['astronaut'] }, 'audience.jobRoles.0'],
      [{ levels: 'manager' }, 'audience.levels'],
    ];
    for (const [audience, path] of cases) {
      const res = await test(audience);
      expect(res.status, JSON.stringify(audience)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const ok = await test({ levels: ['manager', 'leader'], departmentIds: [deptA], jobRoles: ['sales'] });
    expect(ok.status).toBe(201);
    expect(ok.body.audience).toEqual({ levels: ['leader', 'manager'], departmentIds: [deptA], jobRoles: ['sales'] });

    const pkg = (audience: unknown) => ({
      title: { ja: '対象者テスト' },
      description: { ja: '…' },
      level: 'junior',
      audience,
      modules: [lesson('intro', '導入', ['論理的思考'])],
    });
    const badPackage = await hr.client.post('/api/packages', pkg({ levels: ['boss'] }));
    expect(badPackage.status).toBe(400);
    expect(badPackage.body.error.details[0].path).toBe('audience.levels.0');
    const created = await hr.client.post('/api/packages', pkg({ departmentIds: [deptB] }));
    expect(created.status).toBe(201);
    const badEdit = await hr.client.request('PUT', `/api/packages/${created.body.id}`, {
      package: pkg({ departmentIds: [randomId()] }),
      expectedRev: created.body.rev,
    });
    expect(badEdit.status).toBe(400);
    expect(badEdit.body.error.details[0].path).toBe('package.audience.departmentIds.0');
    const listed = (await hr.client.get('/api/packages')).body.items.find((p: { id: string }) => p.id === created.body.id);
    expect(listed.audience).toEqual({ levels: [], departmentIds: [deptB], jobRoles: [] });
  });

  it('shows a new employee in department A only what targets them, what is assigned to them, and recommends each module once', async () => {
    // Tests: for managers, for department B, for new employees of A, one from before audiences (everyone).
    await publishedTest('管理職向けテスト', { levels: ['manager'] });
    await publishedTest('開発部向けテスト', { departmentIds: [deptB] });
    await publishedTest('営業職向けテスト', { jobRoles: ['sales'] });
    await publishedTest('営業部 新入社員テスト', { levels: ['new_hire'], departmentIds: [deptA] });
    await publishedTest('全員向けテスト');

    // Packages: each is the only one building its skill, so only the audience keeps it from being suggested.
    const managers = await companyPackage('管理職パッケージ', 'manager', { levels: ['manager'] }, [
      lesson('team-leading', 'チームを率いる', ['チームワーク'], 5),
    ]);
    const deptBOnly = await companyPackage('開発部パッケージ', 'new_hire', { departmentIds: [deptB] }, [
      lesson('spreadsheets', '表計算の基本', ['Excel・IT'], 5),
    ]);
    const newHires = await companyPackage('新入社員パッケージ', 'new_hire', { levels: ['new_hire'] }, [
      lesson('logic-and-rules', '論理とルール', ['論理的思考', 'コンプライアンス']),
    ]);
    // A catalog package for new employees and the company's clone of it: the same lesson in two packages.
    const catalogId = randomId();
    const now = new Date().toISOString();
    await putNewPackage(
      server.data.platform,
      { kind: 'catalog' },
      {
        id: catalogId,
        package: {
          title: { ja: '情報セキュリティ入門' },
          description: { ja: '…' },
          level: 'new_hire',
          audience: { levels: ['new_hire'], departmentIds: [], jobRoles: [] },
          modules: [lesson('security-basics', 'セキュリティの基本', ['情報セキュリティ'])],
        },
        clonedFrom: null,
        createdAt: now,
        updatedAt: now,
        rev: 1,
      },
    );
    const clone = await hr.client.post(`/api/catalog/packages/${catalogId}/clone`);
    expect(clone.status).toBe(201);
    expect(clone.body.audience.levels).toEqual(['new_hire']);
    // A managers' package with a quiz, assigned to the learner by HR all the same.
    const assignedPkg = await companyPackage('管理職の必修', 'manager', { levels: ['manager'] }, [
      lesson('one-on-one', '1on1の進め方', ['コミュニケーション']),
      {
        id: 'one-on-one-quiz',
        kind: 'quiz',
        title: { ja: '1on1 確認テスト' },
        estimatedMinutes: 10,
        skillTags: ['コミュニケーション'],
        template: { bankIds: [bankId], draws: [{ skill: '論理的思考', count: 2 }] },
      },
    ]);
    const assignedQuiz = (await hr.client.get(`/api/packages/${assignedPkg}`)).body.package.modules[1];
    expect((await hr.client.get(`/api/assessments/${assignedQuiz.assessmentId}`)).body.audience.levels).toEqual(['manager']);

    const learner = await person('new_hire', deptA);
    expect(
      (await hr.client.post(`/api/packages/${assignedPkg}/assignments`, { userIds: [learner.id], dueDate: '2099-12-31' })).status,
    ).toBe(200);

    const tests = (await learner.client.get('/api/assessments')).body.items;
    expect(titles(tests).sort()).toEqual(['1on1 確認テスト', '全員向けテスト', '営業部 新入社員テスト'].sort());
    expect(tests.find((t: { title: { ja: string } }) => t.title.ja === '全員向けテスト').audience).toEqual({
      levels: [],
      departmentIds: [],
      jobRoles: [],
    });
    // HR still sees every test.
    expect(titles((await hr.client.get('/api/assessments')).body.items)).toEqual(
      expect.arrayContaining(['管理職向けテスト', '開発部向けテスト', '営業職向けテスト', '1on1 確認テスト']),
    );

    const plan = (await learner.client.get('/api/me/plan')).body;
    const recs: { packageId: string; moduleId: string; title: { ja: string }; reasons: { ja: string }[] }[] = plan.recommendations;
    expect(recs.map((r) => r.packageId)).not.toContain(managers);
    expect(recs.map((r) => r.packageId)).not.toContain(deptBOnly);
    // No duplicates: the lesson in the catalog and its clone is suggested once.
    expect(new Set(recs.map((r) => r.title.ja)).size).toBe(recs.length);
    expect(recs.filter((r) => r.moduleId === 'security-basics')).toHaveLength(1);
    // A lesson for two weak skills appears once, with both reasons.
    const both = recs.filter((r) => r.packageId === newHires);
    expect(both).toHaveLength(1);
    expect(both[0]!.reasons.map((r) => r.ja.split(':')[0]).sort()).toEqual(['コンプライアンス', '論理的思考']);
    // What was assigned is in the plan whatever its audience, and is not suggested again.
    const scheduled = plan.weeks.flatMap((w: { items: { packageId: string; moduleId: string; kind: string }[] }) => w.items);
    expect(
      scheduled
        .filter((i: { packageId: string }) => i.packageId === assignedPkg)
        .map((i: { moduleId: string }) => i.moduleId)
        .sort(),
    ).toEqual(['one-on-one', 'one-on-one-quiz']);
    expect(recs.map((r) => r.packageId)).not.toContain(assignedPkg);

    // The same catalog, seen by people the excluded packages are meant for.
    const inB = await person('new_hire', deptB);
    expect((await inB.client.get('/api/me/plan')).body.recommendations.map((r: { packageId: string }) => r.packageId)).toContain(deptBOnly);
    expect(titles((await inB.client.get('/api/assessments')).body.items)).toContain('開発部向けテスト');
    const manager = await person('manager', deptA, 'manager');
    expect((await manager.client.get('/api/me/plan')).body.recommendations.map((r: { packageId: string }) => r.packageId)).toContain(
      managers,
    );
    expect(titles((await manager.client.get('/api/assessments')).body.items)).toEqual(
      expect.arrayContaining(['管理職向けテスト', '全員向けテスト', '1on1 確認テスト']),
    );
  });
});
