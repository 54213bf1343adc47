import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';

// Files as other tools write them, byte for byte (written out from each encoding's code table).
const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g)!.map((b) => Number.parseInt(b, 16)));
/** "::敬語::「言う」の謙譲語は？{=申す ~おっしゃる}" in Shift_JIS. */
const SJIS_GIFT = hex('3a3a8c688cea3a3a81758cbe82a4817682cc8caa8ff78cea82cd81487b3d905c82b7207e82a882c182b582e182e97d');
/** "::Geografía::¿Dónde está Málaga?{=España ~Francia}" in Windows-1252. */
const LATIN_GIFT = hex('3a3a47656f67726166ed613a3abf44f36e646520657374e1204de16c6167613f7b3d45737061f161207e4672616e6369617d');

let server: TestServer;
let hr: SignedUpCompany;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社移行');
  bankId = (await hr.client.post('/api/banks', { name: '移行' })).body.id;
});
afterAll(() => server.stop());

const preview = (bytes: Uint8Array, query = 'format=gift', name = 'q.gift') =>
  hr.client.upload(`/api/banks/${bankId}/import?${query}&mode=preview`, bytes, {}, name);

describe('question import: encodings and languages', () => {
  it('detects Shift_JIS, says it guessed, and shows the decoded text', async () => {
    const r = await preview(SJIS_GIFT);
    expect(r.status).toBe(200);
    expect(r.body.encoding).toEqual({ name: 'shift_jis', source: 'detected', guessed: true, declarationIgnored: null });
    expect(r.body.textPreview).toBe('::敬語::「言う」の謙譲語は？{=申す ~おっしゃる}');
    expect(r.body.preview).toMatchObject([{ title: '敬語', stemPreview: '「言う」の謙譲語は？', language: 'ja' }]);
  });

  it('reads a Latin file as Windows-1252, not Shift_JIS, and stores its text as English', async () => {
    const r = await preview(LATIN_GIFT);
    expect(r.body.encoding).toMatchObject({ name: 'windows-1252', guessed: true });
    expect(r.body.preview).toMatchObject([{ title: 'Geografía', stemPreview: '¿Dónde está Málaga?', language: 'en' }]);
    const commit = await hr.client.upload(`/api/banks/${bankId}/import?format=gift&mode=commit`, LATIN_GIFT, {}, 'q.gift');
    expect(commit.body.imported).toBe(1);
    const [stored] = (await hr.client.get(`/api/banks/${bankId}/questions`)).body.items;
    const question = (await hr.client.get(`/api/questions/${stored.id}`)).body;
    expect(question.content).toMatchObject({
      stem: { en: '¿Dónde está Málaga?' },
      options: [{ text: { en: 'España' } }, { text: { en: 'Francia' } }],
    });
  });

  it('decodes with the encoding the person picks, and keeps a chosen language', async () => {
    const picked = await preview(LATIN_GIFT, 'format=gift&encoding=shift_jis');
    expect(picked.body.encoding).toMatchObject({ name: 'shift_jis', source: 'chosen', guessed: false });
    const ja = await preview(new TextEncoder().encode('Is 7 prime? {T}'), 'format=gift&locale=ja');
    expect(ja.body.preview[0].language).toBe('ja');
    const bad = await preview(SJIS_GIFT, 'format=gift&encoding=klingon');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('query.encoding');
  });

  it('honours an XML declaration and a UTF-16 byte-order mark', async () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<quiz><question type="truefalse"><name><text>Café</text></name><questiontext format="html"><text>Le café est une boisson.</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>';
    const latin1 = Uint8Array.from([...xml].map((c) => c.charCodeAt(0)));
    const declared = await preview(latin1, 'format=moodle_xml', 'q.xml');
    expect(declared.body.encoding).toMatchObject({ name: 'windows-1252', source: 'declaration', guessed: false });
    expect(declared.body.preview).toMatchObject([{ title: 'Café', stemPreview: 'Le café est une boisson.', language: 'en' }]);

    const utf16 = [0xff, 0xfe, ...[...xml.replace('ISO-8859-1', 'UTF-16')].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])];
    const bom = await preview(Uint8Array.from(utf16), 'format=moodle_xml', 'q.xml');
    expect(bom.body.encoding).toMatchObject({ name: 'utf-16le', source: 'bom' });
    expect(bom.body.preview).toMatchObject([{ title: 'Café' }]);
  });
});
