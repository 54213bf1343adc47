import { describe, expect, it } from 'vitest';
import { GiftReadError, readGiftItem, splitGiftItems } from './gift-reader.js';

const read = (text: string) => readGiftItem(text.split('\n'));

describe('readGiftItem', () => {
  it('decides the type from the answer block, in Moodle’s order', () => {
    expect(read('Say something.{}')).toMatchObject({ type: 'essay' });
    expect(read('Just text.')).toMatchObject({ type: 'description', stem: { text: 'Just text.' } });
    expect(read('Q{#2}')).toMatchObject({ type: 'numerical' });
    expect(read('Q{=a ~b}')).toMatchObject({ type: 'multiple_choice', single: true });
    expect(read('Q{~%50%a ~%50%b ~c}')).toMatchObject({ type: 'multiple_choice', single: false });
    expect(read('Q{=a -> 1 =b -> 2}')).toMatchObject({ type: 'matching', pairs: [{ answer: '1' }, { answer: '2' }] });
    expect(read('Q{F}')).toMatchObject({ type: 'true_false', answer: false });
    expect(read('Q{FALSE#no#yes}')).toMatchObject({
      type: 'true_false',
      answer: false,
      wrongFeedback: { text: 'no' },
      rightFeedback: { text: 'yes' },
    });
    expect(read('Q{=FALSE}')).toMatchObject({ type: 'short_answer', answers: [{ text: { text: 'FALSE' }, weight: 100 }] });
  });

  it('restores escapes after cutting: \\\\, \\n and the control characters', () => {
    const item = read('::a\\:b::Line one\\nline two \\\\ back {=x\\=y}');
    expect(item).toMatchObject({ name: 'a:b', stem: { text: 'Line one\nline two \\ back' }, answers: [{ text: { text: 'x=y' } }] });
    // A backslash that escapes nothing in GIFT is kept for the short answer's own rules.
    expect(read('Q{=a\\*b}')).toMatchObject({ answers: [{ text: { text: 'a\\*b' } }] });
  });

  it('reads weights with decimals and penalties, feedback after the first #, and text formats', () => {
    expect(read('Q{~%33.333%a#fb # more ~%-100%b ~=c}')).toMatchObject({
      answers: [
        { weight: 33.333, text: { text: 'a' }, feedback: { text: 'fb # more' } },
        { weight: -100, text: { text: 'b' } },
        { weight: 100, text: { text: 'c' } },
      ],
    });
    expect(read('[html]<p>Q</p>{=[plain]a ~b}')).toMatchObject({
      stem: { format: 'html', text: '<p>Q</p>' },
      answers: [{ text: { format: 'plain', text: 'a' } }, { text: { format: 'html', text: 'b' } }],
    });
    // An unknown [name] is part of the text.
    expect(read('[note] Q{T}')).toMatchObject({ stem: { format: 'moodle', text: '[note] Q' } });
  });

  it('refuses what Moodle refuses', () => {
    expect(() => read('Q{=a')).toThrow(GiftReadError);
    expect(() => read('Q}=a{')).toThrow(GiftReadError);
    const refusal = (text: string): string | undefined => {
      try {
        read(text);
        return undefined;
      } catch (e) {
        return (e as GiftReadError).text.key;
      }
    };
    expect(refusal('Q{=a')).toBe('gift.braces');
    expect(refusal('Q{~a}')).toBe('gift.mc_two_answers');
    expect(refusal('Q{=a -> 1 =b}')).toBe('gift.matching_arrow');
    expect(refusal('Q{#1..x}')).toBe('gift.not_a_number');
  });

  it('returns null for comments only, and reads a category', () => {
    expect(read('// nothing here')).toBeNull();
    expect(read('$CATEGORY: $course$/top/A')).toEqual({ type: 'category', path: '$course$/top/A' });
  });
});

describe('splitGiftItems', () => {
  it('cuts at blank lines (spaces count as blank), after a BOM, with CRLF', () => {
    expect(splitGiftItems('\uFEFFa\r\nb\r\n  \r\nc\n\n\n')).toEqual([
      { lines: ['a', 'b'], startLine: 1 },
      { lines: ['c'], startLine: 4 },
    ]);
  });
});
