import { describe, expect, it } from 'vitest';
import en from './en';
import enShell from './en-shell';
import { createAppI18n } from './bundled';
import ja from './ja';
import jaShell from './ja-shell';

function flattenKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => flattenKeys(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [String(value)];
  return Object.values(value).flatMap(leaves);
}

describe('i18n messages', () => {
  it('ja-shell and en-shell have exactly the same keys, and the whole sets hold them', () => {
    const jaShellKeys = flattenKeys(jaShell).sort();
    expect(flattenKeys(enShell).sort()).toEqual(jaShellKeys);
    expect(flattenKeys(ja)).toEqual(expect.arrayContaining(jaShellKeys));
    expect(flattenKeys(en)).toEqual(expect.arrayContaining(jaShellKeys));
  });

  it('ja and en have exactly the same keys', () => {
    const jaKeys = flattenKeys(ja).sort();
    const enKeys = flattenKeys(en).sort();
    expect(enKeys.filter((k) => !jaKeys.includes(k))).toEqual([]);
    expect(jaKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('has no empty messages', () => {
    for (const text of [...leaves(ja), ...leaves(en)]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('uses the agreed glossary', () => {
    expect(ja.glossary).toMatchObject({
      tenant: '企業',
      skillMap: 'スキルマップ',
      package: '研修パッケージ',
      assignment: '割り当て',
      assessment: 'テスト',
      goal: '目標',
      mentor: 'メンター',
      learningPlan: '学習計画',
      proficiency: '習熟度',
    });
    expect(ja.glossary).toMatchObject({ gap: 'ギャップ', requiredLevel: '要求水準', skillMap: 'スキルマップ', proficiency: '習熟度' });
    expect(en.glossary).toMatchObject({ gap: 'Gap', requiredLevel: 'Required level', skillMap: 'Skill map', proficiency: 'Proficiency' });
    expect(ja.skillSources).toMatchObject({ assessment: 'アセスメント', manager_rating: '上長評価', self_rating: '自己評価' });
    expect(ja.nav).toMatchObject({ skillMap: 'スキルマップ', mySkills: 'マイスキル' });
    expect(en.nav).toMatchObject({ skillMap: 'Skill map', mySkills: 'My skills' });
    expect(en.levels.leader).toBe('Team leader');
    expect(ja.levels.leader).toBe('リーダー・監督職');
    expect(en.roles.tenant_admin).toBe('HR admin');
    expect(ja.statuses.invited).toBe('招待中');
  });

  it('never names the platform product (white-label)', () => {
    for (const text of [...leaves(ja), ...leaves(en)]) {
      expect(text.toLowerCase()).not.toContain('manabi');
    }
  });

  it('every message compiles and renders in both languages', () => {
    const params = { id: 'req-1', name: '名前', tenantName: '企業名', page: 2 };
    for (const locale of ['ja', 'en'] as const) {
      const { t } = createAppI18n(locale).global;
      for (const key of flattenKeys(ja)) {
        const text = t(key, params);
        expect(text, `${locale}:${key}`).not.toBe(key);
        expect(text, `${locale}:${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});
