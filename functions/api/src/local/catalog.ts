import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CATALOG_BANK_NAME, catalogBankId, storedIdOf, type CatalogItem } from '@manabi/content';
import { CATALOG_FOLDER, loadCatalogFolder, readSourceFiles } from '@manabi/content/fs';
import {
  createBank,
  ConflictError,
  createQuestion,
  createQuestions,
  getBank,
  getQuestionHead,
  getQuestionVersion,
  isConditionFailure,
  publishQuestion,
  saveQuestionVersion,
  setBankContentDigest,
  type PlatformDb,
  type QuestionHead,
} from '@manabi/data';
import { questionMeta } from '../routes/questions.js';

const CATALOG = { kind: 'catalog' } as const;

/** content/catalog, found from here upward (works from src/ and from the bundle in dist/). */
export function catalogFolder(from: string = import.meta.dirname): string {
  if (process.env.MANABI_CATALOG_DIR) return process.env.MANABI_CATALOG_DIR;
  let dir = from;
  while (!existsSync(join(dir, CATALOG_FOLDER))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find ${CATALOG_FOLDER} above ${from}`);
    dir = up;
  }
  return join(dir, CATALOG_FOLDER);
}

/**
 * The catalog's items, read from the folder. Any file or item that does not load stops the
 * publish (a half-published catalog would be worse than the previous one); `npm run content:check`
 * says what is wrong.
 */
export function loadCatalogItems(dir: string = catalogFolder()): CatalogItem[] {
  const { items, failures } = loadCatalogFolder(dir);
  if (failures.length > 0)
    throw new Error(
      `The catalog in ${dir} does not load (${failures.length} problems; run npm run content:check), first: ${failures[0]!.where}: ${failures[0]!.message}`,
    );
  return items;
}

export interface PublishSummary {
  bankId: string;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Publishes the catalog into the platform's one catalog bank, shared by every company. Each item's
 * question id is derived from its content id, so a re-run updates what changed (a new version,
 * published) and adds what is new; unchanged items cost two reads and no write. Every write is
 * conditional (create only if absent, new version only on the version read), so two runs at once
 * cannot double an item: the loser's condition fails and it re-reads. A full publish stamps the
 * bank with the source's digest, so a start whose content/catalog has not changed costs one read
 * (checking 1,500 items one by one takes seconds on every restart).
 */
export async function publishCatalog(
  db: PlatformDb,
  items: CatalogItem[],
  now: string,
  options: { concurrency?: number; /** The source's digest to stamp (default: the items'). */ digest?: string } = {},
): Promise<PublishSummary> {
  const concurrency = options.concurrency ?? 8;
  const bankId = catalogBankId();
  const digest = options.digest ?? catalogDigest(items);
  const bank = await getBank(db, CATALOG, bankId);
  if (bank?.contentDigest === digest) return { bankId, created: 0, updated: 0, unchanged: items.length };
  if (!bank) {
    try {
      await createBank(db, CATALOG, bankId, CATALOG_BANK_NAME, now);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  const summary: PublishSummary = { bankId, created: 0, updated: 0, unchanged: 0 };
  // A bank created just now holds no question yet: a first publish reads nothing item by item.
  const heads = bank
    ? await inParallel(items, concurrency, (item) => getQuestionHead(db, CATALOG, storedIdOf(item.id)))
    : items.map(() => null);
  // New items go in batched transactions (one bank counter update per batch, not per item).
  const fresh = items.filter((_item, i) => heads[i] === null);
  const rest = items.filter((_item, i) => heads[i] !== null);
  for (let i = 0; i < fresh.length; i += 20) {
    const batch = fresh.slice(i, i + 20);
    try {
      await createQuestions(
        db,
        CATALOG,
        batch.map((item) => ({
          id: storedIdOf(item.id),
          bankId,
          meta: questionMeta(item.question),
          content: item.question,
          publish: true,
        })),
        now,
      );
      summary.created += batch.length;
    } catch (error) {
      // Another run created one of them meanwhile: nothing of this batch was written; go item by item.
      if (!isConditionFailure(error)) throw error;
      rest.push(...batch);
    }
  }
  for (const outcome of await inParallel(rest, concurrency, (item) => publishItem(db, bankId, item, now))) summary[outcome] += 1;
  await setBankContentDigest(db, CATALOG, bankId, digest, now);
  return summary;
}

/**
 * The folder's digest, from its files' bytes: computed in milliseconds without parsing 2,000
 * items, so a restart with content/catalog unchanged neither parses nor publishes anything.
 */
export function catalogSourceDigest(dir: string = catalogFolder()): string {
  const hash = createHash('sha256');
  for (const file of readSourceFiles(dir).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))
    hash.update(`${file.path}\n${file.text}\n`);
  return `source:${hash.digest('hex')}`;
}

/**
 * Publishes content/catalog unless the catalog bank already holds exactly this folder (one read).
 * Returns null when nothing had to be done.
 */
export async function publishCatalogFolder(db: PlatformDb, now: string, dir: string = catalogFolder()): Promise<PublishSummary | null> {
  const digest = catalogSourceDigest(dir);
  if ((await getBank(db, CATALOG, catalogBankId()))?.contentDigest === digest) return null;
  return publishCatalog(db, loadCatalogItems(dir), now, { digest });
}

/** What the catalog's items say, independent of file order and key order. */
export function catalogDigest(items: readonly CatalogItem[]): string {
  const hash = createHash('sha256');
  for (const item of [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(`${item.id}\n${canonical(item.question)}\n`);
  return hash.digest('hex');
}

async function inParallel<T, R>(inputs: T[], concurrency: number, run: (input: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await run(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
  return out;
}

async function publishItem(db: PlatformDb, bankId: string, item: CatalogItem, now: string): Promise<'created' | 'updated' | 'unchanged'> {
  const id = storedIdOf(item.id);
  const content = item.question;
  const meta = questionMeta(content);
  for (let attempt = 0; attempt < 3; attempt++) {
    const head = await getQuestionHead(db, CATALOG, id);
    try {
      if (!head) {
        await createQuestion(db, CATALOG, { id, bankId, meta, content, publish: true }, now);
        return 'created';
      }
      const latest = await getQuestionVersion(db, CATALOG, id, head.latestVersion);
      const same = canonical(latest) === canonical(content);
      if (same && head.publishedVersion === head.latestVersion) return 'unchanged';
      const saved: QuestionHead = same ? head : await saveQuestionVersion(db, CATALOG, head, head.latestVersion, meta, content, now);
      await publishQuestion(db, CATALOG, saved, now);
      return 'updated';
    } catch (error) {
      // Someone else wrote the same question meanwhile: read again and decide again.
      if (!isConditionFailure(error) && !(error instanceof ConflictError)) throw error;
    }
  }
  throw new Error(`Catalog item ${item.id} kept changing while it was published`);
}

/** JSON with sorted keys: stored content comes back from DynamoDB with its keys in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
