/**
 * `npm run bench:users`: people search at 10,000 people. Imports a company of 10,000 (through the
 * real CSV commit, so the search index is written the way production writes it), then times
 * searches over HTTP (names, furigana in either kana, email, filters, sorts, late pages) and counts
 * the DynamoDB calls each makes. Prints one JSON line. Not a test: nothing asserts on time.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { LEVELS, searchUsers } from '@manabi/core';
import { DEFAULT_TABLE_NAME, keys, readSearchIndex } from '@manabi/data';
import { ensureTable, freePort, startDynamoLocal } from '@manabi/data/local';
import { startLocal } from '@manabi/api/local';
import { signUpCompany } from '../support/client.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const PEOPLE = 10_000;
const ROUNDS = 30;
const FAMILY = [
  ['鈴木', 'すずき'],
  ['佐藤', 'サトウ'],
  ['高橋', 'たかはし'],
  ['田中', 'タナカ'],
  ['伊藤', 'いとう'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'やまもと'],
  ['中村', 'ナカムラ'],
  ['小林', 'こばやし'],
  ['加藤', 'カトウ'],
] as const;
const GIVEN = [
  ['太郎', 'たろう'],
  ['花子', 'ハナコ'],
  ['一郎', 'いちろう'],
  ['美咲', 'ミサキ'],
  ['健', 'けん'],
  ['陽菜', 'ヒナ'],
  ['翔', 'しょう'],
] as const;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

const dynamo = await startDynamoLocal();
await ensureTable(dynamo.endpoint, DEFAULT_TABLE_NAME);
const server = await startLocal({ port: await freePort(), seed: false, dynamoEndpoint: dynamo.endpoint, log: () => {} });
try {
  const hr = await signUpCompany(server.url, '株式会社検索ベンチ');
  const lines = ['氏名,フリガナ,メールアドレス,部署,階層'];
  for (let i = 0; i < PEOPLE - 1; i++) {
    const [family, familyKana] = FAMILY[i % FAMILY.length]!;
    const [given, givenKana] = GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]!;
    lines.push(`${family} ${given}${i},${familyKana} ${givenKana},p${i}@bench.test,部署${i % 20},${LEVELS[i % LEVELS.length]}`);
  }
  const started = performance.now();
  const imported = await hr.client.upload('/api/users/import?mode=commit', new TextEncoder().encode(lines.join('\n')));
  if (imported.body.created !== PEOPLE - 1) throw new Error(`import: ${JSON.stringify(imported.body).slice(0, 300)}`);
  const importSeconds = (performance.now() - started) / 1000;
  const departments = (await hr.client.get('/api/departments')).body.items as { id: string }[];

  const queries = [
    { q: '鈴木' },
    { q: 'すずき' },
    { q: 'タナカ ミサキ' },
    { q: 'p4242@' },
    { q: 'bench.test', sort: 'department', order: 'desc' },
    { level: 'mid', status: 'invited', sort: 'level' },
    { departmentId: departments[3]!.id, q: 'はなこ' },
    { page: 100, pageSize: 100 },
    { sort: 'status', pageSize: 20, page: 7 },
    { q: '翔', sort: 'name', order: 'desc', pageSize: 50 },
  ];
  // Warm up (the first search of a company whose index predates this code would rebuild it).
  await hr.client.get('/api/users?q=warm');
  const times: number[] = [];
  const calls: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
      const before = server.data.callCount();
      const t0 = performance.now();
      const res = await hr.client.get(`/api/users?${params}`);
      times.push(performance.now() - t0);
      calls.push(server.data.callCount() - before);
      if (res.status !== 200 || typeof res.body.total !== 'number') throw new Error(`search ${params}: ${res.status}`);
    }
  }
  const db = server.data.clientFor({ tenantId: hr.tenantId });
  // Where the time goes: the index read (DynamoDB Local + unmarshalling) and the in-memory search.
  const readTimes: number[] = [];
  const memoryTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const { entries } = await readSearchIndex(db, new Date());
    const t1 = performance.now();
    searchUsers(entries, { q: 'すずき', sort: 'name', order: 'asc', page: 3, pageSize: 50 });
    readTimes.push(t1 - t0);
    memoryTimes.push(performance.now() - t1);
  }
  let indexBytes = 0;
  let indexItems = 0;
  let queryPages = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': keys.userSearchIndex(hr.tenantId).pk },
        ExclusiveStartKey: startKey,
      }),
    );
    queryPages += 1;
    for (const item of out.Items ?? []) {
      indexItems += 1;
      for (const [name, value] of Object.entries(item)) indexBytes += Buffer.byteLength(name) + Buffer.byteLength(String(value));
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  console.log(
    JSON.stringify({
      people: PEOPLE,
      searches: times.length,
      search_p50_ms: pct(times, 50),
      search_p99_ms: pct(times, 99),
      dynamodb_calls_per_search: Math.max(...calls),
      index_read_p50_ms: pct(readTimes, 50),
      in_memory_search_p50_ms: pct(memoryTimes, 50),
      index_items: indexItems,
      index_kib: Math.round(indexBytes / 1024),
      index_query_pages: queryPages,
      import_seconds: Math.round(importSeconds * 10) / 10,
    }),
  );
} finally {
  await server.stop();
  await dynamo.stop();
}
