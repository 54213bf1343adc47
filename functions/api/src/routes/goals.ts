import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isId, randomId, type Locale, type Role } from '@manabi/core';
import {
  achievability,
  currentProficiencyBySkill,
  draftGoal,
  goalProgress,
  transitionGoal,
  validateGoal,
  type Goal,
  type GoalEvent,
  type SkillFramework,
} from '@manabi/upskilling';
import {
  createGoal,
  getFramework,
  getGoal,
  getUser,
  listAttemptsOfUser,
  listGoalsOfTenant,
  listGoalsOfUser,
  listProficiencyEntries,
  saveGoal,
  type GoalRecord,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { personInReach } from '../services/access.js';
import { notify } from '../services/notifications.js';
import { json, jsonBody } from '../schemas.js';
import {
  errorSchema,
  goalBodySchema,
  goalListSchema,
  goalQuerySchema,
  goalReturnBodySchema,
  goalsOverviewSchema,
  goalViewSchema,
  idParams,
} from '@manabi/contract';
import { todayInJapan, toDomainEntry } from '../services/skill-standing.js';

const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
const RATERS: readonly Role[] = ['tenant_admin', 'manager'];

/** The language to answer in: the caller's Accept-Language (ja unless it asks for English). */
const localeOf = (c: Context): Locale => ((c.req.header('accept-language') ?? '').toLowerCase().startsWith('en') ? 'en' : 'ja');

export function registerGoalRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  /** Who may see a person's goals: themselves, HR, and a manager of the same department. */
  const subjectFor = (auth: AuthClaims, userId: string): Promise<UserRecord> =>
    personInReach(deps.data.clientFor(auth), auth, userId, true);

  /** The measured value a goal is judged on now: current proficiency, or the best finished score. */
  const measure = async (db: TenantDb, goal: Goal): Promise<number | null> => {
    if (goal.metric.kind === 'proficiency') {
      const current = currentProficiencyBySkill((await listProficiencyEntries(db, goal.userId)).map(toDomainEntry), {
        today: todayInJapan(deps.now()),
      });
      return current[goal.metric.skillId]?.value ?? null;
    }
    const metric = goal.metric;
    const scores = (await listAttemptsOfUser(db, goal.userId))
      .filter((a) => a.assessmentId === metric.assessmentId && a.result)
      .map((a) => (a.result as { score: number }).score);
    return scores.length > 0 ? Math.max(...scores) : null;
  };

  /** A goal as the UI shows it; an in-progress goal that is reached or due is evaluated on read. */
  const present = async (db: TenantDb, record: GoalRecord<Goal>) => {
    let { goal } = record;
    const current = await measure(db, goal);
    const today = todayInJapan(deps.now());
    if (goal.status === 'in_progress' && current !== null && (current >= goal.metric.target || today >= goal.dueDate)) {
      const moved = transitionGoal(goal, { type: 'evaluate', value: current }, today);
      if (moved.ok) goal = (await saveGoal(db, record, moved.goal, deps.now().toISOString())).goal;
    }
    const progress = goal.baseline !== null && current !== null ? goalProgress(goal, current) : null;
    return { ...goal, current, progress, warning: achievability(goal, goal.metric.kind === 'proficiency' ? current : null, today).warning };
  };

  const load = async (auth: AuthClaims, id: string) => {
    const db = deps.data.clientFor(auth);
    const record = isId(id) ? await getGoal<Goal>(db, id) : null;
    if (!record) throw notFound('goal');
    await subjectFor(auth, record.goal.userId);
    return { db, record };
  };

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/goals',
      roles: MEMBERS,
      tags: ['goals'],
      summary: 'Set a SMART goal (for myself, or for a member of my team / company); messages name the missing letter',
      request: { body: jsonBody(goalBodySchema) },
      responses: { 201: json(goalViewSchema, 'Created as a draft'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const body = c.req.valid('json') as Record<string, unknown>;
      const subject = await subjectFor(auth, typeof body.userId === 'string' ? body.userId : auth.userId);
      const db = deps.data.clientFor(auth);
      const framework = (await getFramework<SkillFramework>(db))?.framework;
      if (!framework) throw notFound('skill_framework');
      const today = todayInJapan(deps.now());
      const current = currentProficiencyBySkill((await listProficiencyEntries(db, subject.id)).map(toDomainEntry), { today });
      const result = validateGoal(body, { framework, today, currentProficiency: current });
      const locale = localeOf(c);
      if (!result.ok) {
        throw new ApiError(
          400,
          'validation_error',
          'validation_error.goal_not_smart',
          result.errors.map((e) => ({ path: e.path, message: e.message })),
        );
      }
      const goal = draftGoal(result.goal, { id: randomId(), userId: subject.id });
      const now = deps.now().toISOString();
      const record: GoalRecord<Goal> = {
        goal,
        createdBy: auth.userId,
        createdAt: now,
        updatedAt: now,
        rev: 1,
        departmentId: subject.departmentId,
        level: subject.level,
      };
      await createGoal(db, record);
      return c.json(
        { ...(await present(db, record)), warnings: result.warnings.map((w) => ({ path: w.path, message: w.message[locale] })) },
        201,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/goals',
      roles: MEMBERS,
      tags: ['goals'],
      summary: 'A person’s goals with progress (default: mine)',
      request: { query: goalQuerySchema },
      responses: { 200: json(goalListSchema, 'Goals, newest first'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const subject = await subjectFor(auth, c.req.valid('query').userId ?? auth.userId);
      const db = deps.data.clientFor(auth);
      const records = await listGoalsOfUser<Goal>(db, subject.id);
      return c.json({ items: await Promise.all(records.map((r) => present(db, r))) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/goals/overview',
      roles: ['tenant_admin'],
      tags: ['goals'],
      summary: 'Every goal of the company with its status and owner, earliest due first',
      responses: { 200: json(goalsOverviewSchema, 'Overview'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const records = await listGoalsOfTenant<Goal>(db);
      const users = new Map<string, UserRecord | null>();
      for (const id of new Set(records.map((r) => r.goal.userId))) users.set(id, await getUser(db, id));
      const counts: Record<Goal['status'], number> = { draft: 0, agreed: 0, in_progress: 0, achieved: 0, missed: 0 };
      for (const r of records) counts[r.goal.status] = (counts[r.goal.status] ?? 0) + 1;
      return c.json(
        {
          items: records.map((r) => {
            const u = users.get(r.goal.userId);
            return { goal: r.goal, user: u ? { id: u.id, name: u.name, departmentId: u.departmentId, level: u.level } : null };
          }),
          counts,
        },
        200,
      );
    },
  );

  const transition = (
    path: string,
    summary: string,
    roles: readonly Role[],
    event: (auth: AuthClaims, value: number | null) => GoalEvent,
  ) =>
    app.openapi(
      defineRoute({
        method: 'post',
        path,
        roles,
        tags: ['goals'],
        summary,
        request: { params: idParams },
        responses: {
          200: json(goalViewSchema, 'Moved on'),
          409: json(errorSchema, 'Not allowed from the goal’s state'),
          ...ERROR_RESPONSES,
        },
      }),
      async (c) => {
        const auth = c.get('auth');
        const { db, record } = await load(auth, c.req.valid('param').id);
        const value = await measure(db, record.goal);
        const moved = transitionGoal(record.goal, event(auth, value), todayInJapan(deps.now()));
        if (!moved.ok) throw new ApiError(409, moved.refusal, moved.message);
        const saved = await saveGoal(db, record, moved.goal, deps.now().toISOString());
        if (moved.goal.status === 'agreed' && record.goal.status === 'draft')
          await notify(deps, db, {
            kind: 'goal_agreed',
            goalId: saved.goal.id,
            ownerId: saved.goal.userId,
            actorId: auth.userId,
            goalTitle: saved.goal.title,
          });
        return c.json(await present(db, saved), 200);
      },
    );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/goals/{id}/return',
      roles: RATERS,
      tags: ['goals'],
      summary: 'Return a draft goal to its owner with a comment (manager or HR; once; not one’s own)',
      request: { params: idParams, body: jsonBody(goalReturnBodySchema) },
      responses: { 200: json(goalViewSchema, 'Returned'), 409: json(errorSchema, 'Not allowed from the goal’s state'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { db, record } = await load(auth, c.req.valid('param').id);
      const { note } = c.req.valid('json');
      const moved = transitionGoal(record.goal, { type: 'return', reviewerId: auth.userId, note }, todayInJapan(deps.now()));
      if (!moved.ok) throw new ApiError(409, moved.refusal, moved.message);
      const saved = await saveGoal(db, record, moved.goal, deps.now().toISOString());
      await notify(deps, db, {
        kind: 'goal_returned',
        goalId: saved.goal.id,
        ownerId: saved.goal.userId,
        actorId: auth.userId,
        goalTitle: saved.goal.title,
        note,
      });
      return c.json(await present(db, saved), 200);
    },
  );
  // The baseline is what is measured when the manager agrees (no evidence yet: the bottom of the scale).
  transition('/api/goals/{id}/agree', 'Agree to a goal (manager or HR; not one’s own)', RATERS, (auth, value) => ({
    type: 'agree',
    approverId: auth.userId,
    baseline: value ?? 1,
  }));
  transition('/api/goals/{id}/start', 'Start working on an agreed goal', MEMBERS, () => ({ type: 'start' }));
  transition(
    '/api/goals/{id}/evaluate',
    'Evaluate a goal in progress: achieved when reached, missed from the due date',
    RATERS,
    (_a, value) => ({
      type: 'evaluate',
      value: value ?? 0,
    }),
  );
}
