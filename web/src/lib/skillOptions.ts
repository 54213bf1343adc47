import type { LocalizedText, Locale, SkillFramework } from '../api/types';
import { pickText } from './localized';

/**
 * A skill as a picker offers it. Questions and modules store a skill by its tag, the skill's
 * Japanese name (`name.ja`, unique in a framework); people see the name in their own language.
 */
export interface SkillOption {
  id: string;
  tag: string;
  name: LocalizedText;
  categoryId: string;
  categoryName: LocalizedText;
}

export interface SkillGroup {
  id: string;
  name: string;
  options: SkillOption[];
}

export function skillOptionsOf(framework: SkillFramework | null | undefined): SkillOption[] {
  return (framework?.categories ?? []).flatMap((category) =>
    category.skills.map((skill) => ({
      id: skill.id,
      tag: skill.name.ja ?? skill.id,
      name: skill.name,
      categoryId: category.id,
      categoryName: category.name,
    })),
  );
}

/** Width, case and surrounding spaces do not matter when someone searches. */
export const foldQuery = (value: string): string => value.normalize('NFKC').trim().toLowerCase();

/**
 * The options matching a query (in Japanese or English name, id or category), grouped by
 * category in framework order. An empty query lists everything.
 */
export function filterSkillOptions(options: readonly SkillOption[], query: string, locale: Locale): SkillGroup[] {
  const q = foldQuery(query);
  const groups = new Map<string, SkillGroup>();
  for (const option of options) {
    const haystack = [option.name.ja, option.name.en, option.id, option.categoryName.ja, option.categoryName.en]
      .filter((x): x is string => typeof x === 'string')
      .map(foldQuery);
    if (q && !haystack.some((h) => h.includes(q))) continue;
    const group = groups.get(option.categoryId) ?? { id: option.categoryId, name: pickText(option.categoryName, locale), options: [] };
    group.options.push(option);
    groups.set(option.categoryId, group);
  }
  return [...groups.values()];
}

/** How a stored tag reads in the UI: the skill's name in the person's language, or the tag itself when no skill has it. */
export function skillLabel(tag: string, options: readonly SkillOption[], locale: Locale): string {
  const option = options.find((o) => o.tag === tag || o.id === tag);
  return option ? pickText(option.name, locale) : tag;
}

/** Adds or removes a tag, keeping the order in which they were chosen. */
export function toggleTag(tags: readonly string[], tag: string): string[] {
  return tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
}
