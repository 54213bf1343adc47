import type { Level } from './levels.js';
import type { Role } from './roles.js';
import type { Locale } from './schemas.js';

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A user as the API shows it (never the password hash). */
export interface User {
  id: string;
  tenantId: string;
  name: string;
  /** フリガナ in katakana (normalised from either kana), or null. */
  furigana: string | null;
  email: string;
  role: Role;
  departmentId: string | null;
  level: Level | null;
  hireDate: string | null;
  /** Job role (an id of the company's skill framework), whose requirements replace the level's. */
  jobRole: string | null;
  status: UserStatus;
  locale: Locale;
  emailVerified: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Department {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface Tenant {
  id: string;
  name: string;
  vendorId: string | null;
  locale: Locale;
  status: 'active' | 'suspended';
  createdAt: string;
}

/** Whether a user may sign in: invited users first set a password, deactivated users never. */
export function canSignIn(user: Pick<User, 'status'>): boolean {
  return user.status === 'active';
}

/** Text the users list search matches on: name and email, width- and case-folded. */
export function searchText(user: Pick<User, 'name' | 'email'>): string {
  return foldForSearch(`${user.name} ${user.email}`);
}

export function foldForSearch(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
