import {
  attemptDelta,
  attemptImageSchema,
  cellId,
  idempotencyKey,
  rebuildAggregates,
  mergeShards,
  shardCount,
  shardFor,
  type AttemptImage,
  type Attribution,
  type Counters,
  type Increment,
} from '@manabi/reports';
import { applyIncrementsOnce, getUser, listAttemptsOfAssessment, readCellShards, type DataAccess, type TenantDb } from '@manabi/data';
import type { TableChange } from '@manabi/data/local';

export type AggregateDeps = { data: DataAccess; now: () => Date };

const attemptOf = (image: Record<string, unknown> | null): AttemptImage | null => {
  if (!image || image.entity !== 'attempt') return null;
  const parsed = attemptImageSchema.safeParse(image);
  return parsed.success ? parsed.data : null;
};

/**
 * Where a result counts: the learner's department and level when the attempt closed. History does
 * not move when someone changes department or level later (a point-in-time report stays true);
 * the aggregator runs seconds after the close, so it reads the user as they are then.
 */
async function attributionOf(db: TenantDb, userId: string): Promise<Attribution> {
  const user = await getUser(db, userId);
  return { departmentId: user?.departmentId ?? null, level: user?.level ?? null };
}

export function toShardIncrements(increments: readonly Increment[], recordKey: string) {
  return increments.map((inc) => ({ cellId: cellId(inc.cell), shard: shardFor(inc.cell, recordKey, shardCount(inc.cell)), add: inc.add }));
}

/**
 * The aggregator: one function for the cloud (DynamoDB Streams → Lambda) and local (the stream
 * poller). A closed attempt adds to its result cells and their rollups; each change applies at
 * most once (its key is claimed with the increments), so a redelivered record counts once.
 */
export async function applyChanges(deps: AggregateDeps, changes: readonly TableChange[]): Promise<{ applied: number }> {
  let applied = 0;
  for (const change of changes) {
    const oldImage = attemptOf(change.oldImage);
    const newImage = attemptOf(change.newImage);
    const attempt = newImage ?? oldImage;
    if (!attempt) continue;
    const record = { kind: 'attempt' as const, oldImage, newImage };
    const key = idempotencyKey(record);
    if (!key) continue;
    const db = deps.data.clientFor({ tenantId: attempt.tenantId });
    const increments = attemptDelta(oldImage, newImage, await attributionOf(db, attempt.userId));
    applied += await applyIncrementsOnce(db, key, toShardIncrements(increments, key), deps.now().toISOString());
  }
  return { applied };
}

/** One aggregate cell, merged from its shards. */
export async function readCell(db: TenantDb, id: string): Promise<Counters> {
  return mergeShards(await readCellShards(db, id));
}

/**
 * Recomputes an assessment's aggregates from its closed attempts and compares them with the
 * maintained cells (used by tests and after schema changes). Returns the cells that differ.
 */
export async function verifyAssessmentAggregates(db: TenantDb, assessmentId: string): Promise<{ cells: number; mismatches: string[] }> {
  const attempts = (await listAttemptsOfAssessment(db, assessmentId))
    .map((a) => attemptOf({ ...a, entity: 'attempt' }))
    .filter((a): a is AttemptImage => a !== null);
  const who = new Map<string, Attribution>();
  for (const a of attempts) if (!who.has(a.userId)) who.set(a.userId, await attributionOf(db, a.userId));
  const expected = rebuildAggregates(attempts, [], (a) => who.get(a.userId)!);
  const mismatches: string[] = [];
  for (const [id, counters] of expected) {
    const actual = await readCell(db, id);
    const fields = new Set([...Object.keys(counters), ...Object.keys(actual)]);
    if ([...fields].some((f) => (counters[f] ?? 0) !== (actual[f] ?? 0))) mismatches.push(id);
  }
  return { cells: expected.size, mismatches };
}
