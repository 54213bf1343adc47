import { LEVELS, type Level } from '@manabi/core';
import { CONTENT_RULES, type ContentRules, type CoverageMode } from './config.js';
import { checkBilingual } from './rules/bilingual.js';
import { similarPairs } from './rules/duplicates.js';
import { checkKey, keyPosition } from './rules/keys.js';
import { letterReferences } from './rules/letters.js';
import { checkPackages, type PackageFigures } from './rules/packages.js';
import type { LoadedPackages } from './package-source.js';
import { frameworkSkills, type Failure, type LoadedCatalog, type LoadedItem } from './source.js';

export interface ContentReport {
  ok: boolean;
  coverage: CoverageMode;
  items: number;
  items_by_level: Record<string, number>;
  items_by_type: Record<string, number>;
  /** Skill tags in use. */
  skills: number;
  /** The smallest count over the (level, skill) cells the framework requires (0 when one is empty). */
  min_items_per_skill: number;
  /** Items per level and skill tag, for every cell the framework requires (the coverage table). */
  items_by_level_skill: Record<string, Record<string, number>>;
  scenario_share_junior_plus: number;
  scenario_share_by_level: Record<string, number>;
  near_duplicate_pairs: number;
  max_key_position_share: number;
  /** The level packages (content/packages), per level; absent when only the items were checked. */
  packages?: Partial<Record<Level, PackageFigures>>;
  /** Failures that make the check fail. */
  failures: Failure[];
  /** Coverage shortfalls when coverage is only reported. */
  coverage_gaps: Failure[];
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const whereOf = (item: LoadedItem): string => `${item.file}#${item.index} (${item.id})`;

/** Runs every rule over a loaded catalog. Pure: the CLI reads the folder and prints the result. */
export function checkCatalog(catalog: LoadedCatalog, mode: CoverageMode = 'enforce', rules: ContentRules = CONTENT_RULES): ContentReport {
  const { items } = catalog;
  const failures: Failure[] = [...catalog.failures];

  // Ids: the stored question is derived from the id, so a repeated id would overwrite another item.
  const seen = new Map<string, LoadedItem>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) failures.push({ rule: 'id', where: whereOf(item), message: `duplicate id (also ${first.file}#${first.index})` });
    else seen.set(item.id, item);
  }

  for (const item of items) {
    const where = whereOf(item);
    failures.push(...checkBilingual(item, where), ...checkKey(item, where));
    for (const locale of ['ja', 'en'] as const) {
      const texts = [
        item.question.explanation?.[locale],
        item.question.feedback?.correct?.[locale],
        item.question.feedback?.incorrect?.[locale],
      ];
      for (const text of texts) {
        const found = text ? letterReferences(text, locale) : [];
        if (found.length > 0)
          failures.push({
            rule: 'option_letter',
            where,
            message: `${locale} explanation refers to an option by letter or position: ${found.join(' / ')}`,
          });
      }
    }
  }

  const pairs = similarPairs(
    items.map((i) => [i.question.stem.ja ?? '', i.question.stem.en ?? '']),
    rules.nearDuplicate.n,
    rules.nearDuplicate.threshold,
  );
  for (const p of pairs)
    failures.push({
      rule: 'near_duplicate',
      where: whereOf(items[p.a]!),
      message: `stem is ${Math.round(p.similarity * 100)} % similar to ${whereOf(items[p.b]!)}`,
    });

  const count = <K extends string>(keyOf: (i: LoadedItem) => K[]): Record<K, number> => {
    const out = {} as Record<K, number>;
    for (const item of items) for (const k of keyOf(item)) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const itemsByLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  Object.assign(
    itemsByLevel,
    count((i) => [i.question.level!]),
  );
  const itemsByType = count((i) => [i.question.type]);

  // Key positions per level.
  let maxPositionShare = 0;
  for (const level of LEVELS) {
    const positions = items
      .filter((i) => i.question.level === level)
      .map(keyPosition)
      .filter((p): p is number => p !== null);
    if (positions.length === 0) continue;
    const byPosition = new Map<number, number>();
    for (const p of positions) byPosition.set(p, (byPosition.get(p) ?? 0) + 1);
    const [top, n] = [...byPosition.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const s = share(n, positions.length);
    if (positions.length < rules.minKeysForPositionRule) continue;
    maxPositionShare = Math.max(maxPositionShare, s);
    if (s > rules.maxKeyPositionShare)
      failures.push({
        rule: 'key_position',
        where: level,
        message: `${Math.round(s * 100)} % of the ${positions.length} single-choice keys are option ${top + 1} as written (max ${rules.maxKeyPositionShare * 100} %)`,
      });
  }

  // Coverage.
  const gaps: Failure[] = [];
  const table: Record<string, Record<string, number>> = {};
  let minPerSkill = Number.POSITIVE_INFINITY;
  for (const level of LEVELS) {
    table[level] = {};
    if (itemsByLevel[level] < rules.minItemsPerLevel)
      gaps.push({ rule: 'coverage', where: level, message: `${itemsByLevel[level]} items (at least ${rules.minItemsPerLevel})` });
    for (const skill of frameworkSkills()) {
      if (skill.required[level] === undefined) continue;
      const n = items.filter((i) => i.question.level === level && i.question.skillTags.includes(skill.tag)).length;
      table[level]![skill.tag] = n;
      minPerSkill = Math.min(minPerSkill, n);
      if (n < rules.minItemsPerSkill)
        gaps.push({
          rule: 'coverage',
          where: `${level}/${skill.id}`,
          message: `${n} items tagged ${skill.tag} (at least ${rules.minItemsPerSkill})`,
        });
    }
  }
  const scenarioByLevel: Record<string, number> = {};
  for (const level of rules.scenarioLevels) {
    const atLevel = items.filter((i) => i.question.level === level);
    scenarioByLevel[level] = share(atLevel.filter((i) => i.scenario).length, atLevel.length);
    if (scenarioByLevel[level]! < rules.minScenarioShare)
      gaps.push({
        rule: 'coverage',
        where: level,
        message: `${Math.round(scenarioByLevel[level]! * 100)} % scenario items (at least ${rules.minScenarioShare * 100} %)`,
      });
  }
  const juniorPlus = items.filter((i) => rules.scenarioLevels.includes(i.question.level!));

  if (mode === 'enforce') failures.push(...gaps);
  return {
    ok: failures.length === 0,
    coverage: mode,
    items: items.length,
    items_by_level: itemsByLevel,
    items_by_type: itemsByType,
    skills: new Set(items.flatMap((i) => i.question.skillTags)).size,
    min_items_per_skill: Number.isFinite(minPerSkill) ? minPerSkill : 0,
    items_by_level_skill: table,
    scenario_share_junior_plus: share(juniorPlus.filter((i) => i.scenario).length, juniorPlus.length),
    scenario_share_by_level: scenarioByLevel,
    near_duplicate_pairs: pairs.length,
    max_key_position_share: maxPositionShare,
    failures,
    coverage_gaps: mode === 'report' ? gaps : [],
  };
}

/** The items and the level packages built on them: one report, one verdict. */
export function checkContent(
  catalog: LoadedCatalog,
  packages: LoadedPackages,
  mode: CoverageMode = 'enforce',
  rules: ContentRules = CONTENT_RULES,
): ContentReport {
  const report = checkCatalog(catalog, mode, rules);
  const checked = checkPackages(packages.packages, catalog.items, rules);
  const failures = [...report.failures, ...packages.failures, ...checked.failures];
  return { ...report, ok: failures.length === 0, packages: checked.figures, failures };
}
