import { describe, expect, it } from 'vitest';
import { checkCatalog } from './check.js';
import { CONTENT_RULES } from './config.js';
import { loadCatalog } from './source.js';
import { choiceItem, file } from './test-support.js';

/** Stems that share no wording (so the near-duplicate rule stays out of the other rules' tests). */
const STEMS: [string, string][] = [
  ['名刺交換の順番', 'Business card order'],
  ['電話の取り次ぎ方', 'Transferring a call'],
  ['会議室の上座', 'Seat of honour'],
  ['メールのCC', 'Email carbon copy'],
  ['遅刻の連絡', 'Reporting lateness'],
  ['報告のタイミング', 'Timing of reports'],
  ['敬語の誤用', 'Misused honorifics'],
  ['来客の案内', 'Guiding visitors'],
  ['退社時の挨拶', 'Leaving greetings'],
  ['身だしなみ', 'Appearance'],
  ['議事録', 'Minutes'],
  ['締切の交渉', 'Deadline talks'],
];

/** Items whose keys sit at the given positions (0 = first option as written). */
const keyedAt = (prefix: string, positions: number[], extra: Record<string, unknown> = {}, offset = 0) =>
  positions.map((p, i) =>
    choiceItem(`${prefix}-${i}`, {
      stem: { ja: STEMS[offset + i]![0], en: STEMS[offset + i]![1] },
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: { ja: `選択肢の内容${id}`, en: `content ${id}` } })),
      correctOptionIds: [['a', 'b', 'c', 'd'][p]],
      ...extra,
    }),
  );

const rulesOf = (failures: { rule: string }[]) => [...new Set(failures.map((f) => f.rule))].sort();
const check = (files: Parameters<typeof loadCatalog>[0], mode: 'report' | 'enforce' = 'report', rules = CONTENT_RULES) =>
  checkCatalog(loadCatalog(files), mode, rules);

describe('content check', () => {
  it('passes clean content and reports its figures', () => {
    const r = check([
      file('new_hire/business-basics.yaml', keyedAt('bb', [0, 1, 2, 3, 0, 1, 2, 3, 0, 1])),
      file('junior/teamwork.yaml', keyedAt('tw', [2], { level: 'junior', skillTags: ['チームワーク'], scenario: true }, 10)),
    ]);
    expect(r.failures).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r).toMatchObject({
      items: 11,
      items_by_level: { pre_hire: 0, new_hire: 10, junior: 1, mid: 0, leader: 0, manager: 0 },
      items_by_type: { single_choice: 11 },
      skills: 2,
      min_items_per_skill: 0,
      scenario_share_junior_plus: 1,
      near_duplicate_pairs: 0,
      max_key_position_share: 0.3,
    });
    expect(r.items_by_level_skill.new_hire).toMatchObject({ ビジネス基礎: 10, 問題解決: 0 });
    expect(r.items_by_level_skill.pre_hire).not.toHaveProperty('問題解決');
  });

  it('fails a repeated id', () => {
    const r = check([
      file('new_hire/business-basics.yaml', [choiceItem('same')]),
      file('new_hire/compliance.yaml', [choiceItem('same', { skillTags: ['コンプライアンス'] })]),
    ]);
    expect(rulesOf(r.failures)).toContain('id');
  });

  it('fails a missing language anywhere in the item', () => {
    const item = choiceItem('one-lang', {
      options: [
        { id: 'a', text: { ja: 'はい' } },
        { id: 'b', text: { ja: 'いいえ', en: 'No' } },
        { id: 'c', text: { ja: 'たぶん', en: 'Maybe' } },
      ],
      explanation: { ja: '説明' },
    });
    const r = check([file('new_hire/business-basics.yaml', [item])]);
    expect(
      r.failures
        .filter((f) => f.rule === 'bilingual')
        .map((f) => f.message)
        .sort(),
    ).toEqual(['explanation: the English text is missing', 'options.0.text: the English text is missing']);
  });

  it('fails keys nobody could defend: two options, all options right', () => {
    const r = check([
      file('new_hire/business-basics.yaml', [
        choiceItem('two', {
          options: [
            { id: 'a', text: { ja: 'は', en: 'y' } },
            { id: 'b', text: { ja: 'い', en: 'n' } },
          ],
        }),
        choiceItem('all', { type: 'multiple_response', correctOptionIds: ['a', 'b', 'c'] }),
      ]),
    ]);
    expect(r.failures.filter((f) => f.rule === 'key').map((f) => f.where)).toEqual([
      'new_hire/business-basics.yaml#1 (two)',
      'new_hire/business-basics.yaml#2 (all)',
    ]);
  });

  it('fails an explanation naming an option by letter', () => {
    const r = check([
      file('new_hire/business-basics.yaml', [choiceItem('letter', { explanation: { ja: 'bは誤りです。', en: 'Option B is wrong.' } })]),
    ]);
    expect(r.failures.filter((f) => f.rule === 'option_letter')).toHaveLength(2);
  });

  it('fails near-duplicate stems and counts the pairs', () => {
    const stem = (ja: string) => ({ ja, en: `${ja.length} distinct English text ${ja}` });
    const r = check([
      file('new_hire/business-basics.yaml', [
        choiceItem('orig', { stem: stem('電車の遅延で始業時刻に間に合わないと分かったときに、最初にとるべき行動はどれか。') }),
        choiceItem('copy', { stem: stem('電車の遅延で始業時刻に間に合わないと分かったとき、最初にとるべき行動はどれか。') }),
      ]),
    ]);
    expect(r.near_duplicate_pairs).toBe(1);
    expect(r.failures.find((f) => f.rule === 'near_duplicate')?.message).toMatch(/similar to new_hire\/business-basics.yaml#2 \(copy\)/);
  });

  it('fails a level where one position holds more than 35 % of the keys, once it has ten', () => {
    const lopsided = check([file('new_hire/business-basics.yaml', keyedAt('lop', [0, 0, 0, 0, 1, 2, 3, 1, 2, 3]))]);
    expect(lopsided.max_key_position_share).toBe(0.4);
    expect(lopsided.failures.find((f) => f.rule === 'key_position')).toMatchObject({ where: 'new_hire' });
    // Nine keys all in one place say nothing yet.
    const few = check([file('new_hire/business-basics.yaml', keyedAt('few', [0, 0, 0, 0, 0, 0, 0, 0, 0]))]);
    expect(few.failures).toEqual([]);
  });

  it('enforces coverage unless told to report it, from one rules object', () => {
    const small = { ...CONTENT_RULES, minItemsPerLevel: 3, minItemsPerSkill: 2, minKeysForPositionRule: 100 };
    const files = [
      file('junior/teamwork.yaml', keyedAt('cov', [0, 1, 2], { level: 'junior', skillTags: ['チームワーク'], scenario: false })),
      file('junior/problem-solving.yaml', keyedAt('ps', [0], { level: 'junior', skillTags: ['問題解決'], scenario: true }, 3)),
    ];
    const enforced = check(files, 'enforce', small);
    expect(enforced.ok).toBe(false);
    const where = enforced.failures.filter((f) => f.rule === 'coverage').map((f) => f.where);
    expect(where).toContain('pre_hire');
    expect(where).toContain('junior/problem-solving');
    expect(where).not.toContain('junior/teamwork');
    expect(where).toContain('junior'); // 1 of 4 scenario items
    expect(enforced.scenario_share_by_level.junior).toBe(0.25);
    const reported = check(files, 'report', small);
    expect(reported.ok).toBe(true);
    expect(reported.failures).toEqual([]);
    expect(reported.coverage_gaps.length).toBe(enforced.failures.length);
  });
});
