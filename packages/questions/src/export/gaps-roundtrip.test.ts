import { describe, expect, it } from 'vitest';
import { parseGift } from '../import/gift.js';
import { parseMoodleXml } from '../import/moodle-xml.js';
import { parseQtiItems } from '../import/qti.js';
import type { Question, QuestionOf } from '../model.js';
import { q, withoutSource } from '../test-support.js';
import { exportQuestionCsv } from './csv.js';
import { exportGift } from './gift.js';
import { exportMoodleXml } from './moodle-xml.js';
import { exportQti } from './qti.js';

// In the importers' own numbering (prompts p1…, choices a, b… by first use), so export → import is an identity.
const matching = q({
  type: 'matching',
  title: 'Roles',
  stem: { en: 'Match each role with its duty.' },
  prompts: [
    { id: 'p1', text: { en: 'Mentor' } },
    { id: 'p2', text: { en: 'Approver' } },
    { id: 'p3', text: { en: 'Coach' } },
  ],
  choices: [
    { id: 'a', text: { en: 'Guides a new hire' } },
    { id: 'b', text: { en: 'Signs off a request = yes' } },
    { id: 'c', text: { en: 'Books the meeting room' } },
  ],
  key: { p1: 'a', p2: 'b', p3: 'a' },
  explanation: { en: 'A coach also guides.' },
}) as QuestionOf<'matching'>;

const cloze = q({
  type: 'cloze',
  title: 'Gaps',
  stem: { en: 'Report {{1}} you finish, in {{2}} lines or {{3}}.\nThen ask {{4}}.' },
  blanks: [
    { id: '1', kind: 'text', accepted: ['when', 'as soon as'], caseSensitive: false },
    {
      id: '2',
      kind: 'choice',
      options: [
        { id: 'a', text: { en: 'two' } },
        { id: 'b', text: { en: 'twenty ~ more' } },
      ],
      correctOptionId: 'a',
    },
    { id: '3', kind: 'numeric', value: 3, tolerance: 0 },
    { id: '4', kind: 'text', accepted: ['HR'], caseSensitive: true },
  ],
}) as QuestionOf<'cloze'>;

describe('matching and cloze: export → import gives the same question', () => {
  it('Moodle XML (matching, cloze)', () => {
    const out = exportMoodleXml([matching, cloze], { locale: 'en' });
    expect(out.warnings).toEqual([]);
    expect(out.text).toContain('{1:SHORTANSWER:=when~=as soon as}');
    expect(out.text).toContain('{1:MULTICHOICE:=two~twenty \\~ more}');
    expect(out.text).toContain('{1:SHORTANSWER_C:=HR}');
    const back = parseMoodleXml(out.text, { locale: 'en' });
    expect(back.errors).toEqual([]);
    expect(withoutSource(back.questions)).toEqual([matching, cloze]);
  });

  it.each(['2.1', '3.0'] as const)('QTI %s (match, inline choice, text entry)', (version) => {
    const out = exportQti([matching, cloze], { locale: 'en', version });
    expect(out.warnings).toMatchObject([{ index: 1, title: 'Roles', code: 'dropped', key: 'export.not_in_qti' }]);
    expect(out.files[1]?.text).toContain(version === '3.0' ? '<qti-inline-choice-interaction' : '<inlineChoiceInteraction');
    const back = parseQtiItems(out.files, { locale: 'en' });
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    const { explanation: _, ...noExplanation } = matching;
    expect(withoutSource(back.questions)).toEqual([noExplanation, cloze]);
  });

  it('GIFT (matching; cloze is reported as not expressible)', () => {
    const out = exportGift([matching, cloze], { locale: 'en' });
    expect(out.exported).toBe(1);
    expect(out.warnings).toMatchObject([{ index: 2, title: 'Gaps', code: 'skipped', key: 'export.gift_cloze' }]);
    const back = parseGift(out.text, { locale: 'en' });
    expect(back.errors).toEqual([]);
    expect(withoutSource(back.questions)).toEqual([matching]);
  });

  it('GIFT and Moodle XML write a choice no prompt uses as an extra answer (distractor)', () => {
    const withDistractor: Question = q({ ...matching, key: { p1: 'a', p2: 'b', p3: 'b' } });
    for (const text of [exportGift([withDistractor], { locale: 'en' }).text, exportMoodleXml([withDistractor], { locale: 'en' }).text]) {
      const back = text.startsWith('<?xml') ? parseMoodleXml(text, { locale: 'en' }) : parseGift(text, { locale: 'en' });
      expect(withoutSource(back.questions)).toEqual([withDistractor]);
    }
  });

  it('CSV says per item that it cannot hold them', () => {
    const out = exportQuestionCsv([matching, cloze]);
    expect(out.exported).toBe(0);
    expect(out.warnings.map((w) => [w.index, w.code, w.key])).toEqual([
      [1, 'skipped', 'export.csv_no_type'],
      [2, 'skipped', 'export.csv_no_type'],
    ]);
  });

  it('QTI reports a numeric blank tolerance as dropped', () => {
    const tolerant = q({ ...cloze, blanks: cloze.blanks.map((b) => (b.kind === 'numeric' ? { ...b, tolerance: 0.5 } : b)) });
    const out = exportQti([tolerant], { locale: 'en' });
    expect(out.warnings[0]?.key).toBe('export.not_in_qti');
  });
});
