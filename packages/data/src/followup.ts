import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '@manabi/core';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { writeAtomically, writeOnce, type TransactItem } from './transact.js';
import { isConditionFailure, NotFoundError } from './errors.js';

// ── Mentors ────────────────────────────────────────────────────────────────────────────────

export async function setMentor(db: TenantDb, learnerId: string, mentorId: string | null, now: string): Promise<void> {
  if (mentorId === null) {
    await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.mentorship(db.tenantId, learnerId) }));
    return;
  }
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...keys.mentorship(db.tenantId, learnerId),
        ...keys.menteesOf(db.tenantId, mentorId, learnerId),
        entity: 'mentorship',
        learnerId,
        mentorId,
        since: now,
      },
    }),
  );
}

export async function getMentorId(db: TenantDb, learnerId: string): Promise<string | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.mentorship(db.tenantId, learnerId) }));
  return (out.Item?.mentorId as string | undefined) ?? null;
}

export async function listMentees(db: TenantDb, mentorId: string): Promise<string[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.menteesOf(db.tenantId, mentorId).gsi1pk },
    }),
  );
  return (out.Items ?? []).map((i) => i.learnerId as string);
}

// ── Check-ins ──────────────────────────────────────────────────────────────────────────────

export interface CheckInRecord {
  id: string;
  userId: string;
  /** Who holds the conversation with the learner (mentor or manager). */
  hostId: string | null;
  dueDate: string;
  reflection: { text: string; at: string } | null;
  comment: { text: string; at: string; by: string } | null;
  status: 'scheduled' | 'done';
  createdAt: string;
}

function checkInItem(db: TenantDb, c: CheckInRecord): Record<string, unknown> {
  return { ...keys.checkIn(db.tenantId, c.id), ...keys.checkInsOfUser(db.tenantId, c.userId, c.dueDate, c.id), entity: 'checkIn', ...c };
}

const toCheckIn = (i: Record<string, unknown>): CheckInRecord => ({
  id: i.id as string,
  userId: i.userId as string,
  hostId: (i.hostId as string | null) ?? null,
  dueDate: i.dueDate as string,
  reflection: (i.reflection as CheckInRecord['reflection']) ?? null,
  comment: (i.comment as CheckInRecord['comment']) ?? null,
  status: i.status as CheckInRecord['status'],
  createdAt: i.createdAt as string,
});

export async function createCheckIns(db: TenantDb, checkIns: Omit<CheckInRecord, 'id'>[]): Promise<CheckInRecord[]> {
  const created = checkIns.map((c) => ({ ...c, id: randomId() }));
  for (let i = 0; i < created.length; i += 25) {
    await writeAtomically(
      db,
      created
        .slice(i, i + 25)
        .map((c) => ({ Put: { TableName: db.table, Item: checkInItem(db, c), ConditionExpression: 'attribute_not_exists(pk)' } })),
    );
  }
  return created;
}

export async function getCheckIn(db: TenantDb, id: string): Promise<CheckInRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.checkIn(db.tenantId, id), ConsistentRead: true }));
  return out.Item ? toCheckIn(out.Item) : null;
}

/** Adds the learner's reflection or the host's comment; the check-in is done once it has both. */
export async function writeCheckInNote(
  db: TenantDb,
  id: string,
  field: 'reflection' | 'comment',
  note: { text: string; at: string; by?: string },
): Promise<CheckInRecord> {
  const other = field === 'reflection' ? 'comment' : 'reflection';
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.checkIn(db.tenantId, id),
        UpdateExpression: `SET #f = :note, #s = if_not_exists(#s, :scheduled)`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#f': field, '#s': 'status' },
        ExpressionAttributeValues: { ':note': note, ':scheduled': 'scheduled' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const updated = toCheckIn(out.Attributes!);
    if (updated[other] && updated.status !== 'done') {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.checkIn(db.tenantId, id),
          UpdateExpression: 'SET #s = :done',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':done': 'done' },
        }),
      );
      return { ...updated, status: 'done' };
    }
    return updated;
  } catch (error) {
    if (isConditionFailure(error)) throw new NotFoundError('check-in');
    throw error;
  }
}

export async function listCheckInsOfUser(db: TenantDb, userId: string): Promise<CheckInRecord[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.checkInsOfUser(db.tenantId, userId).gsi1pk },
    }),
  );
  return (out.Items ?? []).map(toCheckIn);
}

// ── Inbox and reminders ────────────────────────────────────────────────────────────────────

export interface InboxMessage {
  id: string;
  userId: string;
  kind: string;
  title: { ja: string; en: string };
  body: { ja: string; en: string };
  link: string | null;
  createdAt: string;
  read: boolean;
}

export function inboxItem(db: TenantDb, message: Omit<InboxMessage, 'id' | 'read'>): TransactItem {
  const id = randomId();
  return {
    Put: {
      TableName: db.table,
      Item: { ...keys.inboxMessage(db.tenantId, message.userId, message.createdAt, id), entity: 'inbox', ...message, id, read: false },
    },
  };
}

export async function listInbox(db: TenantDb, userId: string, limit = 50): Promise<InboxMessage[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.inbox(db.tenantId, userId).pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => ({
    id: i.id as string,
    userId: i.userId as string,
    kind: i.kind as string,
    title: i.title as InboxMessage['title'],
    body: i.body as InboxMessage['body'],
    link: (i.link as string | null) ?? null,
    createdAt: i.createdAt as string,
    read: Boolean(i.read),
  }));
}

export async function markInboxRead(db: TenantDb, userId: string, message: { id: string; createdAt: string }): Promise<void> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.inboxMessage(db.tenantId, userId, message.createdAt, message.id),
        UpdateExpression: 'SET #r = :t',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#r': 'read' },
        ExpressionAttributeValues: { ':t': true },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new NotFoundError('message');
    throw error;
  }
}

/**
 * Sends one reminder exactly once: the claim on its key, the inbox messages and the emails are
 * written together, and a second run (or a concurrent one) finds the claim and writes nothing.
 */
export async function sendReminderOnce(db: TenantDb, key: string, items: TransactItem[], now: string): Promise<boolean> {
  return writeOnce(db, { ...keys.reminderSent(db.tenantId, key), entity: 'reminderSent', key, sentAt: now }, items);
}
