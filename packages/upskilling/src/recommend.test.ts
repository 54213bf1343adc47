import { describe, expect, it } from 'vitest';
import { recommend, type CatalogModule } from './recommend.js';
import { skillGaps } from './gap.js';
import { defaultFramework } from './framework.js';

const framework = defaultFramework();
// A junior with gaps: compliance 3 − 1 = 2, logical thinking 3 − 2 = 1, security 3 − 2 = 1; the rest met.
const gaps = skillGaps(framework, 'junior', null, {
  'business-basics': 3,
  communication: 3,
  teamwork: 3,
  compliance: 1,
  'information-security': 2,
  'logical-thinking': 2,
  'problem-solving': 2,
  'excel-it': 3,
  'finance-basics': 1,
});
const mod = (id: string, skills: string[], estimatedMinutes = 15, level: CatalogModule['level'] = null): CatalogModule => ({
  id,
  title: { ja: id, en: id },
  skills,
  estimatedMinutes,
  level,
});
const catalog: CatalogModule[] = [
  mod('compliance-harassment', ['コンプライアンス'], 20),
  mod('compliance-basics', ['compliance'], 10),
  mod('compliance-manager', ['コンプライアンス'], 5, 'manager'),
  mod('compliance-junior', ['コンプライアンス'], 30, 'junior'),
  mod('logic-tree', ['論理的思考'], 15),
  mod('logic-and-security', ['論理的思考', '情報セキュリティ'], 10),
  mod('security-phishing', ['情報セキュリティ'], 10),
  mod('excel-pivot', ['Excel・IT'], 10),
  mod('leadership-101', ['リーダーシップ'], 10),
];

describe('recommend', () => {
  it('ranks by gap, then the weaker latest result, with reasons rendered in both languages', () => {
    // Security comes before logical thinking in the framework, but logical thinking has the weaker result.
    const results = [
      { skill: '情報セキュリティ', percent: 55 },
      { skill: '論理的思考', percent: 45 },
    ];
    const recs = recommend(gaps, results, catalog, [], { level: 'junior' });
    expect(recs.map((r) => [r.moduleId, r.skillId, r.priority])).toEqual([
      ['compliance-junior', 'compliance', 5],
      ['compliance-basics', 'compliance', 4],
      ['logic-and-security', 'logical-thinking', 3],
      ['logic-tree', 'logical-thinking', 2],
      ['security-phishing', 'information-security', 1],
    ]);
    expect(recs[0]!.reasonText).toEqual({
      ja: 'コンプライアンス: 現在 1、若手社員の要求水準 3',
      en: 'Compliance: current 1, required 3 for Junior staff',
    });
    expect(recs[2]!.reasonText).toEqual({
      ja: '論理的思考: 現在 2、若手社員の要求水準 3、直近の結果 45%',
      en: 'Logical thinking: current 2, required 3 for Junior staff, latest result 45%',
    });
    expect(recs[4]!.reasonText).toEqual({
      ja: '情報セキュリティ: 現在 2、若手社員の要求水準 3、直近の結果 55%',
      en: 'Information security: current 2, required 3 for Junior staff, latest result 55%',
    });
    expect(recs[2]!.reason).toMatchObject({ kind: 'gap_and_weak_result', required: 3, current: 2, gap: 1, latestPercent: 45 });
  });

  it('renders the example reason exactly for a plain gap', () => {
    const [rec] = recommend(
      gaps.filter((g) => g.skillId === 'logical-thinking'),
      [],
      catalog,
      [],
      { level: 'junior' },
    );
    expect(rec!.reasonText).toEqual({
      ja: '論理的思考: 現在 2、若手社員の要求水準 3',
      en: 'Logical thinking: current 2, required 3 for Junior staff',
    });
  });

  it('never suggests what is assigned or done, and never the same module twice', () => {
    const recs = recommend(gaps, [], catalog, ['compliance-junior', 'compliance-basics', 'security-phishing'], {
      level: 'junior',
      maxPerSkill: 5,
    });
    const ids = recs.map((r) => r.moduleId);
    expect(ids).not.toContain('compliance-junior');
    expect(ids).not.toContain('compliance-basics');
    expect(ids).not.toContain('security-phishing');
    expect(new Set(ids).size).toBe(ids.length);
    // Logical thinking and security tie on gap; with no results, framework order puts security first, so it takes the shared module.
    expect(recs.map((r) => [r.moduleId, r.skillId])).toEqual([
      ['compliance-harassment', 'compliance'],
      ['compliance-manager', 'compliance'],
      ['logic-and-security', 'information-security'],
      ['logic-tree', 'logical-thinking'],
    ]);
  });

  it('keeps at most maxPerSkill per skill and at most limit in all', () => {
    const one = recommend(gaps, [], catalog, [], { level: 'junior', maxPerSkill: 1 });
    expect(one.map((r) => r.skillId)).toEqual(['compliance', 'information-security', 'logical-thinking']);
    const two = recommend(gaps, [], catalog, [], { level: 'junior', limit: 2 });
    expect(two.map((r) => [r.moduleId, r.priority])).toEqual([
      ['compliance-junior', 2],
      ['compliance-basics', 1],
    ]);
  });

  it('recommends for a weak latest result even without a gap, and an unassessed skill says so', () => {
    const recs = recommend(
      gaps,
      [
        { skill: 'excel-it', percent: 40.4, date: '2025-05-01' },
        { skill: 'Excel・IT', percent: 90, date: '2025-01-01' },
      ],
      catalog,
      [],
      {
        level: 'junior',
        maxPerSkill: 1,
      },
    );
    const excel = recs.find((r) => r.skillId === 'excel-it')!;
    expect(excel.reasonText).toEqual({ ja: 'Excel・IT: 直近の結果 40%', en: 'Excel and IT: latest result 40%' });
    expect(recs.at(-1)).toBe(excel); // no gap ranks after every gap

    const unassessed = skillGaps(framework, 'leader', null, {}).filter((g) => g.skillId === 'leadership');
    const [leadership] = recommend(unassessed, [], catalog, [], { level: 'leader' });
    expect(leadership!.reasonText).toEqual({
      ja: 'リーダーシップ: 未評価、リーダー・監督職の要求水準 3',
      en: 'Leadership: not yet assessed, required 3 for Team leader',
    });
  });

  it('ignores a strong latest result on a met skill and returns the same list for the same input', () => {
    const met = gaps.filter((g) => g.gap === 0);
    expect(recommend(met, [{ skill: 'Excel・IT', percent: 75 }], catalog, [], { level: 'junior' })).toEqual([]);
    expect(recommend(gaps, [], catalog, [], { level: 'junior' })).toEqual(
      recommend(gaps, [], [...catalog].reverse(), [], { level: 'junior' }),
    );
  });

  it('suggests a module that builds two weak skills once, listing both reasons', () => {
    const recs = recommend(gaps, [], catalog, [], { level: 'junior', maxPerSkill: 5 });
    const ids = recs.map((r) => r.moduleId);
    expect(new Set(ids).size).toBe(ids.length);
    const shared = recs.find((r) => r.moduleId === 'logic-and-security')!;
    expect(shared.skillId).toBe('information-security');
    expect(shared.reasons.map((r) => r.skillId)).toEqual(['information-security', 'logical-thinking']);
    expect(shared.reasonTexts).toEqual([
      { ja: '情報セキュリティ: 現在 2、若手社員の要求水準 3', en: 'Information security: current 2, required 3 for Junior staff' },
      { ja: '論理的思考: 現在 2、若手社員の要求水準 3', en: 'Logical thinking: current 2, required 3 for Junior staff' },
    ]);
    expect(shared.reasonText).toEqual(shared.reasonTexts[0]);
    // A module picked for one skill only has that skill's reason.
    expect(recs.find((r) => r.moduleId === 'logic-tree')!.reasons.map((r) => r.skillId)).toEqual(['logical-thinking']);
  });

  it('suggests one copy of the same content (a quiz in two packages, a package and its clone), with every reason', () => {
    const copies: CatalogModule[] = [
      { ...mod('catalog-pkg:quiz', ['コンプライアンス'], 10, 'junior'), contentKey: 'assessment:q1' },
      { ...mod('company-pkg:quiz', ['コンプライアンス', '論理的思考'], 10, 'junior'), contentKey: 'assessment:q1' },
      { ...mod('company-pkg:logic', ['論理的思考'], 20), contentKey: 'catalog-pkg:logic' },
      { ...mod('catalog-pkg:logic', ['論理的思考'], 20), contentKey: 'catalog-pkg:logic' },
    ];
    const recs = recommend(gaps, [], copies, [], { level: 'junior', maxPerSkill: 5 });
    expect(recs.map((r) => [r.moduleId, r.reasons.map((x) => x.skillId)])).toEqual([
      ['catalog-pkg:quiz', ['compliance', 'logical-thinking']],
      ['catalog-pkg:logic', ['logical-thinking']],
    ]);
    // A copy of something assigned is not suggested either.
    const afterAssigning = recommend(gaps, [], copies, ['assessment:q1'], { level: 'junior', maxPerSkill: 5 });
    expect(afterAssigning.map((r) => r.moduleId)).toEqual(['catalog-pkg:logic']);
  });
});
