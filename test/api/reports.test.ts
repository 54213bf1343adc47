import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '@manabi/core';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { getAttempt, keys, listAttemptsOfAssessment } from '@manabi/data';
import { applyChanges, verifyAssessmentAggregates } from '@manabi/api/aggregate';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer({ aggregate: true });
  hr = await signUpCompany(server.url, '株式会社レポート');
});
afterAll(() => server.stop());

describe('report aggregates from the change stream', () => {
  it('equal a recount after concurrent submissions, and a redelivered record counts once', async () => {
    const bankId = await seedBank(hr.client, ['論理的思考', 'コンプライアンス'], 4);
    const a = (
      await hr.client.post(
        '/api/assessments',
        fixedAssessment(
          bankId,
          [
            { skill: '論理的思考', count: 2 },
            { skill: 'コンプライアンス', count: 2 },
          ],
          { reviewPolicy: 'never' },
        ),
      )
    ).body;
    await hr.client.post(`/api/assessments/${a.id}/publish`);
    const depts = [
      // Names a spreadsheet would run as formulas: the export must keep them text (CSV injection).
      (await hr.client.post('/api/departments', { name: '@営業部' })).body.id,
      (await hr.client.post('/api/departments', { name: '開発部' })).body.id,
    ];

    // 16 learners in two departments answer at random (seeded), all at once.
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const learners = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const user = (
          await hr.client.post('/api/users', {
            name: i === 0 ? '=1+2' : `受講者${i}`,
            email: `r${i}-${randomId()}@reports.test`,
            departmentId: depts[i % 2],
            level: 'junior',
            sendInvite: false,
          })
        ).body;
        const c = new Client(server.url);
        c.token = await server.deps.signer.signAccess(
          { userId: user.id, tenantId: hr.tenantId, vendorId: null, role: 'learner' },
          new Date(),
        );
        return { c, choices: Array.from({ length: 4 }, () => (rand() < 0.6 ? 'a' : 'b')) };
      }),
    );
    await Promise.all(
      learners.map(async ({ c, choices }) => {
        let v = (await c.post(`/api/assessments/${a.id}/attempts`)).body;
        for (let k = 0; v.current; k++)
          v = (await c.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: choices[k] } })).body
            .attempt;
      }),
    );
    await server.drainStream();

    const db = server.data.clientFor({ tenantId: hr.tenantId });
    const attempts = await listAttemptsOfAssessment(db, a.id);
    const scores = attempts.map((x) => (x.result as { score: number }).score);
    const report = (await hr.client.get(`/api/reports/assessments/${a.id}`)).body;
    expect(report.results.count).toBe(16);
    expect(report.results.score.mean).toBeCloseTo(scores.reduce((s, x) => s + x, 0) / 16, 5);
    expect(report.results.passCount).toBe(scores.filter((s) => s >= 60).length);
    expect(report.results.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(16);
    expect(report.skills.map((s: { skill: string }) => s.skill).sort()).toEqual(['コンプライアンス', '論理的思考']);
    const sales = (await hr.client.get(`/api/reports/assessments/${a.id}?departmentId=${depts[0]}`)).body;
    expect(sales.results.count).toBe(8);

    const check = await verifyAssessmentAggregates(db, a.id);
    expect(check.cells).toBeGreaterThan(0);
    expect(check.mismatches).toEqual([]);

    // Redelivery: the same close applied again changes nothing.
    const one = (await getAttempt(db, attempts[0]!.id))!;
    const change = {
      eventId: 'redelivered',
      eventName: 'MODIFY' as const,
      oldImage: { ...one, status: 'in_progress', finishedAt: null, result: null, entity: 'attempt' },
      newImage: { ...one, entity: 'attempt' },
    };
    expect((await applyChanges(server.deps, [change, change])).applied).toBe(0);
    expect((await hr.client.get(`/api/reports/assessments/${a.id}`)).body.results.count).toBe(16);
    expect((await verifyAssessmentAggregates(db, a.id)).mismatches).toEqual([]);

    // The results export: UTF-8 with BOM, ja headers, one row per attempt, streamed.
    const csv = await fetch(`${server.url}/api/reports/assessments/${a.id}/results.csv`, {
      headers: { authorization: `Bearer ${hr.client.token}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe(
      '受験ID,氏名,メールアドレス,部署,階層,状態,開始,終了,得点,合否,習熟度,θ,SE,スケールスコア,所要時間（秒）,コンプライアンス（%）,論理的思考（%）',
    );
    expect(lines).toHaveLength(17);
    expect(lines.slice(1).every((l) => /,('@営業部|開発部),junior,finished,/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes(",'=1+2,"))).toHaveLength(1);
    expect(lines.some((l) => /(^|,)[=+@]/.test(l))).toBe(false);
    const en = await fetch(`${server.url}/api/reports/assessments/${a.id}/results.csv?locale=en`, {
      headers: { authorization: `Bearer ${hr.client.token}` },
    });
    // (fetch's text() already drops the BOM)
    expect((await en.text()).replace(/^\uFEFF/, '').startsWith('attempt_id,name,email,department')).toBe(true);

    // The weekly trend: all 16 results fall in this week (the last of the series).
    const trend = (await hr.client.get(`/api/reports/assessments/${a.id}/trend?weeks=4`)).body;
    expect(trend.weeks).toHaveLength(4);
    expect(trend.weeks.map((w: { count: number }) => w.count)).toEqual([0, 0, 0, 16]);
    expect(trend.weeks[3].mean).toBeCloseTo(report.results.score.mean, 5);

    // A manager sees their own department only; a learner their own history only.
    const mgr = (
      await hr.client.post('/api/users', {
        name: '部長',
        email: `m-${randomId()}@reports.test`,
        role: 'manager',
        departmentId: depts[1],
        level: 'manager',
        sendInvite: false,
      })
    ).body;
    const manager = new Client(server.url);
    manager.token = await server.deps.signer.signAccess(
      { userId: mgr.id, tenantId: hr.tenantId, vendorId: null, role: 'manager' },
      new Date(),
    );
    const own = await manager.get(`/api/reports/assessments/${a.id}?departmentId=${depts[0]}`);
    expect(own.body.filter.departmentId).toBe(depts[1]);
    expect(own.body.results.count).toBe(8);
    const learnerId = attempts[0]!.userId;
    const history = (await hr.client.get(`/api/reports/learners/${learnerId}`)).body;
    expect(history.attempts).toHaveLength(1);
    expect(history.attempts[0].result.score).toBe((attempts[0]!.result as { score: number }).score);
    expect(history.proficiency.length).toBeGreaterThan(0);
    // Evidence names its skill in both languages (the page shows it, never the id).
    for (const e of history.proficiency) expect(e.skillName).toMatchObject({ ja: expect.any(String), en: expect.any(String) });
    const stranger = learners.find((l) => l.c.token !== undefined)!;
    expect((await stranger.c.get(`/api/reports/learners/${mgr.id}`)).status).toBe(404);

    // A foreign company sees nothing of it.
    const other = await signUpCompany(server.url);
    expect((await other.client.get(`/api/reports/assessments/${a.id}`)).status).toBe(404);
    expect((await other.client.get(`/api/reports/assessments/${a.id}/results.csv`)).status).toBe(404);
    // Budget: 16 concurrent learners, then the stream, on a loaded 2-core machine.
  }, 180_000);

  it('parks a record it cannot read, counts it in health, and still applies the records after it', async () => {
    const bankId = await seedBank(hr.client, ['報連相'], 2);
    const a = (await hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '報連相', count: 2 }]))).body;
    await hr.client.post(`/api/assessments/${a.id}/publish`);
    const db = server.data.clientFor({ tenantId: hr.tenantId });
    // A writer's bug: an attempt item without the fields every attempt has.
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: { ...keys.attempt(hr.tenantId, randomId()), entity: 'attempt', status: 'lost' } }),
    );
    // Then an ordinary change after it in the stream.
    const user = (
      await hr.client.post('/api/users', { name: '受講者', email: `p-${randomId()}@reports.test`, level: 'junior', sendInvite: false })
    ).body;
    const learner = new Client(server.url);
    learner.token = await server.deps.signer.signAccess(
      { userId: user.id, tenantId: hr.tenantId, vendorId: null, role: 'learner' },
      new Date(),
    );
    let v = (await learner.post(`/api/assessments/${a.id}/attempts`)).body;
    while (v.current)
      v = (await learner.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: 'a' } })).body
        .attempt;
    for (let i = 0; i < 10 && (await server.drainStream()) > 0; i++);

    expect((await hr.client.get(`/api/reports/assessments/${a.id}`)).body.results.count).toBe(1);
    const health = await fetch(`${server.url}/api/health`);
    const body = (await health.json()) as { status: string; stream: { parked: number; recordsBehind: number } };
    expect(health.status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.stream).toMatchObject({ parked: 1, recordsBehind: 0 });
    expect(server.logs.some((l) => l.msg === 'aggregator failed' && String(l.error).includes('Malformed attempt record'))).toBe(true);
    expect(server.logs.some((l) => l.msg === 'stream' && l.level === 'warn' && l.parked === 1)).toBe(true);
    // A replay reads it again from its place in the stream; still malformed, so it stays parked.
    expect(await server.replayParked()).toEqual({ replayed: 0, stillFailing: 1 });
  }, 120_000);
});
