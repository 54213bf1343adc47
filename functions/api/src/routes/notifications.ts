import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import { getNotificationPreferences, getUser, putNotificationPreferences } from '@manabi/data';
import { EMAIL_DELIVERIES, effectivePreferences, kindsFor, NOTIFICATION_KINDS, type NotificationPreferences } from '@manabi/upskilling';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';

const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
const delivery = z.enum(EMAIL_DELIVERIES);
const preferencesView = z
  .object({
    items: z.array(z.object({ kind: z.enum(NOTIFICATION_KINDS), email: delivery, default: delivery })),
  })
  .openapi('NotificationPreferences', { description: 'Per kind: the email delivery in force and the role’s default' });

/** Each person chooses, per kind, whether a notification is also emailed: at once, in the daily digest, or not. */
export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/notification-preferences',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'My email choices per notification kind (the inbox always shows everything)',
      responses: { 200: json(preferencesView, 'Preferences'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const stored = (await getNotificationPreferences(deps.data.clientFor(auth), auth.userId)) as NotificationPreferences;
      return c.json({ items: effectivePreferences(auth.role, stored) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/me/notification-preferences',
      roles: MEMBERS,
      tags: ['follow-up'],
      summary: 'Choose, per kind, immediate email, the daily digest, or no email',
      request: { body: jsonBody(z.object({ email: z.partialRecord(z.enum(NOTIFICATION_KINDS), delivery) })) },
      responses: { 200: json(preferencesView, 'Saved'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      if (!(await getUser(db, auth.userId))) throw notFound('user');
      const { email } = c.req.valid('json');
      const allowed = new Set<string>(kindsFor(auth.role));
      const foreign = Object.keys(email).filter((k) => !allowed.has(k));
      if (foreign.length > 0)
        throw new ApiError(
          400,
          'validation_error',
          'validation_error.not_your_notification',
          foreign.map((k) => ({ path: `email.${k}`, message: 'field.not_your_notification' as const })),
        );
      await putNotificationPreferences(db, auth.userId, email, deps.now().toISOString());
      return c.json({ items: effectivePreferences(auth.role, email as NotificationPreferences) }, 200);
    },
  );
}
