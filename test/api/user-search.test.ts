import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys, searchIndexVersion, USER_SEARCH_VERSION } from '@manabi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

/**
 * People search over the whole company (issue 14): 1,010 people imported through the real CSV
 * commit, the people searched for sorting after the first pages by name (五十音順 of furigana).
 */
const BULK = 1_007;
const KANA_DIGITS = 'カキクケコサシスセソ';
/** A distinct furigana per number: アイダ + the number's digits as kana. */
const bulkFurigana = (i: number) => `アイダ ${[...String(i).padStart(4, '0')].map((d) => KANA_DIGITS[Number(d)]).join('')}`;

type Person = { id: string; name: string; furigana: string | null; email: string; tenantId: string; departmentName: string | null };
type Page = { items: Person[]; total: number; page: number; pageSize: number; pageCount: number };

let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
const domain = `${Date.now().toString(36)}.search.test`;
const people: Record<'hanako' | 'ichiro' | 'ken', Person> = {} as never;

const search = async (company: SignedUpCompany, params: Record<string, string | number>): Promise<Page> => {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await company.client.get(`/api/users?${query}`);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body as Page;
};
const names = (page: Page) => page.items.map((p) => p.name);

beforeAll(async () => {
  server = await startTestServer();
  [hr, other] = await Promise.all([signUpCompany(server.url, '株式会社検索'), signUpCompany(server.url, '株式会社よそ')]);
  const lines = ['氏名,フリガナ,メールアドレス,部署,階層'];
  for (let i = 0; i < BULK; i++) lines.push(`相田 ${i},${bulkFurigana(i)},aida${i}@${domain},営業部,${i % 2 ? 'junior' : 'mid'}`);
  lines.push(`鈴木 花子,すずき はなこ,hanako.s@${domain},営業部,新入社員`);
  lines.push(`鈴木 一郎,ｽｽﾞｷ ｲﾁﾛｳ,ichiro@${domain},開発部,中堅社員`);
  lines.push(`佐藤 健,サトウ ケン,ken.suzuki@${domain},開発部,`);
  const imported = await hr.client.upload('/api/users/import?mode=commit', new TextEncoder().encode(lines.join('\n')));
  expect(imported.status).toBe(200);
  expect(imported.body.created, JSON.stringify(imported.body.errors).slice(0, 300)).toBe(BULK + 3);
  const all = await search(hr, { q: domain, pageSize: 200, sort: 'name', order: 'desc' });
  for (const p of all.items) {
    if (p.name === '鈴木 花子') people.hanako = p;
    if (p.name === '鈴木 一郎') people.ichiro = p;
    if (p.name === '佐藤 健') people.ken = p;
  }
}, 300_000);
afterAll(() => server.stop());

describe('people search across the whole company', () => {
  it('finds a person whom name order puts on a late page, with the total', async () => {
    const first = await search(hr, { pageSize: 50 });
    expect(first.total).toBe(BULK + 4);
    expect(first.pageCount).toBe(Math.ceil((BULK + 4) / 50));
    expect(names(first)).not.toContain('鈴木 花子');
    const found = await search(hr, { q: '鈴木', pageSize: 50 });
    expect([found.total, found.page, found.pageCount]).toEqual([2, 1, 1]);
    expect(names(found)).toEqual(['鈴木 一郎', '鈴木 花子']);
  });

  it('stores furigana as katakana and finds it in either kana, width or spacing', async () => {
    expect(people.hanako.furigana).toBe('スズキ ハナコ');
    expect(people.ichiro.furigana).toBe('スズキ イチロウ');
    for (const q of ['すずき', 'スズキ', 'ｽｽﾞｷ', 'すずきはなこ', 'スズキ　ハナコ', 'はなこ']) {
      const page = await search(hr, { q });
      expect(names(page), q).toContain('鈴木 花子');
      expect(
        names(page).every((n) => n.startsWith('鈴木')),
        q,
      ).toBe(true);
    }
  });

  it('finds by email prefix and substring', async () => {
    expect(names(await search(hr, { q: 'suzuki@' }))).toEqual(['佐藤 健']);
    expect(names(await search(hr, { q: 'ICHIRO@' }))).toEqual(['鈴木 一郎']);
    expect((await search(hr, { q: `aida100@${domain}` })).total).toBe(1);
    expect((await search(hr, { q: 'aida100' })).total).toBe(8); // aida100, aida1000 … aida1006
  });

  it('combines the search with department, level, status and role filters', async () => {
    const depts = (await hr.client.get('/api/departments')).body.items as { id: string; name: string }[];
    const dev = depts.find((d) => d.name === '開発部')!.id;
    expect(names(await search(hr, { q: '鈴木', departmentId: dev }))).toEqual(['鈴木 一郎']);
    expect(names(await search(hr, { q: 'スズキ', level: 'new_hire' }))).toEqual(['鈴木 花子']);
    expect((await search(hr, { departmentId: dev })).total).toBe(2);
    expect((await search(hr, { level: 'mid' })).total).toBe(Math.ceil(BULK / 2) + 1);
    expect(names(await search(hr, { status: 'active' }))).toEqual(['人事 太郎']);
    expect(names(await search(hr, { role: 'tenant_admin' }))).toEqual(['人事 太郎']);
    expect((await search(hr, { q: '鈴木', status: 'deactivated' })).total).toBe(0);
  });

  it('sorts by furigana (五十音順), department, level and status, both ways', async () => {
    const asc = await search(hr, { pageSize: 2 });
    expect(asc.items.map((p) => p.furigana)).toEqual([bulkFurigana(0), bulkFurigana(1)]);
    // Kanji names without furigana sort after every furigana; then スズキ ハナコ, スズキ イチロウ, サトウ ケン.
    expect(names(await search(hr, { pageSize: 4, order: 'desc' }))).toEqual(['人事 太郎', '鈴木 花子', '鈴木 一郎', '佐藤 健']);
    expect(names(await search(hr, { q: '鈴木', sort: 'department' }))).toEqual(['鈴木 花子', '鈴木 一郎']);
    expect(names(await search(hr, { q: '鈴木', sort: 'department', order: 'desc' }))).toEqual(['鈴木 一郎', '鈴木 花子']);
    expect(names(await search(hr, { q: '鈴木', sort: 'level' }))).toEqual(['鈴木 花子', '鈴木 一郎']);
    expect(names(await search(hr, { q: '鈴木', sort: 'level', order: 'desc' }))).toEqual(['鈴木 一郎', '鈴木 花子']);
    // Status order: invited, active, deactivated; only the admin is active.
    const byStatus = await search(hr, { sort: 'status', order: 'desc', pageSize: 1 });
    expect(names(byStatus)).toEqual(['人事 太郎']);
    // No department sorts last either way.
    const byDept = await search(hr, { sort: 'department', order: 'desc', pageSize: 1, page: 100_000 });
    expect(byDept.page).toBe(byDept.pageCount);
    expect(names(byDept)).toEqual(['人事 太郎']);
  });

  it('pages by the size asked, every person exactly once', async () => {
    for (const pageSize of [20, 100]) {
      const first = await search(hr, { pageSize });
      expect(first.items).toHaveLength(pageSize);
      expect(first.pageCount).toBe(Math.ceil((BULK + 4) / pageSize));
    }
    const seen = new Set<string>();
    const pageCount = (await search(hr, { pageSize: 200 })).pageCount;
    for (let page = 1; page <= pageCount; page++) for (const p of (await search(hr, { pageSize: 200, page })).items) seen.add(p.id);
    expect(seen.size).toBe(BULK + 4);
  });

  it('follows an edit: new furigana, name and email are searchable at once', async () => {
    const edited = await hr.client.patch(`/api/users/${people.ken.id}`, { furigana: 'さとう たける', name: '佐藤 武' });
    expect(edited.status).toBe(200);
    expect(edited.body.furigana).toBe('サトウ タケル');
    expect(names(await search(hr, { q: 'たける' }))).toEqual(['佐藤 武']);
    expect((await search(hr, { q: '佐藤 健' })).total).toBe(0);
    const invalid = await hr.client.patch(`/api/users/${people.ken.id}`, { furigana: 'Sato' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toBe('furigana');
  });

  it('never shows another company’s people, and answers 404 to a foreign id', async () => {
    const foreign = await search(other, { q: '鈴木' });
    expect([foreign.total, foreign.items]).toEqual([0, []]);
    const all = await search(other, { pageSize: 200 });
    expect(all.items.every((p) => p.tenantId === other.tenantId)).toBe(true);
    expect(all.total).toBe(all.items.length);
    expect((await other.client.get(`/api/users/${people.hanako.id}`)).status).toBe(404);
    expect((await other.client.patch(`/api/users/${people.hanako.id}`, { furigana: 'ア' })).status).toBe(404);
  });

  it('makes every one of many concurrent creates searchable', async () => {
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        other.client.post('/api/users', {
          name: `並行 ${i}`,
          furigana: `へいこう ${bulkFurigana(i).slice(4)}`,
          email: uniqueEmail(`par${i}`),
          sendInvite: false,
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(24).fill(201));
    const found = await search(other, { q: 'ヘイコウ', pageSize: 50 });
    expect(found.total).toBe(24);
    expect(new Set(found.items.map((p) => p.id))).toEqual(new Set(created.map((r) => r.body.id)));
  });

  it('finds people from before the index: the first search rebuilds it once', async () => {
    const db = server.data.clientFor({ tenantId: other.tenantId });
    const pk = keys.userSearchIndex(other.tenantId).pk;
    const out = await db.doc.send(
      new QueryCommand({ TableName: db.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': pk } }),
    );
    for (const item of out.Items ?? []) await db.doc.send(new DeleteCommand({ TableName: db.table, Key: { pk: item.pk, sk: item.sk } }));
    expect(await searchIndexVersion(db)).toBeNull();

    const [a, b] = await Promise.all([search(other, { q: 'へいこう' }), search(other, { q: 'へいこう' })]);
    expect([a.total, b.total]).toEqual([24, 24]);
    expect(await searchIndexVersion(db)).toBe(USER_SEARCH_VERSION);
    const before = server.data.callCount();
    expect(names(await search(other, { q: `へいこう ${bulkFurigana(23).slice(4)}` }))).toEqual(['並行 23']);
    // Ready again: the index Query, the departments Query, one BatchGet, plus the request's auth check.
    expect(server.data.callCount() - before).toBeLessThanOrEqual(5);
  });
});

describe('furigana on people and in the CSV', () => {
  it('validates and normalises furigana when adding a person', async () => {
    const ok = await hr.client.post('/api/users', {
      name: '山田 太郎',
      furigana: 'やまだ　たろう',
      email: uniqueEmail(),
      sendInvite: false,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.furigana).toBe('ヤマダ タロウ');
    const bad = await hr.client.post('/api/users', { name: '山田 次郎', furigana: '山田', email: uniqueEmail(), sendInvite: false });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('furigana');
  });

  it('offers a フリガナ column in the template and reports a row whose furigana is not kana', async () => {
    const template = await hr.client.get('/api/users/import/template?locale=ja');
    expect(
      String(template.body)
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0],
    ).toBe('氏名,フリガナ,メールアドレス,ロール,部署,階層,入社日');
    const csv = `氏名,フリガナ,メールアドレス\n田中 一,Tanaka,tanaka-${domain}@example.test\n`;
    const res = await hr.client.upload('/api/users/import?mode=preview', new TextEncoder().encode(csv));
    expect(res.body.errors).toEqual([{ row: 2, column: 'フリガナ', message: expect.stringContaining('フリガナ') }]);
  });

  it('exports every person with their furigana, in a file that imports back unchanged', async () => {
    const exported = await hr.client.get('/api/users/export?locale=ja');
    expect(exported.status).toBe(200);
    const lines = String(exported.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('氏名,フリガナ,メールアドレス,ロール,部署,階層,入社日');
    expect(lines).toContain(`鈴木 花子,スズキ ハナコ,hanako.s@${domain},受講者,営業部,新入社員,`);
    expect(lines.length).toBe((await search(hr, { pageSize: 1 })).total + 1);
    const again = await hr.client.upload('/api/users/import?mode=preview', new TextEncoder().encode(String(exported.body)));
    expect([again.body.created, again.body.updated, again.body.errors]).toEqual([0, 0, []]);
  });
});
