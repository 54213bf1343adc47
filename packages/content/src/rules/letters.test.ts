import { describe, expect, it } from 'vitest';
import { letterReferences } from './letters.js';

describe('option letters in explanations', () => {
  it.each([
    ['選択肢Aは誤りです。', 'ja'],
    ['Aは相手を軽んじる対応です。', 'ja'],
    ['b・cは他の地域が漏れています。', 'ja'],
    ['対偶（a）は必ず正しくなります。', 'ja'],
    ['2番目の選択肢は過大な要求です。', 'ja'],
    ['正解はCです。', 'ja'],
    ['Option A is passive.', 'en'],
    ['(b) is psychological attack.', 'en'],
    ['A is wrong because it delays the report.', 'en'],
    ['B and D are converses.', 'en'],
    ['The first option only postpones the problem.', 'en'],
  ] as const)('finds a reference in %s', (text, locale) => {
    expect(letterReferences(text, locale)).not.toEqual([]);
  });

  it.each([
    ['Ctrl + A は「すべて選択」です。', 'ja'],
    ['セルA1は絶対参照にします。', 'ja'],
    ['Excelは表計算ソフトです。', 'ja'],
    ['「無理です」とだけ返すのは攻撃的な対応です。', 'ja'],
    ['Ctrl + A is Select All.', 'en'],
    ['Copy the formula from cell A2 to the whole column A.', 'en'],
    ['A flat "no" is aggressive.', 'en'],
    ['Answer a question with a question.', 'en'],
  ] as const)('lets %s pass', (text, locale) => {
    expect(letterReferences(text, locale)).toEqual([]);
  });
});
