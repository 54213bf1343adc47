import {
  adaptiveProgressOf,
  answerKey,
  feedbackOnAnswer,
  immediateFeedback,
  learnerGrade,
  nextAdaptiveItem,
  reviewOpen,
  servedQuestion,
  planFixedForm,
  scoreAttempt,
  personScoredIds,
  scorableAnswers,
  scorableFormLength,
  type AnsweredItem,
  type AssessmentInput,
  type AssessmentSnapshot,
} from '@manabi/assessment';
import { createHash } from 'node:crypto';
import {
  learnerTexts,
  responseSchema,
  scoreResponse,
  InvalidResponseError,
  wordLimitIssue,
  type Question,
  type QuestionOf,
} from '@manabi/questions';
import { isId, randomId } from '@manabi/core';
import {
  closeAttempt,
  ConflictError,
  essayAnswerPut,
  essaySubmitUpdate,
  getUser,
  listEssaysOfAttempt,
  saveAttemptWith,
  type EssayAnswerRecord,
  type TransactItem,
  getAttempt,
  getLearnerProgress,
  type LearnerProgress,
  saveAttempt,
  startAttempt,
  getFramework,
  proficiencyEntryItem,
  type AssessmentRecord,
  type AttemptRecord,
  type StoredProficiencyEntry,
  type TenantDb,
  type Owner,
} from '@manabi/data';
import { attemptEvidence, type SkillFramework } from '@manabi/upskilling';
import type { AppDeps, AuthClaims } from '../env.js';
import { ApiError, notFound, type Detail } from '../errors.js';
import { cachedQuestionVersion, cachedSnapshot } from './content-cache.js';
import { learnerResult, skillResultsOf, type StoredResult } from './result-views.js';
import { imageLinks, questionImageLinks, textImageIds } from './question-images.js';

/** One published version of an assessment: settings and pool, as frozen at publish. */
export interface Published {
  id: string;
  version: number;
  settings: AssessmentInput;
  snapshot: AssessmentSnapshot;
}

export interface AttemptContext {
  deps: AppDeps;
  db: TenantDb;
  auth: AuthClaims;
}

/** A published version (process cache first: versions never change). */
export async function publishedVersion(ctx: AttemptContext, assessmentId: string, version: number): Promise<Published> {
  const snapshot = await cachedSnapshot<AssessmentSnapshot>(ctx.db, assessmentId, version);
  if (!snapshot) throw new Error(`Snapshot ${assessmentId}@${version} is missing`);
  return { id: assessmentId, version, settings: snapshot.settings, snapshot };
}

/** Whose bank a pooled question is in (its images are that owner's files). */
export function ownerOf(ctx: AttemptContext, snapshot: AssessmentSnapshot, questionId: string): Owner {
  const ref = snapshot.pool.find((p) => p.id === questionId);
  if (!ref) throw new Error(`Question ${questionId} is not in the snapshot`);
  return ref.owner === 'catalog'
    ? { kind: 'catalog' }
    : ref.owner === 'vendor'
      ? { kind: 'vendor', vendorId: ref.vendorId! }
      : { kind: 'tenant', tenantId: ctx.db.tenantId };
}

export async function contentOf(ctx: AttemptContext, snapshot: AssessmentSnapshot, questionId: string): Promise<Question> {
  const ref = snapshot.pool.find((p) => p.id === questionId);
  if (!ref) throw new Error(`Question ${questionId} is not in the snapshot`);
  const owner = ownerOf(ctx, snapshot, questionId);
  const content = await cachedQuestionVersion(ctx.deps.data.platform, owner, questionId, ref.version);
  if (!content) throw new Error(`Question ${questionId}@${ref.version} is missing`);
  return content as Question;
}

/** Starts an attempt, or returns the learner's unfinished one (the start path is as lean as an answer). */
export async function startOrResume(
  ctx: AttemptContext,
  assessment: AssessmentRecord<AssessmentInput>,
  progress: LearnerProgress,
): Promise<{ attempt: AttemptRecord; created: boolean }> {
  if (progress.inProgressAttemptId) {
    const unfinished = await loadOwn(ctx, progress.inProgressAttemptId);
    const current = await expireIfDue(ctx, await publishedVersion(ctx, unfinished.assessmentId, unfinished.assessmentVersion), unfinished);
    if (current.status === 'in_progress') return { attempt: current, created: false };
    // Its time ran out while the learner was away: it is closed now, and this is a new start.
    return startOrResume(ctx, assessment, await getLearnerProgress(ctx.db, ctx.auth.userId, assessment.id));
  }
  const pub = await publishedVersion(ctx, assessment.id, assessment.publishedVersion!);
  const { settings, snapshot } = pub;
  if (settings.attemptsAllowed !== null && progress.attemptsUsed >= settings.attemptsAllowed) throw exhausted();
  const seed = ctx.deps.attemptSeed?.() ?? Math.floor(Math.random() * 2 ** 31);
  const seen = new Map(Object.entries(progress.seen));
  const form = settings.mode === 'fixed' ? planFixedForm(settings, snapshot, seen, seed) : null;
  const first = form ? (form[0] ?? null) : nextAdaptiveItem(settings, snapshot, [], seed);
  const now = ctx.deps.now();
  const attempt: AttemptRecord = {
    id: randomId(),
    tenantId: ctx.db.tenantId,
    userId: ctx.auth.userId,
    assessmentId: assessment.id,
    assessmentVersion: pub.version,
    mode: settings.mode,
    status: 'in_progress',
    seed,
    startedAt: now.toISOString(),
    deadline: settings.timeLimitMinutes ? new Date(now.getTime() + settings.timeLimitMinutes * 60_000).toISOString() : null,
    form,
    currentQuestionId: first,
    answers: [],
    finishedAt: null,
    result: null,
    sequence: progress.attemptsUsed + 1,
    rev: 1,
  };
  const outcome = await startAttempt(ctx.db, attempt, settings.attemptsAllowed);
  if ('started' in outcome) return { attempt: outcome.started, created: true };
  if ('inProgress' in outcome) return { attempt: await loadOwn(ctx, outcome.inProgress), created: false };
  throw exhausted();
}

const exhausted = () => new ApiError(409, 'attempts_exhausted');

/**
 * The caller's own attempt; anyone else's (or another tenant's) is a 404. `read`: the attempt as
 * the auth gate already read it with the access check (the answer path), so it is not read again.
 */
export async function loadOwn(ctx: AttemptContext, id: string, read?: { attempt: AttemptRecord | null }): Promise<AttemptRecord> {
  const attempt = read ? read.attempt : isId(id) ? await getAttempt(ctx.db, id) : null;
  if (!attempt || attempt.userId !== ctx.auth.userId) throw notFound('attempt');
  return attempt;
}

/** Closes an attempt whose time is up (the server clock decides); returns the closed state. */
export async function expireIfDue(ctx: AttemptContext, pub: Published, attempt: AttemptRecord): Promise<AttemptRecord> {
  if (attempt.status !== 'in_progress' || !attempt.deadline || Date.parse(attempt.deadline) > ctx.deps.now().getTime()) return attempt;
  return close(ctx, pub, attempt, 'expired', attempt.deadline);
}

async function close(
  ctx: AttemptContext,
  pub: Published,
  attempt: AttemptRecord,
  status: 'finished' | 'expired',
  at?: string,
  /** An essay answered by the very answer that closes the attempt (written in the same transaction). */
  lastEssay?: EssayAnswerRecord,
): Promise<AttemptRecord> {
  const { snapshot } = pub;
  const finishedAt = at ?? ctx.deps.now().toISOString();
  const essays = personScoredIds(snapshot, attempt.answers);
  if (essays.length > 0) return submitForGrading(ctx, attempt, status, finishedAt, essays, lastEssay);
  const score = scoreAttempt(pub.settings, snapshot, scoredAnswers(pub, attempt.answers), scorableFormLength(snapshot, attempt.form));
  const next: AttemptRecord = {
    ...attempt,
    status,
    currentQuestionId: null,
    finishedAt,
    result: { ...score, timeTakenSeconds: Math.max(0, Math.round((Date.parse(finishedAt) - Date.parse(attempt.startedAt)) / 1000)) },
  };
  // The result becomes skill evidence for the skill map, in the same transaction as the close.
  const evidence = await assessmentEvidence(ctx, pub, score, attempt.id, finishedAt);
  try {
    await closeAttempt(
      ctx.db,
      attempt,
      next,
      evidence.map((e) => proficiencyEntryItem(ctx.db, attempt.userId, e, finishedAt)),
    );
  } catch (error) {
    if (error instanceof ConflictError) return (await getAttempt(ctx.db, attempt.id))!;
    throw error;
  }
  return { ...next, rev: attempt.rev + 1 };
}

/** The answers as the score reads them (descriptions left out). */
export function scoredAnswers(pub: Published, answers: AttemptRecord['answers']): AnsweredItem[] {
  return scorableAnswers(pub.snapshot, answers).map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score }));
}

/**
 * Closes an attempt with essays: it waits for a person to grade them, with no result yet (a score
 * without the essays would mislead; the learner sees "awaiting grading" and how many are left).
 * The essays enter the grading queues (the company's and the learner's department's) in the same
 * transaction that frees the learner's in-progress slot; the result, the skill evidence and the
 * reports follow when the last essay is graded (services/essay-grading.ts).
 */
async function submitForGrading(
  ctx: AttemptContext,
  attempt: AttemptRecord,
  status: 'finished' | 'expired',
  finishedAt: string,
  essayIds: string[],
  lastEssay: EssayAnswerRecord | undefined,
): Promise<AttemptRecord> {
  const departmentId = (await getUser(ctx.db, attempt.userId))?.departmentId ?? null;
  const next: AttemptRecord = {
    ...attempt,
    status: 'awaiting_grading',
    closedAs: status,
    currentQuestionId: null,
    finishedAt,
    result: null,
  };
  const queued: TransactItem[] = essayIds.map((questionId) =>
    lastEssay && lastEssay.questionId === questionId
      ? essayAnswerPut(ctx.db, { ...lastEssay, state: 'pending', submittedAt: finishedAt, departmentId })
      : essaySubmitUpdate(ctx.db, { attemptId: attempt.id, questionId } as EssayAnswerRecord, finishedAt, departmentId),
  );
  try {
    await closeAttempt(ctx.db, attempt, next, queued);
  } catch (error) {
    if (error instanceof ConflictError) return (await getAttempt(ctx.db, attempt.id))!;
    throw error;
  }
  return { ...next, rev: attempt.rev + 1 };
}

export async function finishAttempt(ctx: AttemptContext, pub: Published, attempt: AttemptRecord): Promise<AttemptRecord> {
  const current = await expireIfDue(ctx, pub, attempt);
  if (current.status !== 'in_progress') return current;
  return close(ctx, pub, current, 'finished');
}

const sameResponse = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface AnswerOutcome {
  attempt: AttemptRecord;
  questionId: string;
  correct: boolean;
}

/**
 * Records one answer: one read and one conditional write (question content and the snapshot come
 * from the process cache). Sending the same answer again returns the same outcome without a write;
 * a different answer to an answered question, or an answer to anything but the served item, is refused.
 */
export async function answerItem(
  ctx: AttemptContext,
  pub: Published,
  loaded: AttemptRecord,
  questionId: string,
  raw: Record<string, unknown>,
): Promise<AnswerOutcome> {
  for (let tries = 0; ; tries++) {
    // The caller's read serves the first try; a retry after a lost race reads again.
    let attempt = tries === 0 ? loaded : await loadOwn(ctx, loaded.id);
    const existing = attempt.answers.find((a) => a.questionId === questionId);
    if (existing) {
      if (!sameResponse(existing.response, storedEssayResponse(existing.response, raw))) throw new ApiError(409, 'already_answered');
      return { attempt, questionId, correct: existing.correct };
    }
    attempt = await expireIfDue(ctx, pub, attempt);
    if (attempt.status !== 'in_progress') throw new ApiError(409, 'attempt_closed');
    if (attempt.currentQuestionId !== questionId) throw new ApiError(409, 'not_current');

    const { snapshot } = pub;
    const content = await contentOf(ctx, snapshot, questionId);
    const parsed = responseSchema.safeParse({ ...raw, type: content.type });
    if (!parsed.success)
      throw invalidResponse(parsed.error.issues.map((i) => ({ path: ['response', ...i.path].join('.'), message: { issue: i } })));
    let scored: { correct: boolean; score: number };
    let stored: unknown = raw;
    let essay: EssayAnswerRecord | undefined;
    const answeredAt = ctx.deps.now().toISOString();
    if (content.type === 'essay') {
      // Graded later by a person: the text goes to an item of its own, the attempt keeps its digest.
      const text = (parsed.data as { text: string }).text;
      checkWordLimits(content, text);
      scored = { correct: false, score: 0 };
      stored = essayDigest(text);
      essay = {
        attemptId: attempt.id,
        questionId,
        userId: attempt.userId,
        assessmentId: attempt.assessmentId,
        assessmentVersion: attempt.assessmentVersion,
        text,
        state: 'draft',
        answeredAt,
        submittedAt: null,
        departmentId: null,
        grade: null,
        regrades: [],
        rev: 1,
      };
    } else if (content.type === 'description') {
      // Read, not answered: recorded so the form moves on, never counted in the score.
      scored = { correct: false, score: 0 };
      stored = { type: 'description' };
    } else {
      try {
        scored = scoreResponse(content, parsed.data);
      } catch (error) {
        if (error instanceof InvalidResponseError)
          throw invalidResponse(error.issues.map(() => ({ path: 'response', message: 'field.answer' })));
        throw error;
      }
    }
    const answers = [...attempt.answers, { questionId, response: stored, correct: scored.correct, score: scored.score, answeredAt }];
    const answered = answers.map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score }));
    const next = attempt.form ? (attempt.form[answers.length] ?? null) : nextAdaptiveItem(pub.settings, snapshot, answered, attempt.seed);
    try {
      if (next === null) {
        const closed = await close(ctx, pub, { ...attempt, answers }, 'finished', undefined, essay);
        if (closed.answers.length === answers.length) return { attempt: closed, questionId, correct: scored.correct };
        // close() lost a race to a concurrent writer: fall through and re-read.
        throw new ConflictError('attempt_changed', 'changed');
      }
      const updated: AttemptRecord = { ...attempt, answers, currentQuestionId: next };
      if (essay) await saveAttemptWith(ctx.db, attempt, updated, [essayAnswerPut(ctx.db, essay)]);
      else await saveAttempt(ctx.db, attempt, updated);
      return { attempt: { ...updated, rev: attempt.rev + 1 }, questionId, correct: scored.correct };
    } catch (error) {
      // Someone (a retried request, another tab) changed the attempt meanwhile: read again and decide anew.
      if (!(error instanceof ConflictError) || tries >= 3) throw error;
    }
  }
}

const invalidResponse = (details: Detail[]) => new ApiError(400, 'validation_error', 'validation_error.answer', details);

/** What the attempt keeps of an essay: its length and a digest (the text lives in the essay's own item). */
const essayDigest = (text: string) => ({ type: 'essay', chars: text.length, sha256: createHash('sha256').update(text).digest('hex') });

/** A resent answer in the stored form of the answer it may repeat (essays are stored as a digest). */
function storedEssayResponse(existing: unknown, raw: Record<string, unknown>): unknown {
  const isEssay = typeof existing === 'object' && existing !== null && 'sha256' in existing;
  return isEssay ? essayDigest(typeof raw.text === 'string' ? raw.text : '') : raw;
}

/** The essay's word limits, checked when it is sent (the player shows the same count as it is typed). */
function checkWordLimits(q: QuestionOf<'essay'>, text: string): void {
  const issue = wordLimitIssue(q, text);
  if (issue === 'too_long')
    throw invalidResponse([{ path: 'response.text', message: { key: 'field.essay_too_long', params: { max: q.maxWords ?? 0 } } }]);
  if (issue === 'too_short')
    throw invalidResponse([{ path: 'response.text', message: { key: 'field.essay_too_short', params: { min: q.minWords ?? 0 } } }]);
}

/** The attempt as the learner's browser sees it: never an answer key before review opens. */
export async function attemptView(ctx: AttemptContext, pub: Published, attempt: AttemptRecord) {
  const { settings, snapshot } = pub;
  const shuffleOptions = settings.mode === 'fixed' ? settings.fixed!.shuffleOptions : true;
  // `revealed`: review is open, so images of the explanation and feedback may be linked too.
  const served = async (questionId: string, index: number, revealed = false) => {
    const q = await contentOf(ctx, snapshot, questionId);
    const { type, stem, options, essay, ...parts } = servedQuestion(q, { seed: attempt.seed, questionId, shuffle: shuffleOptions });
    // Images are linked only for what this view shows: the served texts, and after review the
    // explanation and feedback too (never the graders' notes, which no learner sees).
    const shown = revealed ? learnerTexts(q) : { stem, options, ...parts };
    const images = await questionImageLinks(ctx.deps, ownerOf(ctx, snapshot, questionId), [shown]);
    return { index, questionId, type, stem, options, ...parts, ...(essay ? { essay } : {}), images };
  };
  const answered = attempt.answers.map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score }));
  const current =
    attempt.status === 'in_progress' && attempt.currentQuestionId ? await served(attempt.currentQuestionId, attempt.answers.length) : null;
  let review = null;
  const hasEssays = personScoredIds(snapshot, attempt.answers).length > 0;
  const essays = hasEssays && attempt.status !== 'in_progress' ? await listEssaysOfAttempt(ctx.db, attempt.id) : [];
  if (attempt.result && reviewOpen(settings, attempt.status, ctx.deps.now())) {
    const ids = attempt.form ?? attempt.answers.map((a) => a.questionId);
    review = await Promise.all(
      ids.map(async (questionId, index) => {
        const q = await contentOf(ctx, snapshot, questionId);
        const a = attempt.answers.find((x) => x.questionId === questionId);
        const essay = essays.find((e) => e.questionId === questionId);
        return {
          ...(await served(questionId, index, true)),
          response: essay ? { type: 'essay', text: essay.text } : (a?.response ?? null),
          correct: a?.correct ?? false,
          correctAnswer: answerKey(q),
          explanation: q.explanation ?? null,
          ...(essay?.grade ? { grade: learnerGrade(essay.grade) } : {}),
        };
      }),
    );
  }
  // The taker's view never carries θ, SE or the scaled score: the level band, per-skill results and
  // the skill to study next (named from the framework) are what a learner reads.
  let result = null;
  if (attempt.result) {
    const framework = (await getFramework<SkillFramework>(ctx.db))?.framework ?? null;
    result = {
      ...learnerResult(attempt.result as StoredResult, skillResultsOf(attempt, settings, snapshot), framework),
      review,
    };
  }
  const adaptiveProgress =
    attempt.mode === 'adaptive' && attempt.status === 'in_progress' ? adaptiveProgressOf(settings, snapshot, answered) : null;
  return {
    id: attempt.id,
    assessmentId: attempt.assessmentId,
    title: settings.title,
    mode: attempt.mode,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    serverNow: ctx.deps.now().toISOString(),
    // Awaiting grading: how many essays a person has graded so far (the result comes with the last one).
    grading:
      attempt.status === 'awaiting_grading' ? { essays: essays.length, graded: essays.filter((e) => e.state === 'graded').length } : null,
    progress: {
      answered: attempt.answers.length,
      total: attempt.form?.length ?? null,
      // Adaptive: a range of items left that never jumps up, and a percent that never goes down.
      left: adaptiveProgress?.left ?? null,
      percent: adaptiveProgress?.percent ?? null,
      maxItems: settings.mode === 'adaptive' ? settings.adaptive!.maxItems : null,
    },
    current,
    result,
  };
}

/** Feedback for one answer, if the review policy allows it now (the rule: `feedbackOnAnswer`), with its images. */
export async function answerFeedback(
  ctx: AttemptContext,
  pub: Published,
  questionId: string,
  correct: boolean,
  response: Record<string, unknown>,
) {
  if (!immediateFeedback(pub.settings)) return { questionId, correct: null, feedback: null, explanation: null, images: [] };
  const q = await contentOf(ctx, pub.snapshot, questionId);
  const told = feedbackOnAnswer(pub.settings, q, correct, response);
  const images =
    told.correct === null
      ? []
      : await imageLinks(ctx.deps, ownerOf(ctx, pub.snapshot, questionId), textImageIds([told.feedback, told.explanation]));
  return { questionId, ...told, images };
}

/** The skill evidence of a finished attempt (the rule: `attemptEvidence`), against the company's framework. */
export async function assessmentEvidence(
  ctx: AttemptContext,
  pub: Published,
  score: ReturnType<typeof scoreAttempt>,
  attemptId: string,
  finishedAt: string,
): Promise<StoredProficiencyEntry[]> {
  if (score.answered === 0) return [];
  const framework = (await getFramework<SkillFramework>(ctx.db))?.framework;
  if (!framework) return [];
  return attemptEvidence(framework, {
    id: attemptId,
    finishedAt,
    mode: pub.settings.mode,
    answered: score.answered,
    bySkill: score.bySkill,
  });
}
