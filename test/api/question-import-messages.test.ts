import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
let hr: SignedUpCompany;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社移行メッセージ');
  bankId = (await hr.client.post('/api/banks', { name: 'メッセージ' })).body.id;
});
afterAll(() => server.stop());

/** A GIFT file with one good question, one whose answers are not closed and one with a single answer. */
const BROKEN_GIFT = [
  '::Good:: Capital of France? {=Paris ~Lyon}',
  '',
  '::Open:: Capital of Japan? {=Tokyo ~Osaka',
  '',
  '::Lonely:: Pick one {~only}',
  '',
].join('\n');

/** A true/false question with no text: it breaks the question rules (a schema issue, worded per field). */
const EMPTY_STEM_XML =
  '<quiz><question type="truefalse"><name><text>Empty</text></name><questiontext format="html"><text></text></questiontext>' +
  '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>';

type Issue = { item: number | string; line: number | null; code: string; key: string; message: string };

const preview = (text: string, format: string, language: string, name: string) => {
  const form = new FormData();
  form.set('file', new Blob([new TextEncoder().encode(text)], { type: 'text/plain' }), name);
  return hr.client.request<{ errors: Issue[]; warnings: Issue[]; imported: number; total: number }>(
    'POST',
    `/api/banks/${bankId}/import?format=${format}&mode=preview`,
    undefined,
    { raw: form, headers: { 'accept-language': language } },
  );
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('question import messages in the language of the request', () => {
  it('answers a GIFT dry run in Japanese with Accept-Language ja, in English with en: same items, same keys', async () => {
    const ja = await preview(BROKEN_GIFT, 'gift', 'ja', 'broken.gift');
    const en = await preview(BROKEN_GIFT, 'gift', 'en-US,en;q=0.9', 'broken.gift');
    expect(ja.status).toBe(200);
    expect(ja.headers.get('content-language')).toBe('ja');
    expect(en.headers.get('content-language')).toBe('en');
    expect({ total: ja.body.total, imported: ja.body.imported }).toEqual({ total: 3, imported: 1 });
    expect(en.body.imported).toBe(1);
    const shape = (issues: Issue[]) => issues.map((i) => [i.item, i.line, i.code, i.key]);
    expect(shape(ja.body.errors)).toEqual([
      [2, 3, 'syntax', 'gift.braces'],
      [3, 5, 'invalid', 'gift.mc_two_answers'],
    ]);
    expect(shape(en.body.errors)).toEqual(shape(ja.body.errors));

    expect(ja.body.errors.map((e) => e.message)).toEqual([
      '「Open」答えの部分が「{」で始まり「}」で閉じていません。{ と } の対応を確かめてください（文字として使うときは \\{ \\} と書きます）',
      '「Lonely」選択式の問題には答えが 2 つ以上必要です。「~」に続けて誤答を追加してください',
    ]);
    expect(en.body.errors.map((e) => e.message)).toEqual([
      '"Open": The answers must start with "{" and end with "}". Check that every { has its }; to write a brace as text, type \\{ or \\}.',
      '"Lonely": A multiple-choice question needs at least two answers. Add wrong answers, each after a "~".',
    ]);
    for (const e of en.body.errors) expect(e.message).not.toMatch(JAPANESE);
  });

  it('words a broken question rule per field, in Japanese and English', async () => {
    const ja = await preview(EMPTY_STEM_XML, 'moodle_xml', 'ja', 'empty.xml');
    const en = await preview(EMPTY_STEM_XML, 'moodle_xml', 'en', 'empty.xml');
    expect(ja.body.errors.map((e) => [e.item, e.code, e.key])).toEqual([[1, 'invalid', 'schema.field']]);
    expect(ja.body.errors[0]!.message).toBe('「Empty」問題文：日本語か英語の本文を入力してください');
    expect(en.body.errors[0]!.message).toBe('"Empty": Question text: Japanese or English text is required');
  });

  it('answers a whole-file refusal and the export notes in the language of the request', async () => {
    const ja = await preview('<notquiz/>', 'moodle_xml', 'ja', 'x.xml');
    expect(ja.body.errors).toMatchObject([{ item: 'file', code: 'unreadable', key: 'file.not_moodle_xml' }]);
    expect(ja.body.errors[0]!.message).toMatch(/^Moodle XML の問題ファイルではありません/);

    const form = new FormData();
    form.set('file', new Blob([new TextEncoder().encode('::Order:: 1+1=2 {T}\n')]), 'tf.gift');
    await hr.client.request('POST', `/api/banks/${bankId}/import?format=gift&mode=commit`, undefined, { raw: form });
    const notes = async (language: string) => {
      const res = await hr.client.request('GET', `/api/banks/${bankId}/export?format=qti21&locale=ja`, undefined, {
        headers: { 'accept-language': language },
      });
      expect(res.status).toBe(200);
      return JSON.parse(decodeURIComponent(res.headers.get('x-export-warnings') ?? '[]')) as { key: string; message: string }[];
    };
    const [jaNote] = await notes('ja');
    const [enNote] = await notes('en');
    expect(jaNote).toMatchObject({ key: 'export.qti_true_false' });
    expect(jaNote!.message).toMatch(/^QTI には正誤の解答形式がないため、書き出しません/);
    expect(enNote!.message).toMatch(/^QTI has no true\/false answer format, so it is not exported/);
  });
});
