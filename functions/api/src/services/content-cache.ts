import type { Owner, PlatformDb, TenantDb } from '@manabi/data';
import { getAssessmentSnapshot, getQuestionVersion } from '@manabi/data';

/**
 * Question versions and assessment snapshots never change once written, so a process may keep
 * them: the answer path then needs only the attempt's own read and write. Keys include the owner
 * (tenant or catalog), so nothing is shared across tenants that was not shared in the table.
 */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

const questions = new Lru<unknown>(5000);
const snapshots = new Lru<unknown>(500);

const ownerKey = (owner: Owner) =>
  owner.kind === 'catalog' ? 'C' : owner.kind === 'vendor' ? `V:${owner.vendorId}` : `T:${owner.tenantId}`;

export async function cachedQuestionVersion(db: PlatformDb, owner: Owner, id: string, version: number): Promise<unknown | null> {
  const key = `${ownerKey(owner)}:${id}:${version}`;
  const hit = questions.get(key);
  if (hit !== undefined) return hit;
  const content = await getQuestionVersion(db, owner, id, version);
  if (content !== null) questions.set(key, content);
  return content;
}

export async function cachedSnapshot<T>(db: TenantDb, assessmentId: string, version: number): Promise<T | null> {
  const key = `${db.tenantId}:${assessmentId}:${version}`;
  const hit = snapshots.get(key);
  if (hit !== undefined) return hit as T;
  const snap = await getAssessmentSnapshot<T>(db, assessmentId, version);
  if (snap !== null) snapshots.set(key, snap);
  return snap;
}
