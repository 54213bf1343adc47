import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';

/**
 * The demo history plays its tests through the app with a seeded draw, so the same demo company
 * gets the same forms on every machine. This checks the seam it relies on: a server given an
 * attempt seed serves the same question order and option order every time; one without serves
 * a fresh shuffle.
 */
let seeded: TestServer;
let unseeded: TestServer;
let a: SignedUpCompany;
let b: SignedUpCompany;
beforeAll(async () => {
  seeded = await startTestServer({ attemptSeed: () => 20_261_207 });
  unseeded = await startTestServer();
  a = await signUpCompany(seeded.url, '株式会社シード検証');
  b = await signUpCompany(unseeded.url, '株式会社シードなし');
});
afterAll(async () => {
  await seeded?.stop();
  await unseeded?.stop();
});

/** Takes the whole test once; returns the order of the questions and of each one's options as served. */
async function takeOnce(company: SignedUpCompany, assessmentId: string): Promise<string[]> {
  let view = (await company.client.post(`/api/assessments/${assessmentId}/attempts`)).body;
  const served: string[] = [];
  while (view.status === 'in_progress') {
    const q = view.current;
    served.push(`${q.questionId}:${q.options.map((o: { id: string }) => o.id).join('')}`);
    const res = await company.client.post(`/api/attempts/${view.id}/answers`, { questionId: q.questionId, response: { optionId: 'a' } });
    expect(res.status).toBe(200);
    view = res.body.attempt;
  }
  return served;
}

async function publishedShuffledTest(company: SignedUpCompany): Promise<string> {
  const bankId = await seedBank(company.client, ['論理的思考'], 8);
  const draft = await company.client.post(
    '/api/assessments',
    fixedAssessment(bankId, [{ skill: '論理的思考', count: 8 }], { title: { ja: '並び順の確認', en: 'Order check' } }),
  );
  expect(draft.status).toBe(201);
  expect((await company.client.post(`/api/assessments/${draft.body.id}/publish`)).status).toBe(200);
  return draft.body.id as string;
}

describe('the attempt seed', () => {
  it('given, serves the same questions and options in the same order on every attempt', async () => {
    const id = await publishedShuffledTest(a);
    const first = await takeOnce(a, id);
    expect(first).toHaveLength(8);
    expect(await takeOnce(a, id)).toEqual(first);
  });

  it('not given, shuffles each attempt afresh', async () => {
    const id = await publishedShuffledTest(b);
    const orders = [await takeOnce(b, id), await takeOnce(b, id), await takeOnce(b, id)];
    // Eight questions with four options each: three identical shuffles in a row would be a broken draw.
    expect(new Set(orders.map((o) => o.join()))).not.toHaveProperty('size', 1);
  });
});
