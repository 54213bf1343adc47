import { foldForSearch, newDepartmentId } from '@manabi/core';
import { ConflictError, createDepartment, listDepartments, type TenantDb } from '@manabi/data';

/**
 * The department an identity provider names in the enterprise extension: the company's own of
 * that name (compared as the department names' uniqueness compares them), created when there is none.
 */
export async function departmentNamed(db: TenantDb, name: string, now: string): Promise<{ id: string; name: string; created: boolean }> {
  const find = async () => (await listDepartments(db)).find((d) => foldForSearch(d.name) === foldForSearch(name)) ?? null;
  const existing = await find();
  if (existing) return { id: existing.id, name: existing.name, created: false };
  try {
    const created = await createDepartment(db, newDepartmentId(), name, now);
    return { id: created.id, name: created.name, created: true };
  } catch (error) {
    // Another request created it meanwhile: use theirs.
    const raced = error instanceof ConflictError ? await find() : null;
    if (!raced) throw error;
    return { id: raced.id, name: raced.name, created: false };
  }
}
