import { randomId } from '@manabi/core';
import { getAttempt } from '@manabi/data';
import { Client, signUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import type { TestServer } from '../support/server.js';

/**
 * Many learners answering one fixed test at once, with duplicate sends (the same answer twice at
 * the same moment, and once more after its acknowledgement, as a client that lost the answer
 * does). What the server acknowledged is kept, to be compared with what the table holds.
 */
export interface LoadWorld {
  tenantId: string;
  assessmentId: string;
  items: number;
}

export interface LoadOutcome {
  /** attempt id → question id → the option the acknowledged answer chose. */
  acknowledged: Map<string, Map<string, string>>;
  requests: number;
  duplicatesSent: number;
  /** Answers other than 200/201, 503 or a dropped connection, by status and code. */
  unexpected: string[];
  /** 503s and dropped connections, each followed by the same request again. */
  unavailable: number;
}

/** A deterministic random stream (mulberry32), so a failing run can be replayed by its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function prepareLoad(server: TestServer, items = 20): Promise<LoadWorld> {
  const hr = await signUpCompany(server.url, '株式会社同時回答');
  const bankId = await seedBank(hr.client, ['論理的思考', '情報セキュリティ'], items / 2);
  const created = await hr.client.post(
    '/api/assessments',
    fixedAssessment(bankId, [
      { skill: '論理的思考', count: items / 2 },
      { skill: '情報セキュリティ', count: items / 2 },
    ]),
  );
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const published = await hr.client.post(`/api/assessments/${created.body.id}/publish`);
  if (published.status !== 200) throw new Error(JSON.stringify(published.body));
  return { tenantId: hr.tenantId, assessmentId: created.body.id, items };
}

type Sent = { status: number; body: any; retryAfter: string | null };

/** One request; a connection the server drops counts as status 0. */
async function send(c: Client, path: string, body: unknown): Promise<Sent> {
  try {
    const res = await c.post(path, body);
    return { status: res.status, body: res.body, retryAfter: res.headers.get('retry-after') };
  } catch {
    return { status: 0, body: null, retryAfter: null };
  }
}

/**
 * Runs `learners` learners at once. Each starts the test and answers every item; 30% of answers are
 * sent twice at once, 10% once more after they were acknowledged. A 503 or a dropped connection is
 * sent again until it is answered, as the quiz player does.
 */
export async function runLearners(
  server: TestServer,
  world: LoadWorld,
  options: { learners: number; seed: number; onAcknowledged?: (count: number, live: LoadOutcome) => void },
): Promise<LoadOutcome> {
  const random = rng(options.seed);
  const out: LoadOutcome = { acknowledged: new Map(), requests: 0, duplicatesSent: 0, unexpected: [], unavailable: 0 };
  let acknowledgedCount = 0;
  const retrying = async (c: Client, path: string, body: unknown, copies: number): Promise<Sent[]> => {
    for (;;) {
      out.requests += copies;
      const answers = await Promise.all(Array.from({ length: copies }, () => send(c, path, body)));
      const bad = answers.filter((a) => a.status !== 200 && a.status !== 201);
      for (const a of bad) {
        if (a.status === 503 || a.status === 0) out.unavailable += 1;
        else out.unexpected.push(`${path} ${a.status} ${a.body?.error?.code ?? ''}`);
      }
      // A dropped connection or a 503 leaves the client not knowing: it sends the same again.
      const retry = bad.length === answers.length && bad.every((a) => a.status === 503 || a.status === 0);
      if (!retry) return answers;
    }
  };

  const learner = async () => {
    const c = new Client(server.url);
    c.token = await server.deps.signer.signAccess(
      { userId: randomId(), tenantId: world.tenantId, vendorId: null, role: 'learner' },
      new Date(),
    );
    const started = (await retrying(c, `/api/assessments/${world.assessmentId}/attempts`, {}, 1)).find(
      (a) => a.status === 201 || a.status === 200,
    );
    if (!started) return;
    let view = started.body;
    const mine = new Map<string, string>();
    out.acknowledged.set(view.id, mine);
    while (view.current) {
      const questionId = view.current.questionId as string;
      const optionId = random() < 0.6 ? 'a' : 'b';
      const copies = random() < 0.3 ? 2 : 1;
      if (copies === 2) out.duplicatesSent += 1;
      const path = `/api/attempts/${view.id}/answers`;
      const answers = await retrying(c, path, { questionId, response: { optionId } }, copies);
      const ok = answers.find((a) => a.status === 200);
      if (!ok) return;
      mine.set(questionId, optionId);
      options.onAcknowledged?.((acknowledgedCount += 1), out);
      if (random() < 0.1) {
        out.duplicatesSent += 1;
        await retrying(c, path, { questionId, response: { optionId } }, 1);
      }
      view = ok.body.attempt;
    }
  };
  await Promise.all(Array.from({ length: options.learners }, learner));
  return out;
}

export interface LoadCount {
  attempts: number;
  acknowledged: number;
  /** Acknowledged answers the table does not hold (or holds with another choice). */
  lost: number;
  /** Answers the table holds more than once for one question. */
  duplicated: number;
  /** Attempts whose stored state differs from a recount of their stored answers. */
  attemptMismatches: string[];
}

/** Compares what was acknowledged with the attempts in the table, and each attempt with a recount. */
export async function countAgainstTable(server: TestServer, world: LoadWorld, outcome: LoadOutcome): Promise<LoadCount> {
  const db = server.data.clientFor({ tenantId: world.tenantId });
  const count: LoadCount = { attempts: 0, acknowledged: 0, lost: 0, duplicated: 0, attemptMismatches: [] };
  for (const [attemptId, acked] of outcome.acknowledged) {
    const attempt = await getAttempt(db, attemptId);
    count.attempts += 1;
    count.acknowledged += acked.size;
    const stored = attempt?.answers ?? [];
    const byQuestion = new Map<string, number>();
    for (const a of stored) byQuestion.set(a.questionId, (byQuestion.get(a.questionId) ?? 0) + 1);
    count.duplicated += stored.length - byQuestion.size;
    for (const [questionId, optionId] of acked) {
      const a = stored.find((s) => s.questionId === questionId);
      if (!a || (a.response as { optionId?: string }).optionId !== optionId) count.lost += 1;
    }
    // The attempt's own state against a recount of its answers: every item answered once, the
    // test finished, and its score the share of correct answers (option a is every item's key).
    const correct = stored.filter((s) => (s.response as { optionId?: string }).optionId === 'a').length;
    const score = Math.round((correct / world.items) * 1000) / 10;
    const storedScore = (attempt?.result as { score?: number } | null | undefined)?.score;
    const problems = [
      attempt?.status === 'finished' ? null : `status ${attempt?.status}`,
      byQuestion.size === world.items ? null : `${byQuestion.size} of ${world.items} items answered`,
      stored.every((s) => s.correct === ((s.response as { optionId?: string }).optionId === 'a')) ? null : 'stored correctness',
      storedScore !== undefined && Math.abs(storedScore - score) < 0.051 ? null : `score ${storedScore} ≠ ${score}`,
    ].filter(Boolean);
    if (problems.length) count.attemptMismatches.push(`${attemptId}: ${problems.join(', ')}`);
  }
  return count;
}
