import { describe, expect, it } from 'vitest';
import { exportUsersCsv } from './export.js';
import { readImportRows } from './rows.js';

const parse = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

describe('exportUsersCsv', () => {
  it('writes the template columns, and the file reads back as the same people', () => {
    const csv = exportUsersCsv(
      [
        {
          name: '鈴木 花子',
          furigana: 'スズキ ハナコ',
          email: 'hanako@example.jp',
          role: 'manager',
          departmentName: '営業部',
          level: 'mid',
          hireDate: '2020-04-01',
        },
        { name: 'Ann Lee', furigana: null, email: 'ann@example.jp', role: 'learner', departmentName: null, level: null, hireDate: null },
      ],
      'ja',
    );
    expect(csv.startsWith('\uFEFF氏名,フリガナ,メールアドレス,ロール,部署,階層,入社日\r\n')).toBe(true);
    const read = readImportRows(parse(csv), 'ja');
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual([
      {
        row: 2,
        name: '鈴木 花子',
        furigana: 'スズキ ハナコ',
        email: 'hanako@example.jp',
        role: 'manager',
        department: '営業部',
        level: 'mid',
        hireDate: '2020-04-01',
      },
      { row: 3, name: 'Ann Lee', furigana: null, email: 'ann@example.jp', role: 'learner', department: null, level: null, hireDate: null },
    ]);
  });

  it('quotes commas and quotes, and defuses a leading formula character', () => {
    const csv = exportUsersCsv(
      [
        {
          name: '=HYPERLINK("x")',
          furigana: null,
          email: 'a@example.jp',
          role: 'learner',
          departmentName: '営業部, 東京',
          level: null,
          hireDate: null,
        },
      ],
      'en',
    );
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",,a@example.jp,Learner,"営業部, 東京",,`);
  });
});
