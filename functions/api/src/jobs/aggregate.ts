import {
  assignmentDelta,
  assignmentImageSchema,
  attemptDelta,
  attemptImageSchema,
  cellGroup,
  cellId,
  gapMovementDelta,
  goalDelta,
  goalImageSchema,
  idempotencyKey,
  isClosed,
  itemStats,
  monthOf,
  mergeShards,
  parseCellId,
  rebuildAggregates,
  shardCount,
  shardFor,
  standingDelta,
  standingImageSchema,
  HOT_SHARDS,
  type AttemptImage,
  type Attribution,
  type CellKey,
  type Counters,
  type Increment,
} from '@manabi/reports';
import {
  applyIncrementsOnce,
  countUsage,
  getTenantAccount,
  isTenantDeleted,
  keys,
  getUser,
  listAssignmentsOfUser,
  listAttemptsOfAssessment,
  readCellShards,
  readGroupShards,
  tenantOfKey,
  type ShardIncrement,
  type TenantDb,
} from '@manabi/data';
import type { TableChange } from '@manabi/data/local';
import { refreshAssignmentState } from '../services/packages.js';
import { issueCertificate, type CertificateDeps } from '../services/certificates.js';
import { refreshAllStandings, refreshStanding } from './standing.js';

/** The aggregator's needs; the object store and public URL are for the certificates it issues. */
export type AggregateDeps = CertificateDeps;

type Image = Record<string, unknown> | null;

/** An image as the reports package reads it, with the tenant taken from its key (never from a body). */
function parse<T>(
  schema: { safeParse(x: unknown): { success: true; data: T } | { success: false } },
  image: Image,
  entity: string,
): T | null {
  if (!image || image.entity !== entity) return null;
  const tenantId = tenantOfKey(String(image.pk ?? ''));
  if (!tenantId) return null;
  const parsed = schema.safeParse({ ...image, tenantId });
  // A counted record that does not read as one is a writer's bug: fail loudly so the record is
  // retried and then parked (and counted in health), never silently left out of the reports.
  if (!parsed.success) throw new MalformedRecordError(entity, String(image.pk), String(image.sk ?? ''));
  return parsed.data;
}

export class MalformedRecordError extends Error {
  constructor(entity: string, pk: string, sk: string) {
    super(`Malformed ${entity} record ${pk} / ${sk}`);
    this.name = 'MalformedRecordError';
  }
}

/**
 * Where a result counts: the learner's department and level when the attempt closed. History does
 * not move when someone changes department or level later (a point-in-time report stays true);
 * the aggregator runs seconds after the close, so it reads the user as they are then.
 */
async function attributionOf(db: TenantDb, userId: string): Promise<Attribution> {
  const user = await getUser(db, userId);
  return { departmentId: user?.departmentId ?? null, level: user?.level ?? null };
}

/** Where a cell is stored when it belongs to a group (item cells); undefined for a cell of its own. */
export const groupOf = (cell: CellKey): ShardIncrement['group'] => {
  const g = cellGroup(cell);
  return g ? { id: g.group, member: g.member } : undefined;
};

export function toShardIncrements(increments: readonly Increment[], recordKey: string): ShardIncrement[] {
  return increments.map((inc) => ({
    cellId: cellId(inc.cell),
    shard: shardFor(inc.cell, recordKey, shardCount(inc.cell)),
    add: inc.add,
    group: groupOf(inc.cell),
  }));
}

/** Fields whose change moves a person's standing (or takes them out of the heatmap). */
const STANDING_FIELDS = ['departmentId', 'level', 'jobRole', 'status'] as const;

/**
 * The aggregator: one function for the cloud (DynamoDB Streams → Lambda) and local (the stream
 * poller). Counting records (attempts, assignments, goals, standings) move their cells, each record
 * at most once (its key is claimed with the increments), so a redelivered record counts once.
 * Source records (evidence, people, the framework, closed attempts) trigger the derived state they
 * feed — a person's standing, an assignment's state — which is itself written to the table and
 * counted when its own record arrives. Both steps are safe to repeat.
 */
export async function applyChanges(deps: AggregateDeps, changes: readonly TableChange[]): Promise<{ applied: number }> {
  const result = await applyUntilFailure(deps, changes);
  if (result.failed) throw result.failed.error;
  return { applied: result.applied };
}

/**
 * Applies the changes in order and stops at the first that fails, saying which: the Lambda
 * reports it as the batch item failure (the records before it are done; it and the rest are
 * retried, which is safe since every step is idempotent).
 */
export async function applyUntilFailure(
  deps: AggregateDeps,
  changes: readonly TableChange[],
): Promise<{ applied: number; failed: { index: number; error: unknown } | null }> {
  let applied = 0;
  const vendors = new Map<string, Promise<string | null>>();
  /** Usage for billing: a person active this month (once), a quiz started (once). */
  const count = async (tenantId: string, at: string, kind: 'active' | 'attempt', id: string) => {
    if (!vendors.has(tenantId))
      vendors.set(
        tenantId,
        getTenantAccount(deps.data.platform, tenantId).then((t) => t?.vendorId ?? null),
      );
    const vendorId = await vendors.get(tenantId)!;
    await countUsage(deps.data.clientFor({ tenantId }), { vendorId, month: monthOf(at), kind, id, now: deps.now() });
  };
  const apply = async (tenantId: string, key: string | null, increments: Increment[], note?: Record<string, unknown>) => {
    if (!key || increments.length === 0) return;
    const db = deps.data.clientFor({ tenantId });
    applied += await applyIncrementsOnce(db, key, toShardIncrements(increments, key), deps.now().toISOString(), note);
  };
  /** A company being deleted (or deleted): its records, the deletion's own included, count nothing. */
  const deleted = new Map<string, Promise<boolean>>();
  const isDeleted = (tenantId: string) => {
    if (!deleted.has(tenantId)) deleted.set(tenantId, isTenantDeleted(deps.data.platform, tenantId));
    return deleted.get(tenantId)!;
  };
  const applyChange = async (change: TableChange) => {
    const image = change.newImage ?? change.oldImage;
    const tenantId = image ? tenantOfKey(String(image.pk ?? '')) : null;
    if (!image || !tenantId || (await isDeleted(tenantId))) return;
    const db = deps.data.clientFor({ tenantId });
    switch (image.entity) {
      case 'attempt': {
        const oldImage = parse<AttemptImage>(attemptImageSchema, change.oldImage, 'attempt');
        const newImage = parse<AttemptImage>(attemptImageSchema, change.newImage, 'attempt');
        const attempt = newImage ?? oldImage;
        if (!attempt) break;
        if (!oldImage && newImage && change.eventName === 'INSERT') {
          const startedAt = typeof change.newImage?.startedAt === 'string' ? change.newImage.startedAt : deps.now().toISOString();
          await count(tenantId, startedAt, 'attempt', newImage.id);
          await count(tenantId, startedAt, 'active', newImage.userId);
        }
        const key = idempotencyKey({ kind: 'attempt', oldImage, newImage });
        if (!key) break;
        // The attribution is kept on the claim, so a rebuild counts the attempt where the stream did.
        const who = await attributionOf(db, attempt.userId);
        await apply(tenantId, key, attemptDelta(oldImage, newImage, who), { departmentId: who.departmentId, level: who.level });
        // A passed quiz may complete a module of the learner's packages.
        if (newImage && isClosed(newImage) && newImage.result?.passed)
          for (const a of await listAssignmentsOfUser(db, newImage.userId)) await refreshAssignmentState(deps, db, a.userId, a.packageId);
        break;
      }
      case 'assignment': {
        const oldImage = parse(assignmentImageSchema, change.oldImage, 'assignment');
        const newImage = parse(assignmentImageSchema, change.newImage, 'assignment');
        const key = idempotencyKey({ kind: 'assignment', eventId: change.eventId, oldImage, newImage });
        await apply(tenantId, key, assignmentDelta(oldImage, newImage));
        // A completed package earns its certificate (修了証); issuing is keyed by person and
        // package, so a redelivered record or a later change of the assignment issues nothing new.
        if (newImage?.status === 'completed') await issueCertificate(deps, db, newImage.userId, newImage.packageId);
        break;
      }
      case 'goal': {
        const oldImage = parse(goalImageSchema, change.oldImage, 'goal');
        const newImage = parse(goalImageSchema, change.newImage, 'goal');
        await apply(tenantId, `goal:${change.eventId}`, goalDelta(oldImage, newImage));
        break;
      }
      case 'standing': {
        const oldImage = parse(standingImageSchema, change.oldImage, 'standing');
        const newImage = parse(standingImageSchema, change.newImage, 'standing');
        // Gaps closed or opened this week, dated by the standing's own app-clock stamp (never the
        // stream's delivery time), claimed with the heatmap's increments so they count once.
        const at = typeof change.newImage?.updatedAt === 'string' ? change.newImage.updatedAt : deps.now().toISOString();
        await apply(tenantId, `standing:${change.eventId}`, [
          ...standingDelta(oldImage, newImage),
          ...gapMovementDelta(oldImage, newImage, at),
        ]);
        break;
      }
      case 'proficiency':
        if (typeof image.userId === 'string') await refreshStanding(deps, db, image.userId);
        break;
      case 'user': {
        const moved = STANDING_FIELDS.some((f) => change.oldImage?.[f] !== change.newImage?.[f]);
        if (moved && typeof image.id === 'string') await refreshStanding(deps, db, image.id);
        break;
      }
      case 'skillFramework':
        await refreshAllStandings(deps, db);
        break;
      case 'session':
        // A sign-in or a token refresh: the person used the product this month.
        // Dated by the item's own app-clock stamp (a refresh's usedAt, else the sign-in's createdAt),
        // never by the stream record's time: a record read late must count in the month it happened.
        if (change.newImage && typeof change.newImage.userId === 'string')
          await count(tenantId, sessionActivityAt(change.newImage) ?? deps.now().toISOString(), 'active', change.newImage.userId);
        break;
    }
  };
  for (const [index, change] of changes.entries()) {
    try {
      await applyChange(change);
    } catch (error) {
      return { applied, failed: { index, error } };
    }
  }
  return { applied, failed: null };
}

function sessionActivityAt(image: Record<string, unknown>): string | null {
  if (typeof image.usedAt === 'string') return image.usedAt;
  return typeof image.createdAt === 'string' ? image.createdAt : null;
}

/** One aggregate cell, merged from its shards. */
export async function readCell(db: TenantDb, id: string): Promise<Counters> {
  const key = parseCellId(id);
  const group = cellGroup(key);
  if (!group) return mergeShards(await readCellShards(db, id));
  return mergeShards((await readGroupShards(db, group.group, shardCount(key))).get(group.member) ?? []);
}

/** An assessment's item analysis from its maintained item cells (one Query per shard). */
export async function readItemAnalysis(db: TenantDb, assessmentId: string) {
  const groupId = ['item', db.tenantId, assessmentId].join('/');
  const members = await readGroupShards(db, groupId, HOT_SHARDS);
  const cells = new Map([...members].map(([member, shards]) => [member, mergeShards(shards)]));
  const attempts = cells.get('*')?.attempts ?? 0;
  cells.delete('*');
  return { attempts, items: itemStats(cells, attempts) };
}

/**
 * Recomputes an assessment's aggregates from its closed attempts and compares them with the
 * maintained cells (used by tests and after schema changes). Returns the cells that differ. Only
 * the assessment's own cells are compared (the all-assessment overview cells mix in the others).
 */
export async function verifyAssessmentAggregates(db: TenantDb, assessmentId: string): Promise<{ cells: number; mismatches: string[] }> {
  const attempts = (await listAttemptsOfAssessment(db, assessmentId))
    .map((a) => parse<AttemptImage>(attemptImageSchema, { ...a, entity: 'attempt', ...keys.attempt(db.tenantId, a.id) }, 'attempt'))
    .filter((a): a is AttemptImage => a !== null);
  const who = new Map<string, Attribution>();
  for (const a of attempts) if (!who.has(a.userId)) who.set(a.userId, await attributionOf(db, a.userId));
  const expected = rebuildAggregates(attempts, [], (a) => who.get(a.userId)!);
  const mismatches: string[] = [];
  for (const [id, counters] of expected) {
    const key = parseCellId(id);
    if (key.kind !== 'result' && key.kind !== 'skill' && key.kind !== 'item') continue;
    if (key.kind === 'result' && key.assessmentId === '*') continue;
    const actual = await readCell(db, id);
    const fields = new Set([...Object.keys(counters), ...Object.keys(actual)]);
    if ([...fields].some((f) => (counters[f] ?? 0) !== (actual[f] ?? 0))) mismatches.push(id);
  }
  return { cells: expected.size, mismatches };
}
