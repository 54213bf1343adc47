import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '@manabi/core';
import { catalogBankId, parseItem, storedIdOf, type CatalogItem } from '@manabi/content';
import { createBank, createQuestion, getBank, getQuestionHead, getQuestionVersion } from '@manabi/data';
import { questionSchema } from '@manabi/questions';
import { catalogDigest, loadCatalogItems, publishCatalog, publishCatalogFolder } from '../../functions/api/src/local/catalog.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { clientAs } from '../support/vendors.js';
import { singleChoice } from '../support/content.js';

/** The catalog lives in a table of its own here, so what this file publishes is all it holds. */
let server: TestServer;
let hr: SignedUpCompany;
const CATALOG = { kind: 'catalog' } as const;

beforeAll(async () => {
  server = await startTestServer({ tableName: `manabi-catalog-${randomUUID().slice(0, 8)}` });
  hr = await signUpCompany(server.url, '株式会社カタログ確認');
});
afterAll(() => server.stop());

const item = (id: string, ja: string, explanation = '理由の説明です。'): Record<string, unknown> => ({
  id,
  type: 'single_choice',
  level: 'new_hire',
  skillTags: ['ビジネス基礎'],
  scenario: true,
  difficultyPrior: -0.5,
  discriminationPrior: 1.3,
  stem: { ja, en: `English for ${id}` },
  options: [
    { id: 'a', text: { ja: '上司にすぐ報告する', en: 'Tell your manager at once' } },
    { id: 'b', text: { ja: '黙って様子を見る', en: 'Wait and see' } },
    { id: 'c', text: { ja: '同僚にだけ話す', en: 'Tell only a colleague' } },
  ],
  correctOptionIds: ['a'],
  explanation: { ja: explanation, en: 'Why reporting at once is right.' },
});
const catalogOf = (items: Record<string, unknown>[]): CatalogItem[] =>
  items.map((raw) => {
    const parsed = parseItem(raw);
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    return parsed.item;
  });

describe('publishing the catalog', () => {
  it('stores it once in the catalog bank; a re-run updates changed items by id, adds new ones and leaves the rest', async () => {
    const first = catalogOf([item('pub-1', '遅刻しそうなとき'), item('pub-2', '書類を紛失したとき')]);
    const now = new Date().toISOString();
    expect(await publishCatalog(server.data.platform, first, now)).toEqual({
      bankId: catalogBankId(),
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await publishCatalog(server.data.platform, first, now)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const second = catalogOf([
      item('pub-1', '遅刻しそうなとき', '直してある説明です。'),
      item('pub-2', '書類を紛失したとき'),
      item('pub-3', '来客があったとき'),
    ]);
    expect(await publishCatalog(server.data.platform, second, now)).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect((await getBank(server.data.platform, CATALOG, catalogBankId()))!.questionCount).toBe(3);

    const head = (await getQuestionHead(server.data.platform, CATALOG, storedIdOf('pub-1')))!;
    expect(head).toMatchObject({ latestVersion: 2, publishedVersion: 2, status: 'published', irt: { a: 1.3, b: -0.5, source: 'prior' } });
    const content = (await getQuestionVersion(server.data.platform, CATALOG, head.id, 2)) as { explanation: { ja: string } };
    expect(content.explanation.ja).toBe('直してある説明です。');

    // Every company reads the one bank: nothing was copied into the company.
    const banks = (await hr.client.get('/api/banks')).body.items as { id: string; owner: string; questionCount: number }[];
    expect(banks.filter((b) => b.owner === 'catalog')).toEqual([expect.objectContaining({ id: catalogBankId(), questionCount: 3 })]);
    expect(banks.filter((b) => b.owner === 'tenant')).toEqual([]);
  });

  it('loads the real content folder and publishes it twice without a change', async () => {
    const items = loadCatalogItems();
    expect(items.length).toBeGreaterThanOrEqual(48);
    const now = new Date().toISOString();
    const first = await publishCatalog(server.data.platform, items, now);
    expect(first.created + first.updated + first.unchanged).toBe(items.length);
    expect(await publishCatalog(server.data.platform, items, now)).toMatchObject({ created: 0, updated: 0, unchanged: items.length });
    // The bank says which source it holds in full, so the next start checks one item, not 1,500.
    expect((await getBank(server.data.platform, CATALOG, catalogBankId()))!.contentDigest).toBe(catalogDigest(items));
    const edited = items.map((i, n) =>
      n === 0 ? { ...i, question: { ...i.question, explanation: { ja: '改訂した説明です。', en: 'A revised explanation.' } } } : i,
    );
    expect(await publishCatalog(server.data.platform, edited, now)).toMatchObject({ created: 0, updated: 1, unchanged: items.length - 1 });
    expect((await getBank(server.data.platform, CATALOG, catalogBankId()))!.contentDigest).toBe(catalogDigest(edited));
    expect(catalogDigest(edited)).not.toBe(catalogDigest(items));
  });
});

describe('a start with the catalog folder', () => {
  it('publishes it when it changed and otherwise does nothing (one read, no parsing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manabi-catalog-'));
    try {
      mkdirSync(join(dir, 'new_hire'));
      // YAML reads JSON as it is: the file is written from the same raw items the other tests use.
      const write = (items: Record<string, unknown>[]) =>
        writeFileSync(join(dir, 'new_hire', 'business-basics.yaml'), JSON.stringify(items));
      write([item('folder-1', '電話を取り次ぐとき'), item('folder-2', '会議室を予約するとき')]);
      const now = new Date().toISOString();
      expect(await publishCatalogFolder(server.data.platform, now, dir)).toMatchObject({ created: 2 });
      expect(await publishCatalogFolder(server.data.platform, now, dir)).toBeNull();
      write([item('folder-1', '電話を取り次ぐとき', '書き直した説明です。'), item('folder-2', '会議室を予約するとき')]);
      expect(await publishCatalogFolder(server.data.platform, now, dir)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect(await publishCatalogFolder(server.data.platform, now, dir)).toBeNull();
      const head = (await getQuestionHead(server.data.platform, CATALOG, storedIdOf('folder-1')))!;
      expect(head).toMatchObject({ latestVersion: 2, publishedVersion: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HR previews a catalog question', () => {
  it('answers its published content with the key and explanation, to HR only', async () => {
    await publishCatalog(server.data.platform, catalogOf([item('preview-1', '報告が遅れそうなとき')]), new Date().toISOString());
    const id = storedIdOf('preview-1');
    const res = await hr.client.get(`/api/catalog/questions/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      bankId: catalogBankId(),
      type: 'single_choice',
      publishedVersion: 1,
      content: { correctOptionIds: ['a'], explanation: { ja: '理由の説明です。', en: 'Why reporting at once is right.' } },
    });

    const learner = await clientAs(server, randomId(), hr.tenantId, null, 'learner');
    expect((await learner.get(`/api/catalog/questions/${id}`)).status).toBe(403);
  });

  it('finds only catalog questions: a company’s own, a vendor’s, an unknown or malformed id answer 404', async () => {
    const own = (await hr.client.post('/api/banks', { name: '自社の問題' })).body;
    const mine = (await hr.client.post(`/api/banks/${own.id}/questions`, singleChoice('自社', 0))).body;
    expect((await hr.client.get(`/api/questions/${mine.id}`)).status).toBe(200);
    expect((await hr.client.get(`/api/catalog/questions/${mine.id}`)).status).toBe(404);

    const vendor = { kind: 'vendor', vendorId: randomId() } as const;
    const vendorBank = randomId();
    const now = new Date().toISOString();
    await createBank(server.data.platform, vendor, vendorBank, '販売元の問題', now);
    const parsed = questionSchema.parse(singleChoice('販売元', 0));
    const vendorQuestion = randomId();
    await createQuestion(
      server.data.platform,
      vendor,
      {
        id: vendorQuestion,
        bankId: vendorBank,
        meta: { type: parsed.type, title: null, stemPreview: 'v', skillTags: [], level: null, irt: parsed.irt },
        content: parsed,
        publish: true,
      },
      now,
    );
    expect((await hr.client.get(`/api/catalog/questions/${vendorQuestion}`)).status).toBe(404);
    expect((await hr.client.get(`/api/catalog/questions/${randomId()}`)).status).toBe(404);
    const malformed = await hr.client.get('/api/catalog/questions/not-an-id');
    expect(malformed.status).toBe(404);
    expect(malformed.body.error.code).toBe('not_found');
  });
});
