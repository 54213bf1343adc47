import { describe, expect, it } from 'vitest';
import { parseImportDate, readImportRows } from './rows.js';

describe('readImportRows', () => {
  it('reads Japanese headers and labels into normalised rows', () => {
    const result = readImportRows(
      [
        ['氏名', 'メールアドレス', 'ロール', '部署', '階層', '入社日'],
        ['山田 太郎', ' Taro@Example.co.jp ', 'マネージャー', '営業部', '中堅社員', '2020/4/1'],
        ['佐藤 花子', 'hanako@example.co.jp', '', '', '', ''],
      ],
      'ja',
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        name: '山田 太郎',
        email: 'taro@example.co.jp',
        role: 'manager',
        department: '営業部',
        level: 'mid',
        hireDate: '2020-04-01',
      },
      { row: 3, name: '佐藤 花子', email: 'hanako@example.co.jp', role: 'learner', department: null, level: null, hireDate: null },
    ]);
  });

  it('reads English headers in any case and order', () => {
    const result = readImportRows(
      [
        ['Email', 'Name', 'Level'],
        ['a@example.com', 'A', 'Junior staff'],
      ],
      'en',
    );
    expect(result.rows[0]).toMatchObject({ email: 'a@example.com', name: 'A', level: 'junior', role: 'learner' });
  });

  it('reports every bad row with its row number and column, and keeps the good ones', () => {
    const result = readImportRows(
      [
        ['name', 'email', 'role', 'level', 'hire_date'],
        ['', 'x@example.com', 'learner', '', ''],
        ['B', 'not-an-email', '', '', ''],
        ['C', 'c@example.com', 'boss', 'wizard', '2021-02-30'],
        ['D', 'd@example.com', '', '', ''],
        ['E', 'D@example.com', '', '', ''],
      ],
      'en',
    );
    expect(result.rows.map((r) => r.row)).toEqual([5]);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'name', 'required'],
      [3, 'email', 'invalid_email'],
      [4, 'role', 'invalid_role'],
      [4, 'level', 'invalid_level'],
      [4, 'hire_date', 'invalid_date'],
      [6, 'email', 'duplicate_in_file'],
    ]);
    expect(result.errors[5]!.message).toBe('Same email as row 5');
    expect(result.totalRows).toBe(5);
  });

  it('fails the whole file when a required column is missing, and names unknown columns', () => {
    const result = readImportRows(
      [
        ['氏名', '電話'],
        ['A', '03'],
      ],
      'ja',
    );
    expect(result.fatal).toBe(true);
    expect(result.errors.map((e) => e.message)).toEqual([
      '必須の列「メールアドレス」がありません',
      '列「電話」は認識できないため取り込まれません',
    ]);
  });

  it('skips blank lines and refuses more rows than allowed', () => {
    expect(
      readImportRows(
        [
          ['name', 'email'],
          ['', ''],
          ['A', 'a@example.com'],
        ],
        'en',
      ).totalRows,
    ).toBe(1);
    const big = readImportRows(
      [
        ['name', 'email'],
        ['A', 'a@x.jp'],
        ['B', 'b@x.jp'],
      ],
      'en',
      1,
    );
    expect(big.fatal).toBe(true);
    expect(big.errors[0]!.code).toBe('too_many_rows');
  });
});

describe('parseImportDate', () => {
  it('accepts ISO, slashes and full-width digits; rejects impossible dates', () => {
    expect(parseImportDate('2024-04-01')).toBe('2024-04-01');
    expect(parseImportDate('２０２４／４／１')).toBe('2024-04-01');
    expect(parseImportDate('2024-02-30')).toBeUndefined();
    expect(parseImportDate('April 1')).toBeUndefined();
  });
});
