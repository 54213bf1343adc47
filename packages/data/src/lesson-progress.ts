import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { isConditionFailure } from './errors.js';

/** The server-measured viewing time of one lesson (the shape of @manabi/upskilling's ViewingState). */
export interface LessonViewingRecord {
  viewedMs: number;
  lastBeatAt: string;
  view: string;
  seq: number;
}

/** Where the learner stopped in an assignment: the module last opened, and how far down its text (0–1). */
export interface LearningResumeRecord {
  moduleId: string;
  position: number;
  at: string;
}

const toViewing = (i: Record<string, unknown>): LessonViewingRecord => ({
  viewedMs: i.viewedMs as number,
  lastBeatAt: i.lastBeatAt as string,
  view: i.view as string,
  seq: i.seq as number,
});

export async function getLessonViewing(
  db: TenantDb,
  userId: string,
  packageId: string,
  moduleId: string,
): Promise<LessonViewingRecord | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.lessonViewing(db.tenantId, userId, packageId, moduleId), ConsistentRead: true }),
  );
  return out.Item ? toViewing(out.Item) : null;
}

/**
 * Stores the next viewing state only if the stored one is still `previous` (compare-and-set on the
 * last beat): two beats racing cannot both add their interval. Returns false when another write
 * came first; the caller reads again and re-applies its beat (a retry then finds itself counted).
 */
export async function saveLessonViewing(
  db: TenantDb,
  userId: string,
  packageId: string,
  moduleId: string,
  previous: LessonViewingRecord | null,
  next: LessonViewingRecord,
  now: string,
): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.lessonViewing(db.tenantId, userId, packageId, moduleId),
          entity: 'lessonViewing',
          moduleId,
          ...next,
          updatedAt: now,
        },
        ...(previous
          ? {
              ConditionExpression: 'lastBeatAt = :at AND #v = :view AND seq = :seq',
              ExpressionAttributeNames: { '#v': 'view' },
              ExpressionAttributeValues: { ':at': previous.lastBeatAt, ':view': previous.view, ':seq': previous.seq },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Remembers where the learner stopped: one small unconditional Put (the latest position wins). */
export async function putLearningResume(db: TenantDb, userId: string, packageId: string, resume: LearningResumeRecord): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.learningResume(db.tenantId, userId, packageId), entity: 'learningResume', ...resume },
    }),
  );
}

/** The learner's own progress inside one assignment: viewing time per lesson and where they stopped (one Query). */
export async function getAssignmentLearnerProgress(
  db: TenantDb,
  userId: string,
  packageId: string,
): Promise<{ resume: LearningResumeRecord | null; viewedMs: Record<string, number> }> {
  const k = keys.learnerProgressOfAssignment(db.tenantId, userId, packageId);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
    }),
  );
  let resume: LearningResumeRecord | null = null;
  const viewedMs: Record<string, number> = {};
  for (const item of out.Items ?? []) {
    if (item.entity === 'learningResume') {
      resume = { moduleId: item.moduleId as string, position: item.position as number, at: item.at as string };
    } else if (item.entity === 'lessonViewing' && String(item.sk).startsWith(k.viewPrefix)) {
      viewedMs[item.moduleId as string] = item.viewedMs as number;
    }
  }
  return { resume, viewedMs };
}
