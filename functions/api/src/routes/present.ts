import type { Tenant } from '@manabi/core';
import { getDepartment, publicUser, type TenantDb, type UserRecord } from '@manabi/data';

/** A user as the API answers it: public fields plus the department's name. */
export function presentUser(record: UserRecord, departmentName: string | null) {
  return { ...publicUser(record), departmentName };
}

export async function presentUserWithDepartment(db: TenantDb, record: UserRecord) {
  const department = record.departmentId ? await getDepartment(db, record.departmentId) : null;
  return presentUser(record, department?.name ?? null);
}

export const presentTenant = (tenant: Tenant) => ({ id: tenant.id, name: tenant.name });
