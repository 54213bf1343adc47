import { z } from 'zod';
import { audienceSchema, levelSchema } from '@manabi/core';

/** HR-authored text: Japanese and/or English (at least one; the UI falls back to the other). */
const bilingual = (max: number) =>
  z
    .object({ ja: z.string().trim().min(1).max(max).optional(), en: z.string().trim().min(1).max(max).optional() })
    .refine((t) => t.ja !== undefined || t.en !== undefined, { message: 'Japanese or English text is required' });
const localizedTextSchema = bilingual(300);
const longTextSchema = bilingual(20_000);

const moduleId = z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'Module id: 1-40 lower-case letters, digits, -' });
const minutes = z.number().int().min(1).max(600);
const tags = z.array(z.string().trim().min(1).max(100)).max(20).default([]);

/** A quiz module names an assessment of the company, or a template that becomes one when the package is created. */
export const quizTemplateSchema = z
  .object({
    /** Tenant bank ids or `catalog:<id>`. */
    bankIds: z.array(z.string().min(1).max(80)).min(1),
    /** A fixed quiz: so many questions per skill (of one level, when `level` is given). */
    draws: z
      .array(z.object({ skill: z.string().trim().min(1).max(100), level: levelSchema.optional(), count: z.number().int().min(1).max(50) }))
      .default([]),
    /**
     * Or an adaptive test (a placement test): items of these skills and levels, picked by ability.
     * Its pass mark is a proficiency band 1–5 (1: done once taken).
     */
    adaptive: z
      .object({
        skills: z.array(z.string().trim().min(1).max(100)).min(1).max(30),
        levels: z.array(levelSchema).min(1).max(6),
        minItems: z.number().int().min(1).max(100),
        maxItems: z.number().int().min(1).max(200),
        seTarget: z.number().min(0.1).max(1.5),
      })
      .optional(),
    passMark: z.number().min(0).max(100).default(60),
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
  })
  .superRefine((t, ctx) => {
    if (!t.adaptive && t.draws.length === 0)
      ctx.addIssue({ code: 'custom', path: ['draws'], message: 'A quiz template needs draws or adaptive settings' });
    if (t.adaptive && t.draws.length > 0)
      ctx.addIssue({ code: 'custom', path: ['draws'], message: 'An adaptive template draws by ability, not by fixed draws' });
    if (t.adaptive && (t.passMark < 1 || t.passMark > 5))
      ctx.addIssue({ code: 'custom', path: ['passMark'], message: 'For an adaptive test the pass mark is a band 1–5' });
  });

const common = { id: moduleId, title: localizedTextSchema, estimatedMinutes: minutes, skillTags: tags };

/**
 * How a lesson counts as done. Reading to the end is the default; a minimum viewing time is
 * measured by the server; the learner's own "done" button exists only where the author chose it.
 */
export const lessonCompletionSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('read_to_end') }),
  z.object({ rule: z.literal('viewed'), minutes: z.number().int().min(1).max(120) }),
  z.object({ rule: z.literal('self') }),
]);
export type LessonCompletion = z.infer<typeof lessonCompletionSchema>;

/** A SCORM module counts as done when the package reports completed, or only when it reports passed. */
export const scormCompletionSchema = z.enum(['completed', 'passed']);

/** The means of training a package mixes (e-learning, SCORM courses, quizzes, OJT, training sessions). */
export const moduleSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('lesson'),
    body: longTextSchema,
    completion: lessonCompletionSchema.default({ rule: 'read_to_end' }),
  }),
  z.object({
    ...common,
    kind: z.literal('scorm'),
    /** A SCORM package the company (or its vendor) uploaded. */
    scormPackageId: z.string().min(1).max(80),
    completion: scormCompletionSchema.default('completed'),
  }),
  z.object({
    ...common,
    kind: z.literal('quiz'),
    assessmentId: z.string().min(1).max(40).optional(),
    template: quizTemplateSchema.optional(),
  }),
  z.object({ ...common, kind: z.literal('ojt'), instructions: longTextSchema }),
  z.object({
    ...common,
    kind: z.literal('session'),
    format: z.enum(['online', 'in_person']),
    startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
    place: z.string().trim().max(200).nullable().default(null),
  }),
]);
export type PackageModule = z.infer<typeof moduleSchema>;
export type ModuleKind = PackageModule['kind'];

/** A level-based package (階層別研修): short modules for one level of the ladder. */
export const packageSchema = z
  .object({
    title: localizedTextSchema,
    description: longTextSchema,
    level: levelSchema,
    /** Who the package is for; missing (packages from before audiences) means everyone. */
    audience: audienceSchema.optional(),
    modules: z.array(moduleSchema).min(1).max(50),
  })
  .superRefine((p, ctx) => {
    const ids = p.modules.map((m) => m.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['modules', i, 'id'], message: `Duplicate module id "${id}"` });
    });
    p.modules.forEach((m, i) => {
      if (m.kind === 'quiz' && !m.assessmentId && !m.template) {
        ctx.addIssue({ code: 'custom', path: ['modules', i], message: 'A quiz module needs an assessment or a template' });
      }
    });
  });
export type LearningPackage = z.infer<typeof packageSchema>;
export type LearningPackageInput = z.input<typeof packageSchema>;

/** How a module was completed: by its rule (lesson, SCORM), passed (quiz), signed off (OJT), attended (session). */
export interface ModuleCompletion {
  at: string;
  by: string;
}

/** The rule that completes a module, as learners and HR are told it. */
export type CompletionRule =
  | { rule: 'read_to_end' }
  | { rule: 'viewed'; minutes: number }
  | { rule: 'self' }
  | { rule: 'quiz_passed' }
  | { rule: 'scorm_completed' }
  | { rule: 'scorm_passed' }
  | { rule: 'signed_off' }
  | { rule: 'attended' };

export function completionRuleOf(module: PackageModule): CompletionRule {
  switch (module.kind) {
    case 'lesson':
      // Packages stored before rules existed have none: they read to the end like new ones.
      return (module.completion as LessonCompletion | undefined) ?? { rule: 'read_to_end' };
    case 'scorm':
      return { rule: module.completion === 'passed' ? 'scorm_passed' : 'scorm_completed' };
    case 'quiz':
      return { rule: 'quiz_passed' };
    case 'ojt':
      return { rule: 'signed_off' };
    case 'session':
      return { rule: 'attended' };
  }
}

export interface ModuleStatus {
  moduleId: string;
  kind: ModuleKind;
  rule: CompletionRule;
  done: boolean;
  completedAt: string | null;
}

export interface PackageProgress {
  modules: ModuleStatus[];
  done: number;
  total: number;
  percent: number;
  status: 'not_started' | 'in_progress' | 'completed';
  /** Not completed and the due date has passed (Japan date). */
  overdue: boolean;
}

/**
 * Progress of one assignment. Quiz modules are done when the learner has passed the quiz (from
 * their results, passed in as `passedAssessments`); the others when recorded as completed.
 */
export function packageProgress(
  pkg: Pick<LearningPackage, 'modules'>,
  completions: Readonly<Record<string, ModuleCompletion>>,
  passedAssessments: ReadonlyMap<string, string>,
  dueDate: string | null,
  today: string,
): PackageProgress {
  const modules = pkg.modules.map((m) => {
    const passedAt = m.kind === 'quiz' && m.assessmentId ? (passedAssessments.get(m.assessmentId) ?? null) : null;
    const completion = completions[m.id];
    const completedAt = passedAt ?? completion?.at ?? null;
    return { moduleId: m.id, kind: m.kind, rule: completionRuleOf(m), done: completedAt !== null, completedAt };
  });
  const done = modules.filter((m) => m.done).length;
  const total = modules.length;
  const status = done === 0 ? 'not_started' : done === total ? 'completed' : 'in_progress';
  return {
    modules,
    done,
    total,
    percent: Math.floor((100 * done) / total),
    status,
    overdue: status !== 'completed' && dueDate !== null && dueDate < today,
  };
}
