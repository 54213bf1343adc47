import { z } from 'zod';
import { LEVELS, levelSchema, type Level } from '@manabi/core';
import type { LearningPackageInput } from '@manabi/upskilling';
import { storedIdOf } from './item.js';

/**
 * A level package as written in content/packages/<level>.yaml: the modules of a learning package
 * (lesson, quiz, OJT, session) in both languages, plus a `placement` module. Quiz modules name
 * only their draws per skill: the loader points them at the catalog bank and at the package's
 * level, so an author cannot draw from the wrong bank or level by mistake.
 */
const text = (max: number) =>
  z
    .object({
      ja: z.string().trim().min(1, { message: 'the Japanese text is missing' }).max(max),
      en: z.string().trim().min(1, { message: 'the English text is missing' }).max(max),
    })
    .strict();
const moduleId = z.string().regex(/^[a-z0-9-]{1,40}$/, { message: 'id: 1-40 lower-case letters, digits, -' });
const common = {
  id: moduleId,
  title: text(300),
  estimatedMinutes: z.number().int().min(1).max(600),
  skillTags: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
};

export const packageModuleSourceSchema = z.discriminatedUnion('kind', [
  /** Short e-learning: key points, a concrete example, a checklist. */
  z.object({ ...common, kind: z.literal('lesson'), body: text(20_000) }).strict(),
  /** A fixed quiz drawn from the catalog bank at the package's level. */
  z
    .object({
      ...common,
      kind: z.literal('quiz'),
      draws: z.array(z.object({ skill: z.string().trim().min(1).max(100), count: z.number().int().min(1).max(50) }).strict()).min(1),
      passMark: z.number().min(0).max(100).default(60),
      timeLimitMinutes: z.number().int().min(1).max(600).default(15),
    })
    .strict(),
  /**
   * The adaptive placement test: the skills the default framework requires at the level, at the
   * level and the adjacent ones (see `adjacentLevels`); its settings are `PLACEMENT`.
   */
  z.object({ ...common, kind: z.literal('placement') }).strict(),
  /** A task done at work and signed off by the manager. */
  z.object({ ...common, kind: z.literal('ojt'), instructions: text(20_000) }).strict(),
  /** A training session (online or in person); HR sets the date and place in its copy. */
  z.object({ ...common, kind: z.literal('session'), format: z.enum(['online', 'in_person']) }).strict(),
]);
export type PackageModuleSource = z.infer<typeof packageModuleSourceSchema>;

export const packageSourceSchema = z
  .object({
    level: levelSchema,
    title: text(300),
    description: text(20_000),
    modules: z.array(packageModuleSourceSchema).min(1).max(50),
  })
  .strict();
export type PackageSource = z.infer<typeof packageSourceSchema>;

/** How the placement test of every level package runs (one place, so all six behave alike). */
export const PLACEMENT = {
  minItems: 10,
  maxItems: 20,
  /** Stops once the ability is known to ±0.35 logits (about one band), usually within 15 items. */
  seTarget: 0.35,
  timeLimitMinutes: 30,
  /** Band 1: the module is done once the test is taken (placement measures, nobody fails it). */
  passMark: 1,
} as const;

/** The level and its neighbours on the ladder (junior: new_hire, junior, mid). */
export function adjacentLevels(level: Level): Level[] {
  const i = LEVELS.indexOf(level);
  return LEVELS.filter((_l, j) => Math.abs(j - i) <= 1);
}

/** The stored id of a level's catalog package: derived, so publishing again updates the same package. */
export const packageStoredIdOf = (level: Level): string => storedIdOf(`package-${level}`);

/**
 * The learning package a source stands for, its quizzes pointed at the catalog bank: fixed draws
 * at the package's level, the placement test adaptive over `placementSkills` at the adjacent levels.
 */
export function toLearningPackage(source: PackageSource, bankId: string, placementSkills: readonly string[]): LearningPackageInput {
  const bankIds = [`catalog:${bankId}`];
  return {
    title: source.title,
    description: source.description,
    level: source.level,
    audience: { levels: [source.level] },
    modules: source.modules.map((m) => {
      const base = { id: m.id, title: m.title, estimatedMinutes: m.estimatedMinutes, skillTags: m.skillTags };
      switch (m.kind) {
        case 'lesson':
          return { ...base, kind: 'lesson', body: m.body, completion: { rule: 'read_to_end' } };
        case 'quiz':
          return {
            ...base,
            kind: 'quiz',
            template: {
              bankIds,
              draws: m.draws.map((d) => ({ skill: d.skill, level: source.level, count: d.count })),
              passMark: m.passMark,
              timeLimitMinutes: m.timeLimitMinutes,
            },
          };
        case 'placement':
          return {
            ...base,
            // It measures every skill the level requires; the module says so unless the author narrowed the tags.
            skillTags: m.skillTags.length > 0 ? m.skillTags : [...placementSkills],
            kind: 'quiz',
            template: {
              bankIds,
              adaptive: {
                skills: [...placementSkills],
                levels: adjacentLevels(source.level),
                minItems: PLACEMENT.minItems,
                maxItems: PLACEMENT.maxItems,
                seTarget: PLACEMENT.seTarget,
              },
              passMark: PLACEMENT.passMark,
              timeLimitMinutes: PLACEMENT.timeLimitMinutes,
            },
          };
        case 'ojt':
          return { ...base, kind: 'ojt', instructions: m.instructions };
        case 'session':
          return { ...base, kind: 'session', format: m.format, startsAt: null, place: null };
      }
    }),
  };
}
