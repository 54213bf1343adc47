import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { activePerson } from '../support/accounts.js';
import { scimTokenFor, USER_SCHEMA } from '../support/scim.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社監査ログ');
});
afterAll(() => server.stop());

interface Entry {
  id: string;
  at: string;
  action: string;
  actor: { kind: string; id: string; name: string };
  subject?: { kind: string; id: string; name: string };
  ip?: string;
  detail: Record<string, string | number | null>;
}

async function wholeLog(query = ''): Promise<Entry[]> {
  const items: Entry[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: Entry[]; nextCursor: string | null } } = await hr.client.get(
      `/api/audit-log?limit=3${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** A CSV line's cells (the export quotes only cells holding a comma, quote or line break). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell);
  return out;
}

describe('the company’s audit log', () => {
  const formulaName = "=cmd|' /C calc'!A0";
  let personId: string;

  beforeAll(async () => {
    // A failed sign-in, a role change, a deactivation, a SCIM token and a person it creates, a revocation.
    expect((await new Client(server.url).post('/api/auth/signin', { email: hr.email, password: 'not the password' })).status).toBe(401);
    const person = await activePerson(hr.client);
    personId = person.id;
    expect((await hr.client.patch(`/api/users/${person.id}`, { role: 'manager' })).status).toBe(200);
    expect((await hr.client.post(`/api/users/${person.id}/deactivate`)).status).toBe(200);
    const token = await scimTokenFor(hr.client, 'Entra ID 本番');
    const created = await token.scim.post('/Users', {
      schemas: [USER_SCHEMA],
      userName: uniqueEmail('formula'),
      displayName: formulaName,
      active: true,
    });
    expect(created.status).toBe(201);
    expect((await hr.client.delete(`/api/scim-tokens/${token.id}`)).status).toBe(204);
  });

  it('lists every event newest first, a page at a time, with who, whom and from where', async () => {
    const log = await wholeLog();
    const order = log.map((e) => e.action).reverse();
    // Oldest first: the HR admin's sign-up sign-in … the token's revocation.
    const expected = [
      'signin.succeeded',
      'signin.failed',
      'signin.succeeded', // the new person's first sign-in (through the invitation link)
      'user.role_changed',
      'user.deactivated',
      'scim_token.created',
      'scim.user_created',
      'scim_token.revoked',
    ];
    expect(order.filter((a) => expected.includes(a))).toEqual(expected);
    const times = log.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const failed = log.find((e) => e.action === 'signin.failed')!;
    expect(failed.actor.kind).toBe('anonymous');
    expect(failed.subject).toMatchObject({ kind: 'user', id: hr.adminId });
    expect(failed.ip).toBeTruthy();
    expect(log.find((e) => e.action === 'user.role_changed')).toMatchObject({
      actor: { kind: 'user', id: hr.adminId },
      subject: { id: personId },
      detail: { from: 'learner', to: 'manager' },
    });
    expect(log.find((e) => e.action === 'scim.user_created')).toMatchObject({
      actor: { kind: 'scim', name: 'Entra ID 本番' },
      subject: { name: formulaName },
    });
  });

  it('filters by type and by dates', async () => {
    const failures = await wholeLog('&type=signin.failed');
    expect(failures.length).toBe(1);
    expect(failures[0]!.action).toBe('signin.failed');

    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 33 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 15 * 3600_000).toISOString().slice(0, 10);
    expect((await wholeLog(`&from=${today}&to=${today}`)).length).toBe((await wholeLog()).length);
    expect(await wholeLog(`&from=${tomorrow}`)).toEqual([]);
    expect(await wholeLog(`&to=${yesterday}`)).toEqual([]);
    expect((await hr.client.get('/api/audit-log?type=Not A Type')).status).toBe(400);
    expect((await hr.client.get('/api/audit-log?from=2026-02-31')).status).toBe(400);
  });

  it('exports the same events as CSV in order, with a BOM, and a name starting with = neutralised', async () => {
    // Read as bytes: fetch's text() would drop the byte order mark this checks.
    const res = await fetch(`${server.url}/api/audit-log.csv`, { headers: { authorization: `Bearer ${hr.client.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('audit-log.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(cells(lines[0]!)).toEqual([
      '日時',
      '種類',
      '種類コード',
      '実施者の区分',
      '実施者',
      '実施者ID',
      '対象',
      '対象ID',
      'IPアドレス',
      '詳細',
    ]);
    const rows = lines.slice(1).map(cells);
    const log = await wholeLog();
    expect(rows.map((r) => r[2])).toEqual(log.map((e) => e.action));
    expect(rows.map((r) => r[0])).toEqual(log.map((e) => e.at));

    const scimRow = rows.find((r) => r[2] === 'scim.user_created')!;
    expect(scimRow[1]).toBe('SCIM: 利用者の作成');
    expect(scimRow[6]).toBe(`'${formulaName}`);
    expect(text).not.toMatch(/(^|,)=cmd/m);

    const failures = await hr.client.get('/api/audit-log.csv?type=signin.failed');
    expect((failures.body as string).split('\r\n').filter(Boolean).length).toBe(2);
  });

  it('is HR’s to read', async () => {
    const learner = await activePerson(hr.client);
    const client = new Client(server.url);
    client.token = (await client.post('/api/auth/signin', { email: learner.email, password: learner.password })).body.accessToken;
    expect((await client.get('/api/audit-log')).status).toBe(403);
    expect((await client.get('/api/audit-log.csv')).status).toBe(403);
  });
});
