/**
 * `npm run bench:reports`: dashboards must not slow down as a company grows. Seeds a company of
 * 100 learners and one of 10,000 learners × 20 attempts (raw attempts in the table, aggregates by
 * rebuild), then measures each report endpoint in both, in the same run. Prints one JSON line.
 * Not a test: nothing asserts on time.
 */
import { randomId, LEVELS } from '@manabi/core';
import { DEFAULT_TABLE_NAME, putAttemptsBulk, putRebuiltCells, listUsers, type AttemptRecord, type UserRecord } from '@manabi/data';
import { ensureTable, freePort, startDynamoLocal } from '@manabi/data/local';
import { cellGroup, parseAttemptImage, parseCellId, rebuildAggregates } from '@manabi/reports';
import { startLocal } from '@manabi/api/local';
import { Client, signUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const ASSESSMENTS = 10;
const ATTEMPTS_PER_LEARNER = 20;
const SKILLS = ['論理的思考', 'コンプライアンス', '情報セキュリティ'];
const ROUNDS = 40;

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

const dynamo = await startDynamoLocal();
await ensureTable(dynamo.endpoint, DEFAULT_TABLE_NAME);
// Each request's own DynamoDB calls, from its log line (the data layer counts within a request).
const callsByRequest = new Map<string, number>();
const server = await startLocal({
  port: await freePort(),
  seed: false,
  dynamoEndpoint: dynamo.endpoint,
  log: (line) => {
    if (line.msg === 'request') callsByRequest.set(line.requestId as string, line.ddbCalls as number);
    // A failed seeding request says why (the JSON line alone would not).
    if (line.level === 'error') process.stderr.write(`${JSON.stringify(line)}\n`);
  },
});

async function seedCompany(learners: number) {
  const hr = await signUpCompany(server.url, `株式会社ベンチ${learners}`);
  const lines = ['氏名,メールアドレス,部署,階層'];
  for (let i = 0; i < learners; i++) lines.push(`社員${i},u${i}-${randomId()}@bench.test,部署${i % 10},${LEVELS[i % LEVELS.length]}`);
  const imported = await hr.client.upload('/api/users/import?mode=commit', new TextEncoder().encode(lines.join('\n')));
  if (imported.body.created !== learners) throw new Error(`import: ${JSON.stringify(imported.body).slice(0, 300)}`);
  const bankId = await seedBank(hr.client, SKILLS, 4);
  const assessments: string[] = [];
  for (let k = 0; k < ASSESSMENTS; k++) {
    const a = (
      await hr.client.post(
        '/api/assessments',
        fixedAssessment(
          bankId,
          SKILLS.map((skill) => ({ skill, count: 1 })),
        ),
      )
    ).body;
    await hr.client.post(`/api/assessments/${a.id}/publish`);
    assessments.push(a.id);
  }
  const db = server.data.clientFor({ tenantId: hr.tenantId });
  const users: UserRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(db, { role: 'learner', limit: 200, cursor });
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  // Attempts: 20 per learner over the last 10 weeks, with results as the engine writes them.
  const started = performance.now();
  const attempts: AttemptRecord[] = [];
  const now = Date.now();
  for (const u of users) {
    for (let n = 0; n < ATTEMPTS_PER_LEARNER; n++) {
      const finishedAt = new Date(now - rand() * 70 * 86400_000).toISOString();
      const bySkill = SKILLS.map((skill) => {
        const correct = rand() < 0.65 ? 1 : 0;
        return { skill, correct, answered: 1, percent: correct * 100 };
      });
      const score = Math.round((1000 * bySkill.reduce((s, b) => s + b.correct, 0)) / SKILLS.length) / 10;
      attempts.push({
        id: randomId(),
        tenantId: hr.tenantId,
        userId: u.id,
        assessmentId: assessments[n % ASSESSMENTS]!,
        assessmentVersion: 1,
        mode: 'fixed',
        status: 'finished',
        seed: 1,
        startedAt: finishedAt,
        deadline: null,
        form: [],
        currentQuestionId: null,
        answers: bySkill.map((b, k) => ({
          questionId: `q${k}`,
          response: { optionId: b.correct ? 'a' : 'b' },
          correct: b.correct === 1,
          score: b.correct,
          answeredAt: finishedAt,
        })),
        finishedAt,
        result: {
          score,
          passed: score >= 60,
          correct: 0,
          answered: 3,
          bySkill,
          theta: null,
          se: null,
          band: Math.min(5, Math.floor(score / 20) + 1),
          scaledScore: null,
          timeTakenSeconds: 300,
        },
        sequence: Math.floor(n / ASSESSMENTS) + 1,
        rev: 1,
      });
    }
  }
  await putAttemptsBulk(db, attempts);
  const who = new Map(users.map((u) => [u.id, { departmentId: u.departmentId, level: u.level }]));
  // Item analysis reads the reduced answers the stream image carries.
  const images = attempts.map((a) => parseAttemptImage(a));
  // Standings for the skill-gap heatmap: every person, the framework's first skills, random values.
  const standings = users.map((u) => ({
    tenantId: hr.tenantId,
    userId: u.id,
    departmentId: u.departmentId,
    level: u.level,
    skills: ['logical-thinking', 'communication', 'compliance'].map((skill) => ({
      skill,
      required: 3,
      current: rand() < 0.2 ? null : 1 + Math.floor(rand() * 5),
    })),
  }));
  const cells = rebuildAggregates(images, [], (a) => who.get(a.userId)!, [], standings);
  await putRebuiltCells(db, cells, (id) => {
    const g = cellGroup(parseCellId(id));
    return g ? { id: g.group, member: g.member } : undefined;
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    hr,
    db,
    users,
    assessments,
    attempts: attempts.length,
    cells: cells.size,
    seconds,
    departments: [...new Set(users.map((u) => u.departmentId))],
  };
}

async function measure(company: Awaited<ReturnType<typeof seedCompany>>) {
  const c: Client = company.hr.client;
  const a = company.assessments[0]!;
  const endpoints: Record<string, () => string> = {
    report_all: () => `/api/reports/assessments/${a}`,
    report_department: () => `/api/reports/assessments/${a}?departmentId=${company.departments[0]}`,
    report_level: () => `/api/reports/assessments/${a}?level=junior`,
    trend_12_weeks: () => `/api/reports/assessments/${a}/trend?weeks=12`,
    item_analysis: () => `/api/assessments/${a}/statistics`,
    overview: () => `/api/reports/overview`,
    overview_department: () => `/api/reports/overview?departmentId=${company.departments[0]}`,
    skill_gaps_department: () => `/api/reports/skill-gaps?by=department`,
    skill_gaps_level: () => `/api/reports/skill-gaps?by=level`,
    learner_history: () => `/api/reports/learners/${company.users[Math.floor(rand() * company.users.length)]!.id}`,
  };
  const out: Record<string, { p50: number; p99: number; calls: number; calls_max: number }> = {};
  for (const [name, path] of Object.entries(endpoints)) {
    await c.get(path()); // warm
    const times: number[] = [];
    const calls: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      const res = await c.get(path());
      times.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
      calls.push(callsByRequest.get(res.headers.get('x-request-id') ?? '') ?? NaN);
    }
    // Mean per request: a request that re-reads the caller's access state (once per window) adds one.
    const mean = calls.reduce((a, b) => a + b, 0) / ROUNDS;
    out[name] = { p50: pct(times, 50), p99: pct(times, 99), calls: Math.round(mean * 10) / 10, calls_max: Math.max(...calls) };
  }
  return out;
}

try {
  const small = await seedCompany(100);
  const large = await seedCompany(10_000);
  const s = await measure(small);
  const l = await measure(large);
  const p50 = (m: typeof s) =>
    pct(
      Object.values(m).map((x) => x.p50),
      50,
    );
  console.log(
    JSON.stringify({
      learners_small: small.users.length,
      learners_large: large.users.length,
      attempts_large: large.attempts,
      aggregate_cells_large: large.cells,
      seeding_attempts_per_s: Math.round(large.attempts / large.seconds),
      p50_small_ms: p50(s),
      p50_large_ms: p50(l),
      ratio: Math.round((p50(l) / p50(s)) * 100) / 100,
      ddb_calls_per_request: Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v.calls])),
      endpoints_small: s,
      endpoints_large: l,
    }),
  );
} finally {
  await server.stop();
  await dynamo.stop();
}
