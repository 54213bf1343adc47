/** Shapes returned by the Manabi HTTP API (kept in sync with the API contract by hand). */

export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['tenant_admin', 'manager', 'learner', 'vendor_admin', 'platform_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an HR admin may give to people in their own company. */
export const TENANT_ROLES = ['tenant_admin', 'manager', 'learner'] as const;

export const LEVELS = ['pre_hire', 'new_hire', 'junior', 'mid', 'leader', 'manager'] as const;
export type Level = (typeof LEVELS)[number];

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  level: Level | null;
  hireDate: string | null;
  status: UserStatus;
  locale: Locale;
  emailVerified: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TenantRef {
  id: string;
  name: string;
}

export interface Session {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface SignUpResponse extends Session {
  tenant: TenantRef;
}

export interface MeResponse {
  user: User;
  tenant: TenantRef;
}

export interface Branding {
  productName: string;
  primaryColor: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  signInText: { ja?: string; en?: string } | null;
  supportEmail: string | null;
}

export interface Invitation {
  email: string;
  name: string;
  tenantName: string;
}

export interface Department {
  id: string;
  name: string;
  userCount: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserInput {
  name: string;
  email: string;
  role: Role;
  departmentId: string | null;
  level: Level | null;
  hireDate: string | null;
}

export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportPreviewRow {
  row: number;
  name: string;
  email: string;
  role: string;
  department: string | null;
  level: string | null;
  hireDate: string | null;
  action: ImportAction;
}

export interface ImportReport {
  mode: 'preview' | 'commit';
  encoding: 'utf-8' | 'utf-8-bom' | 'shift_jis';
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: ImportError[];
  newDepartments: string[];
  preview: ImportPreviewRow[];
}
