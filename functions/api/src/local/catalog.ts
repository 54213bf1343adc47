import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  CATALOG_BANK_NAME,
  catalogBankId,
  checkPackages,
  CONTENT_RULES,
  packageStoredIdOf,
  requiredSkillTags,
  storedIdOf,
  toLearningPackage,
  type CatalogItem,
  type PackageSource,
} from '@manabi/content';
import { CATALOG_FOLDER, loadCatalogFolder, loadPackagesFolder, PACKAGES_FOLDER, readSourceFiles } from '@manabi/content/fs';
import type { Level } from '@manabi/core';
import { packageSchema, type LearningPackage } from '@manabi/upskilling';
import {
  createBank,
  ConflictError,
  createQuestion,
  createQuestions,
  getBank,
  getPackage,
  putNewPackage,
  savePackage,
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
 * The folders' digest, from their files' bytes: computed in milliseconds without parsing 2,000
 * items, so a restart with content/catalog and content/packages unchanged neither parses nor
 * publishes anything. Without a package folder it is the catalog folder's alone.
 */
export function catalogSourceDigest(dir: string = catalogFolder(), packagesDir: string | null = packagesFolderBeside(dir)): string {
  const hash = createHash('sha256');
  const sorted = (files: { path: string; text: string }[]) => files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted(readSourceFiles(dir))) hash.update(`${file.path}\n${file.text}\n`);
  if (packagesDir) for (const file of sorted(readSourceFiles(packagesDir))) hash.update(`packages/${file.path}\n${file.text}\n`);
  return `source:${hash.digest('hex')}`;
}

export interface ContentPublishSummary extends PublishSummary {
  /** The level packages (absent when there is no package folder). */
  packages?: PackagesSummary;
}

/**
 * Publishes content/catalog and the level packages of content/packages unless the catalog bank
 * already holds exactly these folders (one read); `force` checks every item and package anyway
 * (the explicit publish command, the first seed). Packages go first and the items' publish stamps
 * the digest last, so a run that stops midway is done again whole by the next one. Returns null
 * when nothing had to be done.
 */
export async function publishCatalogFolder(
  db: PlatformDb,
  now: string,
  dir: string = catalogFolder(),
  packagesDir: string | null = packagesFolderBeside(dir),
  options: { force?: boolean } = {},
): Promise<ContentPublishSummary | null> {
  const digest = catalogSourceDigest(dir, packagesDir);
  if (!options.force && (await getBank(db, CATALOG, catalogBankId()))?.contentDigest === digest) return null;
  const items = loadCatalogItems(dir);
  const packages = packagesDir ? await publishCatalogPackages(db, catalogPackages(loadPackageSources(packagesDir, items)), now) : null;
  const summary = await publishCatalog(db, items, now, { digest });
  return packages ? { ...summary, packages } : summary;
}

/** content/packages beside a catalog folder, if there is one (a test's own catalog folder has none). */
export function packagesFolderBeside(catalogDir: string): string | null {
  if (process.env.MANABI_PACKAGES_DIR) return process.env.MANABI_PACKAGES_DIR;
  const dir = join(dirname(catalogDir), basename(PACKAGES_FOLDER));
  return existsSync(dir) ? dir : null;
}

/**
 * The level packages, read from the folder and checked against the catalog's items (every draw
 * met at its level, one placement test each). Any problem stops the publish, as for items: a
 * package whose quiz the bank cannot meet would fail the first company that copies it.
 */
export function loadPackageSources(dir: string, items: readonly CatalogItem[]): PackageSource[] {
  const loaded = loadPackagesFolder(dir);
  const failures = [...loaded.failures, ...checkPackages(loaded.packages, items, CONTENT_RULES).failures];
  if (failures.length > 0)
    throw new Error(
      `The packages in ${dir} do not load (${failures.length} problems; run npm run content:check), first: ${failures[0]!.where}: ${failures[0]!.message}`,
    );
  return loaded.packages.map((p) => p.source);
}

export interface CatalogPackage {
  id: string;
  level: Level;
  package: LearningPackage;
}

/** Each source as the learning package every company reads: quizzes on the catalog bank, a stable id per level. */
export function catalogPackages(sources: readonly PackageSource[]): CatalogPackage[] {
  return sources.map((source) => ({
    id: packageStoredIdOf(source.level),
    level: source.level,
    package: packageSchema.parse(toLearningPackage(source, catalogBankId(), requiredSkillTags(source.level))),
  }));
}

export interface PackagesSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Publishes the level packages into the catalog under ids derived from their level: a re-run
 * updates a changed package (a new rev, written only on the rev read) and leaves an unchanged one
 * alone, so plans that name a catalog package keep naming the same one. Two runs at once cannot
 * double a package: creating is conditional on its absence, and the loser reads again.
 */
export async function publishCatalogPackages(db: PlatformDb, packages: readonly CatalogPackage[], now: string): Promise<PackagesSummary> {
  const summary: PackagesSummary = { created: 0, updated: 0, unchanged: 0 };
  for (const p of packages) summary[await publishPackage(db, p, now)] += 1;
  return summary;
}

async function publishPackage(db: PlatformDb, p: CatalogPackage, now: string): Promise<keyof PackagesSummary> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getPackage<LearningPackage>(db, CATALOG, p.id);
    try {
      if (!current) {
        await putNewPackage(db, CATALOG, { id: p.id, package: p.package, clonedFrom: null, createdAt: now, updatedAt: now, rev: 1 });
        return 'created';
      }
      if (canonical(current.package) === canonical(p.package)) return 'unchanged';
      await savePackage(db, CATALOG, current, p.package, now);
      return 'updated';
    } catch (error) {
      // Another run wrote the package meanwhile: read again and decide again.
      if (!isConditionFailure(error) && !(error instanceof ConflictError)) throw error;
    }
  }
  throw new Error(`Catalog package ${p.level} kept changing while it was published`);
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
