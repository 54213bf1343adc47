import { foldForMatch, gojuonKey } from './kana.js';
import { LEVELS, type Level } from './levels.js';
import type { Role } from './roles.js';
import { USER_STATUSES, foldForSearch, type UserStatus } from './user.js';

/**
 * One person in the company's search index: only what search, filters and sort need.
 * The page's full records are read by id afterwards.
 */
export interface UserSearchEntry {
  id: string;
  name: string;
  furigana: string | null;
  email: string;
  departmentId: string | null;
  level: Level | null;
  status: UserStatus;
  role: Role;
}

export const USER_SORTS = ['name', 'department', 'level', 'status'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const USER_PAGE_SIZES = [20, 50, 100] as const;
export const MAX_USER_PAGE_SIZE = 200;

export interface UserSearchQuery {
  q?: string;
  departmentId?: string;
  level?: Level;
  status?: UserStatus;
  role?: Role;
  sort: UserSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export interface UserSearchResult {
  entries: UserSearchEntry[];
  total: number;
  /** The page answered: the one asked for, or the last one when it asked beyond the end. */
  page: number;
  pageSize: number;
  pageCount: number;
}

// Unit separator: never typed into a name, furigana or email (ids and enum values cannot hold it).
const SEP = '\u001f';

/** The compact stored form of an entry (one string per person; the id is the attribute's name). */
export function encodeSearchEntry(entry: UserSearchEntry): string {
  const fields = [entry.name, entry.furigana ?? '', entry.email, entry.departmentId ?? '', entry.level ?? '', entry.status, entry.role];
  return fields.map((f) => f.replaceAll(SEP, ' ')).join(SEP);
}

export function decodeSearchEntry(id: string, encoded: string): UserSearchEntry {
  const [name = '', furigana = '', email = '', departmentId = '', level = '', status = 'invited', role = 'learner'] = encoded.split(SEP);
  return {
    id,
    name,
    furigana: furigana || null,
    email,
    departmentId: departmentId || null,
    level: (level || null) as Level | null,
    status: status as UserStatus,
    role: role as Role,
  };
}

/** The fields a person's index entry is made of (a change to any other field leaves the index alone). */
export function searchEntryOf(user: UserSearchEntry): UserSearchEntry {
  const { id, name, furigana, email, departmentId, level, status, role } = user;
  return { id, name, furigana: furigana ?? null, email, departmentId, level, status, role };
}

/** Sorting by name: 五十音順 of the furigana; a person without furigana by their folded name. */
export function nameSortKey(entry: Pick<UserSearchEntry, 'name' | 'furigana'>): string {
  return entry.furigana ? gojuonKey(entry.furigana) : `${foldForSearch(entry.name)}\u0001`;
}

/** Query terms (split on spaces), each folded; every term must match the name, furigana or email. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .normalize('NFKC')
    .split(/\s+/)
    .map(foldForMatch)
    .filter((term) => term !== '');
}

interface Folded {
  /** Name, furigana and email folded for matching, separated so a term never spans two of them. */
  haystack: string;
  nameKey: string;
}

/**
 * Folding and sort keys per (name, furigana, email), remembered across searches: people change
 * rarely, and folding 10,000 names on every keystroke would cost more than the rest of a search.
 * Bounded: cleared when it outgrows a few companies' worth.
 */
const folded = new Map<string, Folded>();
const FOLDED_LIMIT = 200_000;

function foldedOf(entry: UserSearchEntry): Folded {
  const key = `${entry.name}\u0000${entry.furigana ?? ''}\u0000${entry.email}`;
  let value = folded.get(key);
  if (!value) {
    if (folded.size >= FOLDED_LIMIT) folded.clear();
    value = {
      haystack: [foldForMatch(entry.name), entry.furigana ? foldForMatch(entry.furigana) : '', entry.email.toLowerCase()].join('\u0000'),
      nameKey: nameSortKey(entry),
    };
    folded.set(key, value);
  }
  return value;
}

const LEVEL_RANK = new Map<Level, number>(LEVELS.map((level, i) => [level, i]));
const STATUS_RANK = new Map<UserStatus, number>(USER_STATUSES.map((status, i) => [status, i]));

/**
 * Filters, sorts and pages the whole company's entries in memory: substring matches on name,
 * furigana (either kana) and email, combined with the filters; a total; page N of M.
 * Empty values (no department, no level) sort last in either direction; ties go by name, then id.
 */
export function searchUsers(
  entries: readonly UserSearchEntry[],
  query: UserSearchQuery,
  departmentNames: ReadonlyMap<string, string> = new Map(),
): UserSearchResult {
  const terms = searchTerms(query.q);
  const matched = entries.filter(
    (e) =>
      (!query.departmentId || e.departmentId === query.departmentId) &&
      (!query.level || e.level === query.level) &&
      (!query.status || e.status === query.status) &&
      (!query.role || e.role === query.role) &&
      (terms.length === 0 || terms.every((term) => foldedOf(e).haystack.includes(term))),
  );
  const rows = matched.map((entry) => ({ entry, name: foldedOf(entry).nameKey, primary: primaryKey(entry, query.sort, departmentNames) }));
  const direction = query.order === 'desc' ? -1 : 1;
  rows.sort((a, b) => {
    if (query.sort !== 'name') {
      if (a.primary === null || b.primary === null) {
        if (a.primary !== b.primary) return a.primary === null ? 1 : -1;
      } else if (a.primary !== b.primary) return (a.primary < b.primary ? -1 : 1) * direction;
      return compare(a.name, b.name) || compare(a.entry.id, b.entry.id);
    }
    return (compare(a.name, b.name) || compare(a.entry.id, b.entry.id)) * direction;
  });
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const start = (page - 1) * query.pageSize;
  return {
    entries: rows.slice(start, start + query.pageSize).map((r) => r.entry),
    total,
    page,
    pageSize: query.pageSize,
    pageCount,
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function primaryKey(entry: UserSearchEntry, sort: UserSort, departmentNames: ReadonlyMap<string, string>): string | number | null {
  switch (sort) {
    case 'department': {
      const name = entry.departmentId ? departmentNames.get(entry.departmentId) : undefined;
      return name === undefined ? null : foldForSearch(name);
    }
    case 'level':
      return entry.level ? (LEVEL_RANK.get(entry.level) ?? null) : null;
    case 'status':
      return STATUS_RANK.get(entry.status) ?? null;
    default:
      return null;
  }
}
