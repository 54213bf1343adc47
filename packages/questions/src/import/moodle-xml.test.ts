import { describe, expect, it } from 'vitest';
import { fixture, rows, summary } from '../test-support.js';
import { parseMoodleXml } from './moodle-xml.js';

const en = { locale: 'en' as const };

describe('parseMoodleXml on files written as Moodle exports them', () => {
  it('moodle-xml/categories.xml: nested category paths become skill tags; the essay is imported', () => {
    const r = parseMoodleXml(fixture('moodle-xml/categories.xml'));
    expect(summary(r)).toEqual({ total: 5, imported: 5, skipped: 0 });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.item, w.name, w.code])).toEqual([[3, 'お詫び状の作成', 'suspicious']]);
    expect(r.questions.map((q) => [q.title, q.type, q.skillTags, q.sourceRef.line])).toEqual([
      ['報告のタイミング', 'true_false', ['新入社員研修'], 13],
      ['件名の書き方', 'single_choice', ['新入社員研修/ビジネス文書'], 47],
      ['お詫び状の作成', 'essay', ['新入社員研修/ビジネス文書'], 74],
      ['稟議', 'short_text', ['新入社員研修/ビジネス文書/社内文書'], 95],
      ['保留の長さ', 'true_false', ['新入社員研修/電話応対'], 115],
    ]);
    expect(r.questions[0]).toMatchObject({ answer: true, stem: { ja: '悪い知らせほど早く上司に報告する。' }, sourceRef: { id: 'NH-01' } });
    expect(r.questions[0]).not.toHaveProperty('feedback');
    expect(r.questions[1]).toMatchObject({
      options: [
        { id: 'a', text: { ja: '【ご確認】11 月 20 日の打ち合わせ資料' } },
        { id: 'b', text: { ja: 'お疲れさまです' } },
        { id: 'c', text: { ja: '(件名なし)' } },
      ],
      correctOptionIds: ['a'],
    });
    expect(r.questions[3]).toMatchObject({ accepted: ['稟議書'], caseSensitive: false });
  });

  describe('moodle-xml/qtypes.xml: one question of each type', () => {
    const r = parseMoodleXml(fixture('moodle-xml/qtypes.xml'), en);
    const byTitle = (title: string) => r.questions.find((q) => q.title === title);

    it('imports choice, short answer, true/false, ordering and cloze; reports "match" (Moodle writes "matching")', () => {
      expect(summary(r)).toEqual({ total: 8, imported: 7, skipped: 1 });
      expect(rows(r.errors)).toEqual([[6, 159, 'unsupported_type', 'xml.type_match']]);
      expect(byTitle('Embedded answers')).toMatchObject({
        type: 'cloze',
        stem: { en: 'Tokyo is the capital of {{1}}.' },
        blanks: [
          {
            id: '1',
            kind: 'choice',
            options: [
              { id: 'a', text: { en: 'Japan' } },
              { id: 'b', text: { en: 'China' } },
              { id: 'c', text: { en: 'Korea' } },
            ],
            correctOptionId: 'a',
          },
        ],
      });
      expect(rows(r.warnings)).toEqual([
        [1, 11, 'dropped', 'choice.weights_dropped'],
        [1, 11, 'dropped', 'xml.partially_correct_dropped'],
        [1, 11, 'dropped', 'xml.hints_dropped'],
        [2, 67, 'suspicious', 'choice.weights_sum'],
        [2, 67, 'dropped', 'choice.weights_dropped'],
        [2, 67, 'dropped', 'xml.partially_correct_dropped'],
        [3, 91, 'dropped', 'answer.partial_dropped'],
        [5, 133, 'dropped', 'xml.ordering_grading_dropped'],
        [5, 133, 'dropped', 'xml.partially_correct_dropped'],
        [8, 186, 'dropped', 'xml.file_dropped'],
      ]);
    });

    it('keeps the key, feedback and general feedback of each', () => {
      expect(byTitle('Agile ceremonies')).toMatchObject({
        type: 'multiple_response',
        correctOptionIds: ['c', 'e'],
        partialCredit: true,
        explanation: { en: 'Sprint planning and the daily scrum are Scrum events.' },
        feedback: { correct: { en: 'Your answer is correct.' }, incorrect: { en: 'Your answer is incorrect.' } },
        skillTags: ['Default for Onboarding'],
      });
      expect(byTitle('Odd grades : 1 < x & x < 2')).toMatchObject({
        stem: { en: 'Select every even number :' },
        options: ['1', '2', '3', '4', '6'].map((n, i) => ({ id: 'abcde'[i], text: { en: n } })),
        correctOptionIds: ['b', 'd', 'e'],
      });
      expect(byTitle('Feedback model')).toMatchObject({
        type: 'short_text',
        stem: { en: 'Name the feedback model that starts with the situation: __________' },
        accepted: ['SBI'],
        caseSensitive: false,
        feedback: { correct: { en: 'SBI is the model we teach.' }, incorrect: { en: 'Not one we teach.' } },
      });
      expect(byTitle('Password sharing')).toMatchObject({
        type: 'true_false',
        answer: false,
        feedback: { correct: { en: 'Right: never share it.' }, incorrect: { en: 'No: IT support never asks for it.' } },
      });
      const ordering = byTitle('Incident steps');
      expect(ordering).toMatchObject({
        type: 'ordering',
        order: ['a', 'b', 'c', 'd'],
        sourceRef: { format: 'moodle_xml', item: 5, line: 133, id: 'ord-1' },
        explanation: { en: 'Contain first, then tell, then record.' },
      });
      expect(ordering?.type === 'ordering' && ordering.options.map((o) => o.text.en)).toEqual([
        'Disconnect the device',
        'Call the security desk',
        'Write down what happened',
        "Follow the desk's instructions",
      ]);
      expect(byTitle('Badge colours')).toMatchObject({ type: 'single_choice', correctOptionIds: ['c'] });
    });
  });
});

describe('parseMoodleXml stores text, not markup (moodle-xml/markup.xml)', () => {
  const r = parseMoodleXml(fixture('moodle-xml/markup.xml'), { locale: 'auto' });

  it('reads sup, entities and ruby in answers of every Moodle text format; plain_text stays literal', () => {
    expect(summary(r)).toEqual({ total: 5, imported: 5, skipped: 0 });
    expect(r.questions[0]).toMatchObject({
      options: [
        { text: { en: 'O ( n² )' } },
        { text: { en: 'O ( √ n)' } },
        { text: { en: 'O ( n log n )' } },
        { text: { en: 'O(1) <fast>' } },
      ],
      correctOptionIds: ['a'],
    });
    expect(r.questions[1]?.stem).toEqual({ ja: '村田さんは来週北海道へ出張する。出張申請は前日までに出す。' });
    expect(r.questions[2]).toMatchObject({ options: [{ text: { ja: '北海道' } }, { text: { ja: '沖縄' } }] });
    expect(r.questions[3]?.stem).toEqual({
      en: 'What is the last number this prints?\n\nfor i in range(3):\n    if i > 0:\n        print(i * 10)',
    });
    expect(r.questions[4]).toMatchObject({ title: 'Café & crème', stem: { en: 'Un café crème contient du lait.' } });
  });
});

describe('parseMoodleXml', () => {
  it('numerical with tolerance, an @@PLUGINFILE@@ image (imported), units, units, tags; calculated and wildcards reported (Manabi sample)', () => {
    const r = parseMoodleXml(fixture('manabi/moodle-numerical-images.xml'));
    expect(summary(r)).toEqual({ total: 4, imported: 2, skipped: 2 });
    expect(rows(r.errors)).toEqual([
      [2, 53, 'unsupported_type', 'xml.type_unsupported'],
      [3, 66, 'unsupported_feature', 'answer.wildcard'],
    ]);
    expect(rows(r.warnings)).toEqual([
      [1, 10, 'dropped', 'numeric.partial_dropped'],
      [1, 10, 'dropped', 'xml.units_dropped'],
    ]);
    expect(r.questions[0]).toMatchObject({
      type: 'numeric',
      title: '交通費の精算',
      stem: { ja: '往復 1,280 円の交通費を 3 日分精算します。合計は何円ですか？\n\n![領収書](import:1)' },
      answer: { value: 3840, tolerance: 0 },
      feedback: { correct: { ja: '正解です。' }, incorrect: { ja: '1 日分は 1,280 円です。' } },
      explanation: { ja: '1,280 × 3 = 3,840 円' },
      skillTags: ['Default for 新入社員研修/経理', '経費精算'],
      sourceRef: { format: 'moodle_xml', item: 1, line: 10, id: 'EXP-001' },
    });
    expect(r.questions[1]).toMatchObject({
      type: 'single_choice',
      options: [
        { id: 'a', text: { ja: '申す' }, feedback: { ja: '正解です。' } },
        { id: 'b', text: { ja: 'おっしゃる' }, feedback: { ja: '「おっしゃる」は尊敬語です。' } },
        { id: 'c', text: { ja: '言われる' } },
      ],
      correctOptionIds: ['a'],
    });
  });

  it('reports a broken file and a wrong root element instead of throwing', () => {
    expect(rows(parseMoodleXml('<quiz>\n<question type="truefalse">\n</quiz>').errors)).toEqual([
      ['file', 3, 'unreadable', 'file.xml_not_well_formed'],
    ]);
    expect(rows(parseMoodleXml('<assessmentItem/>').errors)).toEqual([['file', undefined, 'unreadable', 'file.not_moodle_xml']]);
    expect(summary(parseMoodleXml('<quiz></quiz>'))).toEqual({ total: 0, imported: 0, skipped: 0 });
  });

  it('does not expand external entities', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="truefalse"><name><text>&xxe;</text></name><questiontext><text>Q</text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>`;
    const r = parseMoodleXml(xml, en);
    expect(JSON.stringify(r)).not.toContain('root:');
  });
});
