import { stringify } from 'yaml';
import type { SourceFile } from './source.js';

/** A valid single-choice item; `overrides` replace fields (fixtures for the rule tests). */
export function choiceItem(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    type: 'single_choice',
    level: 'new_hire',
    skillTags: ['ビジネス基礎'],
    scenario: false,
    difficultyPrior: 0,
    discriminationPrior: 1,
    stem: { ja: `問題文 ${id}`, en: `Question ${id}` },
    options: [
      { id: 'a', text: { ja: '選ぶもの', en: 'The one' } },
      { id: 'b', text: { ja: '選ばないもの', en: 'Not this' } },
      { id: 'c', text: { ja: 'これも違う', en: 'Nor this' } },
    ],
    correctOptionIds: ['a'],
    explanation: { ja: '理由の説明です。', en: 'Why it is right.' },
    ...overrides,
  };
}

export const file = (path: string, items: unknown[]): SourceFile => ({ path, text: stringify(items) });
