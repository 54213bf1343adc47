import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { seedBank } from '../support/content.js';

let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  [hr, other] = await Promise.all([signUpCompany(server.url, '株式会社問題検索'), signUpCompany(server.url, '株式会社よそ')]);
});
afterAll(() => server.stop());

describe('searching a bank’s questions by text (the question picker)', () => {
  it('finds questions whose stem contains the text, with their skill and difficulty, and nothing of another company', async () => {
    const bankId = await seedBank(hr.client, ['情報セキュリティ', '報連相'], 3, (i) => i - 1);
    const res = await hr.client.get(`/api/banks/${bankId}/questions?q=${encodeURIComponent('報連相の問題')}`);
    expect(res.status).toBe(200);
    const items = res.body.items as { stemPreview: string; skillTags: string[]; irt: { b: number } }[];
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.stemPreview).toContain('報連相の問題');
      expect(item.skillTags).toEqual(['報連相']);
      expect(typeof item.irt.b).toBe('number');
    }
    expect((await hr.client.get(`/api/banks/${bankId}/questions?q=${encodeURIComponent('問題 2')}`)).body.items).toHaveLength(2);
    expect((await hr.client.get(`/api/banks/${bankId}/questions?q=${encodeURIComponent('存在しない')}`)).body.items).toEqual([]);
    expect((await other.client.get(`/api/banks/${bankId}/questions?q=${encodeURIComponent('問題')}`)).status).toBe(404);
    expect((await hr.client.get(`/api/banks/${bankId}/questions?q=${'x'.repeat(101)}`)).status).toBe(400);
  });
});
