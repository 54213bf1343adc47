import { describe, expect, it } from 'vitest';
import { countChars, countWords, limitState, newCriterion, rubricContent, rubricDrafts, rubricMax } from './essay';

describe('essay helpers', () => {
  it('counts words the way the server does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  The team met on Monday.  ')).toBe(5);
    expect(countWords("don't stop-gap")).toBe(2);
    expect(countWords('会議は月曜日')).toBe(6);
    expect(countWords('ABC社の会議')).toBe(5);
    expect(countChars('𠮷野家')).toBe(3);
  });

  it('says when a text is under or over its limits (an empty text is neither)', () => {
    expect(limitState(0, 10, 20)).toBe('ok');
    expect(limitState(5, 10, 20)).toBe('short');
    expect(limitState(21, 10, 20)).toBe('long');
    expect(limitState(15, null, null)).toBe('ok');
  });

  it('adds rubric rows with unused ids and sends them as the API expects', () => {
    const first = newCriterion([]);
    const second = newCriterion([first.id]);
    expect([first.id, second.id]).toEqual(['c1', 'c2']);
    const rows = rubricDrafts([{ id: 'content', criterion: { ja: '内容' }, maxPoints: 6 }]);
    expect(rubricContent(rows)).toEqual([{ id: 'content', criterion: { ja: '内容' }, maxPoints: 6 }]);
    expect(rubricMax([{ maxPoints: 6 }, { maxPoints: 4 }])).toBe(10);
  });
});
