import { z } from '@hono/zod-openapi';
import { isoDateSchema, LEVELS } from '@manabi/core';
import { localizedTextSchema } from './text.js';

export const mentorBodySchema = z.object({ mentorId: z.string().max(40).nullable() });
export const mentorSavedSchema = z.object({ learnerId: z.string(), mentorId: z.string().nullable() });
export const mentorInfoSchema = z.object({ learnerId: z.string(), mentor: z.object({ id: z.string(), name: z.string() }).nullable() });

export const menteesSchema = z
  .object({
    items: z.array(z.object({ id: z.string(), name: z.string(), level: z.enum(LEVELS).nullable(), departmentId: z.string().nullable() })),
  })
  .openapi('Mentees');

export const checkInSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    hostId: z.string().nullable(),
    dueDate: z.string(),
    reflection: z.object({ text: z.string(), at: z.string() }).nullable(),
    comment: z.object({ text: z.string(), at: z.string(), by: z.string() }).nullable(),
    status: z.enum(['scheduled', 'done']),
    createdAt: z.string(),
  })
  .openapi('CheckIn');
export const checkInListSchema = z.object({ items: z.array(checkInSchema) }).openapi('CheckIns');

export const checkInScheduleBodySchema = z.object({
  firstDate: isoDateSchema,
  everyWeeks: z.number().int().min(1).max(26).optional(),
  count: z.number().int().min(1).max(26).default(1),
});
export const checkInNoteBodySchema = z.object({ text: z.string().trim().min(1).max(5000) });

export const inboxMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: localizedTextSchema,
  body: localizedTextSchema,
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export const inboxSchema = z.object({ items: z.array(inboxMessageSchema), unread: z.number().int() }).openapi('Inbox');
