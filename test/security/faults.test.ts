import { mkdtemp, rm } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '@manabi/core';
import { startDynamoLocal, type DynamoLocal } from '@manabi/data/local';
import { Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { countAgainstTable, prepareLoad, runLearners, type LoadWorld } from './answer-load.js';
import { figuresDir } from './figures-dir.js';

/**
 * Faults (issue #20 item 5): DynamoDB Local is stopped in the middle of the answer load. Requests
 * then fail fast with 503 and Retry-After (no hang, no stack trace); once it is back, every answer
 * acknowledged before the stop is there, and the learners (resending, as the quiz player does)
 * finish with nothing lost or doubled. This file runs its own DynamoDB Local, persisted to a
 * folder, so stopping it touches no other test.
 */
const LEARNERS = Number(process.env.MANABI_FAULT_LEARNERS ?? 30);
const SEED = Number(process.env.MANABI_LOAD_SEED ?? Date.now() % 1_000_000);

describe(`DynamoDB stopped in the middle of ${LEARNERS} learners answering`, () => {
  let dir: string;
  let dynamo: DynamoLocal;
  let server: TestServer;
  let world: LoadWorld;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'manabi-faults-'));
    dynamo = await startDynamoLocal({ dataDir: dir });
    server = await startTestServer({ dynamoEndpoint: dynamo.endpoint, tableName: `faults-${randomId()}` });
    world = await prepareLoad(server, 20);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await dynamo?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After at once while it is down, and keeps every acknowledged answer', async () => {
    const expected = LEARNERS * world.items;
    /** Answers acknowledged when the store was stopped: each must be in the table afterwards. */
    let beforeStop: Map<string, Map<string, string>> | null = null;
    const probes: { status: number; ms: number; retryAfter: string | null; body: string }[] = [];
    let outage: Promise<void> | null = null;

    const stopAndRestart = async () => {
      await dynamo.stop();
      // While it is down: a learner's read and write, timed.
      const probe = new Client(server.url);
      probe.token = await server.deps.signer.signAccess(
        { userId: randomId(), tenantId: world.tenantId, vendorId: null, role: 'learner' },
        new Date(),
      );
      for (const send of [
        () => probe.get('/api/me/attempts'),
        () => probe.post(`/api/assessments/${world.assessmentId}/attempts`, {}),
        () => probe.get('/api/me/attempts'),
      ]) {
        const t = performance.now();
        const res = await send();
        probes.push({
          status: res.status,
          ms: performance.now() - t,
          retryAfter: res.headers.get('retry-after'),
          body: JSON.stringify(res.body),
        });
      }
      dynamo = await startDynamoLocal({ dataDir: dir, port: dynamo.port });
    };
    const outcome = await runLearners(server, world, {
      learners: LEARNERS,
      seed: SEED,
      onAcknowledged: (count, live) => {
        if (outage || count < expected / 3) return;
        beforeStop = new Map([...live.acknowledged].map(([id, answers]) => [id, new Map(answers)]));
        outage = stopAndRestart();
      },
    });
    await outage;

    expect(probes).toHaveLength(3);
    for (const p of probes) {
      expect(p.status).toBe(503);
      expect(Number(p.retryAfter)).toBeGreaterThan(0);
      expect(p.ms).toBeLessThan(10_000);
      expect(p.body).toContain('service_unavailable');
      expect(p.body).not.toMatch(/\bat \S+:\d+|stack|Error:/);
    }
    expect(outcome.unexpected).toEqual([]);
    expect(outcome.unavailable).toBeGreaterThan(0);

    const count = await countAgainstTable(server, world, outcome);
    expect(count.acknowledged).toBe(expected);
    expect(count.lost).toBe(0);
    expect(count.duplicated).toBe(0);
    expect(count.attemptMismatches).toEqual([]);

    // Every answer acknowledged before the stop is in the table, with the choice acknowledged.
    const before = beforeStop as Map<string, Map<string, string>> | null;
    expect(before).not.toBeNull();
    const beforeCount = await countAgainstTable(server, world, { ...outcome, acknowledged: before! });
    const acknowledgedBefore = beforeCount.acknowledged;
    const lostBefore = beforeCount.lost;
    expect(acknowledgedBefore).toBeGreaterThan(0);
    expect(lostBefore).toBe(0);

    const figures = figuresDir();
    if (figures)
      writeFileSync(
        join(figures, 'faults.json'),
        JSON.stringify({
          fault_learners: LEARNERS,
          fault_acknowledged_before_stop: acknowledgedBefore,
          fault_acknowledged_lost: lostBefore,
          fault_503_max_ms: Math.round(Math.max(...probes.map((p) => p.ms))),
          fault_retried_requests: outcome.unavailable,
        }),
      );
  }, 900_000);
});
