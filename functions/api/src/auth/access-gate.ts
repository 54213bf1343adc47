import type { AccessState } from '@manabi/data';
import type { AuthClaims } from '../env.js';

/**
 * How long a process trusts what it last read about a person's access (company and vendor
 * status, the person's status and access generation). Within this window a request adds no
 * DynamoDB call; a change made by another process takes effect within it, a change made by this
 * process at once (`forgetAccess`). See docs/architecture.md ("Access changes").
 */
export const ACCESS_RECHECK_MS = 5_000;
const MAX_ENTRIES = 10_000;

export type AccessVerdict = 'ok' | 'suspended' | 'missing' | 'deactivated' | 'changed';

interface Entry {
  at: number;
  vendorId: string | null;
  state: AccessState;
}

/** Per process, like the verified-token memory beside it; keyed by company and person. */
const entries = new Map<string, Entry>();
const keyOf = (tenantId: string, userId: string) => `${tenantId}|${userId}`;

/** What the stored state says about a token's claims. */
export function verdictOf(claims: AuthClaims, state: AccessState): AccessVerdict {
  if (state.account === 'missing') return 'missing';
  if (state.account === 'suspended') return 'suspended';
  // People are never deleted one by one (a company's deletion removes its company item above).
  if (!state.person) return 'ok';
  if (state.person.status === 'deactivated') return 'deactivated';
  return (claims.accessGen ?? 0) < state.person.accessGen ? 'changed' : 'ok';
}

/** The access state for a token's claims: from this process's memory when fresh, else read. */
export async function currentAccess(
  claims: AuthClaims,
  read: (claims: AuthClaims) => Promise<AccessState>,
  recheckMs: number = ACCESS_RECHECK_MS,
  clock: () => number = () => performance.now(),
): Promise<AccessState> {
  const key = keyOf(claims.tenantId, claims.userId);
  const at = clock();
  const hit = entries.get(key);
  if (hit && hit.vendorId === claims.vendorId && at - hit.at < recheckMs) return hit.state;
  const state = await read(claims);
  rememberAccess(claims, state, at);
  return state;
}

/**
 * Remembers a state just read for a token's person (by `currentAccess`, or by a route's first
 * read made together with the access check), so this process's next requests start from it.
 */
export function rememberAccess(claims: AuthClaims, state: AccessState, at: number = performance.now()): void {
  const key = keyOf(claims.tenantId, claims.userId);
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { at, vendorId: claims.vendorId, state });
}

/**
 * Drops what this process remembers for a person, a company or a vendor's companies: called
 * after this process changes a role, a status or a suspension, so its next request reads anew.
 */
export function forgetAccess(scope: { tenantId: string; userId?: string } | { vendorId: string }): void {
  if ('vendorId' in scope) {
    for (const [key, entry] of entries) if (entry.vendorId === scope.vendorId) entries.delete(key);
    return;
  }
  if (scope.userId) {
    entries.delete(keyOf(scope.tenantId, scope.userId));
    return;
  }
  const prefix = `${scope.tenantId}|`;
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
