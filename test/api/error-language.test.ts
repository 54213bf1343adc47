import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社言語');
});
afterAll(() => server.stop());

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** An English message: letters and spaces, no Japanese. */
const english = (s: string) => !japanese.test(s) && /[A-Za-z]{2,} [A-Za-z]{2,}/.test(s);

/** The same bad sign-in body: not an email, a number for the password. */
const badSignIn = (locale?: string) =>
  new Client(server.url).request(
    'POST',
    '/api/auth/signin',
    { email: 'not-an-email', password: 12 },
    {
      headers: locale ? { 'accept-language': locale } : {},
    },
  );

describe('error messages follow the caller’s language', () => {
  it('answers a bad request in Japanese for Accept-Language ja (and by default), in English for en', async () => {
    for (const locale of ['ja', 'ja-JP,ja;q=0.9,en;q=0.8', undefined]) {
      const res = await badSignIn(locale);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
      expect(res.body.error.message).toBe('入力内容に誤りがあります');
      const byPath = Object.fromEntries(res.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
      expect(byPath.email).toBe('メールアドレスの形式が正しくありません');
      expect(byPath.password).toBe('無効な入力: 文字列が期待されましたが、数値が入力されました');
    }
    const en = await badSignIn('en-US,en;q=0.9');
    expect(en.body.error.code).toBe('validation_error');
    expect(en.body.error.message).toBe('The request is not valid');
    const byPath = Object.fromEntries(en.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath.email).toBe('Invalid email address');
    expect(byPath.password).toBe('Invalid input: expected string, received number');
  });

  it('words codes without a user (wrong password) by Accept-Language', async () => {
    const wrong = (locale: string) =>
      new Client(server.url).request(
        'POST',
        '/api/auth/signin',
        { email: hr.email, password: 'not the password at all' },
        {
          headers: { 'accept-language': locale },
        },
      );
    const ja = await wrong('ja');
    expect(ja.status).toBe(401);
    expect(ja.body.error).toMatchObject({ code: 'invalid_credentials', message: 'メールアドレスまたはパスワードが正しくありません' });
    const en = await wrong('en');
    expect(en.body.error).toMatchObject({ code: 'invalid_credentials', message: 'The email address or password is incorrect' });
  });

  it('follows the signed-in user’s own language over the header, resource names translated', async () => {
    const missing = '/api/users/aaaaaaaaaaaaaaaa';
    const asUser = (locale: string) => hr.client.request('GET', missing, undefined, { headers: { 'accept-language': locale } });

    // The HR admin signed up in Japanese: Japanese even when the browser prefers English.
    const ja = await asUser('en');
    expect(ja.status).toBe(404);
    expect(ja.headers.get('content-language')).toBe('ja');
    expect(ja.body.error).toMatchObject({ code: 'not_found', message: 'ユーザーが見つかりません' });

    expect((await hr.client.patch('/api/me', { locale: 'en' })).status).toBe(200);
    const en = await asUser('ja');
    expect(en.body.error).toMatchObject({ code: 'not_found', message: 'User not found' });
    expect(en.headers.get('content-language')).toBe('en');

    // A conflict the data layer raises (a taken email), with its field's message, in the user's language.
    const taken = await hr.client.post('/api/users', { name: '重複 太郎', email: hr.email, sendInvite: false });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
    expect(english(taken.body.error.message)).toBe(true);
    expect(taken.body.error.details).toEqual([{ path: 'email', message: taken.body.error.message }]);

    expect((await hr.client.patch('/api/me', { locale: 'ja' })).status).toBe(200);
    const again = await hr.client.post('/api/users', { name: '重複 太郎', email: hr.email, sendInvite: false });
    expect(again.body.error.message).toBe('このメールアドレスはすでに使われています');
  });

  it('words a validation error with a variant message and a detail from the catalog', async () => {
    const self = await hr.client.patch(`/api/users/${hr.adminId}`, { role: 'learner' });
    expect(self.status).toBe(400);
    expect(self.body.error).toEqual({
      code: 'validation_error',
      message: '自分のロールは変更できません',
      details: [{ path: 'role', message: '自分のロールは変更できません' }],
    });
    const other = await hr.client.post('/api/users', { name: '英語 花子', email: uniqueEmail('en'), locale: 'en', sendInvite: false });
    expect(other.status).toBe(201);
  });
});
