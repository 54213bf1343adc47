import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { compileMessage, UnsupportedMessageSyntax } from './compile';

function i18nWith(messages: Record<string, string>) {
  return createI18n({ legacy: false, locale: 'ja', messages: { ja: messages }, messageCompiler: compileMessage, missingWarn: false });
}

describe('the app’s message compiler', () => {
  it('renders plain text and named and numbered placeholders', () => {
    const { t } = i18nWith({ plain: 'ようこそ', named: '{name} さん、{ count }件', numbered: '{0} / {1}' }).global;
    expect(t('plain')).toBe('ようこそ');
    expect(t('named', { name: '花子', count: 3 })).toBe('花子 さん、3件');
    expect(t('numbered', [2, 4])).toBe('2 / 4');
  });

  it('refuses syntax it does not implement rather than render it wrongly', () => {
    const compile = (message: string) => compileMessage(message, { key: 'k', locale: 'ja' });
    expect(() => compile('one | many')).toThrow(UnsupportedMessageSyntax);
    expect(() => compile('@:common.save')).toThrow(UnsupportedMessageSyntax);
    expect(() => compile("{'@'}")).toThrow(UnsupportedMessageSyntax);
    expect(() => compile('a { b')).toThrow(UnsupportedMessageSyntax);
    expect(() => compile('info@example.com')).not.toThrow();
  });
});
