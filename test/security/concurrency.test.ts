import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildTenant } from '../../functions/api/src/jobs/rebuild.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { countAgainstTable, prepareLoad, runLearners, type LoadWorld } from './answer-load.js';
import { figuresDir } from './figures-dir.js';

/**
 * Concurrency (issue #20 item 4): learners answer at once with duplicate sends; no acknowledged
 * answer is lost, none is stored twice, and every attempt and every report cell equals a recount.
 * 30 learners in the normal run; `npm run test:security` runs 200 (MANABI_LOAD_LEARNERS).
 */
const LEARNERS = Number(process.env.MANABI_LOAD_LEARNERS ?? 30);
const SEED = Number(process.env.MANABI_LOAD_SEED ?? Date.now() % 1_000_000);

describe(`${LEARNERS} learners answering 20 items each at once, with duplicate retries`, () => {
  let server: TestServer;
  let world: LoadWorld;

  beforeAll(async () => {
    server = await startTestServer({ aggregate: true });
    world = await prepareLoad(server, 20);
  }, 120_000);

  afterAll(() => server?.stop());

  it(`loses no answer, stores none twice, and attempts and reports equal a recount (seed ${SEED})`, async () => {
    const started = performance.now();
    const outcome = await runLearners(server, world, { learners: LEARNERS, seed: SEED });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    expect(outcome.unexpected).toEqual([]);
    const count = await countAgainstTable(server, world, outcome);
    expect(count.attempts).toBe(LEARNERS);
    expect(count.acknowledged).toBe(LEARNERS * world.items);
    expect(outcome.duplicatesSent).toBeGreaterThan(0);
    expect(count.lost).toBe(0);
    expect(count.duplicated).toBe(0);
    expect(count.attemptMismatches).toEqual([]);

    // The reports: every cell the aggregator keeps equals the recount from the raw attempts.
    await server.drainStream();
    const rebuilt = await rebuildTenant(server.deps, world.tenantId);
    expect(rebuilt.cells).toBeGreaterThan(0);
    expect(rebuilt.mismatches).toEqual([]);

    const dir = figuresDir();
    if (dir)
      writeFileSync(
        join(dir, 'concurrency.json'),
        JSON.stringify({
          load_learners: LEARNERS,
          load_answers: count.acknowledged,
          load_duplicates_sent: outcome.duplicatesSent,
          load_seconds: seconds,
          load_seed: SEED,
          lost_answers: count.lost,
          duplicated_answers: count.duplicated,
          attempt_mismatches: count.attemptMismatches.length,
          report_mismatches: rebuilt.mismatches.length,
        }),
      );
  }, 900_000);
});
