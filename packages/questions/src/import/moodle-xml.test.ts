import { describe, expect, it } from 'vitest';
import { fixture, rows, summary } from '../test-support.js';
import { parseMoodleXml } from './moodle-xml.js';

const en = { locale: 'en' as const };

describe('parseMoodleXml on Moodle’s own fixtures', () => {
  it('nested_categories_with_questions.xml: nested category paths become skill tags; the essay is reported', () => {
    const r = parseMoodleXml(fixture('moodle/xml/nested_categories_with_questions.xml'), en);
    expect(summary(r)).toEqual({ total: 5, imported: 4, skipped: 1 });
    expect(rows(r.errors)).toEqual([[2, 55, 'unsupported_type', 'Unsupported type "essay": not imported']]);
    expect(r.errors[0]?.name).toBe('Kappa Essay Question');
    expect(r.warnings).toEqual([]);
    expect(r.questions.map((q) => [q.title, q.skillTags, q.sourceRef.line])).toEqual([
      ['Iota Question', ['Iota'], 15],
      ['Kappa Question', ['Iota/Kappa'], 83],
      ['Lambda Question', ['Iota/Kappa/Lambda'], 123],
      ['Mu Question', ['Iota/Mu'], 163],
    ]);
    expect(r.questions[0]).toMatchObject({ type: 'true_false', answer: true, stem: { en: 'Testing Iota Question' } });
    expect(r.questions[0]).not.toHaveProperty('feedback');
  });

  it('error_invalid_grades.xml: imported as multiple response, with the odd grades reported', () => {
    const r = parseMoodleXml(fixture('moodle/xml/error_invalid_grades.xml'), en);
    expect(summary(r)).toEqual({ total: 1, imported: 1, skipped: 0 });
    expect(rows(r.warnings)).toEqual([
      [1, 4, 'suspicious', 'The weights of the correct answers add up to 99.667%, not 100%'],
      [1, 4, 'dropped', 'Answer weights -50%, 33%, -50% are not kept: Manabi gives (right − wrong picks) / 3 as partial credit'],
      [1, 4, 'dropped', 'The "partially correct" feedback is not kept'],
    ]);
    expect(r.questions[0]).toMatchObject({
      type: 'multiple_response',
      title: 'Question with invalid grades : x > 1 & x < 2',
      stem: { en: 'Select all prime numbers :' },
      options: ['1', '2', '3', '4', '5'].map((n, i) => ({ id: 'abcde'[i], text: { en: n } })),
      correctOptionIds: ['b', 'c', 'e'],
      partialCredit: true,
      feedback: { correct: { en: 'Your answer is correct.' }, incorrect: { en: 'Your answer is incorrect.' } },
    });
  });

  it('sample_questions_with_old_image_tag.xml: the cloze question is reported, the Moodle 1.9 image is a warning', () => {
    const r = parseMoodleXml(fixture('moodle/xml/sample_questions_with_old_image_tag.xml'), en);
    expect(summary(r)).toEqual({ total: 2, imported: 1, skipped: 1 });
    expect(rows(r.errors)).toEqual([[1, 16, 'unsupported_type', 'Unsupported type "cloze": not imported']]);
    expect(rows(r.warnings)).toEqual([[2, 36, 'dropped', 'Image/file "moodle.png" is not imported (files are not supported yet)']]);
    expect(r.questions[0]).toMatchObject({
      type: 'single_choice',
      title: 'mcq with image',
      stem: { en: 'This is a multichoice question with an image in the old "image" field that was used in Moodle 1.9' },
      options: [
        { id: 'a', text: { en: 'wrong answer' } },
        { id: 'b', text: { en: 'another wrong answer' } },
        { id: 'c', text: { en: 'right answer' } },
      ],
      correctOptionIds: ['c'],
      skillTags: ['Default for Test images in backup'],
    });
  });

  it('question type fixtures: multichoice, shortanswer, truefalse and ordering import; matching and essay are reported', () => {
    const results = Object.fromEntries(
      ['multichoice', 'shortanswer', 'truefalse', 'ordering', 'match', 'essay'].map((t) => [
        t,
        parseMoodleXml(fixture(`moodle/qtype/${t}.testquestion.moodle.xml`), en),
      ]),
    );
    expect(Object.fromEntries(Object.entries(results).map(([t, r]) => [t, summary(r)]))).toEqual({
      multichoice: { total: 1, imported: 1, skipped: 0 },
      shortanswer: { total: 1, imported: 1, skipped: 0 },
      truefalse: { total: 1, imported: 1, skipped: 0 },
      ordering: { total: 1, imported: 1, skipped: 0 },
      match: { total: 1, imported: 0, skipped: 1 },
      essay: { total: 1, imported: 0, skipped: 1 },
    });
    expect(rows(results['match']?.errors ?? [])).toEqual([[1, 12, 'unsupported_type', 'Unsupported type "matching": not imported']]);
    expect(rows(results['essay']?.errors ?? [])).toEqual([[1, 12, 'unsupported_type', 'Unsupported type "essay": not imported']]);

    expect(results['multichoice']?.questions[0]).toMatchObject({
      type: 'multiple_response',
      correctOptionIds: ['c', 'e'],
      explanation: { en: 'Berlin, Paris and London' },
      skillTags: ['Default for C1'],
    });
    expect(rows(results['multichoice']?.warnings ?? [])).toEqual([
      [1, 12, 'dropped', 'The "partially correct" feedback is not kept'],
      [1, 12, 'dropped', '2 hint(s) are not kept'],
    ]);

    expect(results['shortanswer']?.questions[0]).toMatchObject({
      type: 'short_text',
      stem: { en: 'Name an amphibian: __________' },
      accepted: ['frog'],
      caseSensitive: false,
      feedback: { correct: { en: 'Frog is a very good answer.' }, incorrect: { en: 'That is a bad answer.' } },
      explanation: { en: 'Generalfeedback: frog or toad would have been OK.' },
    });
    expect(rows(results['shortanswer']?.warnings ?? [])).toEqual([[1, 12, 'dropped', 'Partial-credit answer "toad" (80%) is not kept']]);

    expect(results['truefalse']?.questions[0]).toMatchObject({
      type: 'true_false',
      answer: true,
      feedback: { correct: { en: 'This is the right answer.' }, incorrect: { en: 'This is the wrong answer.' } },
    });

    expect(results['ordering']?.questions[0]).toMatchObject({
      type: 'ordering',
      title: 'dd-ordering 1',
      order: ['a', 'b', 'c', 'd', 'e', 'f'],
      sourceRef: { format: 'moodle_xml', item: 1, line: 12, id: 'dd1' },
      explanation: { en: 'The correct answer is "Modular Object Oriented Dynamic Learning Environment".' },
    });
    expect(
      results['ordering']?.questions[0]?.type === 'ordering' && results['ordering'].questions[0].options.map((o) => o.text.en),
    ).toEqual(['Modular', 'Object', 'Oriented', 'Dynamic', 'Learning', 'Environment']);
    expect(rows(results['ordering']?.warnings ?? [])).toEqual([
      [1, 12, 'dropped', 'Partial-credit grading ABSOLUTE_POSITION is not kept: Manabi scores the exact order (all or nothing)'],
      [1, 12, 'dropped', 'The "partially correct" feedback is not kept'],
    ]);
  });
});

describe('parseMoodleXml', () => {
  it('numerical with tolerance, @@PLUGINFILE@@ images, units, tags; calculated and wildcards reported (Manabi sample)', () => {
    const r = parseMoodleXml(fixture('manabi/moodle-numerical-images.xml'));
    expect(summary(r)).toEqual({ total: 4, imported: 2, skipped: 2 });
    expect(rows(r.errors)).toEqual([
      [2, 53, 'unsupported_type', 'Unsupported type "calculated": not imported'],
      [3, 66, 'unsupported_feature', 'Wildcard "*" in the answer "相談*" is not supported'],
    ]);
    expect(rows(r.warnings)).toEqual([
      [1, 10, 'dropped', 'Partial-credit answer 3840±100 (50%) is not kept'],
      [1, 10, 'dropped', 'Units (円) are not kept: answers are plain numbers'],
      [1, 10, 'dropped', 'Image/file "領収書.png" is not imported (files are not supported yet)'],
    ]);
    expect(r.questions[0]).toMatchObject({
      type: 'numeric',
      title: '交通費の精算',
      stem: { ja: '往復 1,280 円の交通費を 3 日分精算します。合計は何円ですか？' },
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
      [
        'file',
        3,
        'unreadable',
        "Not well-formed XML: Expected closing tag 'question' (opened in line 2, col 1) instead of closing tag 'quiz'.",
      ],
    ]);
    expect(rows(parseMoodleXml('<assessmentItem/>').errors)).toEqual([
      ['file', undefined, 'unreadable', 'Not a Moodle XML question file: the root element must be <quiz>'],
    ]);
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
