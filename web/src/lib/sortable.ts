import { computed, reactive, shallowRef, toValue, type MaybeRefOrGetter, type ShallowRef } from 'vue';

export type SortDirection = 'asc' | 'desc';
export type SortValue = string | number | null | undefined;

/**
 * Compares two cell values: numbers numerically, text in the reader's language. Empty values
 * (null, undefined, NaN) are not ordered here; `useSortable` always puts them last.
 */
export function compareValues(a: SortValue, b: SortValue, locale = 'ja'): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), locale, { numeric: true });
}

const isEmpty = (value: SortValue) => value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));

/**
 * A table sorted by one column at a time (the pattern of the goals overview): choosing a column sorts
 * it ascending, choosing it again flips the direction. Rows without a value ("—") stay at the bottom
 * either way, and ties keep the incoming order (Array#sort is stable). Until a column is chosen the
 * rows keep their own order. `ariaSort` is the value for the header cell's `aria-sort`.
 *
 * Returned as a reactive object, so a template reads `sort.rows` and `sort.key` directly.
 */
export function useSortable<Row, Key extends string>(
  rows: MaybeRefOrGetter<readonly Row[]>,
  columns: Record<Key, (row: Row) => SortValue>,
  options: { key?: NoInfer<Key> | null; direction?: SortDirection; locale?: MaybeRefOrGetter<string> } = {},
) {
  const key: ShallowRef<Key | null> = shallowRef(options.key ?? null);
  const direction: ShallowRef<SortDirection> = shallowRef(options.direction ?? 'asc');

  const sorted = computed<Row[]>(() => {
    const list = [...toValue(rows)];
    const current: Key | null = key.value;
    if (current === null) return list;
    const value = columns[current];
    const sign = direction.value === 'asc' ? 1 : -1;
    const locale = toValue(options.locale) ?? 'ja';
    return list.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (isEmpty(x) || isEmpty(y)) return isEmpty(x) === isEmpty(y) ? 0 : isEmpty(x) ? 1 : -1;
      return sign * compareValues(x, y, locale);
    });
  });

  function sortBy(next: Key) {
    if (key.value === next) {
      direction.value = direction.value === 'asc' ? 'desc' : 'asc';
    } else {
      key.value = next;
      direction.value = 'asc';
    }
  }

  function ariaSort(column: Key): 'ascending' | 'descending' | undefined {
    if (key.value !== column) return undefined;
    return direction.value === 'asc' ? 'ascending' : 'descending';
  }

  return reactive({ key, direction, rows: sorted, sortBy, ariaSort });
}
