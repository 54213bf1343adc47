import { api } from './client';
import type { Level, Locale, Role, User, UserStatus } from './types';

export const USER_SORTS = ['name', 'department', 'level', 'status'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export type SortOrder = 'asc' | 'desc';
export const USER_PAGE_SIZES = [20, 50, 100] as const;

export interface UserSearchParams {
  q?: string;
  departmentId?: string;
  level?: Level | '';
  status?: UserStatus | '';
  role?: Role | '';
  sort?: UserSort;
  order?: SortOrder;
  page?: number;
  pageSize?: number;
}

/** One page of the company's matching people, with how many match in all. */
export interface UserSearchPage {
  items: User[];
  total: number;
  /** The page answered (the last one when the page asked for is beyond it). */
  page: number;
  pageSize: number;
  pageCount: number;
}

/** People of the company (HR): search over the whole company by name, フリガナ and email. */
export const usersApi = {
  search: (params: UserSearchParams, signal?: AbortSignal) =>
    api.get<UserSearchPage>('/api/users', { ...params }, signal ? { signal } : {}),
  /** Every person as a CSV in the import template's columns (the response, to save as a file). */
  exportCsv: (locale: Locale) => api.raw('/api/users/export', { query: { locale } }),
};
