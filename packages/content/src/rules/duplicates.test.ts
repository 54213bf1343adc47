import { describe, expect, it } from 'vitest';
import { CONTENT_RULES } from '../config.js';
import { jaccard, ngrams, normaliseStem, similarPairs } from './duplicates.js';

const { n, threshold } = CONTENT_RULES.nearDuplicate;
const similarity = (a: string, b: string) => jaccard(ngrams(a, n), ngrams(b, n));

describe('near-duplicate stems', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(normaliseStem('ＡＢＣ、 「報連相」とは？ Hello, World!')).toBe('abc報連相とはhelloworld');
  });

  it('catches a paraphrase in either language', () => {
    const ja = [
      '上司から頼まれた資料作成が、想定外の作業が発生したため期限に間に合わないおそれが出てきた。最も適切な対応はどれか。',
      '上司に頼まれた資料の作成が、想定外の作業が発生したために期限に間に合わないおそれが出てきた。最も適切な行動はどれか。',
    ];
    const en = [
      'Because of unexpected extra work, a document your manager asked for may not be ready by the deadline. What is the best thing to do?',
      'Due to unexpected extra work, a document your manager requested may not be ready by the deadline. What is the best thing to do?',
    ];
    expect(similarity(ja[0]!, ja[1]!)).toBeGreaterThanOrEqual(threshold);
    expect(similarity(en[0]!, en[1]!)).toBeGreaterThanOrEqual(threshold);
    expect(
      similarPairs(
        [
          [ja[0]!, 'x'],
          [ja[1]!, 'y'],
        ],
        n,
        threshold,
      ),
    ).toEqual([{ a: 0, b: 1, similarity: expect.any(Number) }]);
  });

  it('lets two different questions on the same topic pass', () => {
    const a = '上司から頼まれた資料作成が、想定外の作業が発生したため期限に間に合わないおそれが出てきた。最も適切な対応はどれか。';
    const b = '上司から口頭で頼まれた仕事の期限があいまいなまま、作業を始めようとしている。最も適切な対応はどれか。';
    expect(similarity(a, b)).toBeLessThan(threshold);
    const en1 =
      'Because of unexpected extra work, a document your manager asked for may not be ready by the deadline. What is the best thing to do?';
    const en2 =
      'Your manager asked you for a task orally but left the deadline vague, and you are about to start. What is the best thing to do?';
    expect(similarity(en1, en2)).toBeLessThan(threshold);
    expect(
      similarPairs(
        [
          [a, en1],
          [b, en2],
        ],
        n,
        threshold,
      ),
    ).toEqual([]);
  });
});
