import {
  adaptiveProgressOf,
  nextAdaptiveItem,
  optionOrder,
  planFixedForm,
  scoreAttempt,
  type AnsweredItem,
  type AssessmentInput,
  type AssessmentSnapshot,
} from '@manabi/assessment';
import { responseSchema, scoreResponse, InvalidResponseError, type Question } from '@manabi/questions';
import { randomId } from '@manabi/core';
import {
  closeAttempt,
  ConflictError,
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
import { findSkill, type SkillFramework } from '@manabi/upskilling';
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
function ownerOf(ctx: AttemptContext, snapshot: AssessmentSnapshot, questionId: string): Owner {
  const ref = snapshot.pool.find((p) => p.id === questionId);
  if (!ref) throw new Error(`Question ${questionId} is not in the snapshot`);
  return ref.owner === 'catalog'
    ? { kind: 'catalog' }
    : ref.owner === 'vendor'
      ? { kind: 'vendor', vendorId: ref.vendorId! }
      : { kind: 'tenant', tenantId: ctx.db.tenantId };
}

async function contentOf(ctx: AttemptContext, snapshot: AssessmentSnapshot, questionId: string): Promise<Question> {
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

/** The caller's own attempt; anyone else's (or another tenant's) is a 404. */
export async function loadOwn(ctx: AttemptContext, id: string): Promise<AttemptRecord> {
  const attempt = /^[0-9a-z]{16}$/.test(id) ? await getAttempt(ctx.db, id) : null;
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
): Promise<AttemptRecord> {
  const { snapshot } = pub;
  const finishedAt = at ?? ctx.deps.now().toISOString();
  const answered: AnsweredItem[] = attempt.answers.map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score }));
  const score = scoreAttempt(pub.settings, snapshot, answered, attempt.form?.length ?? null);
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
      if (!sameResponse(existing.response, raw)) throw new ApiError(409, 'already_answered');
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
    try {
      scored = scoreResponse(content, parsed.data);
    } catch (error) {
      if (error instanceof InvalidResponseError)
        throw invalidResponse(error.issues.map(() => ({ path: 'response', message: 'field.answer' })));
      throw error;
    }
    const answers = [
      ...attempt.answers,
      { questionId, response: raw, correct: scored.correct, score: scored.score, answeredAt: ctx.deps.now().toISOString() },
    ];
    const answered = answers.map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score }));
    const next = attempt.form ? (attempt.form[answers.length] ?? null) : nextAdaptiveItem(pub.settings, snapshot, answered, attempt.seed);
    try {
      if (next === null) {
        const closed = await close(ctx, pub, { ...attempt, answers }, 'finished');
        if (closed.answers.length === answers.length) return { attempt: closed, questionId, correct: scored.correct };
        // close() lost a race to a concurrent writer: fall through and re-read.
        throw new ConflictError('attempt_changed', 'changed');
      }
      const updated: AttemptRecord = { ...attempt, answers, currentQuestionId: next };
      await saveAttempt(ctx.db, attempt, updated);
      return { attempt: { ...updated, rev: attempt.rev + 1 }, questionId, correct: scored.correct };
    } catch (error) {
      // Someone (a retried request, another tab) changed the attempt meanwhile: read again and decide anew.
      if (!(error instanceof ConflictError) || tries >= 3) throw error;
    }
  }
}

const invalidResponse = (details: Detail[]) => new ApiError(400, 'validation_error', 'validation_error.answer', details);

/** Whether the review policy lets the learner see keys and explanations now. */
export function reviewOpen(settings: AssessmentInput, attempt: AttemptRecord, now: Date): boolean {
  if (attempt.status === 'in_progress') return false;
  if (settings.reviewPolicy === 'after_submit') return true;
  if (settings.reviewPolicy === 'after_due') return settings.dueAt !== null && Date.parse(settings.dueAt) <= now.getTime();
  return false;
}

/** Per-answer feedback is shown at once only when review is allowed right after submitting. */
export const immediateFeedback = (settings: AssessmentInput): boolean => settings.reviewPolicy === 'after_submit';

/** The attempt as the learner's browser sees it: never an answer key before review opens. */
export async function attemptView(ctx: AttemptContext, pub: Published, attempt: AttemptRecord) {
  const { settings, snapshot } = pub;
  const shuffleOptions = settings.mode === 'fixed' ? settings.fixed!.shuffleOptions : true;
  // `revealed`: review is open, so images of the explanation and feedback may be linked too.
  const served = async (questionId: string, index: number, revealed = false) => {
    const q = await contentOf(ctx, snapshot, questionId);
    const options =
      'options' in q
        ? optionOrder(
            q.options.map((o) => o.id),
            attempt.seed,
            questionId,
            shuffleOptions,
          ).map((id) => {
            const o = q.options.find((x) => x.id === id)!;
            return { id: o.id, text: o.text };
          })
        : [];
    const shown = revealed ? q : { stem: q.stem, options };
    const images = await questionImageLinks(ctx.deps, ownerOf(ctx, snapshot, questionId), [shown]);
    return { index, questionId, type: q.type, stem: q.stem, options, images };
  };
  const answered = attempt.answers.map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score }));
  const current =
    attempt.status === 'in_progress' && attempt.currentQuestionId ? await served(attempt.currentQuestionId, attempt.answers.length) : null;
  let review = null;
  if (attempt.result && reviewOpen(settings, attempt, ctx.deps.now())) {
    const ids = attempt.form ?? attempt.answers.map((a) => a.questionId);
    review = await Promise.all(
      ids.map(async (questionId, index) => {
        const q = await contentOf(ctx, snapshot, questionId);
        const a = attempt.answers.find((x) => x.questionId === questionId);
        return {
          ...(await served(questionId, index, true)),
          response: a?.response ?? null,
          correct: a?.correct ?? false,
          correctAnswer: answerKey(q),
          explanation: q.explanation ?? null,
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

/** The key of a question, as the review shows it. */
export function answerKey(q: Question): unknown {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_response':
      return { optionIds: q.correctOptionIds };
    case 'true_false':
      return { value: q.answer };
    case 'ordering':
      return { order: q.order };
    case 'numeric':
      return { value: q.answer.value, tolerance: q.answer.tolerance };
    case 'short_text':
      return { accepted: q.accepted };
  }
}

/** Feedback for one answer, if the review policy allows it now. */
export async function answerFeedback(
  ctx: AttemptContext,
  pub: Published,
  questionId: string,
  correct: boolean,
  response: Record<string, unknown>,
) {
  if (!immediateFeedback(pub.settings)) return { questionId, correct: null, feedback: null, explanation: null, images: [] };
  const q = await contentOf(ctx, pub.snapshot, questionId);
  // The chosen option's own feedback says most about this answer; otherwise the question's.
  const chosen = 'options' in q && typeof response.optionId === 'string' ? q.options.find((o) => o.id === response.optionId) : undefined;
  const feedback = chosen?.feedback ?? (correct ? q.feedback?.correct : q.feedback?.incorrect) ?? null;
  return {
    questionId,
    correct,
    feedback,
    explanation: q.explanation ?? null,
    images: await imageLinks(ctx.deps, ownerOf(ctx, pub.snapshot, questionId), textImageIds([feedback, q.explanation])),
  };
}

/**
 * What a finished attempt says about skills: per framework skill it measured, the percent right
 * (fixed forms) or, for an adaptive test, the skill's own band estimated from its own items (a
 * CAT's per-skill percentages are not comparable: harder items follow right answers). A skill an
 * adaptive test saw too little of gives no evidence. Tags that are not framework skills are ignored.
 */
async function assessmentEvidence(
  ctx: AttemptContext,
  pub: Published,
  score: ReturnType<typeof scoreAttempt>,
  attemptId: string,
  finishedAt: string,
): Promise<StoredProficiencyEntry[]> {
  if (score.answered === 0) return [];
  const framework = (await getFramework<SkillFramework>(ctx.db))?.framework;
  if (!framework) return [];
  const entries = new Map<string, StoredProficiencyEntry>();
  for (const s of score.bySkill) {
    const skill = findSkill(framework, s.skill);
    if (!skill || entries.has(skill.id)) continue;
    const base = { skillId: skill.id, source: 'assessment' as const, date: finishedAt, ref: `attempt:${attemptId}` };
    if (pub.settings.mode === 'adaptive') {
      if (s.band !== null) entries.set(skill.id, { ...base, band: s.band });
    } else entries.set(skill.id, { ...base, percent: s.percent });
  }
  return [...entries.values()];
}
