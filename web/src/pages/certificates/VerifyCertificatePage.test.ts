import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../testing/fakeApi';
import { settle, setupApp } from '../../testing/setup';
import VerifyCertificatePage from './VerifyCertificatePage.vue';

const VALID = '7K3M-Q9XD-2FPA-W8RC';

async function open(path: string, locale: 'ja' | 'en' = 'ja') {
  const asked: string[] = [];
  const { plugins, router } = await setupApp({
    path,
    locale,
    fetch: fakeApi({
      'POST /api/auth/refresh': () => json(401, { error: { code: 'unauthorized', message: 'No session', details: [] } }),
      [`GET /api/certificates/verify/${VALID}`]: () => {
        asked.push(VALID);
        return json(200, { valid: true });
      },
      'GET /api/certificates/verify/0000-0000-0000-0000': () => {
        asked.push('0000-0000-0000-0000');
        return json(200, { valid: false });
      },
    }),
  });
  const wrapper = mount(VerifyCertificatePage, { global: { plugins: [...plugins] }, attachTo: document.body });
  await settle();
  return { wrapper, router, asked };
}

describe('VerifyCertificatePage', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('checks the code in the URL and says only whether it is valid', async () => {
    const { wrapper, asked } = await open(`/verify/${VALID}`);
    expect(asked).toEqual([VALID]);
    const result = wrapper.find('[data-testid="verify-result"]');
    expect(result.attributes('data-valid')).toBe('true');
    expect(result.text()).toBe('この検証コードの修了証は有効です。');
  });

  it('checks a typed code and tells when it is not found, in English too', async () => {
    const { wrapper, router, asked } = await open('/verify', 'en');
    expect(wrapper.find('[data-testid="verify-result"]').exists()).toBe(false);
    await wrapper.find('[data-testid="verify-code"]').setValue('0000-0000-0000-0000');
    await wrapper.find('[data-testid="verify-form"]').trigger('submit');
    await settle();
    expect(router.currentRoute.value.params['code']).toBe('0000-0000-0000-0000');
    expect(asked).toEqual(['0000-0000-0000-0000']);
    expect(wrapper.find('[data-testid="verify-result"]').text()).toBe(
      'No certificate with this verification code was found. Please check the code again.',
    );
  });
});
