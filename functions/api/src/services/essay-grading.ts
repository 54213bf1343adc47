import { scoreAttempt, scorableFormLength, withGrades, type AssessmentInput } from '@manabi/assessment';
import { isId } from '@manabi/core';
import {
  ConflictError,
  countPendingEssays,
  finalizeGradedAttempt,
  getAssessment,
  getAttempt,
  getEssayAnswer,
  getUser,
  gradeEssayAnswer,
  listEssaysOfAttempt,
  listPendingEssays,
  proficiencyEntryItem,
  regradeEssayAnswer,
  saveAttemptWith,
  type AttemptRecord,
  type EssayAnswerRecord,
  type EssayGradeRecord,
  type EssayQueueScope,
  type UserRecord,
} from '@manabi/data';
import { gradeEssay, InvalidGradeError, type QuestionOf } from '@manabi/questions';
import { ApiError, notFound } from '../errors.js';
import { leadsUser } from './access.js';
import {
  assessmentEvidence,
  contentOf,
  ownerOf,
  publishedVersion,
  scoredAnswers,
  type AttemptContext,
  type Published,
} from './attempts.js';
import { questionImageLinks } from './question-images.js';
import { notify } from './notifications.js';

/**
 * Whose essays the caller grades: HR every pending essay of the company; a manager those of the
 * people they lead (their own department, the reach the team pages use). Nobody grades their own.
 */
async function queueScope(ctx: AttemptContext): Promise<EssayQueueScope | null> {
  if (ctx.auth.role === 'tenant_admin') return { kind: 'tenant' };
  if (ctx.auth.role !== 'manager') return null;
  const me = await getUser(ctx.db, ctx.auth.userId);
  return me?.departmentId ? { kind: 'department', departmentId: me.departmentId } : null;
}

/** A person in the caller's grading reach (HR: anyone; a manager: their department), never the caller. */
async function inReach(ctx: AttemptContext, user: UserRecord | null): Promise<boolean> {
  return user !== null && user.id !== ctx.auth.userId && (await leadsUser(ctx.db, ctx.auth, user));
}

/** Look-ups a page of the queue repeats (people, titles, questions): each read once per request. */
function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = load(key)));
    return hit;
  };
}

export const QUEUE_PAGE = 50;

/** The caller's grading queue, oldest first, with how many essays wait in it. */
export async function gradingQueue(ctx: AttemptContext, cursor: string | null) {
  const scope = await queueScope(ctx);
  if (!scope) return { items: [], count: 0, nextCursor: null };
  const [page, count] = await Promise.all([listPendingEssays(ctx.db, scope, QUEUE_PAGE, cursor), countPendingEssays(ctx.db, scope)]);
  const person = memo((id) => getUser(ctx.db, id));
  const version = memo((key) => {
    const [id, v] = key.split('@') as [string, string];
    return publishedVersion(ctx, id, Number(v));
  });
  const items = [];
  for (const e of page.items) {
    const learner = await person(e.userId);
    // The queue item keeps the department of submission; someone who moved since is re-checked here.
    if (!(await inReach(ctx, learner))) continue;
    const pub = await version(`${e.assessmentId}@${e.assessmentVersion}`);
    const q = await contentOf(ctx, pub.snapshot, e.questionId);
    items.push({
      attemptId: e.attemptId,
      questionId: e.questionId,
      learner: { id: learner!.id, name: learner!.name },
      assessment: { id: e.assessmentId, title: pub.settings.title },
      question: { title: q.title ?? null, stem: q.stem },
      submittedAt: e.submittedAt,
    });
  }
  return { items, count, nextCursor: page.nextCursor };
}

interface Loaded {
  essay: EssayAnswerRecord;
  learner: UserRecord;
  pub: Published;
  question: QuestionOf<'essay'>;
}

/** An essay the caller may grade; anything else (a bad id, another department, another company) is a 404. */
async function loadForGrading(ctx: AttemptContext, attemptId: string, questionId: string): Promise<Loaded> {
  const essay = isId(attemptId) && /^[A-Za-z0-9_-]{1,40}$/.test(questionId) ? await getEssayAnswer(ctx.db, attemptId, questionId) : null;
  if (!essay || essay.state === 'draft') throw notFound('essay');
  const learner = await getUser(ctx.db, essay.userId);
  if (!(await inReach(ctx, learner))) throw notFound('essay');
  const pub = await publishedVersion(ctx, essay.assessmentId, essay.assessmentVersion);
  const question = (await contentOf(ctx, pub.snapshot, questionId)) as QuestionOf<'essay'>;
  return { essay, learner: learner!, pub, question };
}

/** Everything the grading page shows: the question with its rubric and graders' notes, the text, the grade and its history. */
export async function gradingView(ctx: AttemptContext, attemptId: string, questionId: string) {
  return viewOf(ctx, await loadForGrading(ctx, attemptId, questionId));
}

async function viewOf(ctx: AttemptContext, { essay, learner, pub, question }: Loaded) {
  const names = memo(async (id) => (await getUser(ctx.db, id))?.name ?? '');
  const attempt = await getAttempt(ctx.db, essay.attemptId);
  return {
    attemptId: essay.attemptId,
    questionId: essay.questionId,
    state: essay.state,
    learner: { id: learner.id, name: learner.name },
    assessment: { id: essay.assessmentId, title: pub.settings.title },
    attemptStatus: attempt?.status ?? null,
    submittedAt: essay.submittedAt,
    question: {
      title: question.title ?? null,
      stem: question.stem,
      rubric: question.rubric,
      minWords: question.minWords ?? null,
      maxWords: question.maxWords ?? null,
      graderNotes: question.graderNotes ?? null,
    },
    // Graders see the stem's and their notes' images (the notes are theirs alone).
    images: await questionImageLinks(ctx.deps, ownerOf(ctx, pub.snapshot, essay.questionId), [
      { stem: question.stem, ...(question.graderNotes ? { graderNotes: question.graderNotes } : {}) },
    ]),
    text: essay.text,
    grade: essay.grade ? { ...essay.grade, gradedByName: await names(essay.grade.gradedBy) } : null,
    regrades: await Promise.all(
      essay.regrades.map(async (r) => ({
        by: r.by,
        byName: await names(r.by),
        at: r.at,
        previous: { total: r.previous.total, max: r.previous.max },
      })),
    ),
  };
}

export interface GradeInput {
  points: Record<string, unknown>;
  comment?: string | null;
}

/** The rubric's verdict on the points, or a 400 naming each criterion that does not fit. */
function rubricGrade(ctx: AttemptContext, question: QuestionOf<'essay'>, input: GradeInput): EssayGradeRecord {
  try {
    const g = gradeEssay(question.rubric, input.points);
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    return {
      points: g.points,
      total: g.total,
      max: g.max,
      score: g.score,
      comment,
      gradedBy: ctx.auth.userId,
      gradedAt: ctx.deps.now().toISOString(),
    };
  } catch (error) {
    if (!(error instanceof InvalidGradeError)) throw error;
    throw new ApiError(
      400,
      'validation_error',
      'validation_error',
      error.issues.map((i) => {
        const c = question.rubric.find((x) => x.id === i.criterionId);
        return {
          path: `points.${i.criterionId}`,
          message: c ? { key: 'field.rubric_points' as const, params: { max: c.maxPoints } } : 'field.rubric_unknown',
        };
      }),
    );
  }
}

/**
 * Grades a pending essay: a conditional write, so of two graders the second gets a 409 and changes
 * nothing. When it was the attempt's last essay, the attempt gets its result (and the learner hears).
 */
export async function gradeEssayAnswerOf(ctx: AttemptContext, attemptId: string, questionId: string, input: GradeInput) {
  const loaded = await loadForGrading(ctx, attemptId, questionId);
  if (loaded.essay.state === 'graded') throw new ApiError(409, 'essay_already_graded');
  const grade = rubricGrade(ctx, loaded.question, input);
  let essay: EssayAnswerRecord;
  try {
    essay = await gradeEssayAnswer(ctx.db, loaded.essay, grade);
  } catch (error) {
    if (error instanceof ConflictError) throw new ApiError(409, 'essay_already_graded');
    throw error;
  }
  await finalizeIfGraded(ctx, attemptId);
  return viewOf(ctx, { ...loaded, essay });
}

/**
 * Regrades a graded essay (an explicit action: who and when are kept with the grade it replaced).
 * A result already given is recomputed, with new skill evidence; the learner is not told again.
 */
export async function regradeEssayAnswerOf(ctx: AttemptContext, attemptId: string, questionId: string, input: GradeInput) {
  const loaded = await loadForGrading(ctx, attemptId, questionId);
  if (loaded.essay.state !== 'graded') throw new ApiError(409, 'essay_not_graded');
  const grade = rubricGrade(ctx, loaded.question, input);
  let essay: EssayAnswerRecord;
  try {
    essay = await regradeEssayAnswer(ctx.db, loaded.essay, grade);
  } catch (error) {
    if (error instanceof ConflictError) throw new ApiError(409, 'essay_changed');
    throw error;
  }
  await rescore(ctx, attemptId);
  return viewOf(ctx, { ...loaded, essay });
}

/** The attempt with every essay's grade in place, and its score. */
function gradedResult(pub: Published, attempt: AttemptRecord, essays: EssayAnswerRecord[]) {
  const grades = new Map(essays.map((e) => [e.questionId, { score: e.grade!.score, correct: e.grade!.total === e.grade!.max }]));
  const answers = withGrades(attempt.answers, grades);
  const score = scoreAttempt(pub.settings, pub.snapshot, scoredAnswers(pub, answers), scorableFormLength(pub.snapshot, attempt.form));
  const finishedAt = attempt.finishedAt ?? attempt.startedAt;
  const timeTakenSeconds = Math.max(0, Math.round((Date.parse(finishedAt) - Date.parse(attempt.startedAt)) / 1000));
  return { answers, score, result: { ...score, timeTakenSeconds } };
}

async function evidenceItems(ctx: AttemptContext, pub: Published, attempt: AttemptRecord, score: ReturnType<typeof scoreAttempt>) {
  const at = attempt.finishedAt ?? ctx.deps.now().toISOString();
  const evidence = await assessmentEvidence(ctx, pub, score, attempt.id, at);
  return evidence.map((e) => proficiencyEntryItem(ctx.db, attempt.userId, e, at));
}

/**
 * Gives an attempt its result once all its essays are graded: the attempt turns finished (or
 * expired, as it closed) with the score, in one transaction with the first pass and the skill
 * evidence; the change stream then counts it in the reports as any closed attempt. Two graders
 * finishing together race on the attempt's rev: one writes, the other reads the result.
 */
async function finalizeIfGraded(ctx: AttemptContext, attemptId: string): Promise<void> {
  for (let tries = 0; tries < 4; tries++) {
    const attempt = await getAttempt(ctx.db, attemptId);
    if (!attempt) return;
    if (attempt.status !== 'awaiting_grading') {
      if (attempt.result) await tellLearner(ctx, attempt);
      return;
    }
    const essays = await listEssaysOfAttempt(ctx.db, attemptId);
    if (essays.some((e) => e.state !== 'graded' || !e.grade)) return;
    const pub = await publishedVersion(ctx, attempt.assessmentId, attempt.assessmentVersion);
    const { answers, score, result } = gradedResult(pub, attempt, essays);
    const { closedAs, ...rest } = attempt;
    const next: AttemptRecord = { ...rest, status: closedAs ?? 'finished', answers, result };
    try {
      await finalizeGradedAttempt(ctx.db, attempt, next, await evidenceItems(ctx, pub, attempt, score));
    } catch (error) {
      if (error instanceof ConflictError) continue;
      throw error;
    }
    await tellLearner(ctx, next);
    return;
  }
}

/** One message per attempt (the key is the attempt's): a retried grade or a racing grader tells no one twice. */
async function tellLearner(ctx: AttemptContext, attempt: AttemptRecord): Promise<void> {
  const a = await getAssessment<AssessmentInput>(ctx.db, attempt.assessmentId);
  await notify(ctx.deps, ctx.db, {
    kind: 'essay_graded',
    learnerId: attempt.userId,
    actorId: ctx.auth.userId,
    attemptId: attempt.id,
    assessmentTitle: a?.settings.title ?? {},
  });
}

/** After a regrade: a result already given is computed again (the attempt keeps its status). */
async function rescore(ctx: AttemptContext, attemptId: string): Promise<void> {
  for (let tries = 0; tries < 4; tries++) {
    const attempt = await getAttempt(ctx.db, attemptId);
    if (!attempt || attempt.status === 'awaiting_grading' || attempt.status === 'in_progress') return;
    const essays = await listEssaysOfAttempt(ctx.db, attemptId);
    const pub = await publishedVersion(ctx, attempt.assessmentId, attempt.assessmentVersion);
    const { answers, score, result } = gradedResult(pub, attempt, essays);
    try {
      await saveAttemptWith(ctx.db, attempt, { ...attempt, answers, result }, await evidenceItems(ctx, pub, attempt, score));
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
