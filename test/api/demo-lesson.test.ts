import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/api/src/local/seed.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client } from '../support/client.js';

/** The demo (in a table of its own, seeded as `npm start` does): its new-employee lesson shows a table and a picture. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: true, tableName: `manabi-demo-${randomUUID().slice(0, 8)}` });
});
afterAll(() => server.stop());

describe('the demo lesson', () => {
  it('has a table and the seating chart, which its learner gets by signed URL', async () => {
    const learner = new Client(server.url);
    const signin = await learner.post('/api/auth/signin', { email: 'learner1@demo.manabi.example', password: DEMO_PASSWORD });
    expect(signin.status).toBe(200);
    learner.token = signin.body.accessToken;
    const assignments = (await learner.get('/api/me/assignments')).body.items;
    const withManners = assignments.find((a: any) => a.package?.modules.some((m: { id: string }) => m.id === 'business-manners'));
    const lesson = withManners.package.modules.find((m: { id: string }) => m.id === 'business-manners');
    expect(lesson.body.ja).toContain('| 種類 | 働き | 例 |');
    expect(lesson.body.ja).not.toContain('- **尊敬語**');
    const [, fileId] = /!\[[^\]]+\]\(file:([0-9a-z]{16})\)/.exec(lesson.body.ja)!;
    expect(lesson.body.en).toContain(`(file:${fileId})`);

    const files = (await learner.get(`/api/me/assignments/${withManners.packageId}/files`)).body.items;
    expect(files).toEqual([expect.objectContaining({ id: fileId, kind: 'png', name: '応接室の席次.png' })]);
    const image = await fetch(new URL(files[0].url, server.url));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
  });
});

describe('the demo plan', () => {
  it('offers a new employee only packages meant for new employees, each module once, and only their tests', async () => {
    const learner = new Client(server.url);
    const signin = await learner.post('/api/auth/signin', { email: 'learner1@demo.manabi.example', password: DEMO_PASSWORD });
    learner.token = signin.body.accessToken;
    const hr = new Client(server.url);
    hr.token = (await hr.post('/api/auth/signin', { email: 'hr@demo.manabi.example', password: DEMO_PASSWORD })).body.accessToken;
    const packages: { id: string; level: string; audience: { levels: string[] } }[] = (await hr.get('/api/packages')).body.items;
    // The catalog's level packages are each meant for their own level.
    for (const p of packages.filter((x) => x.level !== 'new_hire')) expect(p.audience.levels).toEqual([p.level]);
    const levelOf = new Map(packages.map((p) => [p.id, p.level]));

    const recs: { packageId: string; title: { ja: string } }[] = (await learner.get('/api/me/plan')).body.recommendations;
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(levelOf.get(r.packageId)).toBe('new_hire');
    expect(new Set(recs.map((r) => r.title.ja)).size).toBe(recs.length);

    const tests: { title: { ja: string }; audience: { levels: string[] } }[] = (await learner.get('/api/assessments')).body.items;
    for (const t of tests) expect(t.audience.levels.length === 0 || t.audience.levels.includes('new_hire')).toBe(true);
  });
});
