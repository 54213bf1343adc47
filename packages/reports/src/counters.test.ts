import { describe, expect, it } from 'vitest';
import { addCounters, applyIncrements, combineIncrements, negate, sortedStore, type Counters } from './counters.js';

describe('counters', () => {
  it('adds field by field and drops fields that reach zero', () => {
    expect(addCounters({ count: 2, h3: 1 }, { count: 1, h3: -1, band2: 1 })).toEqual({ count: 3, band2: 1 });
    expect(addCounters({ count: 2 }, { count: 1 }, -2)).toEqual({});
    expect(negate({ count: 1, sumScoreX10: 725 })).toEqual({ count: -1, sumScoreX10: -725 });
  });

  it('removes a cell from the store once all its counters are back to zero', () => {
    const store = new Map<string, Counters>();
    applyIncrements(store, [{ id: 'c', cell: null, add: { count: 1 } }]);
    expect(sortedStore(store)).toEqual({ c: { count: 1 } });
    applyIncrements(store, [{ id: 'c', cell: null, add: { count: -1 } }]);
    expect(store.size).toBe(0);
  });

  it('combines increments of one cell and drops those that cancel', () => {
    const combined = combineIncrements([
      { id: 'a', cell: 'A', add: { x: 1 } },
      { id: 'b', cell: 'B', add: { x: 1 } },
      { id: 'a', cell: 'A', add: { x: 2, y: 0 } },
      { id: 'b', cell: 'B', add: { x: -1 } },
    ]);
    expect(combined).toEqual([{ id: 'a', cell: 'A', add: { x: 3 } }]);
  });

  it('lists a store with sorted keys', () => {
    const store = new Map<string, Counters>([
      ['b', { n: 1 }],
      ['a', { n: 2 }],
    ]);
    expect(Object.keys(sortedStore(store))).toEqual(['a', 'b']);
  });
});
