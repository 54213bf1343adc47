import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccess, undeclaredResponses } from '@manabi/api';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client } from '../support/client.js';
import { buildPopulation, type Population } from './world.js';
import { keyOf, runMatrix, type MatrixResult, type Operation } from './matrix.js';
import { figuresDir } from './figures-dir.js';

/**
 * The tenant-isolation matrix (issue #20): every operation the app registers, called by every
 * actor with other companies' and vendors' real ids, then by each declared role on its own data.
 * `npm run test:security` runs this file and prints its figures as one JSON line.
 */
let server: TestServer;
let population: Population;
let result: MatrixResult;
let setupMs = 0;

beforeAll(async () => {
  server = await startTestServer();
  const started = performance.now();
  population = await buildPopulation(server);
  setupMs = performance.now() - started;
}, 300_000);
afterAll(() => server?.stop());

describe('tenant-isolation matrix', () => {
  it('covers every operation of the OpenAPI document, each with a row', async () => {
    const doc = (await new Client(server.url).get('/api/openapi.json')).body;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(routeAccess.map(keyOf).sort()).toEqual(documented.sort());
  });

  it('refuses every foreign id and every undeclared role, leaks nothing, and lets declared roles at their own data', async () => {
    const ops: Operation[] = routeAccess.map((r) => ({ method: r.method, path: r.path, roles: r.roles }));
    const before = await population.snapshot();
    undeclaredResponses.length = 0;
    result = await runMatrix(server.url, ops, population.actors, {
      between: async () => differences(before, await population.snapshot()).map((d) => `the foreign probes changed ${d}`),
    });
    const dir = figuresDir();
    if (dir)
      writeFileSync(
        join(dir, 'matrix.json'),
        JSON.stringify({
          routes: result.routes,
          route_actor_pairs: result.routeActorPairs,
          requests: result.requests,
          problems: result.problems.length,
          matrix_seconds: { setup: seconds(setupMs), foreign: seconds(result.foreignMs), own: seconds(result.ownMs) },
        }),
      );
    expect(result.missingRows, 'operations without a row in test/security/rows.ts').toEqual([]);
    expect(result.staleRows, 'rows without an operation').toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.routeActorPairs).toBe(ops.length * population.actors.length);
    // Every answer the probes met is one the OpenAPI document declares.
    expect(undeclaredResponses).toEqual([]);
  }, 600_000);
});

/** Where two read-backs differ, as `path: before → after`. */
function differences(before: unknown, after: unknown, path = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) =>
      differences((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return [`${path}: ${JSON.stringify(before)?.slice(0, 200)} → ${JSON.stringify(after)?.slice(0, 200)}`];
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
