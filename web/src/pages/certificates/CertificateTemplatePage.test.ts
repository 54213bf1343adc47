import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CertificateTemplateView } from '../../api/certificates';
import { useNoticeStore } from '../../stores/notice';
import { apiError, fakeApi, json, type FakeHandler, type FakeRequest } from '../../testing/fakeApi';
import { makeUser } from '../../testing/fixtures';
import { settle, setupApp } from '../../testing/setup';
import CertificateTemplatePage from './CertificateTemplatePage.vue';

const VIEW: CertificateTemplateView = {
  template: {
    languages: 'ja',
    title: { ja: '修了証', en: 'Certificate of Completion' },
    body: { ja: '{company}が実施する研修を修了しました。', en: 'has completed the course of {company}.' },
    signer: { name: '', title: '' },
    color: null,
  },
  hasLogo: false,
  hasSignature: false,
  brand: { name: 'さくら商事', color: '#0f766e' },
  companyName: 'さくら商事株式会社',
  updatedAt: null,
};

const pdf = () =>
  new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), { status: 200, headers: { 'content-type': 'application/pdf' } });

let mounted: { unmount(): void } | null = null;

async function open(routes: Record<string, FakeHandler> = {}) {
  const requests: FakeRequest[] = [];
  const handlers: Record<string, FakeHandler> = {
    'POST /api/auth/refresh': () => json(200, { accessToken: 'tok', expiresIn: 900, user: makeUser({ role: 'tenant_admin' }) }),
    'GET /api/certificate-template': () => json(200, VIEW),
    'POST /api/certificate-template/preview': () => pdf(),
    ...routes,
  };
  const fake = fakeApi(handlers);
  const { plugins } = await setupApp({
    path: '/admin/certificate-template',
    fetch: async (input, init) => {
      const url = new URL(input, 'http://localhost');
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : (init?.body ?? null);
      requests.push({
        method: init?.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: new Headers(init?.headers),
        body,
      });
      return fake(input, init);
    },
  });
  const wrapper = mount(CertificateTemplatePage, { global: { plugins: [...plugins] }, attachTo: document.body });
  mounted = wrapper;
  await settle();
  return { wrapper, requests };
}

describe('CertificateTemplatePage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:preview'), revokeObjectURL: vi.fn() });
  });
  afterEach(() => mounted?.unmount());

  it('shows the template and a preview of it', async () => {
    const { wrapper, requests } = await open();
    expect((wrapper.find('[data-testid="certificate-title-ja"]').element as HTMLInputElement).value).toBe('修了証');
    expect(wrapper.find('[data-testid="certificate-preview-frame"]').attributes('data')).toBe('blob:preview');
    const preview = requests.find((r) => r.path === '/api/certificate-template/preview')!;
    expect(preview.body).toEqual(VIEW.template);
    expect(wrapper.find('[data-testid="certificate-logo-state"]').text()).toBe('未設定');
    expect(wrapper.text()).toContain('{name} {package} {date} {company}');
  });

  it('previews a draft on request and saves it', async () => {
    const saved: unknown[] = [];
    const { wrapper, requests } = await open({
      'PUT /api/certificate-template': ({ body }) => {
        saved.push(body);
        return json(200, { ...VIEW, template: body, updatedAt: '2026-12-07T00:00:00Z' });
      },
    });
    await wrapper.find('[data-testid="certificate-languages-ja+en"]').setValue(true);
    await wrapper.find('[data-testid="certificate-signer-name"]').setValue('山田 一郎');
    await wrapper.find('[data-testid="certificate-preview-refresh"]').trigger('click');
    await settle();
    const last = requests.filter((r) => r.path === '/api/certificate-template/preview').at(-1)!;
    expect(last.body).toMatchObject({ languages: 'ja+en', signer: { name: '山田 一郎', title: '' } });

    await wrapper.find('[data-testid="certificate-template-save"]').trigger('click');
    await settle();
    expect(saved).toEqual([{ ...VIEW.template, languages: 'ja+en', signer: { name: '山田 一郎', title: '' } }]);
    expect(useNoticeStore().notice?.key).toBe('certificates.template.saved');
  });

  it('shows a refused placeholder next to its field', async () => {
    const { wrapper } = await open({
      'PUT /api/certificate-template': () =>
        apiError(400, 'validation_error', 'Invalid input', [{ path: 'body.ja', message: 'Unknown placeholder {氏名}' }]),
    });
    await wrapper.find('[data-testid="certificate-body-ja"]').setValue('{氏名}殿');
    await wrapper.find('[data-testid="certificate-template-save"]').trigger('click');
    await settle();
    const field = wrapper.find('[data-testid="certificate-body-ja"]');
    const describedBy = field.attributes('aria-describedby') ?? '';
    const message = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(message).toContain('Unknown placeholder {氏名}');
  });

  it('uploads a signature and refuses a file that is not PNG or JPEG', async () => {
    const uploads: FakeRequest[] = [];
    const { wrapper } = await open({
      'PUT /api/certificate-template/signature': (r) => {
        uploads.push(r);
        return json(200, { ...VIEW, hasSignature: true });
      },
    });
    const input = wrapper.find('[data-testid="certificate-signature-input"]');
    Object.defineProperty(input.element, 'files', {
      value: [new File(['<svg/>'], 'sig.svg', { type: 'image/svg+xml' })],
      configurable: true,
    });
    await input.trigger('change');
    await settle();
    expect(uploads).toHaveLength(0);
    expect(wrapper.find('[data-testid="certificate-signature"]').text()).toContain('PNG または JPEG');

    Object.defineProperty(input.element, 'files', {
      value: [new File([new Uint8Array([137, 80, 78, 71])], 'sig.png', { type: 'image/png' })],
    });
    await input.trigger('change');
    await settle();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.headers.get('content-type')).toBe('image/png');
    expect(wrapper.find('[data-testid="certificate-signature-state"]').text()).toBe('設定済み');
    expect(useNoticeStore().notice?.key).toBe('certificates.template.imageUploaded');
  });
});
