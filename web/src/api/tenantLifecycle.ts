import { api } from './client';

/** Who asks: the platform console (any company) or a vendor's console (its own client companies). */
export type TenantDataScope = 'platform' | 'vendor';

/** An export or a deletion of one company's data (mirrors the API's TenantJob). */
export interface TenantJob {
  id: string;
  kind: 'export' | 'deletion';
  tenantId: string;
  tenantName: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  createdAt: string;
  updatedAt: string;
  items: number;
  objects: number;
  archiveBytes?: number;
  /** A finished export's archive, for a few minutes. */
  downloadUrl?: string;
  remainingItems?: number;
  remainingObjects?: number;
  error?: string;
}

/** A company as the platform console lists it. */
export interface PlatformTenant {
  id: string;
  name: string;
  vendorId: string | null;
  kind: 'client' | 'vendor_home' | 'platform_home';
  status: 'active' | 'suspended';
  createdAt: string;
}

export const isJobFinished = (job: TenantJob): boolean => job.status === 'done' || job.status === 'failed';

const tenantPath = (scope: TenantDataScope, tenantId: string) => `/api/${scope}/tenants/${encodeURIComponent(tenantId)}`;

export const startTenantExport = (scope: TenantDataScope, tenantId: string) => api.post<TenantJob>(`${tenantPath(scope, tenantId)}/export`);

/** Deletes the company for good; `confirmName` is its name as the person typed it. */
export const startTenantDeletion = (scope: TenantDataScope, tenantId: string, confirmName: string) =>
  api.post<TenantJob>(`${tenantPath(scope, tenantId)}/delete`, { confirmName });

export const getTenantJob = (scope: TenantDataScope, jobId: string) =>
  api.get<TenantJob>(`/api/${scope}/tenant-jobs/${encodeURIComponent(jobId)}`);

export const listTenantJobs = async (scope: TenantDataScope, tenantId: string) =>
  (await api.get<{ items: TenantJob[] }>(`${tenantPath(scope, tenantId)}/jobs`)).items;

export const listPlatformTenants = async () => (await api.get<{ items: PlatformTenant[] }>('/api/platform/tenants')).items;
