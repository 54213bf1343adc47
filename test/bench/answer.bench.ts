/**
 * `npm run bench:answer`: the learner's hot paths against DynamoDB Local, over real HTTP.
 * - answer path: p50/p99 of POST /api/attempts/{id}/answers, next to the bare DynamoDB operations
 *   that path performs (GetItem + conditional PutItem of the attempt), measured in the same run;
 * - DynamoDB calls per answer (counted by the data layer's client);
 * - a synchronised start: 500 learners press Start on the same test within one second.
 * Prints one JSON line. Not a test: nothing here asserts on time.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys, type DataAccess } from '@manabi/data';
import { freePort } from '@manabi/data/local';
import { ensureTable, startDynamoLocal } from '@manabi/data/local';
import { DEFAULT_TABLE_NAME } from '@manabi/data';
import { startLocal } from '@manabi/api/local';
import { randomId } from '@manabi/core';
import { Client, signUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const LEARNERS_SYNC = 500;
const ANSWER_LEARNERS = 60;
const ITEMS = 10;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

const dynamo = await startDynamoLocal();
await ensureTable(dynamo.endpoint, DEFAULT_TABLE_NAME);
const server = await startLocal({ port: await freePort(), seed: false, dynamoEndpoint: dynamo.endpoint, log: () => {} });
const data: DataAccess = server.data;
try {
  const hr = await signUpCompany(server.url, '株式会社ベンチ');
  const bankId = await seedBank(hr.client, ['論理的思考', '情報セキュリティ'], 30);
  const created = await hr.client.post(
    '/api/assessments',
    fixedAssessment(bankId, [
      { skill: '論理的思考', count: ITEMS / 2 },
      { skill: '情報セキュリティ', count: ITEMS / 2 },
    ]),
  );
  await hr.client.post(`/api/assessments/${created.body.id}/publish`);
  const assessmentId = created.body.id as string;

  // Learners: tokens minted by the server's own signer (sign-in is not what is measured here).
  const learner = async () => {
    const c = new Client(server.url);
    c.token = await server.deps.signer.signAccess(
      { userId: randomId(), tenantId: hr.tenantId, vendorId: null, role: 'learner' },
      new Date(),
    );
    return c;
  };

  // Warm up the process (JIT, caches) with a few full attempts.
  for (let i = 0; i < 3; i++) {
    const c = await learner();
    let v = (await c.post(`/api/assessments/${assessmentId}/attempts`)).body;
    while (v.current)
      v = (await c.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: 'a' } })).body.attempt;
  }

  // 1. Answer path, learners one after another (latency, not throughput).
  const answerMs: number[] = [];
  const callsBefore = data.callCount();
  let answers = 0;
  for (let i = 0; i < ANSWER_LEARNERS; i++) {
    const c = await learner();
    let v = (await c.post(`/api/assessments/${assessmentId}/attempts`)).body;
    while (v.current) {
      const before = data.callCount();
      const [ms, res] = await timed(() =>
        c.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: 'a' } }),
      );
      if (res.status !== 200) throw new Error(`answer failed: ${res.status} ${JSON.stringify(res.body)}`);
      // The last answer also closes the attempt (a transaction); count the steady-state answers.
      if (res.body.attempt.current) {
        answerMs.push(ms);
        answers += 1;
      }
      void before;
      v = res.body.attempt;
    }
  }
  const callsForAnswers = data.callCount() - callsBefore;

  // Count calls per steady-state answer precisely on one fresh attempt.
  const probe = await learner();
  let pv = (await probe.post(`/api/assessments/${assessmentId}/attempts`)).body;
  const perAnswer: number[] = [];
  while (pv.current) {
    const before = data.callCount();
    const res = await probe.post(`/api/attempts/${pv.id}/answers`, { questionId: pv.current.questionId, response: { optionId: 'a' } });
    if (res.body.attempt.current) perAnswer.push(data.callCount() - before);
    pv = res.body.attempt;
  }

  // 2. The same DynamoDB operations bare: read the attempt, write it back conditionally.
  const db = data.clientFor({ tenantId: hr.tenantId });
  const ddbMs: number[] = [];
  const attemptKey = keys.attempt(hr.tenantId, pv.id);
  for (let i = 0; i < answerMs.length; i++) {
    const [ms] = await timed(async () => {
      const got = await db.doc.send(new GetCommand({ TableName: db.table, Key: attemptKey, ConsistentRead: true }));
      const item = got.Item!;
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...item, rev: (item.rev as number) + 1 },
          ConditionExpression: 'rev = :r',
          ExpressionAttributeValues: { ':r': item.rev },
        }),
      );
    });
    ddbMs.push(ms);
  }

  // 3. Synchronised start: 500 learners press Start within one second.
  const clients = await Promise.all(Array.from({ length: LEARNERS_SYNC }, learner));
  const t0 = performance.now();
  const results = await Promise.all(
    clients.map(async (c, i) => {
      await new Promise((r) => setTimeout(r, (i / LEARNERS_SYNC) * 1000));
      const [ms, res] = await timed(() => c.post(`/api/assessments/${assessmentId}/attempts`));
      return { ms, ok: res.status === 201 && Boolean(res.body.current) };
    }),
  );
  const syncWall = performance.now() - t0;

  const answerP50 = pct(answerMs, 50);
  const ddbP50 = pct(ddbMs, 50);
  console.log(
    JSON.stringify({
      answers_measured: answers,
      answer_p50_ms: answerP50,
      answer_p99_ms: pct(answerMs, 99),
      ddb_p50_ms: ddbP50,
      ddb_p99_ms: pct(ddbMs, 99),
      ratio: Math.round((answerP50 / ddbP50) * 100) / 100,
      ddb_calls_per_answer: Math.max(...perAnswer),
      ddb_calls_per_answer_mean_incl_cold_cache: Math.round((callsForAnswers / Math.max(1, answers)) * 100) / 100,
      sync_start_learners: LEARNERS_SYNC,
      sync_start_p50_ms: pct(
        results.map((r) => r.ms),
        50,
      ),
      sync_start_p99_ms: pct(
        results.map((r) => r.ms),
        99,
      ),
      sync_start_failures: results.filter((r) => !r.ok).length,
      sync_start_wall_ms: Math.round(syncWall),
    }),
  );
} finally {
  await server.stop();
  await dynamo.stop();
}
