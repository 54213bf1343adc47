import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import { aggregateGaps, findSkill, frameworkSkills, proficiencyRatingSchema, skillGaps, type SkillFramework } from '@manabi/upskilling';
import {
  addProficiencyEntry,
  getFramework,
  getUser,
  listDepartments,
  listProficiencyEntries,
  listUsers,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError, notFound, validationError } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { personInReach } from '../services/access.js';
import { json, jsonBody } from '../schemas.js';
import {
  idParams,
  mySkillsSchema,
  ratingBodySchema,
  skillMapQuery,
  skillMapSchema,
  skillStandingSchema,
  userSkillsSchema,
} from '@manabi/contract';
import { skillStanding, todayInJapan, toDomainEntry } from '../services/skill-standing.js';
import { currentProficiencyBySkill } from '@manabi/upskilling';

const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
const RATERS: readonly Role[] = ['tenant_admin', 'manager'];
const MAP_LIMIT = 1000;

export function registerSkillMapRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const frameworkOf = async (db: TenantDb): Promise<SkillFramework> => {
    const f = await getFramework<SkillFramework>(db);
    if (!f) throw notFound('skill_framework');
    return f.framework;
  };

  /** HR sees everyone in the company; a manager sees the people of their own department. */
  const loadSubject = (auth: AuthClaims, id: string): Promise<UserRecord> => personInReach(deps.data.clientFor(auth), auth, id, true);

  const standingOf = async (db: TenantDb, user: UserRecord) => {
    const [framework, entries] = await Promise.all([frameworkOf(db), listProficiencyEntries(db, user.id)]);
    return { framework, skills: skillStanding(framework, user.level, entries, deps.now(), user.jobRole) };
  };

  const recordRating = async (auth: AuthClaims, subject: UserRecord, body: unknown, source: 'manager_rating' | 'self_rating') => {
    const db = deps.data.clientFor(auth);
    // The skill may be named by id or by its Japanese name (the tag questions carry).
    const parsed = proficiencyRatingSchema
      .extend({ skillId: z.string().trim().min(1).max(100) })
      .safeParse({ date: todayInJapan(deps.now()), ...(body as object) });
    if (!parsed.success) throw validationError(parsed.error);
    const framework = await frameworkOf(db);
    const skill = findSkill(framework, parsed.data.skillId);
    if (!skill)
      throw new ApiError(400, 'validation_error', 'validation_error.unknown_skill', [
        { path: 'skillId', message: 'field.not_framework_skill' },
      ]);
    await addProficiencyEntry(
      db,
      subject.id,
      {
        skillId: skill.id,
        source,
        date: parsed.data.date,
        value: parsed.data.value,
        by: auth.userId,
        ...(parsed.data.comment ? { comment: parsed.data.comment } : {}),
      },
      deps.now().toISOString(),
    );
    const { skills } = await standingOf(db, subject);
    const row = skills.find((s) => s.skillId === skill.id);
    // A rating of a skill not required at the person's level still counts; answer with its value.
    return (
      row ?? {
        skillId: skill.id,
        name: skill.name,
        required: 0,
        current: parsed.data.value,
        gap: 0,
        source,
        date: parsed.data.date,
        selfReported: source === 'self_rating',
        stale: false,
        explanation: { ja: '', en: '' },
      }
    );
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/skills',
      roles: MEMBERS,
      tags: ['skills'],
      summary: 'My skill map: required skills at my level, current proficiency (and which evidence won), gap',
      responses: {
        200: json(mySkillsSchema, 'My skills'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const me = await getUser(db, auth.userId);
      if (!me) throw notFound('user');
      return c.json({ level: me.level, skills: (await standingOf(db, me)).skills }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users/{id}/skills',
      roles: RATERS,
      tags: ['skills'],
      summary: 'A person’s skill map (HR: anyone; manager: their department)',
      request: { params: idParams },
      responses: { 200: json(userSkillsSchema, 'Skills'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const user = await loadSubject(auth, c.req.valid('param').id);
      const db = deps.data.clientFor(auth);
      const department = user.departmentId ? (await listDepartments(db)).find((d) => d.id === user.departmentId) : undefined;
      return c.json(
        {
          user: { id: user.id, name: user.name, departmentName: department?.name ?? null, level: user.level },
          level: user.level,
          skills: (await standingOf(db, user)).skills,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/ratings',
      roles: MEMBERS,
      tags: ['skills'],
      summary: 'Rate my own proficiency (counts only where there is no assessment or manager rating)',
      request: { body: jsonBody(ratingBodySchema) },
      responses: { 201: json(skillStandingSchema, 'Recorded'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const me = await getUser(deps.data.clientFor(auth), auth.userId);
      if (!me) throw notFound('user');
      return c.json(await recordRating(auth, me, c.req.valid('json'), 'self_rating'), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users/{id}/ratings',
      roles: RATERS,
      tags: ['skills'],
      summary: 'Record a manager rating of a person’s proficiency in a skill',
      request: { params: idParams, body: jsonBody(ratingBodySchema) },
      responses: { 201: json(skillStandingSchema, 'Recorded'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const subject = await loadSubject(auth, c.req.valid('param').id);
      if (subject.id === auth.userId)
        throw new ApiError(400, 'validation_error', 'validation_error.self_rating', [{ path: 'id', message: 'field.manager_rating_self' }]);
      return c.json(await recordRating(auth, subject, c.req.valid('json'), 'manager_rating'), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/skills/map',
      roles: RATERS,
      tags: ['skills'],
      summary: 'Skill map heatmap: people × skills with gaps, and averages by department and level',
      request: { query: skillMapQuery },
      responses: { 200: json(skillMapSchema, 'The map'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      let { departmentId } = c.req.valid('query');
      const { level } = c.req.valid('query');
      if (auth.role === 'manager') {
        const me = await getUser(db, auth.userId);
        if (!me?.departmentId)
          return c.json({ skills: [], rows: [], aggregates: { byDepartment: [], byLevel: [] }, truncated: false }, 200);
        departmentId = me.departmentId;
      }
      if (departmentId && !isId(departmentId)) throw notFound('department');
      const [framework, departments] = await Promise.all([frameworkOf(db), listDepartments(db)]);
      const users: UserRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await listUsers(db, { departmentId, level, status: undefined, limit: 200, cursor });
        users.push(...page.items.filter((u) => u.status !== 'deactivated'));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && users.length < MAP_LIMIT);
      const shown = users.slice(0, MAP_LIMIT);
      // One Query per person; the precomputed map for very large companies comes with reports (issue 5).
      const entries = await mapLimit(shown, 16, (u) => listProficiencyEntries(db, u.id));
      const today = todayInJapan(deps.now());
      const skills = frameworkSkills(framework);
      const names = new Map(departments.map((d) => [d.id, d.name]));
      const rows = shown.map((u, i) => {
        const current = currentProficiencyBySkill(entries[i]!.map(toDomainEntry), { today });
        const gaps = u.level ? skillGaps(framework, u.level, u.jobRole, current) : [];
        return {
          user: {
            id: u.id,
            name: u.name,
            departmentId: u.departmentId,
            departmentName: u.departmentId ? (names.get(u.departmentId) ?? null) : null,
            level: u.level,
          },
          gaps,
          cells: skills.map((s) => {
            const g = gaps.find((x) => x.skillId === s.id);
            const cur = current[s.id];
            return {
              skillId: s.id,
              required: g?.required ?? null,
              current: cur?.value ?? null,
              gap: g ? g.gap : null,
              source: cur?.source ?? null,
            };
          }),
        };
      });
      const aggregates = aggregateGaps(
        rows.map((r) => ({ departmentId: r.user.departmentId, level: r.user.level, gaps: r.gaps })),
        skills.map((s) => s.id),
      );
      return c.json(
        {
          skills: skills.map((s) => ({ id: s.id, name: s.name })),
          rows: rows.map(({ gaps: _g, ...r }) => r),
          aggregates: {
            byDepartment: aggregates.byDepartment.map((g) => ({ ...g, name: g.key ? (names.get(g.key) ?? null) : null })),
            byLevel: aggregates.byLevel,
          },
          truncated: users.length > MAP_LIMIT || Boolean(cursor),
        },
        200,
      );
    },
  );
}

async function mapLimit<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}
