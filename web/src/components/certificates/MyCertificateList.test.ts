import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, type FakeRequest } from '../../testing/fakeApi';
import { makeUser } from '../../testing/fixtures';
import { settle, setupApp } from '../../testing/setup';
import MyCertificateList from './MyCertificateList.vue';

const ITEM = {
  userId: 'u1',
  packageId: 'p1',
  code: 'AAAA-BBBB-CCCC-DDDD',
  issuedAt: '2026-12-07T03:00:00Z',
  completedOn: '2026-12-07',
  recipientName: '佐藤 花子',
  packageTitle: { ja: '情報セキュリティ基礎' },
  verifyUrl: 'https://learn.example/verify/AAAA-BBBB-CCCC-DDDD',
};

async function open(items: unknown[], compact = false) {
  const downloads: FakeRequest[] = [];
  const { plugins } = await setupApp({
    path: '/me/assignments',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'learner' }) }),
      'GET /api/me/certificates': () => json(200, { items }),
      'GET /api/me/certificates/p1/pdf': (r) => {
        downloads.push(r);
        return new Response(new Blob(['%PDF']), { status: 200, headers: { 'content-type': 'application/pdf' } });
      },
    }),
  });
  const wrapper = mount(MyCertificateList, { props: { compact }, global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return { wrapper, downloads };
}

describe('MyCertificateList', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pdf'), revokeObjectURL: vi.fn() });
  });

  it('lists my certificates with the completion date and code, and downloads one', async () => {
    const { wrapper, downloads } = await open([ITEM]);
    const item = wrapper.find('[data-testid="my-certificate"]');
    expect(item.text()).toContain('情報セキュリティ基礎');
    expect(item.text()).toContain('2026年12月7日');
    expect(item.find('[data-testid="my-certificate-code"]').text()).toBe('AAAA-BBBB-CCCC-DDDD');
    await item.find('[data-testid="my-certificate-download"]').trigger('click');
    await settle();
    expect(downloads).toHaveLength(1);
  });

  it('stays out of the way on the assignments page until there is a certificate', async () => {
    expect((await open([], true)).wrapper.find('[data-testid="my-certificates"]').exists()).toBe(false);
    document.body.innerHTML = '';
    expect((await open([], false)).wrapper.find('[data-testid="my-certificates-empty"]').exists()).toBe(true);
  });
});
