import { describe, expect, it } from 'vitest';
import { fitSize, wrapText } from './wrap.js';

// Every character is one unit wide per point of size: easy widths to reason about.
const measure = (text: string, size: number) => [...text].length * size;

describe('wrapText', () => {
  it('breaks Japanese between characters, never before closing punctuation', () => {
    expect(wrapText('あいうえおか。きく', measure, 1, 6)).toEqual(['あいうえおか。', 'きく']);
  });

  it('breaks English at spaces only', () => {
    expect(wrapText('has completed every module', measure, 1, 14)).toEqual(['has completed', 'every module']);
  });

  it('keeps paragraphs apart', () => {
    expect(wrapText('上\n下', measure, 1, 10)).toEqual(['上', '下']);
  });

  it('shrinks a line until it fits, down to a floor', () => {
    expect(fitSize('abcde', measure, 20, 8, 50)).toBe(10);
    expect(fitSize('abcde', measure, 20, 8, 5)).toBe(8);
  });
});
