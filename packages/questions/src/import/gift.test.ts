import { describe, expect, it } from 'vitest';
import { fixture, rows, summary } from '../test-support.js';
import { parseGift } from './gift.js';

describe('parseGift reads GIFT as Moodle reads it (gift/moodle-rules.gift)', () => {
  const r = parseGift(fixture('gift/moodle-rules.gift'), { locale: 'en' });

  it('imports what Moodle imports and reports the rest with a reason', () => {
    expect(summary(r)).toEqual({ total: 18, imported: 14, skipped: 4 });
    expect(rows(r.errors)).toEqual([
      [5, 17, 'unsupported_feature', 'answer.wildcard_gift'],
      [12, 45, 'invalid', 'gift.not_a_number'],
      [16, 59, 'syntax', 'gift.braces'],
      [17, 62, 'invalid', 'gift.mc_two_answers'],
    ]);
    expect(r.errors.map((e) => e.name)).toEqual(['Wildcard', 'Bad number', 'Unclosed', 'Lonely']);
    expect(r.questions.find((q) => q.title === 'Pairs')).toMatchObject({
      type: 'matching',
      stem: { en: 'Match each protocol with its port.' },
      prompts: [
        { id: 'p1', text: { en: 'HTTP' } },
        { id: 'p2', text: { en: 'SSH' } },
        { id: 'p3', text: { en: 'SMTP' } },
      ],
      choices: [
        { id: 'a', text: { en: '80' } },
        { id: 'b', text: { en: '22' } },
        { id: 'c', text: { en: '25' } },
      ],
      key: { p1: 'a', p2: 'b', p3: 'c' },
    });
    expect(rows(r.warnings)).toEqual([
      [1, 5, 'suspicious', 'gift.tilde_equals'],
      [8, 26, 'dropped', 'choice.weights_dropped'],
      [11, 38, 'dropped', 'numeric.partial_dropped'],
      [13, 48, 'suspicious', 'essay.rubric_added'],
    ]);
  });

  it('"~=" is a right answer; ":" and "=" in the text are text; "\\*" is a literal asterisk', () => {
    const [tilde, arithmetic, ratio, glob] = r.questions;
    expect(tilde).toMatchObject({
      title: 'Tilde equals',
      type: 'single_choice',
      stem: { en: 'Which port does HTTPS use by default?' },
      options: [
        { id: 'a', text: { en: '80' } },
        { id: 'b', text: { en: '443' } },
        { id: 'c', text: { en: '8080' } },
      ],
      correctOptionIds: ['b'],
      sourceRef: { format: 'gift', item: 1, line: 5 },
    });
    expect(arithmetic).toMatchObject({ type: 'true_false', stem: { en: '1+1=2' }, answer: true });
    expect(ratio).toMatchObject({
      type: 'numeric',
      stem: { en: 'In a 2:3 ratio, how many parts in total?' },
      answer: { value: 5, tolerance: 0 },
    });
    expect(glob).toMatchObject({ type: 'short_text', accepted: ['*'], feedback: { correct: { en: 'Yes, the asterisk.' } } });
  });

  it('missing word, escapes, weights, true/false feedback, numeric forms and text formats', () => {
    const byLine = new Map(r.questions.map((q) => [q.sourceRef.line, q]));
    expect(byLine.get(20)).toMatchObject({ stem: { en: 'The capital of Australia is _____ since 1913.' }, correctOptionIds: ['a'] });
    expect(byLine.get(23)).toMatchObject({
      stem: { en: 'Which is written {like this} in GIFT: a brace, an equals = or a hash #?' },
      options: [{ text: { en: 'a brace { }' } }, { text: { en: 'an equals sign =' } }, { text: { en: 'a tilde ~' } }],
      correctOptionIds: ['a'],
    });
    expect(byLine.get(26)).toMatchObject({
      type: 'multiple_response',
      correctOptionIds: ['a', 'b'],
      partialCredit: true,
      options: [{ feedback: { en: 'Yes.' } }, { feedback: { en: 'Yes.' } }, { feedback: { en: 'Black is the absence of light.' } }],
    });
    // TF: the first #feedback is for a wrong answer, the second for a right one; #### is the explanation.
    expect(byLine.get(33)).toMatchObject({
      type: 'true_false',
      answer: true,
      feedback: { incorrect: { en: 'Check a physics table.' }, correct: { en: 'Right.' } },
      explanation: { en: 'The Celsius scale is defined around it.' },
    });
    expect(byLine.get(36)).toMatchObject({ answer: { value: 3.1415, tolerance: 0.0005 } });
    expect(byLine.get(38)).toMatchObject({
      answer: { value: 1868, tolerance: 0 },
      feedback: { correct: { en: 'Exactly.' }, incorrect: { en: 'Look it up in a history book.' } },
    });
    expect(byLine.get(65)).toMatchObject({
      stem: { en: 'Which tag makes text bold?' },
      options: [{ text: { en: '<b>' }, feedback: { en: 'Right: b for bold.' } }, { text: { en: '*em*' } }, { text: { en: 'strong' } }],
    });
  });
});

describe('parseGift on a Japanese bank (gift/business-basics.gift)', () => {
  it('reads categories, [id:] and [tag:] comments, weights, missing words and numeric answers', () => {
    const r = parseGift(fixture('gift/business-basics.gift'));
    expect(summary(r)).toEqual({ total: 7, imported: 7, skipped: 0 });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.questions.map((q) => [q.title, q.type, q.skillTags, q.sourceRef.id ?? null])).toEqual([
      ['謙譲語', 'single_choice', ['新入社員研修/ビジネスマナー', '敬語'], 'BM-01'],
      ['名刺交換', 'true_false', ['新入社員研修/ビジネスマナー'], 'BM-02'],
      ['報連相', 'short_text', ['新入社員研修/ビジネスマナー'], null],
      ['会議の準備', 'single_choice', ['新入社員研修/ビジネスマナー'], null],
      ['情報セキュリティ', 'multiple_response', ['新入社員研修/ビジネスマナー', '情報セキュリティ', 'コンプライアンス'], null],
      ['売上計算', 'numeric', ['新入社員研修/数字に強くなる'], null],
      ['前年比', 'numeric', ['新入社員研修/数字に強くなる'], null],
    ]);
    const [keigo, meishi, horenso, meeting] = r.questions;
    expect(keigo).toMatchObject({
      stem: { ja: '「行く」の謙譲語として正しいものはどれですか。' },
      options: [
        { id: 'a', text: { ja: '伺う' }, feedback: { ja: '正解です。「伺う」は「行く」「訪ねる」の謙譲語です。' } },
        { id: 'b', text: { ja: 'いらっしゃる' } },
        { id: 'c', text: { ja: '行かれる' } },
      ],
      correctOptionIds: ['a'],
      explanation: { ja: '自分の動作をへりくだって表すのが謙譲語です。' },
    });
    expect(meishi).toMatchObject({
      answer: true,
      feedback: { incorrect: { ja: '名刺交換の基本を確認しましょう。' }, correct: { ja: 'その通りです。' } },
    });
    expect(horenso).toMatchObject({ accepted: ['連絡', 'れんらく'], feedback: { correct: { ja: 'ひらがなでも正解です。' } } });
    expect(meeting).toMatchObject({ stem: { ja: '会議の案内には _____ を必ず書く。' } });
    expect(r.questions[5]).toMatchObject({ answer: { value: 18000, tolerance: 0 } });
    expect(r.questions[6]).toMatchObject({ answer: { value: 110, tolerance: 0.5 } });
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
      [1, 1, 'unsupported_feature', 'choice.several_full'],
      [2, 3, 'unsupported_feature', 'answer.wildcard_gift'],
      [3, 5, 'unsupported_feature', 'numeric.several_full'],
    ]);
    expect(summary(r)).toEqual({ total: 3, imported: 0, skipped: 3 });
  });

  it('refuses files over the item limit', () => {
    const r = parseGift('A{T}\n\nB{F}\n\nC{T}\n', { maxItems: 2 });
    expect(r.questions).toEqual([]);
    expect(rows(r.errors)).toEqual([['file', undefined, 'unreadable', 'file.too_many_items']]);
  });
});

describe('parseGift with locale "auto"', () => {
  it('stores each item under the language its script shows, and the fallback where it shows none', () => {
    const r = parseGift('Is 7 a prime number? {T}\n\n７は素数である。{T}\n\n1 + 1 = ? {#2}\n', { locale: 'auto' });
    expect(r.questions.map((q) => q.stem)).toEqual([{ en: 'Is 7 a prime number?' }, { ja: '７は素数である。' }, { ja: '1 + 1 = ?' }]);
    const en = parseGift('::Q:: Pick one {=yes#Right ~no#Wrong}', { locale: 'auto' }).questions[0];
    expect(en).toMatchObject({
      stem: { en: 'Pick one' },
      options: [{ text: { en: 'yes' }, feedback: { en: 'Right' } }, { text: { en: 'no' } }],
    });
  });
});
