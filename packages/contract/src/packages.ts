import { z } from '@hono/zod-openapi';
import { LEVELS } from '@manabi/core';
import { moduleSchema, packageSchema } from '@manabi/upskilling';
import { audienceViewSchema, localizedTextSchema } from './text.js';
import { checkedByDomain } from './common.js';

/** A learning package as authors write it (the domain's own schema: the edge checks what the domain checks). */
export { packageSchema as learningPackageSchema };

export const packageOwnerSchema = z.enum(['tenant', 'catalog', 'vendor']);

export const packageSummarySchema = z
  .object({
    id: z.string(),
    owner: packageOwnerSchema,
    title: localizedTextSchema,
    description: localizedTextSchema,
    level: z.enum(LEVELS),
    audience: audienceViewSchema.optional(),
    moduleCount: z.number().int(),
    totalMinutes: z.number(),
    clonedFrom: z.string().nullable(),
    rev: z.number().int(),
    updatedAt: z.string().optional(),
  })
  .openapi('PackageSummary');

export const packageListSchema = z.object({ items: z.array(packageSummarySchema) }).openapi('PackageList');

/** A package with its summary: what reading, creating, cloning and saving one answer. */
export const packageDetailSchema = packageSummarySchema.extend({ package: packageSchema }).openapi('PackageDetail');

export type LearningPackageInput = z.input<typeof packageSchema>;

/** Saving a package: the package is checked by `packageSchema` once the route has found it. */
export const packageSaveBodySchema = z.object({
  package: checkedByDomain<LearningPackageInput>('A learning package (the shape of PackageDetail.package)'),
  expectedRev: z.number().int().min(1),
});

export const completionRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('read_to_end') }),
  z.object({ rule: z.literal('viewed'), minutes: z.number() }),
  z.object({ rule: z.literal('self') }),
  z.object({ rule: z.literal('quiz_passed') }),
  z.object({ rule: z.literal('scorm_completed') }),
  z.object({ rule: z.literal('scorm_passed') }),
  z.object({ rule: z.literal('signed_off') }),
  z.object({ rule: z.literal('attended') }),
]);

export const moduleStatusSchema = z.object({
  moduleId: z.string(),
  kind: z.enum(['lesson', 'scorm', 'quiz', 'ojt', 'session']),
  rule: completionRuleSchema,
  done: z.boolean(),
  completedAt: z.string().nullable(),
  /** A viewing-time lesson, in the learner's own view: time counted so far and whole minutes left. */
  viewedSeconds: z.number().int().optional(),
  remainingMinutes: z.number().int().optional(),
});

export const packageProgressSchema = z
  .object({
    modules: z.array(moduleStatusSchema),
    done: z.number().int(),
    total: z.number().int(),
    percent: z.number(),
    status: z.enum(['not_started', 'in_progress', 'completed']),
    overdue: z.boolean(),
  })
  .openapi('PackageProgress');

/** An assignment with its package and progress; `package` and `progress` are null when the package is gone. */
export const assignmentViewSchema = z
  .object({
    packageId: z.string(),
    userId: z.string(),
    dueDate: z.string().nullable(),
    assignedAt: z.string(),
    via: z.string(),
    package: z.object({ title: localizedTextSchema, level: z.enum(LEVELS), modules: z.array(moduleSchema) }).nullable(),
    progress: packageProgressSchema.nullable(),
  })
  .openapi('AssignmentView');

/** Where the learner stopped in an assignment: the module last opened and how far down its text (0–1). */
export const learningResumeSchema = z.object({ moduleId: z.string(), position: z.number(), at: z.string() });

/** The learner's own view of an assignment: with viewing time per lesson and where they stopped. */
export const myAssignmentSchema = assignmentViewSchema.extend({ resume: learningResumeSchema.nullable() }).openapi('MyAssignmentView');

export const myAssignmentListSchema = z.object({ items: z.array(myAssignmentSchema) }).openapi('MyAssignments');
export const assignmentListSchema = z.object({ items: z.array(assignmentViewSchema) }).openapi('UserAssignments');

export const packageAssigneeSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), departmentId: z.string().nullable(), level: z.enum(LEVELS).nullable() }).nullable(),
  dueDate: z.string().nullable(),
  via: z.string(),
  progress: packageProgressSchema.nullable(),
});
export const packageAssigneesSchema = z.object({ items: z.array(packageAssigneeSchema) }).openapi('PackageAssignments');

export const heartbeatBodySchema = z.object({
  view: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,40}$/)
    .openapi({ description: 'One id per opening of the reader' }),
  seq: z.number().int().min(1).max(1_000_000).openapi({ description: 'The beat’s running number within the view' }),
});

export const heartbeatSchema = z
  .object({
    moduleId: z.string(),
    viewedSeconds: z.number().int(),
    remainingMinutes: z.number().int(),
    done: z.boolean(),
    assignment: myAssignmentSchema.nullable(),
  })
  .openapi('Heartbeat');

export const resumeBodySchema = z
  .object({ moduleId: z.string().regex(/^[a-z0-9-]{1,40}$/), position: z.number().min(0).max(1) })
  .openapi('ResumeInput');

export const moduleParams = z.object({
  packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }),
  moduleId: z.string().openapi({ param: { name: 'moduleId', in: 'path' } }),
});
export const packageParams = z.object({ packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }) });
