import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys, type Owner } from './keys.js';
import type { TransactItem } from './transact.js';
import { writeAtomically } from './transact.js';
import { ConflictError, isConditionFailure } from './errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** What the head of a question keeps for lists and draws (the content lives in its versions). */
export interface QuestionMeta {
  type: string;
  title: string | null;
  stemPreview: string;
  skillTags: string[];
  level: string | null;
  irt: { a: number; b: number; c: number; source: string };
}

export interface QuestionHead extends QuestionMeta {
  id: string;
  bankId: string;
  owner: Owner['kind'];
  status: 'draft' | 'published';
  latestVersion: number;
  publishedVersion: number | null;
  /** Skills of the published version (their tag items exist). */
  publishedSkills: string[];
  createdAt: string;
  updatedAt: string;
}

/** One published question as draws and adaptive pools read it (one small item per skill tag). */
export interface PublishedRef {
  id: string;
  version: number;
  skills: string[];
  level: string | null;
  type: string;
  irt: { a: number; b: number; c: number };
}

const toHead = (i: Record<string, unknown>, owner: Owner): QuestionHead => ({
  id: i.id as string,
  bankId: i.bankId as string,
  owner: owner.kind,
  type: i.type as string,
  title: (i.title as string | null) ?? null,
  stemPreview: i.stemPreview as string,
  skillTags: (i.skillTags as string[]) ?? [],
  level: (i.level as string | null) ?? null,
  irt: i.irt as QuestionHead['irt'],
  status: i.status as QuestionHead['status'],
  latestVersion: i.latestVersion as number,
  publishedVersion: (i.publishedVersion as number | null) ?? null,
  publishedSkills: (i.publishedSkills as string[]) ?? [],
  createdAt: i.createdAt as string,
  updatedAt: i.updatedAt as string,
});

function headItem(owner: Owner, head: QuestionHead): Record<string, unknown> {
  const { owner: _o, ...fields } = head;
  return {
    ...keys.questionHead(owner, head.id),
    ...keys.questionsOfBank(owner, head.bankId, head.updatedAt, head.id),
    entity: 'questionHead',
    ...fields,
  };
}

function versionItem(owner: Owner, id: string, version: number, content: unknown, now: string): TransactItem {
  return {
    Put: {
      TableName: '',
      Item: { ...keys.questionVersion(owner, id, version), entity: 'questionVersion', id, version, content, createdAt: now },
      // Versions are immutable: an attempt keeps exactly the version it showed.
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

const withTable = (db: PlatformDb, items: TransactItem[]): TransactItem[] =>
  items.map((it) => {
    const op = (it.Put ?? it.Update ?? it.Delete ?? it.ConditionCheck)!;
    op.TableName = db.table;
    return it;
  });

/** Creates a question with its first version; `publish` also makes that version live at once. */
export async function createQuestion(
  db: PlatformDb,
  owner: Owner,
  input: { id: string; bankId: string; meta: QuestionMeta; content: unknown; publish: boolean },
  now: string,
): Promise<QuestionHead> {
  const head: QuestionHead = {
    id: input.id,
    bankId: input.bankId,
    owner: owner.kind,
    ...input.meta,
    status: input.publish ? 'published' : 'draft',
    latestVersion: 1,
    publishedVersion: input.publish ? 1 : null,
    publishedSkills: input.publish ? input.meta.skillTags : [],
    createdAt: now,
    updatedAt: now,
  };
  const items: TransactItem[] = [
    { Put: { TableName: db.table, Item: headItem(owner, head), ConditionExpression: 'attribute_not_exists(pk)' } },
    versionItem(owner, input.id, 1, input.content, now),
    ...(input.publish ? tagPuts(owner, head) : []),
    countInBank(owner, input.bankId, 1),
  ];
  await writeAtomically(db, withTable(db, items));
  return head;
}

/** Many new questions (an import), 25 per transaction (each needs a head, a version and its tags). */
export async function createQuestions(
  db: PlatformDb,
  owner: Owner,
  inputs: { id: string; bankId: string; meta: QuestionMeta; content: unknown; publish: boolean }[],
  now: string,
): Promise<void> {
  let batch: TransactItem[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length > 0) await writeAtomically(db, withTable(db, [...batch, countInBank(owner, inputs[0]!.bankId, count)]));
    batch = [];
    count = 0;
  };
  for (const input of inputs) {
    const head: QuestionHead = {
      id: input.id,
      bankId: input.bankId,
      owner: owner.kind,
      ...input.meta,
      status: input.publish ? 'published' : 'draft',
      latestVersion: 1,
      publishedVersion: input.publish ? 1 : null,
      publishedSkills: input.publish ? input.meta.skillTags : [],
      createdAt: now,
      updatedAt: now,
    };
    const items: TransactItem[] = [
      { Put: { TableName: db.table, Item: headItem(owner, head), ConditionExpression: 'attribute_not_exists(pk)' } },
      versionItem(owner, input.id, 1, input.content, now),
      ...(input.publish ? tagPuts(owner, head) : []),
    ];
    if (batch.length + items.length > 99) await flush();
    batch.push(...items);
    count += 1;
  }
  await flush();
}

/** Saves new content as the next version; `expectedVersion` guards against overwriting a colleague's edit. */
export async function saveQuestionVersion(
  db: PlatformDb,
  owner: Owner,
  current: QuestionHead,
  expectedVersion: number,
  meta: QuestionMeta,
  content: unknown,
  now: string,
): Promise<QuestionHead> {
  if (expectedVersion !== current.latestVersion)
    throw new ConflictError('stale', 'The question was changed meanwhile; reload it', 'expectedVersion');
  const next: QuestionHead = { ...current, ...meta, latestVersion: current.latestVersion + 1, updatedAt: now };
  try {
    await writeAtomically(
      db,
      withTable(db, [
        {
          Put: {
            TableName: db.table,
            Item: headItem(owner, next),
            ConditionExpression: 'latestVersion = :v',
            ExpressionAttributeValues: { ':v': current.latestVersion },
          },
        },
        versionItem(owner, current.id, next.latestVersion, content, now),
      ]),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('stale', 'The question was changed meanwhile; reload it', 'expectedVersion');
    throw error;
  }
  return next;
}

/** Makes the latest version the published one, and moves the per-skill tag items to match. */
export async function publishQuestion(db: PlatformDb, owner: Owner, current: QuestionHead, now: string): Promise<QuestionHead> {
  const next: QuestionHead = {
    ...current,
    status: 'published',
    publishedVersion: current.latestVersion,
    publishedSkills: current.skillTags,
    updatedAt: now,
  };
  const removed = current.publishedSkills.filter((s) => !next.publishedSkills.includes(s));
  try {
    await writeAtomically(
      db,
      withTable(db, [
        {
          Put: {
            TableName: db.table,
            Item: headItem(owner, next),
            ConditionExpression: 'latestVersion = :v',
            ExpressionAttributeValues: { ':v': current.latestVersion },
          },
        },
        ...tagPuts(owner, next),
        ...removed.map((skill) => ({
          Delete: { TableName: db.table, Key: keys.publishedBySkill(owner, current.bankId, skill, current.id) },
        })),
      ]),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('stale', 'The question was changed meanwhile; reload it');
    throw error;
  }
  return next;
}

/** Keeps the bank's question count with the questions it counts (same transaction). */
function countInBank(owner: Owner, bankId: string, n: number): TransactItem {
  return {
    Update: {
      TableName: '',
      Key: keys.bank(owner, bankId),
      UpdateExpression: 'ADD questionCount :n',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':n': n },
    },
  };
}

function tagPuts(owner: Owner, head: QuestionHead): TransactItem[] {
  const ref: PublishedRef = {
    id: head.id,
    version: head.publishedVersion!,
    skills: head.publishedSkills,
    level: head.level,
    type: head.type,
    irt: { a: head.irt.a, b: head.irt.b, c: head.irt.c },
  };
  return head.publishedSkills.map((skill) => ({
    Put: { TableName: '', Item: { ...keys.publishedBySkill(owner, head.bankId, skill, head.id), entity: 'publishedQuestion', ...ref } },
  }));
}

export async function getQuestionHead(db: PlatformDb, owner: Owner, id: string): Promise<QuestionHead | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.questionHead(owner, id) }));
  return out.Item ? toHead(out.Item, owner) : null;
}

/** One immutable version's content (safe to cache forever: versions never change). */
export async function getQuestionVersion(db: PlatformDb, owner: Owner, id: string, version: number): Promise<unknown | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.questionVersion(owner, id, version) }));
  return out.Item ? out.Item.content : null;
}

export interface QuestionListQuery {
  skill?: string;
  /** Text in the title or the stem's preview (a question picker's search). */
  text?: string;
  level?: string;
  type?: string;
  status?: string;
  limit: number;
  cursor?: string;
}

export async function listQuestions(
  db: PlatformDb,
  owner: Owner,
  bankId: string,
  q: QuestionListQuery,
): Promise<{ items: QuestionHead[]; nextCursor: string | null }> {
  const partition = keys.questionsOfBank(owner, bankId).gsi1pk;
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':p': partition };
  if (q.skill) {
    filters.push('contains(#skills, :skill)');
    names['#skills'] = 'skillTags';
    values[':skill'] = q.skill;
  }
  if (q.text) {
    filters.push('(contains(#stemPreview, :text) OR contains(#title, :text))');
    names['#stemPreview'] = 'stemPreview';
    names['#title'] = 'title';
    values[':text'] = q.text;
  }
  for (const [field, value] of [
    ['level', q.level],
    ['type', q.type],
    ['status', q.status],
  ] as const) {
    if (value) {
      filters.push(`#${field} = :${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = value;
    }
  }
  // Catalog keys are not tenant keys; the cursor check needs a tenant id only for tenant banks.
  let startKey = q.cursor ? decodeQuestionCursor(q.cursor, owner, partition) : undefined;
  const items: QuestionHead[] = [];
  for (let reads = 0; reads < 20 && items.length < q.limit; reads++) {
    const input: QueryCommandInput = {
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: q.limit - items.length,
      ExclusiveStartKey: startKey,
    };
    if (filters.length > 0) {
      input.FilterExpression = filters.join(' AND ');
      input.ExpressionAttributeNames = names;
    }
    const out = await db.doc.send(new QueryCommand(input));
    for (const item of out.Items ?? []) items.push(toHead(item, owner));
    startKey = out.LastEvaluatedKey as typeof startKey;
    if (!startKey) break;
  }
  return { items, nextCursor: encodeCursor(startKey) };
}

function decodeQuestionCursor(cursor: string, owner: Owner, partition: string) {
  if (owner.kind === 'tenant') return decodeCursor(cursor, { gsi1pk: partition }, owner.tenantId);
  return decodeCursor(cursor, { gsi1pk: partition }, null);
}

/** Published questions of a bank tagged with a skill (a draw's or an adaptive pool's candidates). */
export async function listPublishedBySkill(db: PlatformDb, owner: Owner, bankId: string, skill: string): Promise<PublishedRef[]> {
  const k = keys.publishedBySkill(owner, bankId, skill);
  const refs: PublishedRef[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': k.pk, ':s': k.sk },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const i of out.Items ?? []) {
      refs.push({
        id: i.id as string,
        version: i.version as number,
        skills: i.skills as string[],
        level: (i.level as string | null) ?? null,
        type: i.type as string,
        irt: i.irt as PublishedRef['irt'],
      });
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return refs;
}
