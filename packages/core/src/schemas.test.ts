import { describe, expect, it } from 'vitest';
import { isRealIsoDate, signupSchema, userUpdateSchema } from './schemas.js';

describe('schemas', () => {
  it('normalises the signup email and defaults the locale to ja', () => {
    const v = signupSchema.parse({
      companyName: '株式会社テスト',
      adminName: '人事 一郎',
      email: ' HR@Example.JP ',
      password: 'correct horse',
    });
    expect(v.email).toBe('hr@example.jp');
    expect(v.locale).toBe('ja');
  });
  it('rejects short passwords with a message on the field', () => {
    const r = signupSchema.safeParse({ companyName: 'x', adminName: 'y', email: 'a@b.jp', password: 'short' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['password']);
  });
  it('rejects an empty update and impossible dates', () => {
    expect(userUpdateSchema.safeParse({}).success).toBe(false);
    expect(isRealIsoDate('2023-02-29')).toBe(false);
    expect(isRealIsoDate('2024-02-29')).toBe(true);
  });
});
