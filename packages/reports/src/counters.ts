/**
 * A cell's value: named integer counters, flat so that the store can apply an increment with one
 * `ADD a :x, b :y` and a shard merge is a plain sum. A missing field means 0, and the canonical form
 * drops zero fields: a cell that went +1 then −1 equals one that was never touched.
 */
export type Counters = Readonly<Record<string, number>>;

/** `a + k·b`, field by field, in canonical form. */
export function addCounters(a: Counters, b: Counters, k = 1): Counters {
  const out: Record<string, number> = { ...a };
  for (const [field, value] of Object.entries(b)) {
    const sum = (out[field] ?? 0) + k * value;
    if (sum === 0) delete out[field];
    else out[field] = sum;
  }
  return out;
}

export const negate = (c: Counters): Counters => addCounters({}, c, -1);

export const isEmpty = (c: Counters): boolean => Object.keys(c).length === 0;

/** Reads a counter; missing is 0 (cells are sparse). */
export const get = (c: Counters, field: string): number => c[field] ?? 0;

/** What one record adds to one cell. `id` is `cellId(cell)`, unique within one delta. */
export interface CellIncrement<K = unknown> {
  id: string;
  cell: K;
  add: Counters;
}

/**
 * Folds increments into an in-memory store (cell id → counters), keeping it canonical: a cell whose
 * counters all return to zero disappears. Used by the rebuild and by tests; the real store is DynamoDB.
 */
export function applyIncrements(store: Map<string, Counters>, increments: readonly CellIncrement[]): void {
  for (const inc of increments) {
    const next = addCounters(store.get(inc.id) ?? {}, inc.add);
    if (isEmpty(next)) store.delete(inc.id);
    else store.set(inc.id, next);
  }
}

/** Sums increments of the same cell and drops the ones that cancel out (the canonical form of a delta). */
export function combineIncrements<K>(increments: readonly CellIncrement<K>[]): CellIncrement<K>[] {
  const byId = new Map<string, CellIncrement<K>>();
  for (const inc of increments) {
    const seen = byId.get(inc.id);
    byId.set(inc.id, { ...inc, add: addCounters(seen?.add ?? {}, inc.add) });
  }
  return [...byId.values()].filter((inc) => !isEmpty(inc.add));
}

/** A store as a plain object with sorted keys, for comparisons and snapshots. */
export function sortedStore(store: ReadonlyMap<string, Counters>): Record<string, Counters> {
  return Object.fromEntries([...store.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
