import type { OpenAPIHono } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import {
  createCheckIns,
  getCheckIn,
  getMentorId,
  getUser,
  listCheckInsOfUser,
  listInbox,
  listMentees,
  markInboxRead,
  setMentor,
  writeCheckInNote,
  type CheckInRecord,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { leadsUser } from '../services/access.js';
import { actorName, notify } from '../services/notifications.js';
import { json, jsonBody } from '../schemas.js';
import {
  checkInListSchema,
  checkInNoteBodySchema,
  checkInScheduleBodySchema,
  checkInSchema,
  idParams,
  inboxSchema,
  menteesSchema,
  mentorBodySchema,
  mentorInfoSchema,
  mentorSavedSchema,
} from '@manabi/contract';

const HR: readonly Role[] = ['tenant_admin'];
const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];

/** Follow-up so skills stick: mentors, periodic check-ins (reflection + comment), and the inbox. */
export function registerFollowUpRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  /** May the caller follow this learner up? HR always; the learner's mentor; a manager of their department. */
  const canFollow = async (db: TenantDb, auth: AuthClaims, learner: UserRecord): Promise<boolean> => {
    if ((await getMentorId(db, learner.id)) === auth.userId) return true;
    return leadsUser(db, auth, learner);
  };
  const loadLearner = async (auth: AuthClaims, id: string, needFollow: boolean) => {
    const db = deps.data.clientFor(auth);
    const user = isId(id) ? await getUser(db, id) : null;
    if (!user || (needFollow && user.id !== auth.userId && !(await canFollow(db, auth, user)))) throw notFound('user');
    return { db, user };
  };

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/users/{id}/mentor',
      roles: HR,
      tags: ['follow-up'],
      summary: 'Assign (or remove, with null) a learner’s mentor',
      request: { params: idParams, body: jsonBody(mentorBodySchema) },
      responses: { 200: json(mentorSavedSchema, 'Saved'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { db, user } = await loadLearner(auth, c.req.valid('param').id, false);
      const { mentorId } = c.req.valid('json');
      if (mentorId !== null) {
        const mentor = isId(mentorId) ? await getUser(db, mentorId) : null;
        if (!mentor || mentor.status === 'deactivated') throw notFound('mentor');
        if (mentor.id === user.id)
          throw new ApiError(400, 'validation_error', 'validation_error.self_mentor', [
            { path: 'mentorId', message: 'field.choose_someone_else' },
          ]);
      }
      await setMentor(db, user.id, mentorId, deps.now().toISOString());
      return c.json({ learnerId: user.id, mentorId }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users/{id}/mentor',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'A learner’s current mentor (the learner, their mentor, their manager, HR)',
      request: { params: idParams },
      responses: {
        200: json(mentorInfoSchema, 'Mentor'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { db, user } = await loadLearner(c.get('auth'), c.req.valid('param').id, true);
      const mentorId = await getMentorId(db, user.id);
      const mentor = mentorId ? await getUser(db, mentorId) : null;
      return c.json({ learnerId: user.id, mentor: mentor ? { id: mentor.id, name: mentor.name } : null }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/mentees',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'The people I mentor',
      responses: { 200: json(menteesSchema, 'Mentees'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const ids = await listMentees(db, auth.userId);
      const users = (await Promise.all(ids.map((id) => getUser(db, id)))).filter((u): u is UserRecord => u !== null);
      return c.json({ items: users.map((u) => ({ id: u.id, name: u.name, level: u.level, departmentId: u.departmentId })) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users/{id}/checkins',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'Schedule check-ins for a learner: one, or a series every N weeks',
      request: {
        params: idParams,
        body: jsonBody(checkInScheduleBodySchema),
      },
      responses: { 201: json(checkInListSchema, 'Scheduled'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { db, user } = await loadLearner(auth, c.req.valid('param').id, true);
      if (user.id === auth.userId && auth.role === 'learner') throw new ApiError(403, 'forbidden', 'forbidden.checkin_schedule');
      const { firstDate, everyWeeks, count } = c.req.valid('json');
      const now = deps.now().toISOString();
      const dates = Array.from({ length: count }, (_, i) => addDays(firstDate, i * 7 * (everyWeeks ?? 0)));
      const items = await createCheckIns(
        db,
        [...new Set(dates)].map((dueDate) => ({
          userId: user.id,
          hostId: auth.userId,
          dueDate,
          reflection: null,
          comment: null,
          status: 'scheduled' as const,
          createdAt: now,
        })),
      );
      await notify(deps, db, {
        kind: 'check_in_scheduled',
        learnerId: user.id,
        actorId: auth.userId,
        actorName: await actorName(db, auth.userId),
        dates: items.map((i) => i.dueDate),
      });
      return c.json({ items }, 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users/{id}/checkins',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'A learner’s check-ins (the learner, their mentor, their manager, HR)',
      request: { params: idParams },
      responses: { 200: json(checkInListSchema, 'Check-ins by date'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { db, user } = await loadLearner(c.get('auth'), c.req.valid('param').id, true);
      return c.json({ items: await listCheckInsOfUser(db, user.id) }, 200);
    },
  );

  const note = (path: string, summary: string, field: 'reflection' | 'comment') =>
    app.openapi(
      defineRoute({
        method: 'post',
        path,
        roles: MEMBERS,
        tags: ['follow-up'],
        summary,
        request: { params: idParams, body: jsonBody(checkInNoteBodySchema) },
        responses: { 200: json(checkInSchema, 'Saved'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const auth = c.get('auth');
        const db = deps.data.clientFor(auth);
        const { id } = c.req.valid('param');
        const checkIn: CheckInRecord | null = isId(id) ? await getCheckIn(db, id) : null;
        if (!checkIn) throw notFound('check_in');
        const learner = await getUser(db, checkIn.userId);
        const isLearner = checkIn.userId === auth.userId;
        const follows = learner ? await canFollow(db, auth, learner) : false;
        if (!isLearner && !follows) throw notFound('check_in');
        // The learner writes the reflection; the mentor/manager the comment.
        if (field === 'reflection' && !isLearner) throw new ApiError(403, 'forbidden', 'forbidden.reflection');
        if (field === 'comment' && isLearner) throw new ApiError(403, 'forbidden', 'forbidden.comment');
        const text = c.req.valid('json').text;
        const at = deps.now().toISOString();
        const saved = await writeCheckInNote(db, id, field, field === 'comment' ? { text, at, by: auth.userId } : { text, at });
        if (field === 'comment')
          await notify(deps, db, {
            kind: 'manager_comment',
            checkInId: id,
            learnerId: checkIn.userId,
            actorId: auth.userId,
            actorName: await actorName(db, auth.userId),
            dueDate: checkIn.dueDate,
          });
        return c.json(saved, 200);
      },
    );
  note('/api/checkins/{id}/reflection', 'Write my reflection for a check-in', 'reflection');
  note('/api/checkins/{id}/comment', 'Comment on a learner’s check-in (mentor or manager)', 'comment');

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/inbox',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'My in-app messages (reminders), newest first',
      responses: { 200: json(inboxSchema, 'Inbox'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const items = await listInbox(deps.data.clientFor(auth), auth.userId);
      return c.json({ items, unread: items.filter((m) => !m.read).length }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/inbox/{id}/read',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'Mark a message as read',
      request: { params: idParams },
      responses: { 204: { description: 'Done' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const message = (await listInbox(db, auth.userId, 200)).find((m) => m.id === c.req.valid('param').id);
      if (!message) throw notFound('message');
      await markInboxRead(db, auth.userId, message);
      return c.body(null, 204);
    },
  );
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
