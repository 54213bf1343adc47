import { describe, expect, it } from 'vitest';
import { parseMoodleXml, parseQuestionCsv } from '@manabi/questions';
import { questionMessage } from './question-messages.js';

const truefalse = (name: string, text: string) =>
  `<quiz><question type="truefalse"><name><text>${name}</text></name><questiontext format="html"><text>${text}</text></questiontext>` +
  '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>';

describe('questionMessage', () => {
  it('words a question-rule issue with the field and the rule in the same language', () => {
    const [empty] = parseMoodleXml(truefalse('Empty', '')).errors;
    expect(questionMessage(empty!, 'ja')).toBe('問題文：日本語か英語の本文を入力してください');
    expect(questionMessage(empty!, 'en')).toBe('Question text: Japanese or English text is required');

    // A length limit is said plainly, with the limit.
    const [long] = parseMoodleXml(truefalse('x'.repeat(300), 'Is it?')).errors;
    expect(long?.key).toBe('schema.field');
    expect(questionMessage(long!, 'ja')).toBe('タイトル：255 文字以内にしてください');
    expect(questionMessage(long!, 'en')).toBe('Title: Use at most 255 characters');
  });

  it('words a CSV row problem with its values', () => {
    const [error] = parseQuestionCsv('type,stem_ja,option1,option2,correct\nsingle_choice,問,A,B,7\n').errors;
    expect(questionMessage(error!, 'ja')).toBe('正解「7」を読み取れません。1〜2 の選択肢の番号を「;」で区切って入れてください');
    expect(questionMessage(error!, 'en')).toBe(
      'The correct answer "7" cannot be read. Enter option numbers from 1 to 2, separated by ";".',
    );
  });
});
