import { describe, expect, it } from 'vitest';
import { certificateTemplateSchema, DEFAULT_TEMPLATE, fillPlaceholders, unknownPlaceholders } from './template.js';
import { formatCertificateDate } from './date.js';

const values = { name: '佐藤 花子', package: '情報セキュリティ基礎', date: '2026年12月7日', company: 'さくら商事' };

describe('certificate template', () => {
  it('accepts the default template', () => {
    expect(certificateTemplateSchema.parse(DEFAULT_TEMPLATE)).toEqual(DEFAULT_TEMPLATE);
  });

  it('fills every placeholder and leaves other braces as written', () => {
    expect(fillPlaceholders('{name}さんは{company}の「{package}」を{date}に修了 {x}', values)).toBe(
      '佐藤 花子さんはさくら商事の「情報セキュリティ基礎」を2026年12月7日に修了 {x}',
    );
  });

  it('names unknown placeholders, and refuses them where they are', () => {
    expect(unknownPlaceholders('{name} {nmae} {}')).toEqual(['nmae', '']);
    const r = certificateTemplateSchema.safeParse({ ...DEFAULT_TEMPLATE, body: { ...DEFAULT_TEMPLATE.body, en: 'Dear {nmae}' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['body.en']);
    expect(r.error!.issues[0]!.message).toContain('{nmae}');
  });

  it('needs a title in each printed language only', () => {
    const enOnly = { ...DEFAULT_TEMPLATE, languages: 'en' as const, title: { ja: '', en: 'Certificate' } };
    expect(certificateTemplateSchema.safeParse(enOnly).success).toBe(true);
    const r = certificateTemplateSchema.safeParse({ ...enOnly, languages: 'ja+en' });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['title.ja']);
  });

  it('refuses a colour that is not #rrggbb and wording that is too long', () => {
    expect(certificateTemplateSchema.safeParse({ ...DEFAULT_TEMPLATE, color: 'red' }).success).toBe(false);
    expect(certificateTemplateSchema.safeParse({ ...DEFAULT_TEMPLATE, body: { ja: 'あ'.repeat(301), en: '' } }).success).toBe(false);
  });
});

describe('certificate dates', () => {
  it('print in the Japanese way in ja and spelled out in en', () => {
    expect(formatCertificateDate('2026-04-01', 'ja')).toBe('2026年4月1日');
    expect(formatCertificateDate('2026-04-01', 'en')).toBe('1 April 2026');
  });
});
