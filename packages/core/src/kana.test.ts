import { describe, expect, it } from 'vitest';
import { foldForMatch, gojuonKey, normalizeFurigana, toKatakana } from './kana.js';

describe('normalizeFurigana', () => {
  it('stores katakana whichever kana or width was typed', () => {
    expect(normalizeFurigana('すずき たろう')).toBe('スズキ タロウ');
    expect(normalizeFurigana('ｽｽﾞｷ　ﾀﾛｳ')).toBe('スズキ タロウ');
    expect(normalizeFurigana('  サトウ   ハナコ ')).toBe('サトウ ハナコ');
    expect(normalizeFurigana('ジョン・スミス')).toBe('ジョン・スミス');
    expect(normalizeFurigana('こーひー')).toBe('コーヒー');
  });

  it('is null when empty and refuses anything that is not kana', () => {
    expect(normalizeFurigana('  ')).toBeNull();
    expect(normalizeFurigana('鈴木')).toBeUndefined();
    expect(normalizeFurigana('suzuki')).toBeUndefined();
    expect(normalizeFurigana('スズキ1')).toBeUndefined();
    expect(normalizeFurigana('ア'.repeat(101))).toBeUndefined();
  });
});

describe('foldForMatch', () => {
  it('makes hiragana, katakana, widths, case and spaces match', () => {
    expect(foldForMatch('すずき')).toBe(foldForMatch('スズキ'));
    expect(foldForMatch('ｽｽﾞｷ')).toBe('スズキ');
    expect(foldForMatch('鈴木 太郎')).toBe('鈴木太郎');
    expect(foldForMatch('ＳＵＺＵＫＩ＠')).toBe('suzuki@');
    expect(toKatakana('ゝa')).toBe('ヽa');
  });
});

describe('gojuonKey', () => {
  const sorted = (names: string[]) => [...names].sort((a, b) => (gojuonKey(a) < gojuonKey(b) ? -1 : 1));

  it('orders by the 五十音 table, voicing only breaking ties', () => {
    expect(sorted(['タナカ', 'アオキ', 'ワタナベ', 'サトウ', 'カトウ', 'ガトウ', 'ナカムラ'])).toEqual([
      'アオキ',
      'カトウ',
      'ガトウ',
      'サトウ',
      'タナカ',
      'ナカムラ',
      'ワタナベ',
    ]);
    // ゴトウ compares as コトウ, between コウノ and サイトウ.
    expect(sorted(['サイトウ', 'ゴトウ', 'コウノ'])).toEqual(['コウノ', 'ゴトウ', 'サイトウ']);
    // Small kana compare as large ones, ー as the vowel it lengthens.
    expect(sorted(['キョウ', 'キヨカワ', 'キヨウ'])).toEqual(['キョウ', 'キヨウ', 'キヨカワ']);
    expect(sorted(['カード', 'カアダ', 'カイ'])).toEqual(['カアダ', 'カード', 'カイ']);
  });

  it('puts a family name before longer family names that start the same', () => {
    expect(sorted(['スズキタ ハナコ', 'スズキ タロウ'])).toEqual(['スズキ タロウ', 'スズキタ ハナコ']);
  });
});
