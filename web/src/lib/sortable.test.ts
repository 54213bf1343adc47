import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { compareValues, useSortable } from './sortable';

interface Row {
  name: string;
  rate: number | null;
}

const ROWS: Row[] = [
  { name: '営業部', rate: 0.5 },
  { name: '開発部', rate: null },
  { name: '人事部', rate: 0.9 },
  { name: '総務部', rate: 0.5 },
];

describe('compareValues', () => {
  it('compares numbers as numbers and text with numeric collation', () => {
    expect(compareValues(2, 10)).toBeLessThan(0);
    expect(compareValues('item2', 'item10', 'en')).toBeLessThan(0);
    expect(compareValues('b', 'a', 'en')).toBeGreaterThan(0);
  });
});

describe('useSortable', () => {
  it('keeps the incoming order until a column is chosen', () => {
    const sort = useSortable(ROWS, { name: (r) => r.name, rate: (r) => r.rate });
    expect(sort.key).toBeNull();
    expect(sort.rows.map((r) => r.name)).toEqual(['営業部', '開発部', '人事部', '総務部']);
    expect(sort.ariaSort('rate')).toBeUndefined();
  });

  it('sorts ascending, then descending, with empty values last either way and ties in incoming order', () => {
    const sort = useSortable(ROWS, { name: (r) => r.name, rate: (r) => r.rate });
    sort.sortBy('rate');
    expect(sort.ariaSort('rate')).toBe('ascending');
    expect(sort.rows.map((r) => r.name)).toEqual(['営業部', '総務部', '人事部', '開発部']);
    sort.sortBy('rate');
    expect(sort.ariaSort('rate')).toBe('descending');
    expect(sort.rows.map((r) => r.name)).toEqual(['人事部', '営業部', '総務部', '開発部']);
    // Another column starts ascending again.
    sort.sortBy('name');
    expect(sort.direction).toBe('asc');
    expect(sort.ariaSort('rate')).toBeUndefined();
  });

  it('follows the rows and the locale it is given', () => {
    const rows = ref<Row[]>([{ name: 'b', rate: 1 }]);
    const locale = ref('en');
    const sort = useSortable(rows, { name: (r) => r.name, rate: (r) => r.rate }, { key: 'name', locale });
    rows.value = [...rows.value, { name: 'a', rate: 2 }, { name: 'C', rate: 3 }];
    expect(sort.rows.map((r) => r.name)).toEqual(['a', 'b', 'C']);
  });
});
