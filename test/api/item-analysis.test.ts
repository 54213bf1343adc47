import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '@manabi/core';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, singleChoice } from '../support/content.js';
import { classicalItemStats } from '@manabi/irt';
import { listAttemptsOfAssessment } from '@manabi/data';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  // The stream is read when the test drains it, not every second while 300 answers are posted:
  // on a loaded machine the two competing for DynamoDB Local is what ran past the budget.
  server = await startTestServer({ aggregate: true, streamIntervalMs: 3_600_000 });
  hr = await signUpCompany(server.url, '株式会社分析');
});
afterAll(() => server.stop());

describe('item statistics and calibration', () => {
  it('maintains p-values, point-biserials and distractor rates from the stream, and applies 2PL estimates as new versions', async () => {
    const bank = (await hr.client.post('/api/banks', { name: '分析用' })).body;
    // Five questions of rising difficulty; learners answer by a deterministic ability rule.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await hr.client.post(`/api/banks/${bank.id}/questions`, singleChoice('分析', i))).body.id);
    const a = (await hr.client.post('/api/assessments', fixedAssessment(bank.id, [{ skill: '分析', count: 5 }], { reviewPolicy: 'never' })))
      .body;
    expect((await hr.client.post(`/api/assessments/${a.id}/publish`)).status).toBe(200);

    // Responses simulated from a 2PL model with a seeded generator (θ spread over N(0,1) quantiles).
    // Each person×item draw is fixed (a hash of both), whatever order the form serves items in.
    const uniform = (person: number, item: number) => {
      let h = (person * 2654435761 + item * 40503 + 7) >>> 0;
      h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
      h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
      return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
    };
    const learners = 70;
    const takeTest = async (p: number) => {
      const theta = normalQuantile((p + 0.5) / learners);
      const c = new Client(server.url);
      c.token = await server.deps.signer.signAccess(
        { userId: randomId(), tenantId: hr.tenantId, vendorId: null, role: 'learner' },
        new Date(),
      );
      let v = (await c.post(`/api/assessments/${a.id}/attempts`)).body;
      while (v.current) {
        const index = ids.indexOf(v.current.questionId); // 0 easy … 4 hard
        const b = -1.5 + 0.75 * index;
        const right = uniform(p, index) < 1 / (1 + Math.exp(-1.702 * 1.2 * (theta - b)));
        const optionId = right ? 'a' : p % 2 === 0 ? 'b' : 'c';
        v = (await c.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId } })).body.attempt;
      }
    };
    // Ten at a time: the figures do not depend on the order, and waiting on one request at a time
    // is what made this slow on a loaded machine.
    for (let p = 0; p < learners; p += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => takeTest(p + k)));

    await server.drainStream();
    const stats = (await hr.client.get(`/api/assessments/${a.id}/statistics`)).body;
    expect(stats.attempts).toBe(learners);
    // The maintained figures equal the classical statistics computed from the raw responses.
    const raw = (await listAttemptsOfAssessment(server.data.clientFor({ tenantId: hr.tenantId }), a.id)).flatMap((x) =>
      x.answers.map((ans) => ({
        personId: x.id,
        itemId: ans.questionId,
        correct: ans.correct,
        optionId: (ans.response as { optionId: string }).optionId,
      })),
    );
    for (const expected of classicalItemStats(raw)) {
      const got = stats.items.find((i: { itemId: string }) => i.itemId === expected.itemId);
      expect(got.exposureCount).toBe(expected.exposureCount);
      expect(got.exposureRate).toBeCloseTo(expected.exposureRate, 10);
      expect(got.pValue).toBeCloseTo(expected.pValue, 10);
      expect(got.pointBiserial).toBeCloseTo(expected.pointBiserial!, 10);
      for (const [o, r] of Object.entries(expected.optionRates)) expect(got.optionRates[o]).toBeCloseTo(r, 10);
    }
    const byId = new Map(stats.items.map((s: { itemId: string }) => [s.itemId, s]));
    const p = ids.map((id) => (byId.get(id) as { pValue: number }).pValue);
    expect(p[0]).toBeGreaterThan(p[4]!);
    const first = byId.get(ids[0]!) as { exposureCount: number; optionRates: Record<string, number>; pointBiserial: number };
    expect(first.exposureCount).toBe(learners);
    expect(Object.values(first.optionRates).reduce((s, r) => s + r, 0)).toBeCloseTo(1, 5);
    expect(first.pointBiserial).toBeGreaterThan(0);
    expect(stats.items).toHaveLength(5);

    const thin = (await hr.client.post(`/api/assessments/${a.id}/calibrate`, { minResponses: 1000, apply: false })).body;
    expect(thin.items.every((i: { calibrated: boolean; reason: string }) => !i.calibrated && i.reason === 'too_few_responses')).toBe(true);

    const report = (await hr.client.post(`/api/assessments/${a.id}/calibrate`, { minResponses: 30, apply: true })).body;
    expect(report.converged).toBe(true);
    expect(report.applied).toBe(5);
    const bs = ids.map((id) => report.items.find((i: { questionId: string }) => i.questionId === id).b);
    expect(bs[4]).toBeGreaterThan(bs[0]);
    const q = (await hr.client.get(`/api/questions/${ids[4]}`)).body;
    expect(q.irt).toMatchObject({ source: 'calibrated', b: bs[4] });
    expect(q).toMatchObject({ latestVersion: 2, publishedVersion: 2 });
  }, 300_000); // Budget: 70 learners (ten at a time), then the stream; 154 s in a full clean-clone run on 2 cores, so room for a loaded machine
});

/** Inverse normal CDF (Acklam's rational approximation; plenty for spreading simulated abilities). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = p < 0.5 ? p : 1 - p;
  let x: number;
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    x =
      (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) /
      ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
    return p < 0.5 ? x : -x;
  }
  const r = (q - 0.5) ** 2;
  x =
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * (q - 0.5)) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  return p < 0.5 ? x : -x;
}
