import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment } from '../support/content.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/questions');
const MOODLE_IMAGES = new Uint8Array(readFileSync(join(FIXTURES, 'moodle-xml/images.xml')));
const GREEN = new Uint8Array(readFileSync(join(FIXTURES, 'images/green-sign.png')));
const RED = new Uint8Array(readFileSync(join(FIXTURES, 'images/red-arrow.png')));
const TOKEN = /!\[([^\]]*)\]\(file:([0-9a-z]{16})\)/;

let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
let bankId: string;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社画像');
  other = await signUpCompany(server.url, '株式会社よそ');
  bankId = (await hr.client.post('/api/banks', { name: '図で答える' })).body.id;
});
afterAll(() => server.stop());

async function learner(): Promise<Client> {
  const email = uniqueEmail('learner');
  const created = await hr.client.post('/api/users', { name: '受講者 画像', email, role: 'learner', level: 'new_hire', sendInvite: true });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'learner password' })
  ).body.accessToken;
  return client;
}

const bytesAt = async (url: string) => {
  const res = await fetch(url.startsWith('http') ? url : `${server.url}${url}`);
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
};

const importImages = (mode: 'preview' | 'commit') =>
  hr.client.upload(`/api/banks/${bankId}/import?format=moodle_xml&mode=${mode}`, MOODLE_IMAGES, { publish: 'true' }, 'images.xml');

describe('images in questions, end to end', () => {
  it('dry run lists the images and refuses items whose image is missing or not allowed', async () => {
    const r = await importImages('preview');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 5, imported: 3 });
    expect(r.body.images).toEqual({
      count: 3,
      bytes: 73 + 74 + 74,
      items: [
        { item: 1, name: 'green-sign.png', contentType: 'image/png', size: 73 },
        { item: 1, name: 'red-arrow.png', contentType: 'image/png', size: 74 },
        { item: 2, name: 'embedded image (image/png)', contentType: 'image/png', size: 74 },
      ],
    });
    expect(r.body.errors.map((e: { item: number; key: string; message: string }) => [e.item, e.key, e.message])).toEqual([
      [
        3,
        'image.moodle_missing',
        '「Missing file」問題文が画像「floor-plan.png」を表示していますが、その画像データが問題の中にありません。Moodle から書き出し直してください',
      ],
      [
        4,
        'image.svg',
        '「SVG picture」画像「shape.svg」は SVG 形式のため取り込めません（SVG にはスクリプトを含められるためです）。PNG, JPEG, GIF, WebP に変換してください',
      ],
    ]);
    // The preview shows an image as its alt text, never the token.
    expect(r.body.preview[0]).toMatchObject({ title: '非常口の標識', stemPreview: '[image: 緑色の非常口の標識]' });
    expect((await hr.client.get(`/api/banks/${bankId}/questions`)).body.items).toEqual([]);
  });

  it('stores an image-only stem and option, serves the images to a learner, exports them back, and 404s another company', async () => {
    const committed = await importImages('commit');
    expect(committed.body.imported).toBe(3);
    const items = (await hr.client.get(`/api/banks/${bankId}/questions`)).body.items as { id: string; title: string }[];
    const sign = items.find((i) => i.title === '非常口の標識')!;
    const detail = (await hr.client.get(`/api/questions/${sign.id}`)).body;
    const [, stemAlt, stemId] = TOKEN.exec(detail.content.stem.ja)!;
    const [, optionAlt, optionId] = TOKEN.exec(detail.content.options[1].text.ja)!;
    expect(detail.content.stem.ja).toBe(`![緑色の非常口の標識](file:${stemId})`);
    expect([stemAlt, optionAlt]).toEqual(['緑色の非常口の標識', '赤い矢印']);
    expect(detail.content.explanation.ja).toBe(`この標識 ![標識](file:${stemId}) は避難口を示します。`);
    expect(detail.images.map((i: { id: string }) => i.id).sort()).toEqual([stemId, optionId].sort());

    // The stored image is the imported one, byte for byte, and the author can look it up.
    const own = await hr.client.get(`/api/question-images/${stemId}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: stemId, contentType: 'image/png', size: 73 });
    expect(await bytesAt(own.body.url)).toEqual({ status: 200, type: 'image/png', bytes: GREEN });

    // Importing the same file again stores each image once: the same ids (content-addressed).
    await importImages('commit');
    const again = (await hr.client.get(`/api/banks/${bankId}/questions`)).body.items.filter(
      (i: { title: string }) => i.title === '非常口の標識',
    );
    expect(again).toHaveLength(2);
    const second = (await hr.client.get(`/api/questions/${again.find((i: { id: string }) => i.id !== sign.id).id}`)).body;
    expect(second.content.stem.ja).toBe(detail.content.stem.ja);
    expect(second.content.options[1].text.ja).toBe(detail.content.options[1].text.ja);
    // Question images are not lesson files.
    expect((await hr.client.get('/api/files')).body.items).toEqual([]);

    // A learner takes a quiz with the question: the images come with signed URLs that load.
    const created = await hr.client.post(
      '/api/assessments',
      fixedAssessment(bankId, [], { fixed: { questionIds: [sign.id], draws: [], shuffleQuestions: false, shuffleOptions: false } }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await hr.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);
    const me = await learner();
    const view = (await me.post(`/api/assessments/${created.body.id}/attempts`)).body;
    expect(view.current.stem).toEqual({ ja: `![緑色の非常口の標識](file:${stemId})` });
    const links = new Map((view.current.images as { id: string; url: string }[]).map((i) => [i.id, i.url]));
    expect([...links.keys()].sort()).toEqual([stemId, optionId].sort());
    expect(await bytesAt(links.get(stemId!)!)).toEqual({ status: 200, type: 'image/png', bytes: GREEN });
    expect(await bytesAt(links.get(optionId!)!)).toEqual({ status: 200, type: 'image/png', bytes: RED });
    // Learners cannot use the authors' lookup.
    expect((await me.get(`/api/question-images/${stemId}`)).status).toBe(403);

    // Export gives the images back: Moodle XML embeds them as <file>s, the QTI zip holds them.
    const exported = await fetch(`${server.url}/api/banks/${bankId}/export?format=moodle_xml&locale=ja`, {
      headers: { authorization: `Bearer ${hr.client.token}` },
    });
    const xml = await exported.text();
    expect(xml).toContain(`<file name="${stemId}.png" path="/" encoding="base64">${Buffer.from(GREEN).toString('base64')}</file>`);
    expect(xml).toContain(`<file name="${optionId}.png" path="/" encoding="base64">${Buffer.from(RED).toString('base64')}</file>`);
    const roundTrip = await hr.client.upload(
      `/api/banks/${bankId}/import?format=moodle_xml&mode=preview`,
      new TextEncoder().encode(xml),
      {},
      'back.xml',
    );
    expect(roundTrip.body.errors).toEqual([]);
    expect(roundTrip.body.images.count).toBe(3);

    // Another company: the same id is not theirs.
    const foreign = await other.client.get(`/api/question-images/${stemId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
  });

  it('an author uploads an image for the editor; wrong types and oversize are refused with the limit', async () => {
    const up = await hr.client.request('POST', '/api/question-images?name=green.png', undefined, {
      raw: new Blob([GREEN.slice()], { type: 'image/png' }),
      headers: { 'content-type': 'image/png' },
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'image/png', size: 73 });
    expect(await bytesAt(up.body.url)).toMatchObject({ status: 200, bytes: GREEN });

    const svg = await hr.client.request('POST', '/api/question-images', undefined, {
      raw: new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/svg+xml' }),
      headers: { 'content-type': 'image/svg+xml' },
    });
    expect(svg.status).toBe(400);
    // Worded in the person's language (Japanese here).
    expect(svg.body.error).toMatchObject({
      code: 'invalid_image',
      message: '問題の画像は PNG・JPEG・GIF・WebP のいずれかにしてください（SVG は使えません）',
    });

    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(GREEN);
    const tooBig = await hr.client.request('POST', '/api/question-images', undefined, {
      raw: new Blob([big], { type: 'image/png' }),
      headers: { 'content-type': 'image/png' },
    });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error).toMatchObject({ code: 'image_too_large', message: '問題の画像は 2 MB までです（この画像は 2.1 MB）' });
  });
});
