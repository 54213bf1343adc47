import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import ja from '../i18n/ja';
import { describeError } from './errors';

const translate = (key: string): string | null => {
  const value = key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), ja);
  return typeof value === 'string' ? value : null;
};

const error = (status: number, code: string, message = 'server says', details = [] as { path: string; message: string }[]) =>
  new ApiError({ status, code, message, details });

describe('describeError', () => {
  it('translates known codes', () => {
    expect(describeError(error(401, 'invalid_credentials'), translate)).toBe('メールアドレスまたはパスワードが正しくありません');
    expect(describeError(error(409, 'department_in_use'), translate)).toBe(ja.errors.department_in_use);
  });

  it('uses a generic validation message when field details are present', () => {
    expect(describeError(error(400, 'bad_request', 'x', [{ path: 'email', message: 'bad' }]), translate)).toBe(ja.errors.validation_error);
  });

  it('falls back to the server message, and to a generic one for server errors', () => {
    expect(describeError(error(400, 'something_new', 'Something new happened'), translate)).toBe('Something new happened');
    expect(describeError(error(500, 'internal'), translate)).toBe(ja.errors.generic);
    expect(describeError(new Error('boom'), translate)).toBe(ja.errors.generic);
  });

  it('never shows a server message worded in another language than the UI', () => {
    const other = new ApiError({ status: 409, code: 'something_new', message: 'Worded in English', inUiLanguage: false });
    expect(describeError(other, translate)).toBe(ja.errors.generic);
  });
});
