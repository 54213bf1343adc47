import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const sjis = (s: string) => new Uint8Array(iconv.encode(s, 'cp932'));

async function usersOf(hr: SignedUpCompany) {
  const res = await hr.client.get('/api/users?pageSize=200');
  return res.body.items as {
    name: string;
    email: string;
    role: string;
    level: string | null;
    departmentName: string | null;
    hireDate: string | null;
  }[];
}

describe('CSV import of users', () => {
  // Emails are unique across companies, so each run gets its own domain.
  const jaCsv = (domain: string) =>
    [
      '氏名,メールアドレス,ロール,部署,階層,入社日',
      `髙橋 一郎,ichiro@${domain},受講者,営業部,新入社員,2026/4/1`,
      `佐藤 ②子,niko@${domain},マネージャー,営業部,管理職,2010-04-01`,
      `鈴木 三郎,saburo@${domain},,開発部,,`,
    ].join('\r\n');

  for (const [label, encode, encoding] of [
    ['UTF-8', utf8, 'utf-8'],
    ['UTF-8 with BOM', withBom, 'utf-8-bom'],
    ['Shift_JIS (Excel)', sjis, 'shift_jis'],
  ] as const) {
    it(`imports ${label} with Japanese headers: preview writes nothing, commit creates users and departments`, async () => {
      const hr = await signUpCompany(server.url);
      const domain = `${encoding}.import.test`;
      const preview = await hr.client.upload('/api/users/import?mode=preview', encode(jaCsv(domain)));
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ mode: 'preview', encoding, totalRows: 3, created: 3, updated: 0, skipped: 0, errors: [] });
      expect(preview.body.newDepartments).toEqual(['営業部', '開発部']);
      expect(preview.body.preview.map((p: { action: string }) => p.action)).toEqual(['create', 'create', 'create']);
      expect(await usersOf(hr)).toHaveLength(1);

      const commit = await hr.client.upload('/api/users/import?mode=commit', encode(jaCsv(domain)));
      expect(commit.body).toMatchObject({ mode: 'commit', created: 3, skipped: 0 });
      const users = await usersOf(hr);
      expect(users.find((u) => u.email === `ichiro@${domain}`)).toMatchObject({
        name: '髙橋 一郎',
        role: 'learner',
        departmentName: '営業部',
        level: 'new_hire',
        hireDate: '2026-04-01',
      });
      expect(users.find((u) => u.email === `niko@${domain}`)).toMatchObject({ name: '佐藤 ②子', role: 'manager', level: 'manager' });
      const departments = (await hr.client.get('/api/departments')).body.items;
      expect(departments.map((d: { name: string; userCount: number }) => [d.name, d.userCount])).toEqual([
        ['営業部', 2],
        ['開発部', 1],
      ]);
    });
  }

  it('reports every bad row with row, column and message, and imports the rest', async () => {
    const hr = await signUpCompany(server.url);
    const csv = [
      'name,email,role,department,level,hire_date',
      'Good One,good1@import.test,learner,Sales,junior,2024-04-01',
      ',noname@import.test,,,,',
      'Bad Mail,not-an-email,,,,',
      'Bad Role,role@import.test,emperor,,,',
      'Bad Level,level@import.test,,,guru,',
      'Bad Date,date@import.test,,,,2024-13-01',
      'Dup,GOOD1@import.test,,,,',
      'Good Two,good2@import.test,manager,,mid,',
    ].join('\n');
    const res = await hr.client.upload('/api/users/import?mode=commit&locale=en', utf8(csv));
    expect(res.body).toMatchObject({ totalRows: 8, created: 2, skipped: 6 });
    expect(res.body.errors).toEqual([
      { row: 3, column: 'name', message: 'This field is required' },
      { row: 4, column: 'email', message: 'Invalid email address' },
      { row: 5, column: 'role', message: expect.stringContaining('Role must be one of') },
      { row: 6, column: 'level', message: expect.stringContaining('Level must be one of') },
      { row: 7, column: 'hire_date', message: 'Date must be YYYY-MM-DD or YYYY/MM/DD' },
      { row: 8, column: 'email', message: 'Same email as row 2' },
    ]);
    expect((await usersOf(hr)).map((u) => u.email).sort()).toEqual([hr.email, 'good1@import.test', 'good2@import.test'].sort());
  });

  it('re-import updates by email and never duplicates', async () => {
    const hr = await signUpCompany(server.url);
    const v1 = 'name,email,level\nA,a@reimport.test,new_hire\nB,b@reimport.test,junior\n';
    await hr.client.upload('/api/users/import?mode=commit', utf8(v1));
    const v2 = 'name,email,level\nA (renamed),A@REIMPORT.TEST,new_hire\nB,b@reimport.test,junior\nC,c@reimport.test,\n';
    const preview = await hr.client.upload('/api/users/import?mode=preview', utf8(v2));
    expect(preview.body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const commit = await hr.client.upload('/api/users/import?mode=commit', utf8(v2));
    expect(commit.body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const users = await usersOf(hr);
    expect(
      users
        .filter((u) => u.email.endsWith('@reimport.test'))
        .map((u) => u.name)
        .sort(),
    ).toEqual(['A (renamed)', 'B', 'C']);
  });

  it('refuses emails of another company without saying which', async () => {
    const other = await signUpCompany(server.url);
    const hr = await signUpCompany(server.url);
    const res = await hr.client.upload('/api/users/import?mode=preview&locale=en', utf8(`name,email\nX,${other.email}\n`));
    expect(res.body.errors).toEqual([
      { row: 2, column: 'email', message: 'This email address cannot be used (it belongs to another account)' },
    ]);
    expect(res.body.created).toBe(0);
  });

  it('rejects a file without the required columns, and requests without a file, clearly', async () => {
    const hr = await signUpCompany(server.url);
    const res = await hr.client.upload('/api/users/import?mode=commit', utf8('氏名,電話番号\n山田,03-0000-0000\n'));
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual([
      '必須の列「メールアドレス」がありません',
      '列「電話番号」は認識できないため取り込まれません',
    ]);
    const noFile = await hr.client.request('POST', '/api/users/import?mode=preview', undefined, { raw: new FormData() });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details[0].path).toBe('file');
    const badMode = await hr.client.upload('/api/users/import?mode=yolo', utf8('a'));
    expect(badMode.status).toBe(400);
  });

  it('imports a job role column, refusing roles the skill framework does not define', async () => {
    const hr = await signUpCompany(server.url);
    const csv = (role: string) => utf8(`氏名,メールアドレス,階層,職種\n営業 一郎,sales-${role}@jobrole.test,new_hire,${role}\n`);
    const unknown = await hr.client.upload('/api/users/import?mode=commit&locale=en', csv('sales'));
    expect(unknown.body).toMatchObject({ created: 0, skipped: 1 });
    expect(unknown.body.errors).toEqual([{ row: 2, column: '職種', message: 'This job role is not in the skill framework' }]);
    const current = (await hr.client.get('/api/skills/framework')).body;
    await hr.client.request('PUT', '/api/skills/framework', {
      framework: { ...current.framework, jobRoles: [{ id: 'sales', name: { ja: '営業職', en: 'Sales' } }] },
      expectedRev: current.rev,
    });
    const ok = await hr.client.upload('/api/users/import?mode=commit', csv('sales'));
    expect(ok.body).toMatchObject({ created: 1, errors: [] });
    const user = (await usersOf(hr)).find((u) => u.email === 'sales-sales@jobrole.test') as unknown as { jobRole: string };
    expect(user.jobRole).toBe('sales');
  });

  it('offers a template that Excel in Japan opens (UTF-8 with BOM)', async () => {
    const hr = await signUpCompany(server.url);
    const res = await fetch(`${server.url}/api/users/import/template?locale=ja`, {
      headers: { authorization: `Bearer ${hr.client.token}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')[0]).toBe('氏名,フリガナ,メールアドレス,ロール,部署,階層,入社日');
    // The template imports as-is.
    const preview = await hr.client.upload('/api/users/import?mode=preview', bytes);
    expect(preview.body).toMatchObject({ created: 1, errors: [] });
  });

  it('imports 10,000 rows, and a second import of the same file changes nothing', async () => {
    const hr = await signUpCompany(server.url, '株式会社大規模');
    const lines = ['氏名,メールアドレス,部署,階層'];
    const levels = ['新入社員', '若手社員', '中堅社員', 'リーダー・監督職', '管理職'];
    for (let i = 0; i < 10_000; i++) lines.push(`社員 ${i},bulk${i}@bulk.test,部署${i % 20},${levels[i % 5]}`);
    const file = sjis(lines.join('\r\n'));
    const started = performance.now();
    const res = await hr.client.upload('/api/users/import?mode=commit', file);
    const ms = Math.round(performance.now() - started);
    expect(res.body).toMatchObject({ totalRows: 10_000, created: 10_000, skipped: 0, errors: [] });
    server.logs.push({ msg: 'import-10k-ms', ms });
    console.log(JSON.stringify({ import_10k_rows_ms: ms }));
    const again = await hr.client.upload('/api/users/import?mode=preview', file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    const dept = (await hr.client.get('/api/departments')).body.items;
    expect(dept).toHaveLength(20);
    expect(dept.reduce((n: number, d: { userCount: number }) => n + d.userCount, 0)).toBe(10_000);
  }, 300_000);
});
