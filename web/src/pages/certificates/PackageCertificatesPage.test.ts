import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Certificate } from '../../api/certificates';
import { fakeApi, json, type FakeRequest } from '../../testing/fakeApi';
import { makeUser } from '../../testing/fixtures';
import { settle, setupApp } from '../../testing/setup';
import PackageCertificatesPage from './PackageCertificatesPage.vue';

const CERT = (userId: string, name: string, code: string): Certificate => ({
  userId,
  packageId: 'p1',
  code,
  issuedAt: '2026-12-07T03:00:00Z',
  completedOn: '2026-12-07',
  recipientName: name,
  packageTitle: { ja: '情報セキュリティ基礎', en: 'Information security basics' },
  verifyUrl: `https://learn.example/verify/${code}`,
});

async function open(items: Certificate[]) {
  const downloads: FakeRequest[] = [];
  const file = (r: FakeRequest) => {
    downloads.push(r);
    return new Response(new Blob(['PK']), { status: 200, headers: { 'content-disposition': 'attachment; filename="x.zip"' } });
  };
  const { plugins } = await setupApp({
    path: '/admin/packages/p1/certificates',
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) }),
      'GET /api/packages/p1/certificates': () => json(200, { items }),
      'GET /api/packages/p1/certificates.zip': file,
      'GET /api/packages/p1/certificates/u1/pdf': file,
    }),
  });
  const wrapper = mount(PackageCertificatesPage, { props: { id: 'p1' }, global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return { wrapper, downloads };
}

describe('PackageCertificatesPage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:file'), revokeObjectURL: vi.fn() });
  });

  it('lists the certificates and downloads one, or all as a zip, with the token', async () => {
    const { wrapper, downloads } = await open([
      CERT('u1', '佐藤 花子', 'AAAA-BBBB-CCCC-DDDD'),
      CERT('u2', '鈴木 太郎', 'EEEE-FFFF-GGGG-HHHH'),
    ]);
    const rows = wrapper.findAll('[data-testid="package-certificate"]');
    expect(rows.map((r) => r.find('th').text())).toEqual(['佐藤 花子', '鈴木 太郎']);
    expect(rows[0]!.text()).toContain('AAAA-BBBB-CCCC-DDDD');
    expect(wrapper.find('[data-testid="package-certificates-package"]').text()).toBe('情報セキュリティ基礎');

    await wrapper.find('[data-testid="package-certificates-zip"]').trigger('click');
    await settle();
    await rows[0]!.find('[data-testid="package-certificate-download"]').trigger('click');
    await settle();
    expect(downloads.map((d) => d.path)).toEqual(['/api/packages/p1/certificates.zip', '/api/packages/p1/certificates/u1/pdf']);
    expect(downloads.every((d) => d.headers.get('authorization') === 'Bearer tok')).toBe(true);
  });

  it('says so when none was issued yet', async () => {
    const { wrapper } = await open([]);
    expect(wrapper.find('[data-testid="package-certificates-empty"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="package-certificates-zip"]').exists()).toBe(false);
  });
});
