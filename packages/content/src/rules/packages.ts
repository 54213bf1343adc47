import { checkDrawRules } from '@manabi/assessment';
import { LEVELS, type Level } from '@manabi/core';
import { isAdaptiveType } from '@manabi/questions';
import type { ContentRules } from '../config.js';
import { adjacentLevels, PLACEMENT, type PackageSource } from '../package.js';
import type { LoadedPackage } from '../package-source.js';
import type { CatalogItem } from '../item.js';
import { frameworkSkills, type Failure } from '../source.js';

/** What one level's package holds (the figures content:check prints). */
export interface PackageFigures {
  lessons: number;
  lesson_minutes: number;
  quizzes: number;
  ojt: number;
  sessions: number;
  placement_levels: Level[];
  /** Items the placement test can choose from. */
  placement_pool: number;
}

/** The skills (their tags) the default framework requires at a level: what its placement test measures. */
export function requiredSkillTags(level: Level): string[] {
  return frameworkSkills()
    .filter((s) => s.required[level] !== undefined)
    .map((s) => s.tag);
}

const sections = (markdown: string): number => (markdown.match(/^## /gm) ?? []).length;

/**
 * The level packages against the catalog: one per level; lessons 5–10 minutes with the same
 * sections in both languages; skill tags of the framework; every quiz's draws met by the bank
 * at the package's level; one placement test, first, whose pool (the level's required skills at
 * the level and its neighbours) holds more items than the test can ask.
 */
export function checkPackages(
  packages: readonly LoadedPackage[],
  items: readonly CatalogItem[],
  rules: Pick<ContentRules, 'packageLessonMinutes'>,
): { failures: Failure[]; figures: Partial<Record<Level, PackageFigures>> } {
  const failures: Failure[] = [];
  const figures: Partial<Record<Level, PackageFigures>> = {};
  const tags = new Set(frameworkSkills().map((s) => s.tag));
  const scored = items.filter((i) => isAdaptiveType(i.question.type));

  for (const level of LEVELS)
    if (!packages.some((p) => p.source.level === level))
      failures.push({ rule: 'package_coverage', where: level, message: `no package for ${level} (content/packages/${level}.yaml)` });

  for (const { file, source } of packages) {
    const level = source.level;
    const fail = (where: string, message: string, rule = 'package') => failures.push({ rule, where: `${file}${where}`, message });
    const seen = new Set<string>();
    source.modules.forEach((m, i) => {
      const where = ` modules.${i} (${m.id})`;
      if (seen.has(m.id)) fail(where, `duplicate module id "${m.id}"`);
      seen.add(m.id);
      for (const tag of m.skillTags) if (!tags.has(tag)) fail(where, `skillTags: "${tag}" is not a skill of the default framework`);
      if (m.kind === 'lesson') {
        const { min, max } = rules.packageLessonMinutes;
        if (m.estimatedMinutes < min || m.estimatedMinutes > max)
          fail(where, `a lesson takes ${min}–${max} minutes (estimatedMinutes: ${m.estimatedMinutes}); split a longer one`);
        if (sections(m.body.ja) !== sections(m.body.en))
          fail(where, `the Japanese body has ${sections(m.body.ja)} sections (## ), the English ${sections(m.body.en)}`);
      }
      if (m.kind === 'quiz') {
        for (const d of m.draws) if (!tags.has(d.skill)) fail(where, `draws: "${d.skill}" is not a skill of the default framework`);
        const pool = scored.map((it) => ({ id: it.id, skills: it.question.skillTags, level: it.question.level ?? null }));
        for (const s of checkDrawRules(
          pool,
          m.draws.map((d) => ({ skill: d.skill, level, count: d.count })),
        ))
          fail(where, `draws.${s.rule}: ${s.wanted} ${s.skill} items at ${level} wanted, the catalog has ${s.available}`, 'package_draws');
      }
      if (m.kind === 'placement' && i !== 0) fail(where, 'the placement test is the first module (taken before the lessons)');
    });
    const placements = source.modules.filter((m) => m.kind === 'placement').length;
    if (placements !== 1) fail('', `a level package has one placement test (it has ${placements})`);
    for (const kind of ['lesson', 'quiz', 'ojt'] as const)
      if (!source.modules.some((m) => m.kind === kind)) fail('', `a level package has at least one ${kind} module`);

    const placementLevels = adjacentLevels(level);
    const skills = requiredSkillTags(level);
    const placementPool = scored.filter(
      (it) => placementLevels.includes(it.question.level!) && it.question.skillTags.some((t) => skills.includes(t)),
    ).length;
    if (placements > 0 && placementPool < PLACEMENT.maxItems)
      fail('', `the placement test can ask ${PLACEMENT.maxItems} items; the catalog has ${placementPool}`, 'package_draws');
    figures[level] = figuresOf(source, placements > 0 ? placementLevels : [], placementPool);
  }
  return { failures, figures };
}

function figuresOf(source: PackageSource, placementLevels: Level[], placementPool: number): PackageFigures {
  const lessons = source.modules.filter((m) => m.kind === 'lesson');
  return {
    lessons: lessons.length,
    lesson_minutes: lessons.reduce((n, m) => n + m.estimatedMinutes, 0),
    quizzes: source.modules.filter((m) => m.kind === 'quiz').length,
    ojt: source.modules.filter((m) => m.kind === 'ojt').length,
    sessions: source.modules.filter((m) => m.kind === 'session').length,
    placement_levels: placementLevels,
    placement_pool: placementPool,
  };
}
