import { randomId } from '@manabi/core';
import {
  deleteItems,
  deletePlatformPointer,
  getItems,
  getTenantAccount,
  getTenantJob,
  keys,
  listTenantItemKeys,
  listTenantJobs,
  objectKeys,
  platformPointersOf,
  putTenantJob,
  putTenantTombstone,
  setTenantStatus,
  updateTenantJob,
  type ItemKey,
  type TenantAccount,
  type TenantJob,
  type TenantJobKind,
} from '@manabi/data';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AppDeps, AuthClaims } from '../env.js';
import { ApiError } from '../errors.js';
import { forgetAccess } from '../auth/access-gate.js';

export type LifecycleDeps = Pick<AppDeps, 'data' | 'objects' | 'now' | 'log' | 'tenantJobs'>;

/**
 * Attributes an export leaves out: credentials and their hashes are of no use outside the
 * platform and would only widen what a leaked archive gives away. Sessions, one-time links and
 * passkeys are left out whole for the same reason, and so is anything sealed (SSO client secrets, SP keys).
 */
const REDACTED_ATTRIBUTES = /^(passwordHash|totpSecret|pendingTotpSecret|recoveryCodes|tokenHash|publicKey|tpk|sealed\w+)$/;
const OMITTED_ENTITIES = new Set(['session', 'link', 'passkey', 'token']);

/** Only a client company can be deleted: a vendor's or the platform's own home carries their admins. */
export function checkDeletable(t: TenantAccount, confirmName: string): void {
  if (t.kind !== 'client') throw new ApiError(409, 'tenant_not_deletable');
  if (confirmName.trim() !== t.name.trim())
    throw new ApiError(400, 'confirmation_mismatch', undefined, [{ path: 'confirmName', message: 'field.confirmation_mismatch' }]);
}

/** Records the job (queued) and hands it to the runner of this process (locally) or the stream (cloud). */
export async function requestTenantJob(deps: LifecycleDeps, t: TenantAccount, kind: TenantJobKind, auth: AuthClaims): Promise<TenantJob> {
  const now = deps.now().toISOString();
  const job: TenantJob = {
    id: randomId(),
    kind,
    tenantId: t.id,
    tenantName: t.name,
    vendorId: t.vendorId,
    status: 'queued',
    requestedBy: { userId: auth.userId, tenantId: auth.tenantId, role: auth.role },
    createdAt: now,
    updatedAt: now,
    items: 0,
    objects: 0,
  };
  await putTenantJob(deps.data.platform, job);
  deps.tenantJobs?.start(job.id);
  return job;
}

/** Runs a queued job to its end (taken once: a second runner handed it does nothing). */
export async function runTenantJob(deps: LifecycleDeps, jobId: string): Promise<TenantJob | null> {
  const db = deps.data.platform;
  const job = await getTenantJob(db, jobId);
  if (!job || !(await updateTenantJob(db, jobId, { status: 'running', updatedAt: deps.now().toISOString() }, 'queued'))) return job;
  try {
    const outcome = job.kind === 'export' ? await exportTenant(deps, job) : await deleteTenant(deps, job);
    await updateTenantJob(db, jobId, { ...outcome, updatedAt: deps.now().toISOString() });
  } catch (error) {
    deps.log({ level: 'error', msg: 'tenant job failed', jobId, kind: job.kind, tenantId: job.tenantId, error: String(error) });
    await updateTenantJob(db, jobId, { status: 'failed', error: 'internal_error', updatedAt: deps.now().toISOString() });
  }
  return getTenantJob(db, jobId);
}

const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.pk) < String(b.pk)
    ? -1
    : String(a.pk) > String(b.pk)
      ? 1
      : String(a.sk) < String(b.sk)
        ? -1
        : String(a.sk) > String(b.sk)
          ? 1
          : 0;

/** An item as the export shows it: its key and attributes, without credentials. */
export function exportedItem(item: Record<string, unknown>): Record<string, unknown> | null {
  if (OMITTED_ENTITIES.has(String(item.entity))) return null;
  return Object.fromEntries(Object.entries(item).filter(([name]) => !REDACTED_ATTRIBUTES.test(name)));
}

/**
 * The export: `manifest.json`, `items.json` (every item of the company, sorted by key) and each
 * of its stored files under `files/<object key>`, in one zip kept under the company's prefix.
 */
async function exportTenant(deps: LifecycleDeps, job: TenantJob): Promise<Partial<TenantJob>> {
  const db = deps.data.platform;
  const itemKeys = await listTenantItemKeys(db, job.tenantId);
  const tenantKey = keys.tenant(job.tenantId);
  if (!itemKeys.some((k) => k.pk === tenantKey.pk && k.sk === tenantKey.sk)) itemKeys.push(tenantKey);
  const items = (await getItems(db, itemKeys)).sort(byKey).flatMap((i) => exportedItem(i) ?? []);
  await updateTenantJob(db, job.id, { items: items.length, updatedAt: deps.now().toISOString() });
  const files: Zippable = {};
  let objects = 0;
  for (const prefix of objectKeys.tenantPrefixes(job.tenantId).filter((p) => !p.startsWith('exports/'))) {
    for (const key of await deps.objects.list(prefix)) {
      const object = await deps.objects.get(key);
      if (!object) continue;
      files[`files/${key}`] = [object.body, { level: 0 }];
      objects += 1;
    }
  }
  const manifest = {
    format: 'manabi-tenant-export/1',
    tenant: { id: job.tenantId, name: job.tenantName },
    exportedAt: deps.now().toISOString(),
    items: items.length,
    files: objects,
    redacted: { attributes: REDACTED_ATTRIBUTES.source, entities: [...OMITTED_ENTITIES] },
  };
  const archive = zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'items.json': strToU8(JSON.stringify(items)),
    ...files,
  });
  const archiveKey = objectKeys.tenantExport(job.tenantId, job.id);
  await deps.objects.put(archiveKey, { body: archive, contentType: 'application/zip' });
  return { status: 'done', items: items.length, objects, archiveKey, archiveBytes: archive.byteLength };
}

/** The platform items that would outlive the company: read from the items that name them. */
async function pointersOf(deps: LifecycleDeps, itemKeys: readonly ItemKey[]): Promise<ItemKey[]> {
  const naming = itemKeys.filter(
    // People, links and certificates; the SSO configuration (its domains) and SCIM tokens (their lookups).
    (k) =>
      k.sk === 'USER' || k.sk === 'LINK' || k.sk === 'CERT' || (k.pk.endsWith('#SSO') && k.sk === 'CONFIG') || k.pk.endsWith('#SCIMTOKEN'),
  );
  return (await getItems(deps.data.platform, naming)).flatMap(platformPointersOf);
}

async function deleteObjects(deps: LifecycleDeps, tenantId: string): Promise<number> {
  let deleted = 0;
  for (const prefix of objectKeys.tenantPrefixes(tenantId))
    for (const key of await deps.objects.list(prefix)) {
      await deps.objects.delete(key);
      deleted += 1;
    }
  return deleted;
}

/** Rounds of delete-and-look-again before a deletion is declared incomplete (late writes in flight). */
const VERIFY_ROUNDS = 5;

/**
 * Deletes a company completely. The company is stopped first (its people's next request is refused,
 * the aggregator ignores it from then on), then its platform pointers (sign-in claims, link tokens,
 * certificate codes), its items, its objects, its other jobs and last its company item. The
 * verification pass lists the membership index again, reads the company item and every pointer
 * consistently and lists every object prefix; what a request still in flight wrote meanwhile is
 * deleted and looked for again, until a round finds nothing.
 */
async function deleteTenant(deps: LifecycleDeps, job: TenantJob): Promise<Partial<TenantJob>> {
  const db = deps.data.platform;
  const at = () => deps.now().toISOString();
  await putTenantTombstone(db, job.tenantId, at(), job.id);
  if (await getTenantAccount(db, job.tenantId)) await setTenantStatus(db, job.tenantId, 'suspended');
  forgetAccess({ tenantId: job.tenantId });

  const tenantKey = keys.tenant(job.tenantId);
  let items = 0;
  let objects = 0;
  const pointers = new Map<string, ItemKey>();
  for (let round = 0; round < VERIFY_ROUNDS; round++) {
    const listed = (await listTenantItemKeys(db, job.tenantId)).filter((k) => !(k.pk === tenantKey.pk && k.sk === tenantKey.sk));
    for (const p of await pointersOf(deps, listed)) pointers.set(`${p.pk}\n${p.sk}`, p);
    for (const p of pointers.values()) await deletePlatformPointer(db, p, job.tenantId);
    items += await deleteItems(db, listed);
    objects += await deleteObjects(deps, job.tenantId);
    const others = (await listTenantJobs(db, job.tenantId)).filter((j) => j.id !== job.id);
    await deleteItems(
      db,
      others.map((j) => keys.tenantJob(j.id)),
    );
    if (round === 0) {
      await deleteItems(db, [tenantKey]);
      items += 1;
    }
    await updateTenantJob(db, job.id, { items, objects, updatedAt: at() });

    // A pointer now naming another company (an email signed up again meanwhile) is not this one's.
    const stillOurs = (await getItems(db, [tenantKey, ...pointers.values()])).filter(
      (i) => i.pk === tenantKey.pk || i.tenantId === job.tenantId,
    );
    const remainingItems = (await listTenantItemKeys(db, job.tenantId)).length + stillOurs.length;
    let remainingObjects = 0;
    for (const prefix of objectKeys.tenantPrefixes(job.tenantId)) remainingObjects += (await deps.objects.list(prefix)).length;
    if (remainingItems === 0 && remainingObjects === 0) return { status: 'done', items, objects, remainingItems, remainingObjects };
    if (round === VERIFY_ROUNDS - 1)
      return { status: 'failed', error: 'deletion_incomplete', items, objects, remainingItems, remainingObjects };
  }
  return { status: 'failed', error: 'deletion_incomplete' };
}

/** Runs tenant jobs in this process (the local server); the cloud runs them from the table's stream. */
export function inProcessTenantJobRunner(deps: Omit<LifecycleDeps, 'tenantJobs'>) {
  const running = new Set<Promise<unknown>>();
  return {
    start(jobId: string): void {
      const run: Promise<unknown> = runTenantJob(deps, jobId)
        .then(
          (job) => deps.log({ level: 'info', msg: 'tenant job', jobId, kind: job?.kind, status: job?.status }),
          (error: unknown) => deps.log({ level: 'error', msg: 'tenant job crashed', jobId, error: String(error) }),
        )
        .finally(() => running.delete(run));
      running.add(run);
    },
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
