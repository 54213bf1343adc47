import { describe, expect, it } from 'vitest';
import { fixture, rows, summary } from '../test-support.js';
import { parseGift } from './gift.js';

describe('parseGift on Moodle’s own fixtures', () => {
  it('questions.gift.txt: imports MC, multiple response, short answer and TF; reports essay, matching and the broken numerical', () => {
    const r = parseGift(fixture('moodle/gift/questions.gift.txt'), { locale: 'en' });
    expect(summary(r)).toEqual({ total: 9, imported: 6, skipped: 3 });
    expect(rows(r.errors)).toEqual([
      [1, 2, 'unsupported_type', 'Unsupported type "essay" (needs manual grading): not imported'],
      [2, 5, 'unsupported_type', 'Unsupported type "matching": not imported'],
      [5, 31, 'syntax', 'GIFT syntax error: Expected "}" but "~" found.'],
    ]);
    expect(r.errors.map((e) => e.name)).toEqual(['Q8', 'Moodle activities', 'Q5']);
    expect(rows(r.warnings)).toEqual([
      [4, 22, 'dropped', 'Answer weights -100%, -100% are not kept: Manabi gives (right − wrong picks) / 2 as partial credit'],
      [6, 34, 'dropped', 'Partial-credit answer "Cat" (50%) is not kept'],
    ]);
    const [q2, colours, shortAnswer, q1] = r.questions;
    expect(q2).toMatchObject({
      type: 'single_choice',
      title: 'Q2',
      stem: { en: "What's between orange and green in the spectrum?" },
      correctOptionIds: ['a'],
      options: [
        { id: 'a', text: { en: 'yellow' }, feedback: { en: 'right; good!' } },
        { id: 'b', text: { en: 'red' }, feedback: { en: "wrong, it's yellow" } },
        { id: 'c', text: { en: 'blue' }, feedback: { en: "wrong, it's yellow" } },
      ],
      sourceRef: { format: 'gift', item: 3, line: 14 },
    });
    expect(colours).toMatchObject({ type: 'multiple_response', correctOptionIds: ['a', 'c'], partialCredit: true });
    expect(shortAnswer).toMatchObject({
      type: 'short_text',
      accepted: ['Frog'],
      caseSensitive: false,
      feedback: { correct: { en: 'Good!' }, incorrect: { en: 'Completely wrong' } },
    });
    // TF: the first #feedback is for a wrong answer, the second for a right one; #### is the explanation.
    expect(q1).toMatchObject({
      type: 'true_false',
      answer: false,
      feedback: { incorrect: { en: '42 is the Ultimate Answer.' }, correct: { en: 'You gave the right answer.' } },
      explanation: { en: "This is, of course, a Hitchiker's Guide to the Galaxy reference." },
    });
    expect(r.questions.slice(4).map((q) => [q.title, q.type, q.type === 'true_false' && q.answer])).toEqual([
      ['2-08 TSL', 'true_false', true],
      ['2-08 TSL', 'true_false', true],
    ]);
  });

  it('questions_in_category.gift.txt: the category becomes a skill tag, [html] becomes text', () => {
    const r = parseGift(fixture('moodle/gift/questions_in_category.gift.txt'), { locale: 'en' });
    expect(summary(r)).toEqual({ total: 4, imported: 3, skipped: 1 });
    expect(rows(r.errors)).toEqual([[1, 5, 'unsupported_type', 'Unsupported type "matching": not imported']]);
    expect(rows(r.warnings)).toEqual([
      [2, 14, 'dropped', 'Link target "http://demo.moodle.net/file.php/5/media/bonjour.mp3" is not kept (the link text is)'],
    ]);
    expect(r.questions.map((q) => [q.title, q.type, q.skillTags])).toEqual([
      ['Greeting', 'single_choice', ['Default for New Features']],
      ['Moodle user', 'short_text', ['Default for New Features']],
      ['Moodle acronym', 'true_false', ['Default for New Features']],
    ]);
    expect(r.questions[0]?.stem).toEqual({ en: 'Listen to this greeting:\n\nWhat language is being spoken?' });
    expect(r.questions[2]?.stem).toEqual({ en: 'Moodle is an acronym for Modular Object-Oriented Dynamic Learning Environment.' });
  });
});

describe('parseGift on the gift-pegjs test corpus', () => {
  it('giftFormatPhpExamples.gift: the examples of Moodle’s format.php', () => {
    const r = parseGift(fixture('gift-pegjs/giftFormatPhpExamples.gift'), { locale: 'en' });
    expect(summary(r)).toEqual({ total: 10, imported: 9, skipped: 1 });
    expect(rows(r.errors)).toEqual([[6, 15, 'unsupported_type', 'Unsupported type "matching": not imported']]);
    expect(rows(r.warnings)).toEqual([
      [8, 28, 'dropped', 'Partial credit of 50% for "half credit answer" is not kept: only the 100% answer counts'],
      [9, 33, 'dropped', 'Partial-credit answer "Nazereth" (75%) is not kept'],
      [9, 33, 'dropped', 'Partial-credit answer "Bethlehem" (25%) is not kept'],
      [10, 40, 'dropped', 'Partial-credit answer 1822±2 (50%) is not kept'],
    ]);
    expect(r.questions.map((q) => q.type)).toEqual([
      'single_choice',
      'single_choice',
      'true_false',
      'short_text',
      'numeric',
      'single_choice',
      'single_choice',
      'short_text',
      'numeric',
    ]);
    expect(r.questions[1]?.stem).toEqual({ en: "Grant is _____ in Grant's tomb." });
    expect(r.questions[3]).toMatchObject({ accepted: ['no one', 'nobody'] });
    expect(r.questions[4]).toMatchObject({ answer: { value: 1822, tolerance: 5 } });
    expect(r.questions[8]).toMatchObject({
      title: 'Numerical example',
      answer: { value: 1822, tolerance: 0 },
      feedback: { correct: { en: 'Correct! 100% credit' } },
    });
  });

  it('numerical1.gift: exact, value:tolerance and low..high forms', () => {
    const r = parseGift(fixture('gift-pegjs/numerical1.gift'));
    expect(summary(r)).toEqual({ total: 5, imported: 5, skipped: 0 });
    expect(r.questions.map((q) => q.type === 'numeric' && q.answer)).toEqual([
      { value: 1822, tolerance: 0 },
      { value: 3.1415, tolerance: 0.0005 },
      { value: 3.1415, tolerance: 0.0005 },
      { value: 3, tolerance: 2 },
      { value: 1822, tolerance: 0 },
    ]);
    // No locale given: the text is taken as Japanese (the default).
    expect(r.questions[0]?.stem).toEqual({ ja: 'When was Ulysses S. Grant born?' });
  });

  it('category1.gift and description1.gift', () => {
    const c = parseGift(fixture('gift-pegjs/category1.gift'));
    expect(c.questions.map((q) => [q.type, q.skillTags, q.sourceRef.line])).toEqual([['true_false', ['Default for LING-373-2194-B'], 4]]);
    const d = parseGift(fixture('gift-pegjs/description1.gift'));
    expect(summary(d)).toEqual({ total: 2, imported: 1, skipped: 1 });
    expect(rows(d.errors)).toEqual([[1, 1, 'unsupported_type', 'Unsupported type "description" (text without an answer): not imported']]);
  });
});

describe('parseGift', () => {
  it('reads [tag:] and [id:] comments, a category line right above a question, and CRLF files', () => {
    const text = [
      '$CATEGORY: $course$/top/研修/ビジネスマナー',
      '// [id:BM-1] [tag:敬語]',
      '::敬語::「言う」の謙譲語は？{=申す ~おっしゃる ~言われる}',
      '',
    ].join('\r\n');
    const r = parseGift(text, { skillTags: ['2025年度'], fileName: 'bank.gift' });
    expect(r.errors).toEqual([]);
    expect(r.questions[0]).toMatchObject({
      title: '敬語',
      stem: { ja: '「言う」の謙譲語は？' },
      skillTags: ['研修/ビジネスマナー', '敬語', '2025年度'],
      sourceRef: { format: 'gift', item: 1, line: 3, id: 'BM-1', file: 'bank.gift' },
      status: 'draft',
    });
  });

  it('reports several fully-correct answers and wildcards instead of guessing', () => {
    const r = parseGift('Q1 {=a =b ~c}\n\nQ2 {=ab* =x}\n\nQ3 {#=1 =2}\n');
    expect(rows(r.errors)).toEqual([
      [1, 1, 'unsupported_feature', '2 answers give full marks; a Manabi single-choice question has exactly one correct option'],
      [2, 3, 'unsupported_feature', 'Wildcard "*" in the answer "ab*" is not supported'],
      [3, 5, 'unsupported_feature', '2 numeric answers give full marks; Manabi keeps one value and tolerance'],
    ]);
    expect(summary(r)).toEqual({ total: 3, imported: 0, skipped: 3 });
  });

  it('refuses files over the item limit', () => {
    const r = parseGift('A{T}\n\nB{F}\n\nC{T}\n', { maxItems: 2 });
    expect(r.questions).toEqual([]);
    expect(rows(r.errors)).toEqual([['file', undefined, 'unreadable', 'The file has 3 questions; at most 2 can be imported at once']]);
  });
});
