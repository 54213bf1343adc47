import { describe, expect, it } from 'vitest';
import { exportGift } from '../export/gift.js';
import { exportMoodleXml } from '../export/moodle-xml.js';
import { exportQti } from '../export/qti.js';
import { parseGift } from '../import/gift.js';
import { parseMoodleXml } from '../import/moodle-xml.js';
import { parseQti, parseQtiItems } from '../import/qti.js';
import { fixture, q, rows, summary } from '../test-support.js';

const overall = (maxPoints: number) => [{ id: 'overall', criterion: { ja: '総合評価', en: 'Overall' }, maxPoints }];
/** The stored content of an imported question (storage and provenance aside). */
const stored = (x: Record<string, unknown>) => {
  const { sourceRef: _s, irt: _i, level: _l, difficultyPrior: _d, status: _st, ...rest } = x;
  return rest;
};

describe('essays and descriptions from the fixtures', () => {
  it('gift/essays.gift: {} is an essay, no block a description; the unclosed block is refused', () => {
    const r = parseGift(fixture('gift/essays.gift'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 6, imported: 5, skipped: 1 });
    expect(rows(r.errors)).toEqual([[6, 25, 'syntax', 'gift.braces']]);
    expect(rows(r.warnings)).toEqual([
      [2, 11, 'suspicious', 'essay.rubric_added'],
      [3, 14, 'suspicious', 'essay.rubric_added'],
      [4, 19, 'suspicious', 'essay.rubric_added'],
    ]);
    expect(r.questions.map(stored)).toEqual([
      {
        title: 'はじめに',
        type: 'description',
        stem: { ja: 'この章では、社外向けの文書の書き方を確かめます。' },
        skillTags: ['ビジネス文書'],
      },
      {
        title: 'お礼状',
        type: 'essay',
        stem: { ja: '取引先から見学の受け入れを受けました。お礼のメールを書いてください。' },
        rubric: overall(10),
        skillTags: ['ビジネス文書', '文章力'],
      },
      {
        title: 'Summary',
        type: 'essay',
        stem: { en: 'Summarise the last team meeting in three sentences.' },
        explanation: { en: 'A good summary names the decision, the owner and the date.' },
        rubric: overall(10),
        skillTags: ['ビジネス文書'],
      },
      {
        title: 'Braces',
        type: 'essay',
        stem: { en: 'Explain what a JSON object such as {"id": 1} is for.' },
        rubric: overall(10),
        skillTags: ['ビジネス文書'],
      },
      { title: 'Note', type: 'description', stem: { en: 'Ratios are written as 1:2 and sums as 1+1=2.' }, skillTags: ['ビジネス文書'] },
    ]);
  });

  it('moodle-xml/essays.xml: graderinfo, word limits and the default grade are kept; template and attachments reported', () => {
    const r = parseMoodleXml(fixture('moodle-xml/essays.xml'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 4, imported: 3, skipped: 1 });
    expect(rows(r.errors)).toEqual([[4, 86, 'invalid', 'schema.field']]);
    expect(rows(r.warnings)).toEqual([
      [2, 27, 'dropped', 'xml.response_template_dropped'],
      [2, 27, 'suspicious', 'essay.rubric_added'],
      [3, 58, 'dropped', 'xml.attachments_dropped'],
      [3, 58, 'suspicious', 'essay.mark_scaled'],
      [3, 58, 'suspicious', 'essay.rubric_added'],
    ]);
    expect(r.questions.map(stored)).toEqual([
      {
        title: 'About this section',
        type: 'description',
        stem: { en: 'The next questions ask for short written answers.' },
        skillTags: ['Writing'],
      },
      {
        title: 'Incident report',
        type: 'essay',
        stem: { en: 'A customer’s order arrived late. Write the incident report.' },
        explanation: { en: 'Facts first, then the cause, then the fix.' },
        rubric: overall(5),
        minWords: 50,
        maxWords: 300,
        graderNotes: { en: 'Full marks need the order date, the delay & its cause.' },
        skillTags: ['Writing'],
      },
      {
        title: '自己紹介',
        type: 'essay',
        stem: { ja: '配属先のチームに向けて、200 字程度で自己紹介を書いてください。' },
        rubric: overall(10),
        skillTags: ['Writing'],
      },
    ]);
    expect(r.questions.map((x) => x.sourceRef.id)).toEqual(['W-00', 'W-01', undefined]);
  });

  it("qti2/essay_scorer.xml (QTI 2.2): the scorer's rubric block is the graders' notes, the candidate's is reported", () => {
    const r = parseQti(fixture('qti2/essay_scorer.xml'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 1, imported: 1, skipped: 0 });
    expect(rows(r.warnings)).toEqual([
      [1, 4, 'dropped', 'qti.content_dropped'],
      [1, 4, 'suspicious', 'essay.rubric_added'],
    ]);
    expect(stored(r.questions[0]!)).toEqual({
      title: 'Retrospective',
      type: 'essay',
      stem: { en: 'Your project finished two weeks late. What would you change in the plan—and why?' },
      rubric: overall(4),
      graderNotes: { en: 'Look for one concrete change and one reason.\n\nTwo points each.' },
      skillTags: [],
    });
  });

  it('qti3/essay.xml: qti-extended-text-interaction with ruby, a stylesheet and a scorer rubric block', () => {
    const r = parseQti(fixture('qti3/essay.xml'), { locale: 'auto' });
    expect(summary(r)).toEqual({ total: 1, imported: 1, skipped: 0 });
    expect(rows(r.warnings)).toEqual([[1, 4, 'suspicious', 'essay.rubric_added']]);
    expect(stored(r.questions[0]!)).toEqual({
      title: '改善提案',
      type: 'essay',
      stem: { ja: '職場の改善案を一つ挙げ、その効果を説明してください。\n\n400 字以内で書いてください。' },
      rubric: overall(6),
      graderNotes: { ja: '具体的な数字があれば加点します。' },
      skillTags: [],
    });
  });
});

describe('essays and descriptions exported', () => {
  const essay = q({
    type: 'essay',
    title: 'Report',
    stem: { en: 'Write the incident report.' },
    rubric: [
      { id: 'facts', criterion: { en: 'Facts' }, maxPoints: 3 },
      { id: 'fix', criterion: { en: 'Fix' }, maxPoints: 2 },
    ],
    minWords: 20,
    maxWords: 200,
    graderNotes: { en: 'Date, cause and fix.' },
  });
  const description = q({ type: 'description', title: 'Intro', stem: { en: 'About the next questions.' } });

  it('Moodle XML: essay with graderinfo, limits and the grade out of the rubric points; description; read back', () => {
    const out = exportMoodleXml([essay, description], { locale: 'en' });
    expect(out.exported).toBe(2);
    expect(out.warnings).toMatchObject([{ index: 1, title: 'Report', code: 'dropped', key: 'export.not_in_moodle' }]);
    expect(out.text).toContain('<question type="essay">');
    expect(out.text).toContain('<defaultgrade>5</defaultgrade>');
    expect(out.text).toContain('<minwordlimit>20</minwordlimit>');
    expect(out.text).toContain('<question type="description">');
    const back = parseMoodleXml(out.text, { locale: 'en' });
    expect(back.errors).toEqual([]);
    expect(back.questions.map(stored)).toEqual([
      {
        title: 'Report',
        type: 'essay',
        stem: { en: 'Write the incident report.' },
        rubric: overall(5),
        minWords: 20,
        maxWords: 200,
        graderNotes: { en: 'Date, cause and fix.' },
        skillTags: [],
      },
      { title: 'Intro', type: 'description', stem: { en: 'About the next questions.' }, skillTags: [] },
    ]);
  });

  it('GIFT: {} and a bare text; what GIFT cannot hold is listed', () => {
    const out = exportGift([essay, description], { locale: 'en' });
    expect(out.text).toBe('::Report::Write the incident report. {}\n\n::Intro::About the next questions.\n');
    expect(out.warnings).toMatchObject([{ index: 1, title: 'Report', code: 'dropped', key: 'export.not_in_gift' }]);
    const back = parseGift(out.text, { locale: 'en' });
    expect(back.questions.map((x) => [x.type, x.title])).toEqual([
      ['essay', 'Report'],
      ['description', 'Intro'],
    ]);
  });

  it.each(['2.1', '3.0'] as const)('QTI %s: extendedTextInteraction with the notes for the scorer; a description is skipped', (version) => {
    const out = exportQti([essay, description], { locale: 'en', version });
    expect(out.exported).toBe(1);
    expect(out.warnings).toMatchObject([
      { index: 1, title: 'Report', code: 'dropped', key: 'export.not_in_qti' },
      { index: 2, title: 'Intro', code: 'skipped', key: 'export.qti_description' },
    ]);
    const text = out.files[0]!.text;
    expect(text).toContain(
      version === '3.0'
        ? '<qti-extended-text-interaction response-identifier="RESPONSE"'
        : '<extendedTextInteraction responseIdentifier="RESPONSE"',
    );
    expect(text).toContain(version === '3.0' ? '<qti-rubric-block view="scorer">' : '<rubricBlock view="scorer">');
    expect(text).not.toContain('responseProcessing');
    expect(text).not.toContain('response-processing');
    const back = parseQtiItems(out.files, { locale: 'en' });
    expect(back.errors).toEqual([]);
    expect(back.questions.map(stored)).toEqual([
      {
        title: 'Report',
        type: 'essay',
        stem: { en: 'Write the incident report.' },
        rubric: overall(5),
        graderNotes: { en: 'Date, cause and fix.' },
        skillTags: [],
      },
    ]);
  });
});
