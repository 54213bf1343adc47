import type { Context } from 'hono';
import { isId } from '@manabi/core';
import { attemptWithAccess, type AccessState, type AttemptRecord } from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { honoPath, pathParams, routeAccess, type RouteAccess } from '../openapi.js';

/** What the auth gate read for the route besides the access state (`c.get('firstRead')`). */
export interface FirstReadResult {
  /** The path's attempt as stored now (null: no such attempt in the caller's company). */
  attempt: AttemptRecord | null;
}

/**
 * The access check of a route that declares `firstRead` rides on that route's first read: one
 * strongly consistent BatchGetItem of the company, its vendor, the person and the route's item.
 * The answer path thus stays at two DynamoDB calls (this read and its conditional write) while a
 * suspension, a deactivation or a new role applies at its very next request, from any process:
 * the state is read fresh every time, never taken from the per-process memory (see
 * docs/architecture.md, "The answer path"). Returns null for every other route (the gate then
 * checks access the usual way).
 */
export function firstReadWithAccess(deps: AppDeps): (claims: AuthClaims, c: Context<AppEnv>) => Promise<AccessState | null> {
  // Routes are registered before the first request; the few that declare a first read are kept.
  let declared: RouteAccess[] | null = null;
  return async (claims, c) => {
    declared ??= routeAccess.filter((r) => r.firstRead);
    for (const route of declared) {
      if (route.method.toUpperCase() !== c.req.method) continue;
      const params = pathParams(honoPath(route.path), c.req.path);
      if (!params) continue;
      // `attempt` is the only kind so far: the path's {id}. A malformed id reads nothing (the route answers 404).
      const id = params.id ?? '';
      if (!isId(id)) return null;
      const { state, attempt } = await attemptWithAccess(deps.data.identityFor(claims), claims, id);
      c.set('firstRead', { attempt });
      return state;
    }
    return null;
  };
}
