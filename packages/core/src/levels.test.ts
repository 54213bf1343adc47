import { describe, expect, it } from 'vitest';
import { readImportRows } from './import/rows.js';
import { LEVEL_LABELS, LEVELS, levelImportHelp, levelImportNames, matchLevelName } from './levels.js';

describe('level names in import files', () => {
  it('accepts every name the help lists, in the user import, and maps it to its level', () => {
    for (const level of LEVELS) {
      for (const name of levelImportNames(level)) {
        const read = readImportRows(
          [
            ['氏名', 'メールアドレス', '階層'],
            ['山田 太郎', 'taro@example.com', name],
          ],
          'ja',
        );
        expect(read.errors, `${level}: ${name}`).toEqual([]);
        expect(read.rows[0]!.level).toBe(level);
      }
    }
  });

  it('accepts full-width and differently cased spellings, refuses what is no level', () => {
    expect(matchLevelName('ＭＡＮＡＧＥＲ')).toBe('manager');
    expect(matchLevelName(' new employee ')).toBe('new_hire');
    expect(matchLevelName('部長')).toBeUndefined();
  });

  it('names the product’s levels in the help text, generated from the accepted names', () => {
    const ja = levelImportHelp('ja');
    const en = levelImportHelp('en');
    for (const level of LEVELS) {
      for (const name of levelImportNames(level)) expect(ja.includes(name) || en.includes(name), name).toBe(true);
      expect(ja).toContain(LEVEL_LABELS[level].ja);
      expect(en).toContain(LEVEL_LABELS[level].en);
    }
    for (const short of ['内定者', '新入社員', '若手', '中堅', 'リーダー', '管理職']) expect(ja).toContain(short);
    expect(ja.indexOf('内定者')).toBeLessThan(ja.indexOf('管理職'));
  });
});
