import { describe, expect, it } from 'vitest';
import type { SkillFramework } from '../api/types';
import { filterSkillOptions, skillLabel, skillOptionsOf, toggleTag } from './skillOptions';

const skill = (id: string, ja: string, en: string) => ({
  id,
  name: { ja, en },
  description: { ja: '' },
  proficiencyLevels: { 1: { ja: '' }, 2: { ja: '' }, 3: { ja: '' }, 4: { ja: '' }, 5: { ja: '' } },
  required: {},
});
const framework = {
  categories: [
    {
      id: 'business',
      name: { ja: 'ビジネス基礎', en: 'Business basics' },
      skills: [skill('manners', 'ビジネスマナー', 'Business manners'), skill('comm', 'コミュニケーション', 'Communication')],
    },
    { id: 'thinking', name: { ja: '思考力', en: 'Thinking' }, skills: [skill('logic', '論理的思考', 'Logical thinking')] },
  ],
  jobRoles: [],
} as unknown as SkillFramework;

describe('skill options', () => {
  const options = skillOptionsOf(framework);

  it('lists every skill under its category, the tag being the Japanese name', () => {
    const groups = filterSkillOptions(options, '', 'en');
    expect(groups.map((g) => [g.name, g.options.map((o) => o.tag)])).toEqual([
      ['Business basics', ['ビジネスマナー', 'コミュニケーション']],
      ['Thinking', ['論理的思考']],
    ]);
  });

  it('finds skills by either language, id or category, ignoring width and case', () => {
    expect(filterSkillOptions(options, 'ＬＯＧＩＣ', 'ja').flatMap((g) => g.options.map((o) => o.id))).toEqual(['logic']);
    expect(filterSkillOptions(options, 'マナー', 'en').flatMap((g) => g.options.map((o) => o.id))).toEqual(['manners']);
    expect(filterSkillOptions(options, 'business', 'ja').flatMap((g) => g.options.map((o) => o.id))).toEqual(['manners', 'comm']);
    expect(filterSkillOptions(options, 'zzz', 'ja')).toEqual([]);
  });

  it('shows a tag as the skill’s name in the UI language, or as written when no skill has it', () => {
    expect(skillLabel('論理的思考', options, 'en')).toBe('Logical thinking');
    expect(skillLabel('論理的思考', options, 'ja')).toBe('論理的思考');
    expect(skillLabel('旧タグ', options, 'en')).toBe('旧タグ');
  });

  it('toggles a tag, keeping the chosen order', () => {
    expect(toggleTag(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleTag(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
