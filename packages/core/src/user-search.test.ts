import { describe, expect, it } from 'vitest';
import {
  decodeSearchEntry,
  encodeSearchEntry,
  searchTerms,
  searchUsers,
  type UserSearchEntry,
  type UserSearchQuery,
} from './user-search.js';

const person = (over: Partial<UserSearchEntry> & { id: string }): UserSearchEntry => ({
  name: '名前',
  furigana: null,
  email: `${over.id}@example.jp`,
  departmentId: null,
  level: null,
  status: 'active',
  role: 'learner',
  ...over,
});
const query = (over: Partial<UserSearchQuery> = {}): UserSearchQuery => ({ sort: 'name', order: 'asc', page: 1, pageSize: 20, ...over });
const ids = (r: { entries: UserSearchEntry[] }) => r.entries.map((e) => e.id);

const PEOPLE = [
  person({ id: 'u1', name: '鈴木 太郎', furigana: 'スズキ タロウ', email: 'suzuki.taro@example.jp', departmentId: 'd2', level: 'mid' }),
  person({ id: 'u2', name: '佐藤 花子', furigana: 'サトウ ハナコ', email: 'hanako@example.jp', departmentId: 'd1', level: 'new_hire' }),
  person({ id: 'u3', name: '青木 一郎', furigana: 'アオキ イチロウ', email: 'aoki@example.jp', status: 'invited', role: 'manager' }),
  person({ id: 'u4', name: '鈴木 花', furigana: 'スズキ ハナ', email: 'hana.s@example.jp', departmentId: 'd1', status: 'deactivated' }),
  person({ id: 'u5', name: 'Smith John', furigana: null, email: 'john@example.jp', departmentId: 'd2', level: 'junior' }),
];
const DEPTS = new Map([
  ['d1', '営業部'],
  ['d2', '開発部'],
]);

describe('the stored entry', () => {
  it('round-trips every field, with nulls', () => {
    for (const p of PEOPLE) expect(decodeSearchEntry(p.id, encodeSearchEntry(p))).toEqual(p);
  });
});

describe('searchUsers', () => {
  it('finds by kanji name, furigana in either kana, and email prefix or substring', () => {
    expect(ids(searchUsers(PEOPLE, query({ q: '鈴木' })))).toEqual(['u1', 'u4']);
    expect(ids(searchUsers(PEOPLE, query({ q: 'すずき' })))).toEqual(['u1', 'u4']);
    expect(ids(searchUsers(PEOPLE, query({ q: 'ｽｽﾞｷ ﾀﾛｳ' })))).toEqual(['u1']);
    expect(ids(searchUsers(PEOPLE, query({ q: '鈴木太郎' })))).toEqual(['u1']);
    expect(ids(searchUsers(PEOPLE, query({ q: 'suzuki@' })))).toEqual([]);
    expect(ids(searchUsers(PEOPLE, query({ q: 'SUZUKI.' })))).toEqual(['u1']);
    expect(ids(searchUsers(PEOPLE, query({ q: 'hana' })))).toEqual(['u2', 'u4']);
    expect(ids(searchUsers(PEOPLE, query({ q: 'ハナ 鈴木' })))).toEqual(['u4']);
  });

  it('combines the filters with the search', () => {
    expect(ids(searchUsers(PEOPLE, query({ departmentId: 'd1' })))).toEqual(['u2', 'u4']);
    expect(ids(searchUsers(PEOPLE, query({ departmentId: 'd1', status: 'active' })))).toEqual(['u2']);
    expect(ids(searchUsers(PEOPLE, query({ q: '鈴木', level: 'mid' })))).toEqual(['u1']);
    expect(ids(searchUsers(PEOPLE, query({ role: 'manager' })))).toEqual(['u3']);
  });

  it('sorts by name in 五十音順 (no furigana: by name), and by department, level, status with empties last', () => {
    expect(ids(searchUsers(PEOPLE, query()))).toEqual(['u5', 'u3', 'u2', 'u1', 'u4']);
    expect(ids(searchUsers(PEOPLE, query({ order: 'desc' })))).toEqual(['u4', 'u1', 'u2', 'u3', 'u5']);
    expect(ids(searchUsers(PEOPLE, query({ sort: 'department' }), DEPTS))).toEqual(['u2', 'u4', 'u5', 'u1', 'u3']);
    expect(ids(searchUsers(PEOPLE, query({ sort: 'department', order: 'desc' }), DEPTS))).toEqual(['u5', 'u1', 'u2', 'u4', 'u3']);
    expect(ids(searchUsers(PEOPLE, query({ sort: 'level' })))).toEqual(['u2', 'u5', 'u1', 'u3', 'u4']);
    expect(ids(searchUsers(PEOPLE, query({ sort: 'level', order: 'desc' })))).toEqual(['u1', 'u5', 'u2', 'u3', 'u4']);
    expect(ids(searchUsers(PEOPLE, query({ sort: 'status' })))).toEqual(['u3', 'u5', 'u2', 'u1', 'u4']);
  });

  it('pages with a total, and answers the last page when asked beyond it', () => {
    const many = Array.from({ length: 45 }, (_, i) => person({ id: `p${String(i).padStart(2, '0')}`, furigana: 'ヤマダ' }));
    const first = searchUsers(many, query({ pageSize: 20 }));
    expect([first.total, first.page, first.pageCount, first.entries.length]).toEqual([45, 1, 3, 20]);
    const last = searchUsers(many, query({ pageSize: 20, page: 3 }));
    expect(ids(last)).toEqual(['p40', 'p41', 'p42', 'p43', 'p44']);
    expect(searchUsers(many, query({ pageSize: 20, page: 9 })).page).toBe(3);
    const none = searchUsers(many, query({ q: '該当なし' }));
    expect([none.total, none.page, none.pageCount, none.entries]).toEqual([0, 1, 1, []]);
  });

  it('splits terms on any space and ignores empty ones', () => {
    expect(searchTerms('　鈴木　 ﾀﾛｳ ')).toEqual(['鈴木', 'タロウ']);
    expect(searchTerms('')).toEqual([]);
  });
});
