import { addCounters, type Counters } from './counters.js';
import { ALL, cellId, type CellKey } from './dimensions.js';

/**
 * Shards of a hot cell. Writers to one cell at the same moment are the learners it covers, so the
 * rollups over departments or levels (the whole company, a whole department) are the hot ones; an
 * exact department × level cell is not. 8 shards spread a company-wide bulk assignment or test
 * session while a dashboard still reads one cell with one BatchGet of 8 items.
 */
export const HOT_SHARDS = 8;

/**
 * How many shards a cell is written across: writers and readers both call this. Readers may read
 * more shards than were written (a missing shard is empty), so the count may only ever grow.
 */
export function shardCount(cell: CellKey, hotShards = HOT_SHARDS): number {
  // Every attempt of an assessment writes its item cells: they are hot by nature.
  if (cell.kind === 'item') return hotShards;
  return cell.department === ALL || cell.level === ALL ? hotShards : 1;
}

/** FNV-1a, 32-bit: tiny, stable across runtimes and versions (unlike a language's own hash). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The shard (0 … shards − 1) that one record writes to in one cell. Deterministic in the record id,
 * so a redelivered record hits the same shard item (pass the idempotency key). The cell is hashed
 * too, so one record's cells spread independently rather than all landing on shard k.
 */
export function shardFor(cell: CellKey, recordId: string, shards: number): number {
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`Expected a positive whole number of shards, got ${shards}`);
  return shards === 1 ? 0 : fnv1a(`${cellId(cell)}\n${recordId}`) % shards;
}

/**
 * One cell from its shards: every numeric field summed; anything else (keys, names) is ignored, so
 * raw items from the table can be passed as they are (so a shard item must hold no numeric attribute
 * other than counters, such as a `ttl`). Integer counters make the sum exact, so the order of the
 * shards does not matter.
 */
export function mergeShards(shards: readonly Readonly<Record<string, unknown>>[]): Counters {
  let out: Counters = {};
  for (const shard of shards) {
    const numeric = Object.fromEntries(
      Object.entries(shard).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])),
    );
    out = addCounters(out, numeric);
  }
  return out;
}
