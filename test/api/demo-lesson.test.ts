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
