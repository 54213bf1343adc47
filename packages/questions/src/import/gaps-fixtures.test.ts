import { describe, expect, it } from 'vitest';
import { fixture, rows, summary, withoutSource } from '../test-support.js';
import { parseGift } from './gift.js';
import { parseMoodleXml } from './moodle-xml.js';
import { parseQtiItems } from './qti.js';

/** The stored content of each imported question, without storage defaults. */
const stored = (r: { questions: Parameters<typeof withoutSource>[0] }) =>
  withoutSource(r.questions).map(({ status: _s, level: _l, difficultyPrior: _d, irt: _i, ...rest }) => rest);

describe('matching and cloze fixtures (per-file counts, reasons, stored values)', () => {
  it('gift/matching.gift: pairs, the 2-pair minimum, shared answers, distractors, escapes', () => {
    const r = parseGift(fixture('gift/matching.gift'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 6, imported: 4, skipped: 2 });
    expect(rows(r.errors)).toEqual([
      [5, 33, 'invalid', 'gift.matching_two_pairs'],
      [6, 36, 'invalid', 'gift.matching_arrow'],
    ]);
    expect(r.warnings).toEqual([]);
    const [horenso, two, shared, escapes] = stored(r);
    expect(horenso).toEqual({
      title: '報連相',
      type: 'matching',
      stem: { ja: 'それぞれの言葉と意味を組み合わせなさい。' },
      explanation: { ja: '三つそろって「報連相」です。' },
      prompts: [
        { id: 'p1', text: { ja: '報告' } },
        { id: 'p2', text: { ja: '連絡' } },
        { id: 'p3', text: { ja: '相談' } },
      ],
      choices: [
        { id: 'a', text: { ja: '結果を上司に伝える' } },
        { id: 'b', text: { ja: '関係者に事実を共有する' } },
        { id: 'c', text: { ja: '判断に迷うとき意見を求める' } },
      ],
      key: { p1: 'a', p2: 'b', p3: 'c' },
      skillTags: ['報連相'],
    });
    expect(two).toMatchObject({ stem: { en: 'Match the shortcut with what it does.' }, key: { p1: 'a', p2: 'b' } });
    expect(shared).toMatchObject({
      choices: [
        { id: 'a', text: { en: 'Weekly stand-up' } },
        { id: 'b', text: { en: 'Fire drill' } },
        { id: 'c', text: { en: 'Board meeting' } },
      ],
      key: { p1: 'a', p2: 'a', p3: 'b' },
    });
    expect(escapes).toMatchObject({
      stem: { en: 'Match each symbol with its name.' },
      prompts: [{ text: { en: '=' } }, { text: { en: '#' } }, { text: { en: '~' } }],
    });
  });

  it('moodle-xml/matching-cloze.xml: matching with an extra answer, every embedded-answer type, refusals with reasons', () => {
    const r = parseMoodleXml(fixture('moodle-xml/matching-cloze.xml'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 8, imported: 4, skipped: 4 });
    expect(rows(r.errors)).toEqual([
      [3, 52, 'invalid', 'matching.two_prompts'],
      [6, 84, 'unsupported_feature', 'cloze.multi_response'],
      [7, 90, 'invalid', 'cloze.no_full'],
      [7, 90, 'unsupported_type', 'cloze.gap_type'],
      [8, 96, 'unsupported_feature', 'cloze.wildcard'],
    ]);
    expect(rows(r.warnings)).toEqual([
      [1, 10, 'dropped', 'xml.fixed_order_dropped'],
      [1, 10, 'dropped', 'xml.hints_dropped'],
      [4, 61, 'dropped', 'cloze.partial_dropped'],
      [4, 61, 'dropped', 'cloze.feedback_dropped'],
      [4, 61, 'dropped', 'cloze.feedback_dropped'],
      [4, 61, 'dropped', 'cloze.feedback_dropped'],
      [4, 61, 'dropped', 'cloze.weights_dropped'],
    ]);
    const [tools, keigo, email, shuffled] = stored(r);
    expect(tools).toEqual({
      title: 'Office tools',
      type: 'matching',
      stem: { en: 'Match each task with the tool you use for it.' },
      explanation: { en: 'See the IT handbook, chapter 2.' },
      feedback: { correct: { en: 'All matched.' }, incorrect: { en: 'Not quite.' } },
      prompts: [
        { id: 'p1', text: { en: 'Book a meeting room' } },
        { id: 'p2', text: { en: 'Submit travel expenses' } },
        { id: 'p3', text: { en: 'Ask IT for a new laptop' } },
      ],
      choices: [
        { id: 'a', text: { en: 'Calendar' } },
        { id: 'b', text: { en: 'Expense system' } },
        { id: 'c', text: { en: 'Help desk portal' } },
        { id: 'd', text: { en: 'Fax machine' } },
      ],
      key: { p1: 'a', p2: 'b', p3: 'c' },
      skillTags: ['Onboarding/Office'],
    });
    expect(keigo).toMatchObject({ prompts: [{ text: { ja: '尊敬語' } }, { text: { ja: '謙譲語' } }, { text: { ja: '丁寧語' } }] });
    expect(email).toEqual({
      title: 'Business email',
      type: 'cloze',
      stem: {
        en:
          'Start with {{1}} and keep it under {{2}} words.\n\nWrite {{3}} for people who only need to know, and choose a {{4}} tone.\n\n' +
          'Sign it {{5}}, send it {{6}}, and use {{7}} for research.\n\nThe subject ends with {{8}} here.',
      },
      explanation: { en: 'Short, polite, signed.' },
      blanks: [
        { id: '1', kind: 'text', accepted: ['the conclusion'], caseSensitive: false },
        { id: '2', kind: 'numeric', value: 200, tolerance: 20 },
        { id: '3', kind: 'text', accepted: ['CC'], caseSensitive: true },
        {
          id: '4',
          kind: 'choice',
          options: [
            { id: 'a', text: { en: 'formal' } },
            { id: 'b', text: { en: 'polite' } },
            { id: 'c', text: { en: 'rude' } },
          ],
          correctOptionId: 'b',
        },
        {
          id: '5',
          kind: 'choice',
          options: [
            { id: 'a', text: { en: 'with your name' } },
            { id: 'b', text: { en: 'anonymously' } },
          ],
          correctOptionId: 'a',
        },
        {
          id: '6',
          kind: 'choice',
          options: [
            { id: 'a', text: { en: 'at midnight' } },
            { id: 'b', text: { en: 'during office hours' } },
          ],
          correctOptionId: 'b',
        },
        { id: '7', kind: 'text', accepted: ['R&D'], caseSensitive: false },
        { id: '8', kind: 'text', accepted: ['}#~'], caseSensitive: false },
      ],
      skillTags: ['Onboarding/Office'],
    });
    expect(shuffled).toMatchObject({ stem: { ja: '{{1}} を予約する。{{2}} {{3}} {{4}} {{5}}' } });
    expect((shuffled as { blanks: unknown[] }).blanks).toHaveLength(5);
  });

  it('QTI 2.x and 3.0: match (map_response / match_correct), inline choice, several gaps, refusals', () => {
    const files = [
      'qti2/match.xml',
      'qti2/match_correct.xml',
      'qti2/inline_gaps.xml',
      'qti2/inline_choice.xml',
      'qti3/match.xml',
      'qti3/match-pairs.xml',
      'qti3/inline-gaps.xml',
    ];
    const r = parseQtiItems(
      files.map((name) => ({ name, text: fixture(name) })),
      { locale: 'auto' },
    );
    expect(summary(r)).toEqual({ total: 7, imported: 6, skipped: 1 });
    expect(r.errors.map((e) => [e.file, e.code, e.key])).toEqual([['qti3/match.xml', 'invalid', 'qti.match_missing']]);
    expect(r.warnings.map((e) => [e.file, e.code, e.key])).toEqual([
      ['qti2/match_correct.xml', 'dropped', 'qti.match_template_dropped'],
      ['qti2/inline_gaps.xml', 'dropped', 'cloze.partial_dropped'],
    ]);
    const [departments, units, visitor, keigo, seasons, expenses] = stored(r);
    expect(departments).toEqual({
      title: 'Departments',
      type: 'matching',
      stem: { en: 'Which department handles each request?' },
      prompts: [
        { id: 'payroll', text: { en: 'A question about a payslip' } },
        { id: 'invoice', text: { en: 'A supplier\u2019s invoice' } },
        { id: 'hiring', text: { en: 'An interview schedule' } },
      ],
      choices: [
        { id: 'HR', text: { en: 'Human resources' } },
        { id: 'ACC', text: { en: 'Accounting' } },
        { id: 'LEGAL', text: { en: 'Legal' } },
      ],
      key: { payroll: 'HR', invoice: 'ACC', hiring: 'HR' },
      skillTags: [],
    });
    expect(units).toMatchObject({ key: { m: 'length', kg: 'mass' } });
    expect(visitor).toEqual({
      title: 'Visitor badge',
      type: 'cloze',
      stem: { en: 'Visitors wear a {{1}} badge, collect it at {{2}} and return it within {{3}} day(s).' },
      blanks: [
        {
          id: '1',
          kind: 'choice',
          options: [
            { id: 'blue', text: { en: 'blue' } },
            { id: 'red', text: { en: 'red' } },
            { id: 'green', text: { en: 'green' } },
          ],
          correctOptionId: 'red',
        },
        { id: '2', kind: 'text', accepted: ['Reception', 'front desk'], caseSensitive: false },
        { id: '3', kind: 'numeric', value: 1, tolerance: 0 },
      ],
      skillTags: [],
    });
    expect(keigo).toMatchObject({
      stem: { ja: '明日、御社に{{1}}。' },
      blanks: [
        {
          kind: 'choice',
          options: [
            { id: 'iku', text: { ja: '行きます' } },
            { id: 'ukagau', text: { ja: '伺います' } },
          ],
          correctOptionId: 'ukagau',
        },
      ],
    });
    expect(seasons).toMatchObject({ key: { haru: 'spring', natsu: 'summer', fuyu: 'winter' } });
    expect((seasons as { choices: unknown[] }).choices).toHaveLength(4);
    expect(expenses).toMatchObject({
      stem: { en: 'Attach the {{1}} and claim {{2}} times the fare.\n\nSend it to {{3}}.' },
      blanks: [
        { id: '1', kind: 'choice', correctOptionId: 'receipt' },
        { id: '2', kind: 'numeric', value: 1.5, tolerance: 0 },
        { id: '3', kind: 'text', accepted: ['Finance'], caseSensitive: true },
      ],
    });
  });
});
