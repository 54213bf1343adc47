/**
 * `npm run bench:answer`: the learner's hot paths against DynamoDB Local, over real HTTP.
 * - answer path: p50/p99 of POST /api/attempts/{id}/answers, next to the bare DynamoDB operations
 *   of one read and one conditional write of the attempt (GetItem + PutItem: `ratio`, the figure
 *   kept since the first bench) and to the path's own two calls (the BatchGetItem of the attempt
 *   with the company, vendor and person, then the PutItem: `ratio_own_calls`), measured in the same run;
 * - DynamoDB calls per request on each path of taking a test (each request's own count, from its
 *   log line: the data layer counts the calls made within a request);
 * - a synchronised start: 500 learners press Start on the same test within one second.
 * Prints one JSON line. Not a test: nothing here asserts on time.
 */
import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@manabi/data';
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
// Each request's DynamoDB calls, from its log line (by request id).
const callsByRequest = new Map<string, number>();
const server = await startLocal({
  port: await freePort(),
  seed: false,
  dynamoEndpoint: dynamo.endpoint,
  log: (line) => {
    if (line.msg === 'request') callsByRequest.set(line.requestId as string, line.ddbCalls as number);
  },
});
const callsOf = (res: { headers: Headers }): number => {
  const calls = callsByRequest.get(res.headers.get('x-request-id') ?? '');
  if (calls === undefined) throw new Error('request not logged');
  return calls;
};
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

  // 1. Answer path, learners one after another (latency, not throughput); each request's calls.
  const answerMs: number[] = [];
  const perPath: Record<string, number[]> = { start: [], resume: [], answer: [], answer_closing: [], view: [], finish: [] };
  let answers = 0;
  for (let i = 0; i < ANSWER_LEARNERS; i++) {
    const c = await learner();
    const started = await c.post(`/api/assessments/${assessmentId}/attempts`);
    perPath.start!.push(callsOf(started));
    let v = started.body;
    while (v.current) {
      const [ms, res] = await timed(() =>
        c.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: 'a' } }),
      );
      if (res.status !== 200) throw new Error(`answer failed: ${res.status} ${JSON.stringify(res.body)}`);
      // The last answer also closes the attempt (a transaction); count the steady-state answers.
      if (res.body.attempt.current) {
        answerMs.push(ms);
        answers += 1;
        perPath.answer!.push(callsOf(res));
      } else perPath.answer_closing!.push(callsOf(res));
      v = res.body.attempt;
    }
    perPath.view!.push(callsOf(await c.get(`/api/attempts/${v.id}`)));
  }
  // Resuming an unfinished attempt, and finishing one early.
  for (let i = 0; i < 5; i++) {
    const c = await learner();
    const first = await c.post(`/api/assessments/${assessmentId}/attempts`);
    const resumed = await c.post(`/api/assessments/${assessmentId}/attempts`);
    perPath.resume!.push(callsOf(resumed));
    perPath.finish!.push(callsOf(await c.post(`/api/attempts/${first.body.id}/finish`)));
  }
  // Calls per steady-state answer on one fresh attempt, once the process has cached the bank's
  // question versions (the learners above each met a version first now and then: +1 GetItem then).
  const probe = await learner();
  let pv = (await probe.post(`/api/assessments/${assessmentId}/attempts`)).body;
  const perAnswer: number[] = [];
  while (pv.current) {
    const res = await probe.post(`/api/attempts/${pv.id}/answers`, { questionId: pv.current.questionId, response: { optionId: 'a' } });
    if (res.body.attempt.current) perAnswer.push(callsOf(res));
    pv = res.body.attempt;
  }

  // 2. The same DynamoDB operations bare: read the attempt, write it back conditionally; and the
  // path's own read (the attempt with the company, vendor and person in one consistent BatchGetItem).
  const db = server.data.clientFor({ tenantId: hr.tenantId });
  const ddbMs: number[] = [];
  const ownMs: number[] = [];
  const attemptKey = keys.attempt(hr.tenantId, pv.id);
  const batchKeys = [keys.tenant(hr.tenantId), keys.user(hr.tenantId, hr.adminId), attemptKey];
  const writeBack = async (item: Record<string, unknown>) =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...item, rev: (item.rev as number) + 1 },
        ConditionExpression: 'rev = :r',
        ExpressionAttributeValues: { ':r': item.rev },
      }),
    );
  for (let i = 0; i < answerMs.length; i++) {
    const [ms] = await timed(async () => {
      const got = await db.doc.send(new GetCommand({ TableName: db.table, Key: attemptKey, ConsistentRead: true }));
      await writeBack(got.Item!);
    });
    ddbMs.push(ms);
    const [own] = await timed(async () => {
      const got = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.table]: { Keys: batchKeys, ConsistentRead: true } } }));
      await writeBack(got.Responses![db.table]!.find((it) => it.pk === attemptKey.pk)!);
    });
    ownMs.push(own);
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
  const ownP50 = pct(ownMs, 50);
  const spread = (xs: number[]) => ({
    min: Math.min(...xs),
    max: Math.max(...xs),
    mean: Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100,
  });
  console.log(
    JSON.stringify({
      answers_measured: answers,
      answer_p50_ms: answerP50,
      answer_p99_ms: pct(answerMs, 99),
      ddb_p50_ms: ddbP50,
      ddb_p99_ms: pct(ddbMs, 99),
      ratio: Math.round((answerP50 / ddbP50) * 100) / 100,
      ddb_own_calls_p50_ms: ownP50,
      ratio_own_calls: Math.round((answerP50 / ownP50) * 100) / 100,
      ddb_calls_per_answer: Math.max(...perAnswer),
      ddb_calls_per_request: Object.fromEntries(Object.entries(perPath).map(([path, xs]) => [path, spread(xs)])),
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
