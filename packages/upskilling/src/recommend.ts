import { LEVEL_LABELS, LEVELS, type Level } from '@manabi/core';
import type { SkillGap } from './gap.js';
import type { LocalizedText } from './text.js';

/** The learner's latest result in one skill, from an attempt's per-skill breakdown. */
export interface LatestSkillResult {
  /** Skill id or tag (`name.ja`), as results carry the tag. */
  skill: string;
  percent: number;
  date?: string;
}

export interface CatalogModule {
  id: string;
  title: LocalizedText;
  /** Skill ids or tags the module develops. */
  skills: readonly string[];
  estimatedMinutes: number;
  /** The level the module is written for; `null` when it suits any level. */
  level?: Level | null;
  /**
   * What the module is, whichever package it sits in (a quiz's assessment, or a package module
   * and its copies): modules with the same key are suggested once. Defaults to `id`.
   */
  contentKey?: string;
}

export interface RecommendOptions {
  /** The learner's level, for the requirement named in the reason and for module fit. */
  level: Level;
  /** At most this many modules per skill (default 2), so one weak skill does not crowd out the rest. */
  maxPerSkill?: number;
  /** At most this many in all (default 10). */
  limit?: number;
  /** A latest result below this percent counts as weak even without a gap (default 60, where proficiency 3 starts). */
  weakPercent?: number;
}

export interface RecommendationReason {
  kind: 'gap' | 'weak_result' | 'gap_and_weak_result';
  skillId: string;
  skillName: LocalizedText;
  level: Level;
  required: number;
  current: number | null;
  gap: number;
  latestPercent: number | null;
}

export interface Recommendation {
  moduleId: string;
  /** The highest-ranked skill it was picked for. */
  skillId: string;
  estimatedMinutes: number;
  /** Higher first; feed straight into `scheduleWeeks`. */
  priority: number;
  reason: RecommendationReason;
  reasonText: LocalizedText;
  /** Every qualifying skill the module builds, highest-ranked first (`reason` is the first). */
  reasons: RecommendationReason[];
  reasonTexts: LocalizedText[];
}

export const DEFAULT_MAX_PER_SKILL = 2;
export const DEFAULT_RECOMMENDATION_LIMIT = 10;
export const DEFAULT_WEAK_PERCENT = 60;

/**
 * Modules for the learner's weakest skills.
 *
 * Skills qualify with a gap above 0 or a latest result below `weakPercent`. They are ranked by gap
 * (largest first), then latest result (lowest first; none after any), then the order of `gaps`
 * (framework order from `skillGaps`). Per skill, modules written for the learner's level come
 * first, then level-free ones, then the nearest other level; then shorter; then id. A module
 * already assigned or done is never suggested (by id or content key). A module appears once: when
 * it (or a copy with the same content key) builds several qualifying skills, it is suggested for
 * the highest-ranked one and lists every skill's reason.
 */
export function recommend(
  gaps: readonly SkillGap[],
  latestSkillResults: readonly LatestSkillResult[],
  catalogModules: readonly CatalogModule[],
  alreadyAssigned: Iterable<string>,
  options: RecommendOptions,
): Recommendation[] {
  const maxPerSkill = options.maxPerSkill ?? DEFAULT_MAX_PER_SKILL;
  const limit = options.limit ?? DEFAULT_RECOMMENDATION_LIMIT;
  const weakPercent = options.weakPercent ?? DEFAULT_WEAK_PERCENT;
  const excluded = new Set(alreadyAssigned);

  const candidates = gaps
    .map((gap, order) => ({ gap, order, latest: latestResult(gap, latestSkillResults) }))
    .filter(({ gap, latest }) => gap.gap > 0 || (latest !== null && latest < weakPercent))
    .sort((a, b) => b.gap.gap - a.gap.gap || (a.latest ?? Infinity) - (b.latest ?? Infinity) || a.order - b.order);

  const keyOf = (m: CatalogModule) => m.contentKey ?? m.id;
  const builds = (m: CatalogModule, gap: SkillGap) => m.skills.some((s) => s === gap.skillId || s === gap.name.ja);
  const picked: (Omit<Recommendation, 'priority' | 'reasonText' | 'reasonTexts'> & { key: string; module: CatalogModule })[] = [];
  const pickedKeys = new Set<string>();
  for (const { gap, latest } of candidates) {
    const weak = latest !== null && latest < weakPercent;
    const reason: RecommendationReason = {
      kind: gap.gap > 0 ? (weak ? 'gap_and_weak_result' : 'gap') : 'weak_result',
      skillId: gap.skillId,
      skillName: gap.name,
      level: options.level,
      required: gap.required,
      current: gap.current,
      gap: gap.gap,
      latestPercent: latest,
    };
    // Already suggested for a higher-ranked skill (itself or a copy): this skill's reason joins it.
    for (const p of picked) {
      if (builds(p.module, gap) || catalogModules.some((m) => keyOf(m) === p.key && builds(m, gap))) p.reasons.push(reason);
    }
    const modules = catalogModules
      .filter((m) => !excluded.has(m.id) && !excluded.has(keyOf(m)) && !pickedKeys.has(keyOf(m)) && builds(m, gap))
      .sort(
        (a, b) =>
          levelDistance(a.level, options.level) - levelDistance(b.level, options.level) ||
          a.estimatedMinutes - b.estimatedMinutes ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
    let taken = 0;
    for (const m of modules) {
      if (taken === maxPerSkill) break;
      // Two copies of one module can both match: the first (best fit) stands for them.
      if (pickedKeys.has(keyOf(m))) continue;
      pickedKeys.add(keyOf(m));
      taken++;
      picked.push({
        moduleId: m.id,
        skillId: gap.skillId,
        estimatedMinutes: m.estimatedMinutes,
        reason,
        reasons: [reason],
        key: keyOf(m),
        module: m,
      });
    }
  }
  const kept = picked.slice(0, limit);
  return kept.map(({ key: _key, module: _module, ...r }, i) => ({
    ...r,
    priority: kept.length - i,
    reasonText: reasonText(r.reason),
    reasonTexts: r.reasons.map(reasonText),
  }));
}

/** `論理的思考: 現在 2、若手社員の要求水準 3` / `Logical thinking: current 2, required 3 for Junior staff`. */
export function reasonText(reason: RecommendationReason): LocalizedText {
  const label = LEVEL_LABELS[reason.level];
  const ja: string[] = [];
  const en: string[] = [];
  if (reason.gap > 0) {
    ja.push(
      reason.current === null
        ? `未評価、${label.ja}の要求水準 ${reason.required}`
        : `現在 ${reason.current}、${label.ja}の要求水準 ${reason.required}`,
    );
    en.push(
      reason.current === null
        ? `not yet assessed, required ${reason.required} for ${label.en}`
        : `current ${reason.current}, required ${reason.required} for ${label.en}`,
    );
  }
  if (reason.latestPercent !== null && reason.kind !== 'gap') {
    ja.push(`直近の結果 ${Math.round(reason.latestPercent)}%`);
    en.push(`latest result ${Math.round(reason.latestPercent)}%`);
  }
  return { ja: `${reason.skillName.ja}: ${ja.join('、')}`, en: `${reason.skillName.en}: ${en.join(', ')}` };
}

/** The latest result for this skill (by date; the last given on a tie or without dates). */
function latestResult(gap: SkillGap, results: readonly LatestSkillResult[]): number | null {
  let best: LatestSkillResult | null = null;
  for (const r of results) {
    if (r.skill !== gap.skillId && r.skill !== gap.name.ja) continue;
    if (!best || (r.date ?? '') >= (best.date ?? '')) best = r;
  }
  return best?.percent ?? null;
}

/** 0 for the learner's level, 1 for a module meant for any level, then 1 + steps along the ladder. */
function levelDistance(moduleLevel: Level | null | undefined, level: Level): number {
  if (moduleLevel === level) return 0;
  if (moduleLevel === null || moduleLevel === undefined) return 1;
  return 1 + Math.abs(LEVELS.indexOf(moduleLevel) - LEVELS.indexOf(level));
}
